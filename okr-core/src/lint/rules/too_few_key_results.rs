use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::model::ProgressFrom;

declare_rule! {
    /// ## What it does
    /// Flags an objective with fewer key results than `min_key_results` (but at least one).
    ///
    /// ## Why is this bad?
    /// One number rarely captures an objective: it invites gaming that number at the cost of
    /// what the objective is about. A second, balancing key result (quality beside quantity)
    /// keeps it honest.
    ///
    /// ## Example
    /// "Delight new customers" measured only by sign-ups.
    ///
    /// ## Use instead
    /// Add a key result that balances the first, such as activation or satisfaction.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// The seeds (2–3 key results per objective); Radical Focus (paired measures).
    pub struct TooFewKeyResults { code: "OKR103", name: "too-few-key-results", category: Advice }
}

impl Rule for TooFewKeyResults {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let min = cx.settings.min_key_results;
        let i = at.index;
        let o = at.objective;
        let n = o.key_results.len();
        if n > 0 && n < min && o.progress_from != Some(ProgressFrom::Children) {
            out.push(Finding::new(
                At::objective_field(i, "key_results"),
                ids([&o.id]),
                format!("objective `{}` has {n} key result{}; {min} or more keep one number from standing for the whole objective", o.id, if n == 1 { "" } else { "s" }),
                "add a key result that balances the first (quality beside quantity)",
            ));
        }
    }
}
