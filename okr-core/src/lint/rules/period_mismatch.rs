use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags a key result due outside its objective's cycle, and a cycle whose dates fall
    /// outside its parent cycle's.
    ///
    /// ## Why is this bad?
    /// A key result due after the cycle ends cannot be graded with it, and a quarter that
    /// runs past its year muddles every rollup by period.
    ///
    /// ## Example
    /// A Q1 key result with `due: 2026-05-15`.
    ///
    /// ## Use instead
    /// Move the key result to the cycle it belongs to, or fix the dates.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// Viva Goals (period checks); the seeds.
    pub struct PeriodMismatch { code: "OKR405", name: "period-mismatch", category: Practice }
}

impl Rule for PeriodMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::KEY_RESULTS
    }

    fn check_key_result(&self, _cx: &Context<'_>, at: &KeyResultAt<'_>, out: &mut Vec<Finding>) {
        let KeyResultAt {
            key_result: k,
            path,
            ..
        } = *at;
        let Some(due) = k.due else {
            return;
        };
        let Some(cycle) = at.cycle else {
            return;
        };
        let outside =
            cycle.end.is_some_and(|end| due > end) || cycle.start.is_some_and(|start| due < start);
        if outside {
            out.push(Finding::new(
                path.field("due"),
                ids([&k.id]),
                format!(
                    "key result `{}` is due {due}, outside its cycle `{}`",
                    k.id, cycle.id
                ),
                "move it to the cycle it belongs to, or fix the due date",
            ));
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (i, c) in cx.plan.cycles.iter().enumerate() {
            let Some(parent) = c.parent.as_deref().and_then(|p| cx.cycles.get(p)) else {
                continue;
            };
            let before = matches!((c.start, parent.start), (Some(a), Some(b)) if a < b);
            let after = matches!((c.end, parent.end), (Some(a), Some(b)) if a > b);
            if before || after {
                out.push(Finding::new(
                    At::Cycle(i),
                    ids([&c.id, &parent.id]),
                    format!("cycle `{}` runs outside its parent `{}`", c.id, parent.id),
                    "fix the dates so the child cycle lies within its parent",
                ));
            }
        }
    }
}
