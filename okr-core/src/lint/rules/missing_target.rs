use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an increase, decrease or aggregate key result with no `target`.
    ///
    /// ## Why is this bad?
    /// Without a target it cannot be scored at all: progress, status and forecast are empty.
    ///
    /// ## Example
    /// `type: increase` with `start: 30` and nothing else.
    ///
    /// ## Use instead
    /// Set the `target`, or make it a `baseline` key result if the target cannot be set yet.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// The open-okr method spec; the seeds.
    pub struct MissingTarget { code: "OKR206", name: "missing-target", category: Correctness }
}

impl Rule for MissingTarget {
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
        if let Some((_, None)) = k.kind.range() {
            out.push(Finding::new(
                path,
                ids([&k.id]),
                format!(
                    "key result `{}` has no target, so it cannot be scored",
                    k.id
                ),
                "set `target`, or use `type: baseline` while the target is still unknown",
            ));
        }
    }
}
