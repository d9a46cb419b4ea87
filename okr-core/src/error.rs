//! The one error type of the library.
//!
//! Every variant says what went wrong, where (a document path such as
//! `objectives[3].key_results[1].target`, plus line and column when the plan came from
//! text) and why. Bindings map [`ErrorCode`] to their own exception classes, and
//! nothing else: never a path or a message.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A result whose error is the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which document of a plan an error points into: the plan itself, the check-ins log
/// it names (`check_ins_file`), or a lint configuration read apart from the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DocumentKind {
    /// The plan document (JSON, YAML or CSV).
    #[default]
    Plan,
    /// The JSON Lines check-ins log the plan names.
    Log,
    /// A lint configuration file (`okr lint --config`).
    Config,
}

impl DocumentKind {
    /// The stable name: `plan`, `log` or `config`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Plan => "plan",
            DocumentKind::Log => "log",
            DocumentKind::Config => "config",
        }
    }
}

/// Where in a document an error points.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The document the path is in.
    #[serde(default)]
    pub document: DocumentKind,
    /// Path from the document root, e.g. `objectives[0].key_results[2].check_ins[1].value`
    /// (in the log, `check_ins_file[4].value` for its fifth entry). Empty for the
    /// document as a whole.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known.
    pub column: Option<u32>,
}

impl Location {
    /// A place in the plan document, with no line yet.
    pub fn at(path: impl Into<String>) -> Self {
        Location {
            document: DocumentKind::Plan,
            path: path.into(),
            line: None,
            column: None,
        }
    }

    /// A place in the check-ins log, with no line yet.
    pub fn in_log(path: impl Into<String>) -> Self {
        Location {
            document: DocumentKind::Log,
            ..Location::at(path)
        }
    }

    /// The same place, with its line and column.
    pub fn with_position(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// The same place, in another document.
    pub fn in_document(mut self, document: DocumentKind) -> Self {
        self.document = document;
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

/// The text formats errors can come from: the three plan formats and the JSON Lines
/// check-ins log. Plans are read and written as a [`PlanFormat`](crate::PlanFormat).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
    /// CSV, one row per key result.
    Csv,
    /// JSON Lines: the check-ins log.
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

/// The kinds of thing that have ids (or, for rules, codes and names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    /// An org unit.
    Unit,
    /// A cycle (a quarter, a year).
    Cycle,
    /// An objective.
    Objective,
    /// A key result.
    KeyResult,
    /// A KPI.
    Kpi,
    /// A checklist step.
    Step,
    /// An initiative.
    Initiative,
    /// A lint rule, by code or name.
    Rule,
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
            Entity::Rule => "lint rule",
        })
    }
}

/// What a loop runs through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CycleKind {
    /// Objectives aligned to each other in a ring.
    Alignment,
    /// Aggregate key results summing each other.
    Aggregate,
    /// Units that are each other's parents.
    UnitTree,
    /// Cycles (periods) that are each other's parents.
    CycleParent,
}

impl fmt::Display for CycleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CycleKind::Alignment => "alignment",
            CycleKind::Aggregate => "aggregate",
            CycleKind::UnitTree => "unit tree",
            CycleKind::CycleParent => "cycle parent",
        })
    }
}

