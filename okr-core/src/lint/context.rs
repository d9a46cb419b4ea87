//! What rules read: the plan, the settings, the moment, and what is worth computing
//! once (indexes, the evaluation, the alignment report).

use super::settings::Settings;
use crate::alignment::{AlignmentReport, analyze};
use crate::engine::{AsOf, Engine, Evaluation};
use crate::error::Error;
use crate::model::{Cycle, KeyResult, KrKind, Objective, Plan, Unit};
use std::collections::HashMap;

#[derive(Debug)]
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub settings: &'a Settings,
    pub as_of: AsOf,
    pub units: HashMap<&'a str, &'a Unit>,
    pub cycles: HashMap<&'a str, &'a Cycle>,
    /// The engine and its evaluation as of the moment, when the plan compiles.
    pub scored: Option<(Engine, Evaluation)>,
    pub alignment: AlignmentReport,
    /// Load problems that lint rules report themselves (direction, alignment loops).
    pub load_problems: Vec<Error>,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        settings: &'a Settings,
        as_of: AsOf,
        load_problems: Vec<Error>,
        scored: Option<(Engine, Evaluation)>,
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
        }
    }

    /// Every key result with its objective index, its handle and its path.
    pub fn key_results(
        &self,
    ) -> impl Iterator<Item = (usize, usize, &'a Objective, &'a KeyResult, String)> + '_ {
        let mut h = 0;
        self.plan
            .objectives
            .iter()
            .enumerate()
            .flat_map(move |(i, o)| {
                o.key_results
                    .iter()
                    .enumerate()
                    .map(move |(j, k)| (i, j, o, k, format!("objectives[{i}].key_results[{j}]")))
            })
            .map(move |(i, _j, o, k, path)| {
                let out = (i, h, o, k, path);
                h += 1;
                out
            })
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
