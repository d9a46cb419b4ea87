//! What the linter reports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warn,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Error => "error",
        }
    }
}

/// An id that a diagnostic points at. An id of up to 24 bytes is kept inline, with no
/// allocation of its own: one lint of a large plan names hundreds of thousands of ids
/// (661,704 at size L), and allocating and freeing each one as a `String` cost more
/// than the rules that found them. It derefs to `str`.
pub type Id = compact_str::CompactString;

/// One finding, configured: code, rule name, severity, message, help, the ids and the
/// document path it points at, and its line and column when the plan came from text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Cow<'static, str>,
    pub ids: Vec<Id>,
    pub path: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}