/// The stable, machine-readable code of each error family: the same strings in Rust,
/// Python (`OkrError.code`), JavaScript (`OkrError.code`) and Kotlin/Swift.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ErrorCode {
    /// Text that is not well-formed JSON, YAML, CSV or JSON Lines.
    Syntax,
    /// A field name the format does not know.
    UnknownField,
    /// Well-formed text of the wrong shape.
    Schema,
    /// A value out of its domain.
    InvalidValue,
    /// Two items of one kind share an id.
    DuplicateId,
    /// An id that names nothing in the plan.
    UnknownReference,
    /// A loop among alignments, aggregates, units or cycles.
    Cycle,
    /// A key result whose start equals its target.
    ZeroRange,
    /// An increase that goes down, or a decrease that goes up.
    DirectionMismatch,
    /// A start after an end.
    DateOrder,
    /// Input past a safety limit.
    Limit,
    /// An id passed to a call that the plan does not hold.
    NotFound,
    /// A scoring policy that cannot be used.
    Policy,
    /// A lint rule code or name that no rule has.
    UnknownRule,
    /// A document that could not be read (the caller's reader failed).
    Io,
    /// An argument of a call that is not one of its choices (a table name, a
    /// format, a date).
    InvalidArgument,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 16] = [
        ErrorCode::Syntax,
        ErrorCode::UnknownField,
        ErrorCode::Schema,
        ErrorCode::InvalidValue,
        ErrorCode::DuplicateId,
        ErrorCode::UnknownReference,
        ErrorCode::Cycle,
        ErrorCode::ZeroRange,
        ErrorCode::DirectionMismatch,
        ErrorCode::DateOrder,
        ErrorCode::Limit,
        ErrorCode::NotFound,
        ErrorCode::Policy,
        ErrorCode::UnknownRule,
        ErrorCode::Io,
        ErrorCode::InvalidArgument,
    ];

    /// The code as bindings expose it: `syntax`, `unknown_field`, …
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Syntax => "syntax",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::Schema => "schema",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::UnknownReference => "unknown_reference",
            ErrorCode::Cycle => "cycle",
            ErrorCode::ZeroRange => "zero_range",
            ErrorCode::DirectionMismatch => "direction_mismatch",
            ErrorCode::DateOrder => "date_order",
            ErrorCode::Limit => "limit",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Policy => "policy",
            ErrorCode::UnknownRule => "unknown_rule",
            ErrorCode::Io => "io",
            ErrorCode::InvalidArgument => "invalid_argument",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything that can go wrong, each variant with what went wrong, where (a
/// [`Location`]: document, path, line and column) and the ids it concerns.
///
/// `Display` prints the location and the message; [`Error::message`] is the message
/// alone, for tools that print the location apart.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The text is not well-formed JSON, YAML, CSV or JSON Lines.
    Syntax {
        /// The format being read.
        format: Format,
        /// What the parser said.
        message: String,
        /// Where.
        location: Location,
    },

    /// A field name the format does not know (typos must not vanish).
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields allowed there.
        expected: Vec<String>,
        /// Where.
        location: Location,
    },

    /// Well-formed text of the wrong shape: a wrong type, a missing field, an unknown
    /// enum value, a field that does not apply to a key result's type.
    Schema {
        /// What is wrong, and what to write instead.
        message: String,
        /// Where.
        location: Location,
    },

    /// A value out of its domain: NaN, a negative weight, a confidence above 1, …
    InvalidValue {
        /// What is wrong, and what to write instead.
        message: String,
        /// Where.
        location: Location,
    },

    /// Two items of one kind share an id.
    DuplicateId {
        /// The kind of item.
        entity: Entity,
        /// The id used twice.
        id: String,
        /// The path of its first use.
        first: String,
        /// Where the second use is.
        location: Location,
    },

    /// A reference to an id the plan does not hold.
    UnknownReference {
        /// The kind of item referred to.
        entity: Entity,
        /// The id as written.
        id: String,
        /// A suggestion, when there is one.
        hint: Option<String>,
        /// Where the reference is.
        location: Location,
    },

    /// A loop; `ids` lists every id on it, the first again at the end.
    Cycle {
        /// What the loop runs through.
        kind: CycleKind,
        /// The ids on the loop.
        ids: Vec<String>,
        /// Where the loop starts.
        location: Location,
    },

    /// A key result whose start equals its target, so progress is undefined.
    ZeroRange {
        /// The key result.
        id: String,
        /// Its start and target.
        value: f64,
        /// Where.
        location: Location,
    },

    /// An increase whose target is below its start, or a decrease above.
    DirectionMismatch {
        /// The key result.
        id: String,
        /// Its type as written (`increase`, `decrease`).
        kr_type: String,
        /// Its start.
        start: f64,
        /// Its target.
        target: f64,
        /// What to write instead.
        help: String,
        /// Where.
        location: Location,
    },

    /// A start after an end.
    DateOrder {
        /// Which dates, and what to write instead.
        message: String,
        /// Where.
        location: Location,
    },

    /// Input past a safety limit (size, nesting, alias expansion, text length).
    Limit {
        /// Which limit, and by how much.
        message: String,
        /// Where.
        location: Location,
    },

    /// An id passed to an API call that the plan does not hold.
    NotFound {
        /// The kind of item asked for.
        entity: Entity,
        /// The id asked for.
        id: String,
    },

    /// A scoring policy that cannot be used: an unknown preset, a bad setting.
    Policy {
        /// What is wrong, and what to write instead.
        message: String,
        /// Where (under `policy`).
        location: Location,
    },

    /// A lint rule code or name that no rule has (in `select`, `ignore`, `severity`,
    /// `lint_ignore`, or a rule lookup).
    UnknownRule {
        /// The code or name as written.
        rule: String,
        /// Where it was written.
        location: Location,
    },

    /// An argument of a call that is not one of its choices: a table name, a format,
    /// a date that does not parse.
    InvalidArgument {
        /// The argument's name (`format`, `table`, `as_of`).
        argument: String,
        /// What is wrong, and what to pass instead.
        message: String,
    },

    /// A document could not be read: the caller's reader (a file, a fetch) failed.
    Io {
        /// What the reader said.
        message: String,
        /// Which document (the log, a configuration).
        location: Location,
    },
}

