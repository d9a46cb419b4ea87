use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags a cycle longer than `max_cycle_days`, or one without dates.
    ///
    /// ## Why is this bad?
    /// OKRs work on short cycles (a quarter is usual); a two-year "cycle" is a strategy, and
    /// a cycle without dates cannot say what is expected by when.
    ///
    /// ## Example
    /// A cycle from 2026-01-01 to 2027-12-31.
    ///
    /// ## Use instead
    /// Quarters (or four-month terms) under a yearly parent cycle.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// Google's OKR playbook (quarterly cycles); the seeds.
    pub struct CycleTooLong { code: "OKR406", name: "cycle-too-long", category: Practice }
}

impl Rule for CycleTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (i, c) in cx.plan.cycles.iter().enumerate() {
            match (c.start, c.end) {
                (Some(s), Some(e)) => {
                    let days = (e - s).num_days() + 1;
                    if days > cx.settings.max_cycle_days {
                        out.push(Finding::new(
                            At::Cycle(i),
                            ids([&c.id]),
                            format!("cycle `{}` lasts {days} days", c.id),
                            "use quarters (or similar) under a yearly parent cycle",
                        ));
                    }
                }
                _ => out.push(Finding::new(
                    At::Cycle(i),
                    ids([&c.id]),
                    format!(
                        "cycle `{}` has no {}",
                        c.id,
                        if c.start.is_none() && c.end.is_none() {
                            "dates"
                        } else if c.start.is_none() {
                            "start date"
                        } else {
                            "end date"
                        }
                    ),
                    "give the cycle a start and an end date",
                )),
            }
        }
    }
}
