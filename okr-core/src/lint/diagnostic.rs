//! What the linter reports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
/// How serious a finding is.
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Likely to hurt the programme. Written `warning`, in every output and every
    /// language (rustc, SARIF and GitHub say so too); `warn` is read as well.
    #[serde(alias = "warn")]
    Warning,
    /// Wrong: the plan cannot be read as meant.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
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
///
/// Owned, and serde both ways: the texts a rule writes the same every time are
/// `Cow::Borrowed` from the rule (no allocation per finding), and read back as owned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Diagnostic {
    /// The rule's stable code, `OKR202`.
    pub code: Cow<'static, str>,
    /// The rule's kebab-case name, `activity-key-result`.
    pub rule: Cow<'static, str>,
    /// How serious it is, after configuration.
    pub severity: Severity,
    /// What was found.
    pub message: String,
    /// What to write instead.
    pub help: Cow<'static, str>,
    /// The ids of what it points at.
    pub ids: Vec<Id>,
    /// The document path it points at: `objectives[3].key_results[1].title`.
    pub path: String,
    /// 1-based line, when the plan came from text.
    pub line: Option<u32>,
    /// 1-based column, when the plan came from text.
    pub column: Option<u32>,
}
