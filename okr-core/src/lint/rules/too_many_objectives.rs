use crate::lint::at::At;
use crate::lint::context::{Context, groups_over, owned_ids};
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
    /// - `max_objectives`: default 5 (strict profile: 3).
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
        let counted = cx
            .plan
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| o.state() != ObjectiveState::Cancelled)
            .flat_map(|(i, o)| {
                let cycle = o.cycle.as_deref().unwrap_or("");
                [("owner", o.owner.as_deref()), ("unit", o.unit.as_deref())]
                    .into_iter()
                    .filter_map(move |(what, who)| Some(((what, who?, cycle), i)))
            });
        for ((what, who, cycle), list) in groups_over(counted, limit) {
            let ids = owned_ids(list.iter().map(|&i| cx.plan.objectives[i].id.as_str()));
            let in_cycle = if cycle.is_empty() {
                String::new()
            } else {
                format!(" in cycle `{cycle}`")
            };
            out.push(Finding::new(
                At::objective(list[limit]),
                ids,
                format!("{what} `{who}` has {} objectives{in_cycle}; at most {limit} keep a cycle focused", list.len()),
                "choose the objectives that matter most this cycle and move the rest to a backlog or to KPIs",
            ));
        }
    }
}
