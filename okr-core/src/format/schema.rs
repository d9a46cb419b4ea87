//! The JSON Schema of the plan document, generated from the types.

use crate::model::Plan;

/// The schema's `$id`: the name editors and validators know it by (it names schema
/// version 1 of the plan; a new version of the plan gets a new id).
pub const SCHEMA_ID: &str = "https://example.invalid/okr/plan-v1.schema.json";

/// The JSON Schema (draft 2020-12) of a plan document, pretty-printed.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Plan);
    schema.insert("$id".into(), SCHEMA_ID.into());
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
