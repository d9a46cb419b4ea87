use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an increase, decrease or aggregate key result with no `start`.
    ///
    /// ## Why is this bad?
    /// Progress is measured from the start; without it the engine counts from 0, which
    /// overstates progress on anything that did not begin at zero.
    ///
    /// ## Example
    /// `Raise NPS to 45` with `target: 45` and no `start`.
    ///
    /// ## Use instead
    /// Set `start` to the value when the cycle began (`start: 32`), or use a `baseline` key
    /// result first to find it.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// The seeds ("from X to Y"); the open-okr method spec.
    pub struct MissingBaseline { code: "OKR205", name: "missing-baseline", category: Practice }
}

impl Rule for MissingBaseline {
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
        if let Some((None, _)) = k.kind.range() {
            out.push(Finding::new(
                path,
                ids([&k.id]),
                format!(
                    "key result `{}` has no start, so progress counts from 0",
                    k.id
                ),
                "set `start` to the value when the cycle began",
            ));
        }
    }
}
