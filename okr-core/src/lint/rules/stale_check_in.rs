use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::model::{DAY_MS, ObjectiveState};

declare_rule! {
    /// ## What it does
    /// Flags a key result whose last check-in is older than `stale_after_days` while its
    /// period is running.
    ///
    /// ## Why is this bad?
    /// OKRs left alone for weeks are forgotten; the score is out of date and nobody notices a
    /// slip until the cycle is over. Weekly check-ins are the advice.
    ///
    /// ## Example
    /// A key result last checked in five weeks ago.
    ///
    /// ## Use instead
    /// Check in every week, even when the number has not moved; say so in the note.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// The seeds (weekly check-ins); Viva Goals alerts; Radical Focus (Monday commitments).
    pub struct StaleCheckIn { code: "OKR401", name: "stale-check-in", category: Practice }
}

impl Rule for StaleCheckIn {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::KEY_RESULTS
    }

    fn check_key_result(&self, cx: &Context<'_>, at: &KeyResultAt<'_>, out: &mut Vec<Finding>) {
        let Some((engine, eval)) = &cx.scored else {
            return;
        };
        let limit = i64::from(cx.settings.stale_after_days) * DAY_MS;
        let KeyResultAt {
            objective_index: i,
            handle: h,
            objective: o,
            key_result: k,
            path,
            ..
        } = *at;
        let e = &eval.key_results[h];
        if e.count == 0
            || matches!(
                o.state(),
                ObjectiveState::Closed | ObjectiveState::Cancelled
            )
            || !engine.in_period(h, &cx.as_of)
        {
            return;
        }
        let age = cx.as_of.instant_millis() - e.last;
        if age > limit {
            out.push(Finding::new(
                path,
                ids([&k.id, &cx.plan.objectives[i].id]),
                format!(
                    "key result `{}` was last checked in {} days ago",
                    k.id,
                    age / DAY_MS
                ),
                "check in weekly, even when the number has not moved",
            ));
        }
    }
}
