//! What-if: the scores as if some key results had reported other values, and what that
//! changes up the alignment, without touching the plan or its log.

use super::{Document, ScoreOptions};
use crate::engine::{ObjectiveScore, Scorecard, Scores, Status};
use crate::error::{Entity, Error, Problems, Result};
use crate::format::text_value::parse_value;
use crate::model::{KrType, Value};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A value supposed for a key result: what it reports in a what-if.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Supposed {
    /// The key result's id.
    pub key_result: String,
    /// The value, as a check-in of its kind holds it.
    pub value: Value,
}

/// An objective or a key result whose score a what-if changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// An objective.
    Objective,
    /// A key result.
    KeyResult,
}

/// How one objective's or key result's score moves in a what-if.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScoreChange {
    /// The item's id.
    pub id: String,
    /// Objective or key result.
    pub kind: ChangeKind,
    /// Progress as scored now.
    pub progress_before: Option<f64>,
    /// Progress in the what-if.
    pub progress_after: Option<f64>,
    /// Status as scored now.
    pub status_before: Status,
    /// Status in the what-if.
    pub status_after: Status,
    /// Chance to hit (a key result) or to reach 0.7 (an objective), now.
    pub probability_before: Option<f64>,
    /// The same chance in the what-if.
    pub probability_after: Option<f64>,
}

/// Scores as if the supposed values had been checked in, and every score they change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WhatIf {
    /// The values supposed, in the order given.
    pub supposed: Vec<Supposed>,
    /// Every objective and key result whose progress, status or chance moves, in
    /// document order (an objective before its key results).
    pub changes: Vec<ScoreChange>,
    /// The whole scorecard as if.
    pub scorecard: Scorecard,
}

impl Document {
    /// Reads `text` as a value of key result `key_result`'s kind, as a check-in's value
    /// is read on the command line: a number; `true`/`false` (also `done`/`yes`/`no`)
    /// for a milestone; a zone name; comma-separated finished step ids for a checklist.
    ///
    /// ```
    /// use okr_core::{Document, LoadOptions, PlanFormat, Value};
    /// let plan = "schema_version: 1\nobjectives:\n  - id: o\n    title: Ship the beta\n    key_results: [{id: beta, title: Beta in customers' hands, type: milestone}]\n";
    /// let doc = Document::parse(plan, &LoadOptions::new(PlanFormat::Yaml))?;
    /// assert_eq!(doc.read_value("beta", "done")?, Value::Bool(true));
    /// assert!(doc.read_value("beta", "soon").is_err());
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn read_value(&self, key_result: &str, text: &str) -> Result<Value> {
        let kr = self
            .plan
            .key_result(key_result)
            .ok_or_else(|| Error::NotFound {
                entity: Entity::KeyResult,
                id: key_result.to_owned(),
            })?;
        parse_value(&kr.kind, text).map_err(|message| Error::InvalidArgument {
            argument: format!("value of {key_result}"),
            message,
        })
    }

    /// `text` read as a value of `key_result`'s kind ([`Document::read_value`]) and
    /// checked as a what-if can take it: an aggregate takes no value of its own.
    pub fn suppose(&self, key_result: &str, text: &str) -> Result<Supposed> {
        let supposed = Supposed {
            key_result: key_result.to_owned(),
            value: self.read_value(key_result, text)?,
        };
        self.check_supposed(&supposed)?;
        Ok(supposed)
    }

    /// A value given as a JSON value (as bindings receive one: a Python or JavaScript
    /// value): a number, a boolean, a list of finished step ids, or text read as
    /// [`Document::suppose`] reads it; checked the same way.
    ///
    /// ```
    /// use okr_core::{Document, LoadOptions, PlanFormat, Value};
    /// let plan = "schema_version: 1\nobjectives:\n  - id: o\n    title: Ship the beta\n    key_results: [{id: beta, title: Beta in customers' hands, type: milestone}]\n";
    /// let doc = Document::parse(plan, &LoadOptions::new(PlanFormat::Yaml))?;
    /// assert_eq!(doc.suppose_json("beta", &serde_json::json!(true))?.value, Value::Bool(true));
    /// assert_eq!(doc.suppose_json("beta", &serde_json::json!("done"))?.value, Value::Bool(true));
    /// assert!(doc.suppose_json("beta", &serde_json::json!({"done": 1})).is_err());
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn suppose_json(&self, key_result: &str, value: &serde_json::Value) -> Result<Supposed> {
        use serde_json::Value as Json;
        let value = match value {
            Json::String(text) => return self.suppose(key_result, text),
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            Json::Array(items) if items.iter().all(Json::is_string) => Value::Steps(
                items
                    .iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect(),
            ),
            other => {
                return Err(Error::InvalidArgument {
                    argument: format!("value of {key_result}"),
                    message: format!(
                        "a number, true/false, a zone name or a list of step ids, not {}",
                        json_kind(other)
                    ),
                });
            }
        };
        let supposed = Supposed {
            key_result: key_result.to_owned(),
            value,
        };
        self.check_supposed(&supposed)?;
        Ok(supposed)
    }

