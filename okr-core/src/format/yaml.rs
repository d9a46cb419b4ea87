//! The YAML authoring format: the same document as JSON.
//!
//! serde-saphyr is used for its explicit budgets (alias bombs, depth, event counts) and
//! its panic-free parser.

use super::serde_error::{classify, clean_path};
use super::{Limits, check_size};
use crate::error::{Error, Format, Location, Result};
use crate::model::Plan;

/// Parses a plan from YAML without semantic validation.
pub fn parse(text: &str, limits: &Limits) -> Result<Plan> {
    parse_with(text, limits)
}

/// Parses any document type from YAML (a lint configuration, say), with the same
/// budgets and error locations as a plan.
pub fn parse_value<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    parse_with(text, &Limits::default())
}

fn parse_with<T: serde::de::DeserializeOwned>(text: &str, limits: &Limits) -> Result<T> {
    check_size(text.len(), limits)?;
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(
        text,
        options(text.len(), limits),
        |de| {
            let mut track = serde_path_to_error::Track::new();
            let result = T::deserialize(serde_path_to_error::Deserializer::new(de, &mut track));
            if result.is_err() {
                path = clean_path(&track.path().to_string());
            }
            result
        },
    );
    result.map_err(|e| error(&e, path))
}

fn options(len: usize, limits: &Limits) -> serde_saphyr::Options {
    // Event and node budgets grow with the input, so a large plan is never refused for
    // its size alone; aliases are what can blow up, and their replay stays capped.
    let budget = serde_saphyr::budget! {
        max_events: len + 1024,
        max_nodes: len + 1024,
        max_total_scalar_bytes: len.saturating_mul(2) + 1024,
        max_depth: limits.max_depth,
        max_aliases: limits.max_yaml_aliases,
    };
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = limits.max_yaml_alias_events;
    alias_limits.max_alias_expansions_per_anchor = limits.max_yaml_aliases;
    serde_saphyr::options! {
        budget: budget,
        with_snippet: false,
        duplicate_keys: serde_saphyr::options::DuplicateKeyPolicy::Error,
        alias_limits: alias_limits,
    }
}

fn error(e: &serde_saphyr::Error, path: String) -> Error {
    let mut location = Location::at(path);
    if let Some(l) = e.location() {
        if l.line() > 0 {
            location = location.with_position(l.line() as u32, l.column() as u32);
        }
    }
    let message = strip_position(&e.to_string());
    use serde_saphyr::Error as E;
    match e {
        E::SerdeUnknownField {
            field, expected, ..
        } => Error::UnknownField {
            field: field.clone(),
            expected: expected.iter().map(|s| (*s).to_owned()).collect(),
            location,
        },
        E::SerdeInvalidType { .. }
        | E::SerdeInvalidValue { .. }
        | E::SerdeInvalidLength { .. }
        | E::SerdeUnknownVariant { .. }
        | E::SerdeMissingField { .. }
        | E::InvalidScalar { .. }
        | E::NullIntoString { .. }
        | E::InvalidBooleanStrict { .. }
        | E::Unexpected { .. }
        | E::DuplicateMappingKey { .. }
        | E::TaggedEnumMismatch { .. }
        | E::Message { .. } => Error::Schema { message, location },
        E::NonFiniteFloat { .. } => Error::InvalidValue { message, location },
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => Error::Limit {
            message: format!(
                "YAML safety limit exceeded ({message}); aliases may be expanding out of all proportion to the input"
            ),
            location,
        },
        _ => classify(Format::Yaml, &message, location),
    }
}

/// serde-saphyr appends " at line L, column C" (and may prefix "error: "); the location
/// is kept apart, so drop it from the text.
fn strip_position(full: &str) -> String {
    let first = full.lines().next().unwrap_or(full);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    match first.find(" at line ") {
        Some(i) => first[..i].trim_end_matches(',').to_owned(),
        None => first.to_owned(),
    }
}

/// Writes a plan as YAML.
pub fn to_string(plan: &Plan) -> Result<String> {
    serde_saphyr::to_string(plan).map_err(|e| Error::InvalidValue {
        message: format!("cannot write YAML: {e}"),
        location: Location::default(),
    })
}
