use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::lint::text::{COMPENSATION_WORDS, find_any_ignore_case};

declare_rule! {
    /// ## What it does
    /// Flags an objective marked as feeding appraisals or bonuses: a truthy `compensation`,
    /// `bonus`, `appraisal` or `performance_review` in its metadata, or those words in its
    /// title or description.
    ///
    /// ## Why is this bad?
    /// Once pay depends on the score, people set goals they know they will hit: ambition and
    /// honest grading both go.
    ///
    /// ## Example
    /// `metadata: {bonus: true}` on an objective.
    ///
    /// ## Use instead
    /// Keep OKRs apart from compensation; assess people on their contribution, not the score.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// The seeds (appraisal-linked OKRs); Google's OKR playbook; Radical Focus.
    pub struct TiedToCompensation { code: "OKR109", name: "tied-to-compensation", category: Practice }
}

impl Rule for TiedToCompensation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        const KEYS: [&str; 5] = [
            "compensation",
            "bonus",
            "appraisal",
            "performance_review",
            "tied_to_compensation",
        ];
        let i = at.index;
        let o = at.objective;
        let flagged = o
            .metadata
            .iter()
            .find(|(k, v)| KEYS.contains(&k.as_str()) && truthy(v))
            .map(|(k, _)| format!("metadata `{k}`"));
        let worded = at
            .title
            .compensation_word()
            .or_else(|| {
                o.description
                    .as_deref()
                    .and_then(|d| find_any_ignore_case(d, &COMPENSATION_WORDS))
            })
            .map(|w| format!("the words \"{w}\""));
        if let Some(why) = flagged.or(worded) {
            out.push(Finding::new(
                At::objective(i),
                ids([&o.id]),
                format!("objective `{}` is tied to compensation ({why})", o.id),
                "keep OKRs out of pay and appraisal decisions, or people will set goals they know they can hit",
            ));
        }
    }
}

fn truthy(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Bool(b) => *b,
        serde_json::Value::Null => false,
        serde_json::Value::String(s) => {
            !matches!(s.to_lowercase().as_str(), "" | "no" | "false" | "0")
        }
        serde_json::Value::Number(n) => n.as_f64() != Some(0.0),
        _ => true,
    }
}
