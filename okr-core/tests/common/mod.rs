//! Comparing a scorecard with a fixture's expectations, shared by the fixture tests.

use okr_core::Scorecard;
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
