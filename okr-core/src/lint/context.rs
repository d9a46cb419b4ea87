//! What rules read: the plan, the settings, the moment, and what is worth computing
//! once (indexes, the evaluation, the alignment report).

use super::settings::Settings;
use super::text;
use crate::alignment::{AlignmentReport, analyze};
use crate::engine::{AsOf, Engine, Evaluation};
use crate::error::Error;
use crate::model::{Cycle, KeyResult, KrKind, Objective, Plan, Unit};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub settings: &'a Settings,
    pub as_of: AsOf,
    pub units: HashMap<&'a str, &'a Unit>,
    pub cycles: HashMap<&'a str, &'a Cycle>,
    /// The engine and its evaluation as of the moment, when the plan compiles.
    pub scored: Option<(&'a Engine, &'a Evaluation)>,
    pub alignment: AlignmentReport,
    /// Load problems that lint rules report themselves (direction, alignment loops).
    pub load_problems: Vec<Error>,
    kr_text: OnceLock<Vec<KrText>>,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        settings: &'a Settings,
        as_of: AsOf,
        load_problems: Vec<Error>,
        scored: Option<(&'a Engine, &'a Evaluation)>,
    ) -> Self {
        Context {
            plan,
            settings,
            as_of,
            units: plan.units.iter().map(|u| (u.id.as_str(), u)).collect(),
            cycles: plan.cycles.iter().map(|c| (c.id.as_str(), c)).collect(),
            scored,
            alignment: analyze(plan),
            load_problems,
            kr_text: OnceLock::new(),
        }
    }

    /// Every key result with its objective index, its handle and its path.
    pub fn key_results(
        &self,
    ) -> impl Iterator<Item = (usize, usize, &'a Objective, &'a KeyResult, KrPath)> + '_ {
        self.plan
            .objectives
            .iter()
            .enumerate()
            .flat_map(|(i, o)| {
                o.key_results
                    .iter()
                    .enumerate()
                    .map(move |(j, k)| (i, j, o, k))
            })
            .enumerate()
            .map(|(h, (i, j, o, k))| {
                (
                    i,
                    h,
                    o,
                    k,
                    KrPath {
                        objective: i,
                        key_result: j,
                    },
                )
            })
    }

    /// What the text heuristics make of key result `h`'s title, computed once per run.
    pub fn kr_text(&self, h: usize) -> &KrText {
        let all = self.kr_text.get_or_init(|| {
            self.plan
                .objectives
                .iter()
                .flat_map(|o| o.key_results.iter())
                .map(|k| KrText::of(&k.title))
                .collect()
        });
        &all[h]
    }
}

/// The document path of a key result, written out only when a finding needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KrPath {
    pub objective: usize,
    pub key_result: usize,
}

impl std::fmt::Display for KrPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "objectives[{}].key_results[{}]",
            self.objective, self.key_result
        )
    }
}

impl From<KrPath> for String {
    fn from(p: KrPath) -> String {
        p.to_string()
    }
}

/// Text features of a key result title, shared by the wording rules.
#[derive(Clone, Debug)]
pub struct KrText {
    pub has_number: bool,
    pub activity_verb: Option<&'static str>,
    pub outcome_clause: bool,
    pub placeholder: Option<&'static str>,
    pub normal_form: String,
}

impl KrText {
    fn of(title: &str) -> KrText {
        let activity_verb = text::leading_activity_verb(title);
        KrText {
            has_number: text::has_number(title),
            activity_verb,
            outcome_clause: activity_verb.is_some() && text::has_outcome_clause(title),
            placeholder: text::placeholder(title),
            normal_form: text::normal_form(title),
        }
    }

    /// An activity with no measured result named beside it.
    pub fn is_activity(&self) -> bool {
        self.activity_verb.is_some() && !self.outcome_clause
    }
}

/// Key results whose values are numbers with a start and a target to move between.
pub fn is_numeric_goal(kind: &KrKind) -> bool {
    matches!(
        kind,
        KrKind::Increase { .. } | KrKind::Decrease { .. } | KrKind::Aggregate { .. }
    )
}

pub fn objective_path(i: usize) -> String {
    format!("objectives[{i}]")
}
