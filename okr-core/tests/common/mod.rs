//! Comparing a scorecard with a fixture's expectations, shared by the fixture tests.

#![allow(dead_code)]

use okr_core::{
    AsOf, Diagnostic, Document, Engine, Error, LintConfig, LintOptions, LoadOptions, Plan,
    PlanFormat, Problems, Scorecard,
};
use serde_json::Value as Json;

const TOLERANCE: f64 = 1e-9;

fn same(actual: &Json, expected: &Json) -> bool {
    match (actual.as_f64(), expected.as_f64()) {
        (Some(a), Some(e)) => (a - e).abs() < TOLERANCE,
        _ => actual == expected,
    }
}

fn field(card: &Scorecard, is_kr: bool, id: &str, name: &str) -> Option<Json> {
    let record = if is_kr {
        serde_json::to_value(card.key_result(id)?)
    } else {
        serde_json::to_value(card.objective(id)?)
    }
    .ok()?;
    Some(match name {
        "grade_band" => record["grade"]["band"].clone(),
        "grade_score" => record["grade"]["score"].clone(),
        "meets_expectation" => record["grade"]["meets_expectation"].clone(),
        _ => record[name].clone(),
    })
}

/// Every mismatch between `card` and `expect` (`{"key_results": {id: {field: value}},
/// "objectives": {...}}`), described for a failure message.
pub fn mismatches(name: &str, card: &Scorecard, expect: &Json) -> Vec<String> {
    let mut out = Vec::new();
    for (group, is_kr) in [("key_results", true), ("objectives", false)] {
        for (id, fields) in expect[group].as_object().into_iter().flatten() {
            for (field_name, expected) in fields.as_object().into_iter().flatten() {
                match field(card, is_kr, id, field_name) {
                    None => out.push(format!("{name}: no {group} `{id}`")),
                    Some(actual) if !same(&actual, expected) => out.push(format!(
                        "{name}: {id}.{field_name} = {actual}, expected {expected}"
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    out
}

/// Parses and validates `text` through the document, returning every problem.
pub fn check(text: &str, format: PlanFormat) -> Result<Document, Vec<Error>> {
    Document::parse(text, &LoadOptions::new(format))
        .map_err(|e| vec![e])?
        .checked()
        .map_err(Problems::into_vec)
}

/// Parses `text` through the document, without judging its meaning.
pub fn parse(text: &str, format: PlanFormat) -> Result<Plan, Error> {
    Document::parse(text, &LoadOptions::new(format)).map(Document::into_plan)
}

/// Writes `plan` through the document.
pub fn write(plan: &Plan, format: PlanFormat) -> Result<String, Error> {
    Document::from_plan(plan.clone()).write(format)
}

/// Lints `plan` through the document.
pub fn lint(plan: &Plan, config: &LintConfig, as_of: AsOf) -> Result<Vec<Diagnostic>, Vec<Error>> {
    Document::from_plan(plan.clone())
        .lint(&LintOptions {
            as_of,
            config: config.clone(),
        })
        .map_err(Problems::into_vec)
}

/// The document calls on a plan built in a test, as one-liners.
pub trait PlanCalls {
    /// Every problem, through [`Document::problems`].
    fn validate(&self) -> Vec<Error>;
    /// The compiled engine, or the first problem.
    fn engine(&self) -> Result<Engine, Error>;
    /// The scorecard as of `as_of`, or the first problem.
    fn score(&self, as_of: AsOf) -> Result<Scorecard, Error>;
}

impl PlanCalls for Plan {
    fn validate(&self) -> Vec<Error> {
        Document::from_plan(self.clone()).problems().to_vec()
    }

    fn engine(&self) -> Result<Engine, Error> {
        Engine::new(self).map_err(|mut e| e.swap_remove(0))
    }

    fn score(&self, as_of: AsOf) -> Result<Scorecard, Error> {
        Document::from_plan(self.clone())
            .score(as_of)
            .map_err(|p| p.into_vec().swap_remove(0))
    }
}

/// One of the plan's tables through the document, scored and linted as of `as_of`.
pub fn table(plan: &Plan, kind: okr_core::TableKind, as_of: AsOf) -> okr_core::table::Table {
    Document::from_plan(plan.clone())
        .table(kind, &LintOptions::as_of(as_of))
        .expect("a table")
}