fn expected_list(expected: &[String]) -> String {
    if expected.is_empty() {
        String::new()
    } else {
        format!(
            " (expected one of {})",
            expected
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

impl Error {
    /// The stable code of the error's family.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Syntax { .. } => ErrorCode::Syntax,
            Error::UnknownField { .. } => ErrorCode::UnknownField,
            Error::Schema { .. } => ErrorCode::Schema,
            Error::InvalidValue { .. } => ErrorCode::InvalidValue,
            Error::DuplicateId { .. } => ErrorCode::DuplicateId,
            Error::UnknownReference { .. } => ErrorCode::UnknownReference,
            Error::Cycle { .. } => ErrorCode::Cycle,
            Error::ZeroRange { .. } => ErrorCode::ZeroRange,
            Error::DirectionMismatch { .. } => ErrorCode::DirectionMismatch,
            Error::DateOrder { .. } => ErrorCode::DateOrder,
            Error::Limit { .. } => ErrorCode::Limit,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Policy { .. } => ErrorCode::Policy,
            Error::UnknownRule { .. } => ErrorCode::UnknownRule,
            Error::Io { .. } => ErrorCode::Io,
            Error::InvalidArgument { .. } => ErrorCode::InvalidArgument,
        }
    }

    /// Where the error points; `None` for errors about an API call (not found).
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
            | Error::Limit { location, .. }
            | Error::Policy { location, .. }
            | Error::UnknownRule { location, .. }
            | Error::Io { location, .. } => Some(location),
            Error::NotFound { .. } | Error::InvalidArgument { .. } => None,
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
            | Error::Limit { location, .. }
            | Error::Policy { location, .. }
            | Error::UnknownRule { location, .. }
            | Error::Io { location, .. } => Some(location),
            Error::NotFound { .. } | Error::InvalidArgument { .. } => None,
        }
    }

    /// The document path, or `""` when the error is not about one place.
    pub fn path(&self) -> &str {
        self.location().map(|l| l.path.as_str()).unwrap_or("")
    }

    /// The document the error points into (the plan when it points nowhere).
    pub fn document(&self) -> DocumentKind {
        self.location().map(|l| l.document).unwrap_or_default()
    }

    /// The ids the error is about.
    pub fn ids(&self) -> Vec<String> {
        match self {
            Error::DuplicateId { id, .. }
            | Error::UnknownReference { id, .. }
            | Error::ZeroRange { id, .. }
            | Error::DirectionMismatch { id, .. }
            | Error::NotFound { id, .. } => vec![id.clone()],
            Error::UnknownRule { rule, .. } => vec![rule.clone()],
            Error::Cycle { ids, .. } => ids.clone(),
            _ => Vec::new(),
        }
    }

    /// What went wrong and what to write instead, without the location.
    pub fn message(&self) -> String {
        match self {
            Error::Syntax {
                format, message, ..
            } => format!("{format} syntax error: {message}"),
            Error::UnknownField {
                field, expected, ..
            } => {
                let guess = crate::suggest::closest(field, expected.iter().map(String::as_str))
                    .map(|g| format!("; did you mean `{g}`?"))
                    .unwrap_or_default();
                format!("unknown field `{field}`{guess}{}", expected_list(expected))
            }
            Error::Schema { message, .. }
            | Error::InvalidValue { message, .. }
            | Error::DateOrder { message, .. }
            | Error::Limit { message, .. }
            | Error::Policy { message, .. }
            | Error::Io { message, .. } => message.clone(),
            Error::DuplicateId {
                entity, id, first, ..
            } => format!("duplicate {entity} id `{id}` (first used at {first})"),
            Error::UnknownReference {
                entity, id, hint, ..
            } => format!(
                "{entity} `{id}` does not exist{}",
                hint.as_deref()
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default()
            ),
            Error::Cycle { kind, ids, .. } => format!("{kind} cycle: {}", ids.join(" → ")),
            Error::ZeroRange { id, value, .. } => format!(
                "key result `{id}` has start equal to target ({value}), so progress is undefined; move the target or use a zero_range policy"
            ),
            Error::DirectionMismatch {
                id,
                kr_type,
                start,
                target,
                help,
                ..
            } => format!(
                "key result `{id}` is `{kr_type}` but goes from {start} to {target}; {help}"
            ),
            Error::NotFound { entity, id } => format!("{entity} `{id}` not found in the plan"),
            Error::InvalidArgument { argument, message } => format!("{argument}: {message}"),
            Error::UnknownRule { rule, .. } => {
                let names = crate::lint::rules::ALL.iter().flat_map(|r| {
                    let meta = r.meta();
                    [meta.code, meta.name]
                });
                let guess = crate::suggest::closest(rule, names)
                    .map(|g| format!("; did you mean `{g}`?"))
                    .unwrap_or_default();
                format!(
                    "no lint rule has the code or name `{rule}`{guess} (`okr rules` lists them)"
                )
            }
        }
    }
}

