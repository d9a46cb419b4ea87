use crate::engine::Status;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags a key result whose latest confidence disagrees with its status: high confidence
    /// (≥ `high_confidence`) while at risk, or low confidence (≤ `low_confidence`) while on
    /// track or done.
    ///
    /// ## Why is this bad?
    /// One of the two is wrong: either the numbers miss something the owner knows, or the
    /// owner has not looked at the numbers. Both are worth a conversation.
    ///
    /// ## Example
    /// Confidence 0.9 on a key result at 10% with half the quarter gone.
    ///
    /// ## Use instead
    /// Update the confidence with the check-in, and say why in the note.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// Radical Focus (confidence levels); Viva Goals; Perdoo.
    pub struct ConfidenceDivergence { code: "OKR404", name: "confidence-divergence", category: Advice }
}

impl Rule for ConfidenceDivergence {
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
        let Some(c) = e.confidence() else { return };
        let high = e.status == Status::AtRisk && c >= cx.settings.high_confidence;
        let low =
            matches!(e.status, Status::OnTrack | Status::Done) && c <= cx.settings.low_confidence;
        if high || low {
            out.push(Finding::new(
                path,
                ids([&k.id]),
                format!(
                    "key result `{}` is {} but its owner's confidence is {c}",
                    k.id,
                    status_words(e.status)
                ),
                "reconcile the two at the next check-in and say why in the note",
            ));
        }
    }
}

/// A status as words (`at risk`), without allocating.
fn status_words(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not started",
        Status::OnTrack => "on track",
        Status::AtRisk => "at risk",
        Status::NoTarget => "no target",
        other => other.as_str(),
    }
}
