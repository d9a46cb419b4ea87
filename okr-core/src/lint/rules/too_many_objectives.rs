use crate::lint::Id;
use crate::lint::at::At;
use crate::lint::context::{Context, WithId, groups_over};
use crate::lint::facts::{Facts, NONE};
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use crate::model::ObjectiveState;

declare_rule! {
    /// ## What it does
    /// Flags an owner or a unit with more objectives in one cycle than `max_objectives`.
    ///
    /// ## Why is this bad?
    /// OKRs are a tool for focus. Five objectives is already a lot; past that, nothing is a
    /// priority and effort spreads too thin for any objective to move.
    ///
    /// ## Example
    /// A team with seven objectives for Q1.
    ///
    /// ## Use instead
    /// Pick the three to five that matter most this cycle; keep the rest as a backlog, or as
    /// KPIs if they are about keeping things healthy.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// The seeds (1–3 objectives, at most 5); Google's OKR playbook; Radical Focus.
    pub struct TooManyObjectives { code: "OKR101", name: "too-many-objectives", category: Practice }
}

impl Rule for TooManyObjectives {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let limit = cx.settings.max_objectives;
        let facts = cx.facts();
        let cycles = facts.cycle_slots();
        let owners = facts.owners.names.len();
        // Owners, then units, each by cycle: (owner or owners + unit) * cycles + cycle.
        let counted = (0..cx.plan.objectives.len())
            .filter(|&i| facts.objective_state[i] != ObjectiveState::Cancelled)
            .flat_map(|i| {
                let cycle = Facts::cycle_slot(facts.objective_cycle[i]);
                let (owner, unit) = (facts.objective_owner[i], facts.objective_unit[i]);
                let owner = (owner != NONE).then(|| owner as usize * cycles + cycle);
                let unit = (unit != NONE).then(|| (owners + unit as usize) * cycles + cycle);
                [owner, unit].into_iter().flatten().map(move |key| (key, i))
            });
        let keys = (owners + facts.units.names.len()) * cycles;
        // (("owner" or "unit", its name, cycle name), objectives), by names.
        // Ids are copied in objective order, in which the engine keeps them side by side.
        let copy_id = |i| (i, Id::from(cx.objective_id(i)));
        let mut over: Vec<(Group, Vec<WithId>)> = groups_over(counted, keys, limit, copy_id)
            .into_iter()
            .map(|(key, list)| {
                let who = key / cycles;
                let cycle = (key % cycles)
                    .checked_sub(1)
                    .map_or("", |c| facts.cycles.names[c]);
                let group = match who.checked_sub(owners) {
                    None => ("owner", facts.owners.names[who], cycle),
                    Some(unit) => ("unit", facts.units.names[unit], cycle),
                };
                (group, list)
            })
            .collect();
        over.sort_unstable_by_key(|g| g.0);
        for ((what, who, cycle), list) in over {
            let (first_over, count) = (list[limit].0, list.len());
            let ids = list.into_iter().map(|(_, id)| id).collect();
            let in_cycle = if cycle.is_empty() {
                String::new()
            } else {
                format!(" in cycle `{cycle}`")
            };
            out.push(Finding::new(
                At::objective(first_over),
                ids,
                format!("{what} `{who}` has {} objectives{in_cycle}; at most {limit} keep a cycle focused", count),
                "choose the objectives that matter most this cycle and move the rest to a backlog or to KPIs",
            ));
        }
    }
}

/// What a group counts ("owner" or "unit"), its name and the cycle's.
type Group<'a> = (&'static str, &'a str, &'a str);
