//! What a lint rule is: stable metadata, a doc text, and a check over the context.

use super::at::At;
use super::context::{Context, KrPath};
use super::diagnostic::{Id, Severity};
use super::text::{Features, ObjectiveTitle};
use crate::model::{Cycle, KeyResult, Objective, Unit};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What kind of problem a rule finds; sets its default severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// The severity the category gives its rules unless configured.
    pub fn default_severity(self) -> Severity {
        match self {
            Category::Correctness => Severity::Error,
            Category::Practice => Severity::Warning,
            Category::Advice => Severity::Info,
        }
    }

    /// `correctness`, `practice` or `advice`.
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
    /// What kind of problem it finds (sets its default severity).
    pub category: Category,
    /// Markdown: What it does, Why is this bad, Example, Use instead, Options, Sources.
    pub doc: &'static str,
}

impl RuleMeta {
    /// The documentation as Markdown (rustdoc's one leading space per line removed),
    /// its "Options" section listing the rule's settings from their one declaration
    /// (see [`Settings`](super::Settings)), then any words of the rule's own there.
    pub fn text(&self) -> String {
        let written: Vec<&str> = self
            .doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        let mut out = String::new();
        let mut in_options = false;
        let mut prose: Vec<&str> = Vec::new();
        for line in written {
            if in_options && line.starts_with("## ") {
                out.push_str(&self.options(&prose));
                in_options = false;
            }
            if in_options {
                if !line.trim().is_empty() && line.trim() != "None." {
                    prose.push(line);
                }
                continue;
            }
            out.push_str(line);
            out.push('\n');
            if line == "## Options" {
                in_options = true;
            }
        }
        if in_options {
            out.push_str(&self.options(&prose));
        }
        out
    }

    /// The body of the "Options" section: the settings of this rule, then `prose`.
    fn options(&self, prose: &[&str]) -> String {
        let mut items: Vec<String> = crate::model::lint_settings::SETTINGS
            .iter()
            .filter(|s| s.rule == self.name)
            .map(|s| s.item())
            .collect();
        if !prose.is_empty() {
            if !items.is_empty() {
                items.push(String::new());
            }
            items.extend(prose.iter().map(|l| (*l).to_owned()));
        }
        if items.is_empty() {
            items.push("None.".into());
        }
        format!("{}\n\n", items.join("\n"))
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

/// A rule's metadata as owned data, serde both ways: what bindings list (`okr.rules()`,
/// a page's rule browser) without holding the library's statics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleInfo {
    /// Stable code, e.g. `OKR202`.
    pub code: String,
    /// Kebab-case name, e.g. `activity-key-result`.
    pub name: String,
    /// What kind of problem it finds.
    pub category: Category,
    /// Its severity unless configured.
    pub default_severity: Severity,
    /// The "What it does" paragraph, on one line.
    pub summary: String,
    /// The whole documentation, as Markdown (its Options generated from the settings).
    pub doc: String,
}

impl From<&RuleMeta> for RuleInfo {
    fn from(m: &RuleMeta) -> Self {
        RuleInfo {
            code: m.code.to_owned(),
            name: m.name.to_owned(),
            category: m.category,
            default_severity: m.category.default_severity(),
            summary: m.summary(),
            doc: m.text(),
        }
    }
}

/// One problem a rule found, before configuration sets its final severity.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub message: String,
    pub help: Cow<'static, str>,
    pub ids: Vec<Id>,
    pub at: At,
    /// A weaker (or stronger) signal than the rule's usual one.
    pub severity: Option<Severity>,
}

impl Finding {
    pub fn new(
        at: impl Into<At>,
        ids: Vec<Id>,
        message: impl Into<String>,
        help: impl Into<Cow<'static, str>>,
    ) -> Self {
        Finding {
            message: message.into(),
            help: help.into(),
            ids,
            at: at.into(),
            severity: None,
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }
}

/// The ids of a finding that names a fixed few.
pub fn ids<const N: usize>(ids: [&str; N]) -> Vec<Id> {
    ids.into_iter().map(Id::from).collect()
}

/// Which items a rule looks at one at a time. The runner walks the plan once and calls
/// every rule that visits an item while that item is in cache: with hundreds of
/// thousands of key results, a walk per rule costs more than the rules themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Visits {
    pub objectives: bool,
    pub key_results: bool,
}

impl Visits {
    /// The rule looks at the plan as a whole only ([`Rule::check`]).
    pub const PLAN: Visits = Visits {
        objectives: false,
        key_results: false,
    };
    pub const OBJECTIVES: Visits = Visits {
        objectives: true,
        key_results: false,
    };
    pub const KEY_RESULTS: Visits = Visits {
        objectives: false,
        key_results: true,
    };
    pub const ALL: Visits = Visits {
        objectives: true,
        key_results: true,
    };
}

/// An objective as the walk meets it.
#[derive(Clone, Debug)]
pub struct ObjectiveAt<'a> {
    /// Its position in `objectives`.
    pub index: usize,
    pub objective: &'a Objective,
    /// What the text heuristics make of its title, and of its key results' titles.
    pub text: &'a Features,
    /// What the objective rules make of its title.
    pub title: &'a ObjectiveTitle,
    pub key_result_text: &'a [Features],
    /// Its unit, when it names one the plan has.
    pub unit: Option<&'a Unit>,
}

/// A key result as the walk meets it.
#[derive(Clone, Copy, Debug)]
pub struct KeyResultAt<'a> {
    /// Its objective's position in `objectives`.
    pub objective_index: usize,
    /// Its position among all key results, in document order.
    pub handle: usize,
    pub objective: &'a Objective,
    pub key_result: &'a KeyResult,
    pub path: KrPath,
    /// What the text heuristics make of its title.
    pub text: &'a Features,
    /// Its objective's cycle, when it names one the plan has.
    pub cycle: Option<&'a Cycle>,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// The items this rule checks one at a time.
    fn visits(&self) -> Visits {
        Visits::PLAN
    }

    /// Checks that need the whole plan at once (groupings, comparisons across items).
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    /// Called for each objective when [`Rule::visits`] includes objectives.
    fn check_objective(&self, _cx: &Context<'_>, _at: &ObjectiveAt<'_>, _out: &mut Vec<Finding>) {}

    /// Called for each key result when [`Rule::visits`] includes key results.
    fn check_key_result(&self, _cx: &Context<'_>, _at: &KeyResultAt<'_>, _out: &mut Vec<Finding>) {}
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
