use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::model::{DAY_MS, KrKind, ObjectiveState};

declare_rule! {
    /// ## What it does
    /// Flags a key result with no check-in `first_check_in_within_days` after its cycle began.
    ///
    /// ## Why is this bad?
    /// A key result nobody has reported on after the first week is usually one nobody is
    /// working on; the cycle is short, and a late start rarely recovers.
    ///
    /// ## Example
    /// A key result with no check-ins three weeks into the quarter.
    ///
    /// ## Use instead
    /// Record where it stands now, even if that is the start value.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// Viva Goals alerts ("not updated"); the seeds.
    pub struct NotStartedLate { code: "OKR402", name: "not-started-late", category: Practice }
}

impl Rule for NotStartedLate {
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
        let grace = i64::from(cx.settings.first_check_in_within_days) * DAY_MS;
        let KeyResultAt {
            handle: h,
            objective: o,
            key_result: k,
            path,
            ..
        } = *at;
        let e = &eval.key_results[h];
        if e.count > 0
            || matches!(
                o.state(),
                ObjectiveState::Closed | ObjectiveState::Cancelled
            )
            || matches!(k.kind, KrKind::Aggregate { .. })
        {
            return;
        }
        if let Some(start) = engine.period_start(h) {
            let since = cx.as_of.instant_millis() - start;
            if since > grace && engine.in_period(h, &cx.as_of) {
                out.push(Finding::new(
                    path,
                    ids([&k.id]),
                    format!(
                        "key result `{}` has no check-in {} days into its cycle",
                        k.id,
                        since / DAY_MS
                    ),
                    "record where it stands now, even if that is the start value",
                ));
            }
        }
    }
}
