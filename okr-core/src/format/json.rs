//! The canonical JSON document.

use super::serde_error::{classify, clean_path, with_hint};
use super::{Limits, check_size};
use crate::error::{Error, Format, Location, Result};
use crate::model::Plan;

/// Parses a plan from JSON without semantic validation.
pub fn parse(text: &str, limits: &Limits) -> Result<Plan> {
    check_size(text.len(), limits)?;
    // The fast path runs without path tracking; only a failed parse is read again to
    // learn where it failed.
    serde_json::from_str::<Plan>(text).map_err(|e| error(text, &e))
}

/// Parses any document type from JSON (a lint configuration, say), with errors that
/// name the path, line and column.
pub fn parse_value<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = serde_path_to_error::deserialize::<_, T>(&mut de)
        .map_err(|pe| (clean_path(&pe.path().to_string()), pe.into_inner()))
        .and_then(|v| de.end().map(|()| v).map_err(|e| (String::new(), e)));
    parsed.map_err(|(path, e)| with_hint(located(path, &e)))
}

pub(crate) fn error(text: &str, e: &serde_json::Error) -> Error {
    let mut de = serde_json::Deserializer::from_str(text);
    let path = match serde_path_to_error::deserialize::<_, Plan>(&mut de) {
        Err(pe) => clean_path(&pe.path().to_string()),
        Ok(_) => String::new(),
    };
    with_hint(located(path, e))
}

/// A serde_json error at `path`, with its line and column, by its family.
fn located(path: String, e: &serde_json::Error) -> Error {
    let location = Location::at(path).with_position(e.line() as u32, e.column() as u32);
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map(|(m, _)| m.to_owned())
        .unwrap_or(full);
    if e.is_syntax() || e.is_eof() {
        if message.contains("recursion limit") {
            return Error::Limit {
                message: format!("{message} (nesting deeper than 128 levels)"),
                location,
            };
        }
        return Error::Syntax {
            format: Format::Json,
            message,
            location,
        };
    }
    // serde_json knows the text was well-formed JSON: whatever it could not read is a
    // value of the wrong shape, never a syntax error.
    match classify(Format::Json, &message, location) {
        Error::Syntax {
            message, location, ..
        } => Error::Schema { message, location },
        other => other,
    }
}

/// Writes a plan as pretty-printed JSON with a trailing newline.
pub fn to_string(plan: &Plan) -> Result<String> {
    all_finite(plan)?;
    with_newline(super::pretty::to_string_pretty(plan))
}

/// Writes a plan as compact JSON (no indentation), with a trailing newline.
pub fn to_string_compact(plan: &Plan) -> Result<String> {
    all_finite(plan)?;
    with_newline(serde_json::to_string(plan))
}

/// `value` as a JSON tree, for bindings that hand the document shape to their language
/// (Python dicts, JS objects). A NaN or infinity is refused with its path, as in
/// [`to_string`], rather than turned into `null`.
pub fn to_value(value: &impl serde::Serialize) -> Result<serde_json::Value> {
    all_finite(value)?;
    serde_json::to_value(value).map_err(|e| Error::InvalidValue {
        message: format!("cannot write JSON: {e}"),
        location: Location::default(),
    })
}

/// Refuses a value holding NaN or an infinity, which serde_json would write as `null`
/// and so lose; the error names the number's path.
pub(crate) fn all_finite(value: &impl serde::Serialize) -> Result<()> {
    match super::finite::first_non_finite(value) {
        None => Ok(()),
        Some((path, x)) => Err(Error::InvalidValue {
            message: format!("{x} cannot be written as JSON, which has no NaN or infinity"),
            location: Location::at(path),
        }),
    }
}

/// serde_json's output with a trailing newline, or its (unexpected) error as ours.
pub(crate) fn with_newline(written: serde_json::Result<String>) -> Result<String> {
    let mut s = written.map_err(|e| Error::InvalidValue {
        message: format!("cannot write JSON: {e}"),
        location: Location::default(),
    })?;
    s.push('\n');
    Ok(s)
}

/// Reads any document type (a plan item, a policy section, a scorecard) from a JSON
/// value, with the file rules (unknown fields refused); errors point at `at` plus
/// the path inside the value.
pub use crate::edit::from_value;
