use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::model::UnitKind;

declare_rule! {
    /// ## What it does
    /// Flags an objective below the company level that aligns to nothing.
    ///
    /// ## Why is this bad?
    /// Without a link up, nobody can see how the work serves the company's goals, and the
    /// objective may pull against them.
    ///
    /// ## Example
    /// A team objective with no `aligns_to`.
    ///
    /// ## Use instead
    /// Align it to the parent unit's objective or key result it contributes to.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// Viva Goals alerts ("not aligned"); the seeds (top-down only / line of sight).
    pub struct OrphanObjective { code: "OKR301", name: "orphan-objective", category: Practice }
}

impl Rule for OrphanObjective {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let i = at.index;
        let o = at.objective;
        if !o.aligns_to.is_empty() {
            return;
        }
        let Some(unit) = at.unit else {
            return;
        };
        if unit.kind != UnitKind::Company {
            out.push(Finding::new(
                At::objective(i),
                ids([&o.id]),
                format!(
                    "objective `{}` of {} `{}` aligns to nothing",
                    o.id,
                    unit_kind(unit.kind),
                    unit.id
                ),
                "align it to the objective or key result of its parent unit that it serves",
            ));
        }
    }
}

fn unit_kind(k: UnitKind) -> &'static str {
    match k {
        UnitKind::Company => "company",
        UnitKind::Department => "department",
        UnitKind::Team => "team",
        UnitKind::Individual => "person",
    }
}
