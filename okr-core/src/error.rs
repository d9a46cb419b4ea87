//! The one error type of the library.
//!
//! Every variant says what went wrong, where (a document path such as
//! `objectives[3].key_results[1].target`, plus line and column when the plan came from
//! text) and why. Bindings map [`ErrorKind`] to their own exception classes.

use serde::Serialize;
use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in a document an error points.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Path from the document root, e.g. `objectives[0].key_results[2].check_ins[1].value`.
    /// Empty for the document as a whole.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known.
    pub column: Option<u32>,
}

impl Location {
    pub fn at(path: impl Into<String>) -> Self {
        Location {
            path: path.into(),
            line: None,
            column: None,
        }
    }

    pub fn with_position(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "document"
        } else {
            &self.path
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{path} (line {l}, column {c})"),
            (Some(l), None) => write!(f, "{path} (line {l})"),
            _ => f.write_str(path),
        }
    }
}

/// The text formats the library reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Json,
    Yaml,
    Csv,
    JsonLines,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Yaml => "YAML",
            Format::Csv => "CSV",
            Format::JsonLines => "JSON Lines",
        })
    }
}

/// The kinds of thing that have ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Unit,
    Cycle,
    Objective,
    KeyResult,
    Kpi,
    Step,
    Initiative,
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Entity::Unit => "unit",
            Entity::Cycle => "cycle",
            Entity::Objective => "objective",
            Entity::KeyResult => "key result",
            Entity::Kpi => "KPI",
            Entity::Step => "step",
            Entity::Initiative => "initiative",
        })
    }
}

/// A stable, machine-readable name for each error family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Syntax,
    UnknownField,
    Schema,
    InvalidValue,
    DuplicateId,
    UnknownReference,
    Cycle,
    ZeroRange,
    DirectionMismatch,
    DateOrder,
    Limit,
    NotFound,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::Schema => "schema",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::UnknownReference => "unknown_reference",
            ErrorKind::Cycle => "cycle",
            ErrorKind::ZeroRange => "zero_range",
            ErrorKind::DirectionMismatch => "direction_mismatch",
            ErrorKind::DateOrder => "date_order",
            ErrorKind::Limit => "limit",
            ErrorKind::NotFound => "not_found",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not well-formed JSON, YAML, CSV or JSON Lines.
    #[error("{location}: {format} syntax error: {message}")]
    Syntax {
        format: Format,
        message: String,
        location: Location,
    },

    /// A field name the format does not know (typos must not vanish).
    #[error("{location}: unknown field `{field}`{}", expected_list(expected))]
    UnknownField {
        field: String,
        expected: Vec<String>,
        location: Location,
    },

    /// Well-formed text of the wrong shape: a wrong type, a missing field, an unknown
    /// enum value, a field that does not apply to a key result's type.
    #[error("{location}: {message}")]
    Schema { message: String, location: Location },

    /// A value out of its domain: NaN, a negative weight, a confidence above 1, …
    #[error("{location}: {message}")]
    InvalidValue { message: String, location: Location },

    #[error("{location}: duplicate {entity} id `{id}` (first used at {first})")]
    DuplicateId {
        entity: Entity,
        id: String,
        first: String,
        location: Location,
    },

    #[error("{location}: {entity} `{id}` does not exist{}", hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())]
    UnknownReference {
        entity: Entity,
        id: String,
        hint: Option<String>,
        location: Location,
    },

    /// A loop among alignment links or aggregate key results; `ids` lists every id on it.
    #[error("{location}: {what} cycle: {}", ids.join(" → "))]
    Cycle {
        what: String,
        ids: Vec<String>,
        location: Location,
    },

    #[error(
        "{location}: key result `{id}` has start equal to target ({value}), so progress is undefined; move the target or use a zero_range policy"
    )]
    ZeroRange {
        id: String,
        value: f64,
        location: Location,
    },

    #[error(
        "{location}: key result `{id}` is `{kr_type}` but goes from {start} to {target}; {help}"
    )]
    DirectionMismatch {
        id: String,
        kr_type: String,
        start: f64,
        target: f64,
        help: String,
        location: Location,
    },

    #[error("{location}: {message}")]
    DateOrder { message: String, location: Location },

    /// Input past a safety limit (size, nesting, alias expansion, text length).
    #[error("{location}: {message}")]
    Limit { message: String, location: Location },

    /// An id passed to an API call that the plan does not hold.
    #[error("{entity} `{id}` not found in the plan")]
    NotFound { entity: Entity, id: String },
}

