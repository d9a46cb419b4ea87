use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::model::ProgressFrom;

declare_rule! {
    /// ## What it does
    /// Flags an objective with no key results and no aligned children that drive its progress.
    ///
    /// ## Why is this bad?
    /// Nothing measures it, so it cannot be scored or tracked: it is a wish, not an OKR.
    ///
    /// ## Example
    /// An objective with an empty `key_results` list and the default `progress_from`.
    ///
    /// ## Use instead
    /// Add two to five key results, or set `progress_from: children` when the objective is
    /// measured by the objectives aligned to it.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// The open-okr method spec; Google's OKR playbook ("an objective without key results").
    pub struct ObjectiveWithoutKeyResults { code: "OKR104", name: "objective-without-key-results", category: Correctness }
}

impl Rule for ObjectiveWithoutKeyResults {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let i = at.index;
        let o = at.objective;
        if !o.key_results.is_empty() {
            return;
        }
        let children = cx.alignment().children(i).len();
        let driven = matches!(
            o.progress_from,
            Some(ProgressFrom::Children | ProgressFrom::Both)
        ) && children > 0;
        if !driven {
            out.push(Finding::new(
                At::objective(i),
                ids([&o.id]),
                format!("objective `{}` has no key results{}", o.id, if children > 0 { " and does not roll up its children" } else { "" }),
                "add key results, or set `progress_from: children` if aligned objectives measure it",
            ));
        }
    }
}
