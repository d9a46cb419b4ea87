use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an objective with no `owner`. Key results without an owner of their own are owned
    /// by their objective's owner, so they are flagged only through it.
    ///
    /// ## Why is this bad?
    /// What everyone owns, nobody owns: no one checks in, and no one answers for a miss.
    ///
    /// ## Example
    /// An objective with no `owner:` line.
    ///
    /// ## Use instead
    /// Name one accountable person; a team can still do the work.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// The seeds; Viva Goals alerts ("no owner"); Tability's plan score.
    pub struct MissingOwner { code: "OKR105", name: "missing-owner", category: Practice }
}

impl Rule for MissingOwner {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let i = at.index;
        let o = at.objective;
        if o.owner.as_deref().is_none_or(|s| s.trim().is_empty()) {
            let unowned = o.key_results.iter().filter(|k| k.owner.is_none()).count();
            out.push(Finding::new(
                At::objective(i),
                ids([&o.id]),
                format!(
                    "objective `{}` has no owner{}",
                    o.id,
                    if unowned > 0 {
                        format!(" (nor do {unowned} of its key results)")
                    } else {
                        String::new()
                    }
                ),
                "name one accountable person as `owner`",
            ));
        }
    }
}
