//! The one place core errors become Kotlin and Swift errors: `OkrException` (Kotlin, a
//! sealed class) or `OkrError` (Swift, an enum), with a case per error family. The case
//! is chosen by the error's code alone; every case carries the same fields, so a caller
//! that does not care which family it is reads `code`, `path`, `line` and `column` the
//! same way.
//!
//! Kotlin's `Throwable.message` belongs to uniffi (it lists every field), so the
//! sentence that says what went wrong and what to write instead is `reason`.

use okr_core::{DocumentKind, Error, ErrorCode, ErrorInfo, Location, Problems};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Declares the error enum with the fields every case shares.
macro_rules! families {
    ($( $(#[doc = $doc:literal])+ $family:ident ),* $(,)?) => {
        /// Every error okr raises, one case per family; `code` says which error of the
        /// family it is (the same strings as Python's and JavaScript's `code`).
        #[derive(Clone, Debug, PartialEq, uniffi::Error)]
        pub enum OkrError {
            $(
                $(#[doc = $doc])+
                $family {
                    /// The stable code: `syntax`, `unknown_field`, `duplicate_id`, … or
                    /// `internal` for a failure inside okr.
                    code: String,
                    /// What went wrong and what to write instead, without the place.
                    reason: String,
                    /// The document it points into: the plan, the check-ins log or a
                    /// lint configuration.
                    document: DocumentKind,
                    /// The document path, e.g. `objectives[3].key_results[1].target`;
                    /// empty when it is about no one place.
                    path: String,
                    /// 1-based line, when the input was text.
                    line: Option<u32>,
                    /// 1-based column, when the input was text.
                    column: Option<u32>,
                    /// The ids it concerns.
                    ids: Vec<String>,
                    /// Every problem the call found (this one first), in document order.
                    problems: Vec<ErrorInfo>,
                },
            )*
        }

        impl OkrError {
            fn build(family: Family, first: ErrorInfo, problems: Vec<ErrorInfo>) -> OkrError {
                let ErrorInfo { code, message, document, path, line, column, ids } = first;
                let code = code.as_str().to_owned();
                match family {
                    $(
                        Family::$family => OkrError::$family {
                            code, reason: message, document, path, line, column, ids, problems,
                        },
                    )*
                }
            }
        }

        /// The fields every case carries, read from any case: in Kotlin `e.code()` on
        /// an `OkrException` of any family (each case also has them as properties).
        #[uniffi::export]
        impl OkrError {
            /// The stable code: `syntax`, `unknown_field`, …, or `internal`.
            pub fn code(&self) -> String {
                match self { $( OkrError::$family { code, .. } => code.clone(), )* }
            }

            /// What went wrong and what to write instead, without the place.
            pub fn reason(&self) -> String {
                match self { $( OkrError::$family { reason, .. } => reason.clone(), )* }
            }

            /// The document path; empty when it is about no one place.
            pub fn path(&self) -> String {
                match self { $( OkrError::$family { path, .. } => path.clone(), )* }
            }

            /// 1-based line, when the input was text.
            pub fn line(&self) -> Option<u32> {
                match self { $( OkrError::$family { line, .. } => *line, )* }
            }

            /// 1-based column, when the input was text.
            pub fn column(&self) -> Option<u32> {
                match self { $( OkrError::$family { column, .. } => *column, )* }
            }

            /// The ids it concerns.
            pub fn ids(&self) -> Vec<String> {
                match self { $( OkrError::$family { ids, .. } => ids.clone(), )* }
            }

            /// Every problem the call found, this one first.
            pub fn problems(&self) -> Vec<ErrorInfo> {
                match self { $( OkrError::$family { problems, .. } => problems.clone(), )* }
            }
        }

        /// `path (line l, column c): reason`, as the core prints its errors.
        impl std::fmt::Display for OkrError {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    $(
                        OkrError::$family { reason, document, path, line, column, .. } => {
                            let location = Location {
                                document: *document,
                                path: path.clone(),
                                line: *line,
                                column: *column,
                            };
                            write!(f, "{location}: {reason}")
                        }
                    )*
                }
            }
        }

        impl std::error::Error for OkrError {}

        // `Internal` is made directly (see `internal`): no core code maps to it.
        #[allow(dead_code)]
        #[derive(Clone, Copy)]
        enum Family { $( $family, )* }
    };
}

families! {
    /// The text is not well-formed JSON, YAML, CSV or JSON Lines (`syntax`).
    Parse,
    /// Input past a safety limit: size, nesting, alias expansion (`limit`).
    Limit,
    /// Well-formed input of the wrong shape (`schema`), or a field name the format
    /// does not know (`unknown_field`).
    Schema,
    /// A value the model does not allow: `invalid_value`, `duplicate_id`, `zero_range`,
    /// `direction_mismatch`, `date_order`, `policy`.
    Validation,
    /// An id that names nothing in the plan (`unknown_reference`), or a loop among
    /// alignments, aggregates, units or cycles (`cycle`).
    Reference,
    /// An id passed to a call that the plan does not hold (`not_found`).
    NotFound,
    /// A lint rule code or name that no rule has (`unknown_rule`).
    UnknownRule,
    /// An argument that is not one of its choices: a date, a setting (`invalid_argument`).
    InvalidArgument,
    /// A document that could not be read (`io`).
    Read,
    /// A failure inside okr, not caused by the input (`internal`). Please report it.
    Internal,
}

fn family(code: ErrorCode) -> Family {
    match code {
        ErrorCode::Syntax => Family::Parse,
        ErrorCode::Limit => Family::Limit,
        ErrorCode::Schema | ErrorCode::UnknownField => Family::Schema,
        ErrorCode::InvalidValue
        | ErrorCode::DuplicateId
        | ErrorCode::ZeroRange
        | ErrorCode::DirectionMismatch
        | ErrorCode::DateOrder
        | ErrorCode::Policy => Family::Validation,
        ErrorCode::UnknownReference | ErrorCode::Cycle => Family::Reference,
        ErrorCode::NotFound => Family::NotFound,
        ErrorCode::UnknownRule => Family::UnknownRule,
        ErrorCode::InvalidArgument => Family::InvalidArgument,
        ErrorCode::Io => Family::Read,
    }
}

impl From<Problems> for OkrError {
    fn from(problems: Problems) -> Self {
        let infos: Vec<ErrorInfo> = problems.iter().map(ErrorInfo::from).collect();
        match infos.first() {
            Some(first) => OkrError::build(family(first.code), first.clone(), infos),
            None => internal("a call failed without saying why".into()),
        }
    }
}

impl From<Error> for OkrError {
    fn from(error: Error) -> Self {
        OkrError::from(Problems::from(error))
    }
}

/// An error inside okr, not caused by the input.
fn internal(reason: String) -> OkrError {
    OkrError::Internal {
        code: "internal".into(),
        reason,
        document: DocumentKind::Plan,
        path: String::new(),
        line: None,
        column: None,
        ids: Vec::new(),
        problems: Vec::new(),
    }
}

/// Runs one call of the binding so that nothing unwinds into the host: a panic inside
/// okr comes back as [`OkrError::Internal`] with its message. (uniffi would catch it
/// too, but as its own untyped exception.) The calls share no mutable state, so
/// nothing is left half-changed by an unwinding one.
pub(crate) fn guard<T>(call: impl FnOnce() -> Result<T, OkrError>) -> Result<T, OkrError> {
    catch_unwind(AssertUnwindSafe(call)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        Err(internal(format!(
            "okr failed inside ({what}); this is a bug, please report it with the input"
        )))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use okr_core::Entity;

    #[test]
    fn the_family_follows_the_code_and_every_problem_is_kept() {
        let problems = Problems(vec![
            Error::DuplicateId {
                entity: Entity::Objective,
                id: "o1".into(),
                first: "objectives[0].id".into(),
                location: Location::at("objectives[2].id").with_position(9, 9),
            },
            Error::NotFound {
                entity: Entity::KeyResult,
                id: "k9".into(),
            },
        ]);
        let e = OkrError::from(problems);
        let OkrError::Validation {
            code,
            path,
            ids,
            problems,
            ..
        } = &e
        else {
            panic!("not a validation error: {e:?}");
        };
        assert_eq!(code, "duplicate_id");
        assert_eq!(path, "objectives[2].id");
        assert_eq!(ids, &["o1"]);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[1].code, ErrorCode::NotFound);
    }

    #[test]
    fn a_panic_comes_back_as_an_internal_error() {
        let e = guard::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(e.code(), "internal");
        assert!(matches!(&e, OkrError::Internal { reason, .. } if reason.contains("boom")));
    }
}
