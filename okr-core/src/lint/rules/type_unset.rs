use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an objective that is neither `committed` nor `aspirational`.
    ///
    /// ## Why is this bad?
    /// The two kinds are graded differently: a committed objective is expected at 1.0, an
    /// aspirational one near 0.7. Without the type, a 0.7 is either a miss or a success, and
    /// nobody knows which.
    ///
    /// ## Example
    /// An objective with no `type:`.
    ///
    /// ## Use instead
    /// Set `type: committed` or `type: aspirational`.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// Google's OKR playbook (committed vs aspirational OKRs).
    pub struct TypeUnset { code: "OKR107", name: "type-unset", category: Advice }
}

impl Rule for TypeUnset {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let i = at.index;
        let o = at.objective;
        if o.commitment.is_none() {
            out.push(Finding::new(
                At::objective(i),
                ids([&o.id]),
                format!("objective `{}` is neither committed nor aspirational", o.id),
                "set `type: committed` (expected at 1.0) or `type: aspirational` (a good result is about 0.7)",
            ));
        }
    }
}
