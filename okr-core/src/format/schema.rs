//! The JSON Schema of the plan document, generated from the types.

use crate::model::Plan;

/// The JSON Schema (draft 2020-12) of a plan document, pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
