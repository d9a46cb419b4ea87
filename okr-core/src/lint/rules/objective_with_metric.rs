use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an objective whose title is a metric: it holds a quantity (a number, a
    /// percentage, a multiple or an amount of money), or it is only a metric's name with a
    /// verb ("Grow net ARR", "Improve NPS", "IACV"). Numbers that name rather than measure do
    /// not count: years ("the 2030 pledge"), days ("on March 4"), versions and models ("v3",
    /// "Postgres 16", "the 8080", "2.0"), quarters, weeks, and durations without a bound
    /// ("their first 90 days"; "under 10 seconds" is a metric).
    ///
    /// ## Why is this bad?
    /// Objectives say what and why in words that inspire; the numbers belong in the key
    /// results. An objective that is a metric leaves the key results nothing to add.
    ///
    /// ## Example
    /// "Increase revenue by 20%".
    ///
    /// ## Use instead
    /// "Become the default ledger for mid-market finance teams", with revenue growth as one of
    /// its key results.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Accuracy
    /// Measured on the labelled corpus in `fixtures/corpus` (673 key results and 184
    /// objectives from published plans and written examples; `scripts/corpus` prints the
    /// table): precision 1.00, recall 0.96 (22 flagged rightly, 0 wrongly, 1 missed).
    /// The corpus is the one the rule was developed on; expect a few points less on
    /// text it has not seen.
    ///
    /// ## Sources
    /// The seeds; Google's OKR playbook (qualitative objectives).
    pub struct ObjectiveWithMetric { code: "OKR211", name: "objective-with-metric", category: Advice }
}

impl Rule for ObjectiveWithMetric {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let i = at.index;
        let o = at.objective;
        if is_metric(at) {
            out.push(Finding::new(
                At::objective_field(i, "title"),
                ids([&o.id]),
                format!("objective `{}` is a metric: \"{}\"", o.id, o.title),
                "state the objective in words and move the number into a key result",
            ));
        }
    }
}

/// A number in the title, or a title that is only the name of a metric ("Grow net
/// ARR", "Improve NPS", "IACV"). Shared with `vague-objective`, which leaves a metric
/// to this rule.
pub(crate) fn is_metric(at: &ObjectiveAt<'_>) -> bool {
    at.title.metric || (at.text.kpi_words > 0 && at.text.specific_words == 0)
}
