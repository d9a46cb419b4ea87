use crate::lint::context::KrPath;
use crate::lint::context::{Context, groups_over, owned_ids};
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use crate::model::ObjectiveState;

declare_rule! {
    /// ## What it does
    /// Flags a person who owns more open key results than `max_key_results_per_owner`.
    ///
    /// ## Why is this bad?
    /// Nobody can drive that many results at once; some will go stale, and the owner becomes
    /// a bottleneck for check-ins.
    ///
    /// ## Example
    /// One manager owning nine key results across four objectives.
    ///
    /// ## Use instead
    /// Hand key results to the people who do the work; keep owner counts small.
    ///
    /// ## Options
    /// - `max_key_results_per_owner`: default 4 (strict profile: 3).
    ///
    /// ## Sources
    /// The seeds; Tability's plan score (ownership spread).
    pub struct OwnerOverload { code: "OKR106", name: "owner-overload", category: Practice }
}

impl Rule for OwnerOverload {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let limit = cx.settings.max_key_results_per_owner;
        let open_key_results = cx
            .plan
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                !matches!(
                    o.state(),
                    ObjectiveState::Closed | ObjectiveState::Cancelled
                )
            })
            .flat_map(|(i, o)| {
                o.key_results.iter().enumerate().filter_map(move |(j, k)| {
                    Some((k.owner.as_deref().or(o.owner.as_deref())?, (i, j)))
                })
            });
        for (owner, list) in groups_over(open_key_results, limit) {
            let (i, j) = list[limit];
            let ids = owned_ids(
                list.iter()
                    .map(|&(i, j)| cx.plan.objectives[i].key_results[j].id.as_str()),
            );
            out.push(Finding::new(
                KrPath { objective: i, key_result: j }.field("owner"),
                ids,
                format!("`{owner}` owns {} open key results; more than {limit} is more than one person can drive", list.len()),
                "give some of these key results to the people doing the work",
            ));
        }
    }
}
