use crate::engine::Status;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags a key result whose status, as of the moment linted, is `at_risk`: progress is far
    /// behind what the elapsed time (or its phased plan) expects.
    ///
    /// ## Why is this bad?
    /// It is the point of tracking: an at-risk key result needs a decision now (more effort,
    /// a new plan, or an honest lower target), not a surprise at the end.
    ///
    /// ## Example
    /// 35% of the way after 80% of the quarter.
    ///
    /// ## Use instead
    /// Discuss it at the next check-in; note the plan in the check-in.
    ///
    /// ## Options
    /// Thresholds come from the plan's status policy (`policy.status`).
    ///
    /// ## Sources
    /// Viva Goals (status from gap); BurningOKR; okr-tracker.
    pub struct BehindSchedule { code: "OKR403", name: "behind-schedule", category: Practice }
}

impl Rule for BehindSchedule {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::KEY_RESULTS
    }

    fn check_key_result(&self, cx: &Context<'_>, at: &KeyResultAt<'_>, out: &mut Vec<Finding>) {
        let Some((_, eval)) = &cx.scored else { return };
        let KeyResultAt {
            handle: h,
            key_result: k,
            path,
            ..
        } = *at;
        let e = &eval.key_results[h];
        if e.status == Status::AtRisk {
            let message = match (e.progress(), e.expected()) {
                (Some(p), Some(x)) => format!(
                    "key result `{}` is at risk: {}% against {}% expected",
                    k.id,
                    percent(p),
                    percent(x)
                ),
                _ => format!("key result `{}` is at risk", k.id),
            };
            out.push(Finding::new(
                path,
                ids([&k.id]),
                message,
                "decide at the next check-in: more effort, a new plan, or an honest lower target",
            ));
        }
    }
}

/// A share as a whole percentage, rounded as `{:.0}` rounds (ties to even), but
/// formatted as an integer, which is several times cheaper than float formatting.
fn percent(share: f64) -> i64 {
    (share * 100.0).round_ties_even() as i64
}