    /// The scores as of `options.as_of` (under its preset, if any), as if each supposed
    /// key result had reported its value at that moment (after any check-in it already
    /// has there), and every objective and key result that moves: its own, the
    /// aggregates it feeds and the objectives above them. The document, its engine and
    /// its log stay as they were.
    ///
    /// ```
    /// use okr_core::{AsOf, Document, LoadOptions, PlanFormat, ScoreOptions, Supposed, Value};
    /// let plan = "schema_version: 1\ncycles: [{id: q, name: Q, start: 2026-01-01, end: 2026-03-31}]\nobjectives:\n  - id: o\n    title: Grow the business\n    cycle: q\n    key_results:\n      - {id: k, title: Sign 10 deals, type: increase, start: 0, target: 10, check_ins: [{at: 2026-02-01, value: 4}]}\n";
    /// let doc = Document::parse(plan, &LoadOptions::new(PlanFormat::Yaml))?;
    /// let as_of = AsOf::parse("2026-02-14")?;
    /// let eight = Supposed { key_result: "k".into(), value: Value::Number(8.0) };
    /// let what_if = doc.what_if(&ScoreOptions::as_of(as_of), &[eight])?;
    /// let o = &what_if.changes[0];
    /// assert_eq!((o.id.as_str(), o.progress_before, o.progress_after), ("o", Some(0.4), Some(0.8)));
    /// assert_eq!(doc.score(as_of)?.key_result("k").and_then(|k| k.progress), Some(0.4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn what_if(
        &self,
        options: &ScoreOptions,
        supposed: &[Supposed],
    ) -> Result<WhatIf, Problems> {
        let as_of = options.as_of;
        let engine = self.engine_for(options)?;
        // The population prior stays the plan's: one supposed value should move what it
        // feeds, not every other key result's outlook through the medians.
        let prior = engine.prior(&as_of);
        let before = Scores::under(engine.clone(), &self.plan, engine.evaluate(as_of), &prior)
            .map_err(Problems::from)?;
        let mut changed = (*engine).clone();
        let mut eval = changed.evaluate(as_of);
        for s in supposed {
            self.check_supposed(s)?;
            changed
                .add_check_in(&mut eval, &s.key_result, as_of.moment, &s.value, None)
                .map_err(Problems::from)?;
        }
        let after =
            Scores::under(Arc::new(changed), &self.plan, eval, &prior).map_err(Problems::from)?;
        // One objective of each at a time: only the scorecard as if is held whole (at
        // L, holding both doubled the memory and, with it, the time).
        let mut changes = Vec::new();
        let mut objectives = Vec::with_capacity(self.plan.objectives.len());
        for (b, a) in before.objectives().zip(after.objectives()) {
            push_changes(&mut changes, &b, &a);
            objectives.push(a);
        }
        Ok(WhatIf {
            supposed: supposed.to_vec(),
            changes,
            scorecard: Scorecard {
                as_of: after.as_of(),
                objectives,
            },
        })
    }

    /// An error unless `s` names a key result that takes check-ins and a value its
    /// kind reads.
    fn check_supposed(&self, s: &Supposed) -> Result<()> {
        let invalid = |message: String| Error::InvalidArgument {
            argument: format!("value of {}", s.key_result),
            message,
        };
        let kr = self
            .plan
            .key_result(&s.key_result)
            .ok_or_else(|| Error::NotFound {
                entity: Entity::KeyResult,
                id: s.key_result.clone(),
            })?;
        if kr.kind.kr_type() == KrType::Aggregate {
            return Err(invalid(format!(
                "{} is an aggregate: it takes its value from its children; suppose theirs instead",
                s.key_result
            )));
        }
        crate::engine::kinds::encode_value(&kr.kind, &s.value)
            .map(drop)
            .map_err(invalid)
    }
}

/// What a JSON value is, for a message.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Object(_) => "an object",
        serde_json::Value::Array(_) => "a list holding more than step ids",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "text",
    }
}

/// The objective and those of its key results whose progress, status or chance differs
/// between two scorings of it, in document order.
fn push_changes(out: &mut Vec<ScoreChange>, b: &ObjectiveScore, a: &ObjectiveScore) {
    let (progress, status) = ((b.progress, a.progress), (b.status, a.status));
    let probability = (b.probability, a.probability);
    push(
        out,
        ChangeKind::Objective,
        &b.id,
        progress,
        status,
        probability,
    );
    for (b, a) in b.key_results.iter().zip(&a.key_results) {
        let (progress, status) = ((b.progress, a.progress), (b.status, a.status));
        let probability = (b.probability, a.probability);
        push(
            out,
            ChangeKind::KeyResult,
            &b.id,
            progress,
            status,
            probability,
        );
    }
}

fn push(
    out: &mut Vec<ScoreChange>,
    kind: ChangeKind,
    id: &str,
    progress: (Option<f64>, Option<f64>),
    status: (Status, Status),
    probability: (Option<f64>, Option<f64>),
) {
    if progress.0 != progress.1 || status.0 != status.1 || probability.0 != probability.1 {
        out.push(ScoreChange {
            id: id.to_owned(),
            kind,
            progress_before: progress.0,
            progress_after: progress.1,
            status_before: status.0,
            status_after: status.1,
            probability_before: probability.0,
            probability_after: probability.1,
        });
    }
}
