use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};

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

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (_, _, _, k, path) in cx.key_results() {
            if let Some((start, Some(g))) = k.kind.range() {
                if start.unwrap_or(0.0) == g {
                    out.push(Finding::new(format!("{path}.target"), vec![k.id.clone()], format!("key result `{}` starts at its target ({g}): there is nothing to move", k.id), "use `type: stay_above`/`stay_below` for a level to hold, or set a real target"));
                }
            }
        }
    }
}
