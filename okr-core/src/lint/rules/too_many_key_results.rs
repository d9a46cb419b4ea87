use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an objective with more key results than `max_key_results`.
    ///
    /// ## Why is this bad?
    /// A long list of key results is usually a task list in disguise, and it dilutes the score:
    /// no single result matters much to the objective.
    ///
    /// ## Example
    /// An objective with six key results, half of them deliverables.
    ///
    /// ## Use instead
    /// Keep the two to five results that best show the objective was reached.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// The seeds (2–3, at most 5 key results); Google's OKR playbook.
    pub struct TooManyKeyResults { code: "OKR102", name: "too-many-key-results", category: Practice }
}

impl Rule for TooManyKeyResults {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let limit = cx.settings.max_key_results;
        let i = at.index;
        let o = at.objective;
        if o.key_results.len() > limit {
            out.push(Finding::new(
                At::objective_field(i, "key_results"),
                ids([&o.id]),
                format!("objective `{}` has {} key results; at most {limit} keep it measurable at a glance", o.id, o.key_results.len()),
                "keep the results that best show the objective was reached; move deliverables to initiatives",
            ));
        }
    }
}
