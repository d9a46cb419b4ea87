use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::validate::{RangeProblem, range_problem};

declare_rule! {
    /// ## What it does
    /// Flags a `decrease` key result whose target is above its start, or an `increase` whose
    /// target is below it.
    ///
    /// ## Why is this bad?
    /// The type and the numbers disagree, so progress runs backwards: every improvement
    /// lowers the score.
    ///
    /// ## Example
    /// `type: decrease`, `start: 300`, `target: 800`.
    ///
    /// ## Use instead
    /// Swap start and target, or use the other type.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// This library's validation; the open-okr method spec.
    pub struct DirectionMismatch { code: "OKR208", name: "direction-mismatch", category: Correctness }
}

impl Rule for DirectionMismatch {
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
        if let Some(RangeProblem::Backwards {
            kr_type,
            start,
            target,
        }) = range_problem(&k.kind)
        {
            out.push(Finding::new(
                path.field("target"),
                ids([&k.id]),
                format!(
                    "key result `{}` is `{}` but goes from {start} to {target}",
                    k.id,
                    kr_type.as_str()
                ),
                "swap start and target, or use the other type",
            ));
        }
    }
}
