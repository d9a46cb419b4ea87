use crate::lint::Id;
use crate::lint::context::{Context, WithId, groups_over};
use crate::lint::facts::NONE;
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
        let facts = cx.facts();
        let mut open_key_results: Vec<(usize, usize)> = Vec::with_capacity(facts.kr_owner.len());
        for i in 0..cx.plan.objectives.len() {
            let handles = cx.key_results_of(i);
            if matches!(
                facts.objective_state[i],
                ObjectiveState::Closed | ObjectiveState::Cancelled
            ) {
                continue;
            }
            open_key_results.extend(
                handles
                    .filter(|&h| facts.kr_owner[h] != NONE)
                    .map(|h| (facts.kr_owner[h] as usize, h)),
            );
        }
        let owners = facts.owners.names.len();
        // Ids are copied in handle order, in which the engine keeps them side by side.
        let groups = groups_over(open_key_results, owners, limit, |h| {
            (h, Id::from(cx.kr_id(h)))
        });
        let mut over: Vec<(&str, Vec<WithId>)> = groups
            .into_iter()
            .map(|(owner, list)| (facts.owners.names[owner], list))
            .collect();
        over.sort_unstable_by_key(|g| g.0);
        for (owner, list) in over {
            let (first_over, count) = (list[limit].0, list.len());
            let ids = list.into_iter().map(|(_, id)| id).collect();
            out.push(Finding::new(
                cx.kr_path(first_over).field("owner"),
                ids,
                format!("`{owner}` owns {count} open key results; more than {limit} is more than one person can drive"),
                "give some of these key results to the people doing the work",
            ));
        }
    }
}