fn expected_list(expected: &[String]) -> String {
    if expected.is_empty() {
        String::new()
    } else {
        format!(
            ", expected one of {}",
            expected
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Syntax { .. } => ErrorKind::Syntax,
            Error::UnknownField { .. } => ErrorKind::UnknownField,
            Error::Schema { .. } => ErrorKind::Schema,
            Error::InvalidValue { .. } => ErrorKind::InvalidValue,
            Error::DuplicateId { .. } => ErrorKind::DuplicateId,
            Error::UnknownReference { .. } => ErrorKind::UnknownReference,
            Error::Cycle { .. } => ErrorKind::Cycle,
            Error::ZeroRange { .. } => ErrorKind::ZeroRange,
            Error::DirectionMismatch { .. } => ErrorKind::DirectionMismatch,
            Error::DateOrder { .. } => ErrorKind::DateOrder,
            Error::Limit { .. } => ErrorKind::Limit,
            Error::NotFound { .. } => ErrorKind::NotFound,
        }
    }

    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Syntax { location, .. }
            | Error::UnknownField { location, .. }
            | Error::Schema { location, .. }
            | Error::InvalidValue { location, .. }
            | Error::DuplicateId { location, .. }
            | Error::UnknownReference { location, .. }
            | Error::Cycle { location, .. }
            | Error::ZeroRange { location, .. }
            | Error::DirectionMismatch { location, .. }
            | Error::DateOrder { location, .. }
            | Error::Limit { location, .. } => Some(location),
            Error::NotFound { .. } => None,
        }
    }

    pub(crate) fn location_mut(&mut self) -> Option<&mut Location> {
        match self {
            Error::Syntax { location, .. }
            | Error::UnknownField { location, .. }
            | Error::Schema { location, .. }
            | Error::InvalidValue { location, .. }
            | Error::DuplicateId { location, .. }
            | Error::UnknownReference { location, .. }
            | Error::Cycle { location, .. }
            | Error::ZeroRange { location, .. }
            | Error::DirectionMismatch { location, .. }
            | Error::DateOrder { location, .. }
            | Error::Limit { location, .. } => Some(location),
            Error::NotFound { .. } => None,
        }
    }

    /// The document path, or `""` when the error is not about one place.
    pub fn path(&self) -> &str {
        self.location().map(|l| l.path.as_str()).unwrap_or("")
    }

    /// The ids the error is about.
    pub fn ids(&self) -> Vec<String> {
        match self {
            Error::DuplicateId { id, .. }
            | Error::UnknownReference { id, .. }
            | Error::ZeroRange { id, .. }
            | Error::DirectionMismatch { id, .. }
            | Error::NotFound { id, .. } => vec![id.clone()],
            Error::Cycle { ids, .. } => ids.clone(),
            _ => Vec::new(),
        }
    }

    /// The message without the location prefix, for tools that print the location apart.
    pub fn message(&self) -> String {
        let full = self.to_string();
        match self.location() {
            Some(loc) => {
                let prefix = format!("{loc}: ");
                full.strip_prefix(&prefix)
                    .map(str::to_owned)
                    .unwrap_or(full)
            }
            None => full,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_drops_the_location_prefix() {
        let e = Error::InvalidValue {
            message: "weight is negative (-1)".into(),
            location: Location::at("objectives[0].weight").with_position(3, 5),
        };
        assert_eq!(
            e.to_string(),
            "objectives[0].weight (line 3, column 5): weight is negative (-1)"
        );
        assert_eq!(e.message(), "weight is negative (-1)");
        assert_eq!(e.kind().as_str(), "invalid_value");
    }

    #[test]
    fn cycle_names_every_id() {
        let e = Error::Cycle {
            what: "alignment".into(),
            ids: vec!["a".into(), "b".into(), "a".into()],
            location: Location::at("objectives[0].aligns_to[0]"),
        };
        assert!(e.to_string().ends_with("alignment cycle: a → b → a"), "{e}");
    }
}
