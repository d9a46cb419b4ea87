use crate::lint::at::At;
use crate::lint::context::{Context, groups_over, owned_ids};
use crate::lint::facts::NONE;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use crate::model::{Commitment, ObjectiveState};

declare_rule! {
    /// ## What it does
    /// Flags a unit with more aspirational objectives in one cycle than
    /// `max_aspirational_per_unit`.
    ///
    /// ## Why is this bad?
    /// Moonshots are meant to be balanced by roofshots: a unit whose every objective is a
    /// stretch sets itself up to miss everything, and commitments get lost.
    ///
    /// ## Example
    /// A team with three aspirational objectives and no committed one.
    ///
    /// ## Use instead
    /// Keep one moonshot per unit and cycle, balanced by committed objectives.
    ///
    /// ## Options
    /// - `max_aspirational_per_unit`: default 1.
    ///
    /// ## Sources
    /// The seeds (moonshots vs roofshots); Google's OKR playbook.
    pub struct MoonshotOverload { code: "OKR108", name: "moonshot-overload", category: Advice }
}

impl Rule for MoonshotOverload {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let limit = cx.settings.max_aspirational_per_unit;
        let facts = cx.facts();
        let aspirational = (0..cx.plan.objectives.len())
            .filter(|&i| {
                facts.objective_state[i] != ObjectiveState::Cancelled
                    && facts.objective_commitment[i] == Some(Commitment::Aspirational)
            })
            .map(|i| ((facts.objective_unit[i], facts.objective_cycle[i]), i))
            .filter(|((unit, _), _)| *unit != NONE);
        let mut over: Vec<(&str, &str, Vec<usize>)> = groups_over(aspirational, limit)
            .into_iter()
            .map(|((unit, cycle), list)| {
                let unit = facts.units.name(unit).unwrap_or_default();
                (unit, facts.cycles.name(cycle).unwrap_or(""), list)
            })
            .collect();
        over.sort_unstable_by_key(|g| (g.0, g.1));
        for (unit, _, list) in over {
            let ids = owned_ids(list.iter().map(|&i| cx.objective_id(i)));
            out.push(Finding::new(
                At::objective(list[limit]),
                ids,
                format!("unit `{unit}` has {} aspirational objectives in one cycle; one moonshot is balanced by roofshots", list.len()),
                "make the others committed, or keep one moonshot per unit and cycle",
            ));
        }
    }
}
