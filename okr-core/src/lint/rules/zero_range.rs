use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::validate::{RangeProblem, range_problem};

declare_rule! {
    /// ## What it does
    /// Flags an increase, decrease or aggregate key result whose start equals its target.
    ///
    /// ## Why is this bad?
    /// There is nothing to move: progress is undefined (peers score it 0, 0.5 or refuse it).
    /// Usually the key result is really "stay at this level", a KPI.
    ///
    /// ## Example
    /// `start: 99.9`, `target: 99.9`.
    ///
    /// ## Use instead
    /// `type: stay_above` with `threshold: 99.9`, or set a real target.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// GitLab and PuzzleOKR (refused at load); okr-tracker, Leantime, Operately (scored).
    pub struct ZeroRange { code: "OKR207", name: "zero-range", category: Correctness }
}

impl Rule for ZeroRange {
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
        if let Some(RangeProblem::Zero { value }) = range_problem(&k.kind) {
            out.push(Finding::new(
                path.field("target"),
                ids([&k.id]),
                format!(
                    "key result `{}` starts at its target ({value}): there is nothing to move",
                    k.id
                ),
                "use `type: stay_above`/`stay_below` for a level to hold, or set a real target",
            ));
        }
    }
}
