//! What a lint rule is: stable metadata, a doc text, and a check over the context.

use super::context::Context;
use super::diagnostic::Severity;
use serde::Serialize;

/// What kind of problem a rule finds; sets its default severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The plan cannot be scored as written: error.
    Correctness,
    /// A practice that makes OKRs fail: warning.
    Practice,
    /// Advice worth a look: info.
    Advice,
}

impl Category {
    pub fn default_severity(self) -> Severity {
        match self {
            Category::Correctness => Severity::Error,
            Category::Practice => Severity::Warn,
            Category::Advice => Severity::Info,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Correctness => "correctness",
            Category::Practice => "practice",
            Category::Advice => "advice",
        }
    }
}

/// A rule's stable identity and documentation.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RuleMeta {
    /// Stable code, e.g. `OKR202`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `activity-key-result`.
    pub name: &'static str,
    pub category: Category,
    /// Markdown: What it does, Why is this bad, Example, Use instead, Options, Sources.
    pub doc: &'static str,
}

impl RuleMeta {
    /// The documentation as Markdown (rustdoc's one leading space per line removed).
    pub fn text(&self) -> String {
        let mut out: String = self
            .doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        out.push('\n');
        out
    }

    /// The paragraph under "What it does", on one line, for listings.
    pub fn summary(&self) -> String {
        let text = self.text();
        text.split("## What it does")
            .nth(1)
            .and_then(|s| s.trim().split("\n\n").next())
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }
}

/// One problem a rule found, before configuration sets its final severity.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub message: String,
    pub help: String,
    pub ids: Vec<String>,
    pub path: String,
    /// A weaker (or stronger) signal than the rule's usual one.
    pub severity: Option<Severity>,
}

impl Finding {
    pub fn new(
        path: impl Into<String>,
        ids: Vec<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Finding {
            message: message.into(),
            help: help.into(),
            ids,
            path: path.into(),
            severity: None,
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Declares a rule: its doc comment is its documentation (rustdoc, `okr rules`,
/// docs/rules), so the text lives in one place.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub struct $ty:ident { code: $code:literal, name: $name:literal, category: $cat:ident $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;

        impl $ty {
            pub const META: $crate::lint::rule::RuleMeta = $crate::lint::rule::RuleMeta {
                code: $code,
                name: $name,
                category: $crate::lint::rule::Category::$cat,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_rule;
