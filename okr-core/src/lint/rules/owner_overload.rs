use crate::lint::context::{Context, groups_over, owned_ids};
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
        let facts = cx.facts();
        let mut handle = 0;
        let mut open_key_results: Vec<(usize, usize)> = Vec::with_capacity(facts.kr_owner.len());
        for (i, o) in cx.plan.objectives.iter().enumerate() {
            let handles = handle..handle + o.key_results.len();
            handle = handles.end;
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
        let mut over: Vec<(&str, Vec<usize>)> = groups_over(open_key_results, owners, limit)
            .into_iter()
            .map(|(owner, list)| (facts.owners.names[owner], list))
            .collect();
        over.sort_unstable_by_key(|g| g.0);
        for (owner, list) in over {
            let ids = owned_ids(list.iter().map(|&h| cx.kr_id(h)));
            out.push(Finding::new(
                cx.kr_path(list[limit]).field("owner"),
                ids,
                format!("`{owner}` owns {} open key results; more than {limit} is more than one person can drive", list.len()),
                "give some of these key results to the people doing the work",
            ));
        }
    }
}
