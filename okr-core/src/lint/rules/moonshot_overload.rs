use crate::lint::Id;
use crate::lint::at::At;
use crate::lint::context::{Context, WithId, groups_over};
use crate::lint::facts::{Facts, NONE};
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
        let cycles = facts.cycle_slots();
        let aspirational = (0..cx.plan.objectives.len())
            .filter(|&i| {
                facts.objective_state[i] != ObjectiveState::Cancelled
                    && facts.objective_commitment[i] == Some(Commitment::Aspirational)
            })
            .filter(|&i| facts.objective_unit[i] != NONE)
            .map(|i| {
                let (unit, cycle) = (facts.objective_unit[i], facts.objective_cycle[i]);
                (unit as usize * cycles + Facts::cycle_slot(cycle), i)
            });
        let keys = facts.units.names.len() * cycles;
        let copy_id = |i| (i, Id::from(cx.objective_id(i)));
        let mut over: Vec<(&str, &str, Vec<WithId>)> =
            groups_over(aspirational, keys, limit, copy_id)
                .into_iter()
                .map(|(key, list)| {
                    let unit = facts.units.names[key / cycles];
                    let cycle = (key % cycles)
                        .checked_sub(1)
                        .map_or("", |c| facts.cycles.names[c]);
                    (unit, cycle, list)
                })
                .collect();
        over.sort_unstable_by_key(|g| (g.0, g.1));
        for (unit, _, list) in over {
            let (first_over, count) = (list[limit].0, list.len());
            let ids = list.into_iter().map(|(_, id)| id).collect();
            out.push(Finding::new(
                At::objective(first_over),
                ids,
                format!("unit `{unit}` has {count} aspirational objectives in one cycle; one moonshot is balanced by roofshots"),
                "make the others committed, or keep one moonshot per unit and cycle",
            ));
        }
    }
}