/// An error as plain data: owned, serde both ways, for bindings that hand errors to
/// their language as records (a JS object, a uniffi record) rather than as the enum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ErrorInfo {
    /// The stable code.
    pub code: ErrorCode,
    /// What went wrong and what to write instead, without the place.
    pub message: String,
    /// The document it points into.
    pub document: DocumentKind,
    /// The document path (`""` when it is about no one place).
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column, when known.
    pub column: Option<u32>,
    /// The ids it concerns.
    pub ids: Vec<String>,
}

impl From<&Error> for ErrorInfo {
    fn from(e: &Error) -> Self {
        let location = e.location();
        ErrorInfo {
            code: e.code(),
            message: e.message(),
            document: e.document(),
            path: e.path().to_owned(),
            line: location.and_then(|l| l.line),
            column: location.and_then(|l| l.column),
            ids: e.ids(),
        }
    }
}

impl Error {
    /// An [`Error::InvalidArgument`] for `name`, which is not one of `choices`; the
    /// closest choice is suggested when one is close (`score` → `scores`).
    pub(crate) fn unknown_choice(argument: &str, name: &str, choices: &[&str]) -> Error {
        let listed: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
        let hint = crate::suggest::closest(name, choices.iter().copied())
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        Error::InvalidArgument {
            argument: argument.to_owned(),
            message: format!(
                "unknown {argument} `{name}`{hint}; use one of {}",
                listed.join(", ")
            ),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            Some(location) => write!(f, "{location}: {}", self.message()),
            None => f.write_str(&self.message()),
        }
    }
}

impl std::error::Error for Error {}

/// Every problem a call found, in document order; never empty. `Display` shows the
/// first and counts the rest; iterate (or deref) to see each.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems(pub Vec<Error>);

impl Problems {
    /// The problems, as a vector.
    pub fn into_vec(self) -> Vec<Error> {
        self.0
    }
}

impl From<Error> for Problems {
    fn from(e: Error) -> Self {
        Problems(vec![e])
    }
}

impl From<Vec<Error>> for Problems {
    fn from(errors: Vec<Error>) -> Self {
        Problems(errors)
    }
}

impl std::ops::Deref for Problems {
    type Target = [Error];
    fn deref(&self) -> &[Error] {
        &self.0
    }
}

impl IntoIterator for Problems {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => f.write_str("no problem was given"),
            [one] => one.fmt(f),
            [first, rest @ ..] => write!(
                f,
                "{first} (and {} more problem{})",
                rest.len(),
                if rest.len() == 1 { "" } else { "s" }
            ),
        }
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_choice_lists_the_choices_and_suggests_a_near_one() {
        let choices = ["objectives", "key_results", "scores"];
        assert_eq!(
            Error::unknown_choice("table", "score", &choices).message(),
            "table: unknown table `score` (did you mean `scores`?); use one of `objectives`, \
             `key_results`, `scores`"
        );
        assert_eq!(
            Error::unknown_choice("table", "frames", &choices).message(),
            "table: unknown table `frames`; use one of `objectives`, `key_results`, `scores`"
        );
    }

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
        assert_eq!(e.code().as_str(), "invalid_value");
    }

    #[test]
    fn cycle_names_every_id() {
        let e = Error::Cycle {
            kind: CycleKind::Alignment,
            ids: vec!["a".into(), "b".into(), "a".into()],
            location: Location::at("objectives[0].aligns_to[0]"),
        };
        assert!(e.to_string().ends_with("alignment cycle: a → b → a"), "{e}");
    }
}
