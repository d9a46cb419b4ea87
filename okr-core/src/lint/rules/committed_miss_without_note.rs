use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::lint::rules::sandbagging::final_score;
use crate::model::{Commitment, ObjectiveState};

declare_rule! {
    /// ## What it does
    /// Flags a closed committed objective that scored below 1.0 and has no `closing_note`.
    ///
    /// ## Why is this bad?
    /// Committed objectives are promises; a miss is information others planned around. Without
    /// a note, the reason and the lesson are lost.
    ///
    /// ## Example
    /// `type: committed`, `state: closed`, score 0.8, no closing note.
    ///
    /// ## Use instead
    /// Write what happened and what changes next cycle in `closing_note`.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// Google's OKR playbook (committed OKRs); the seeds.
    pub struct CommittedMissWithoutNote { code: "OKR502", name: "committed-miss-without-note", category: Practice }
}

impl Rule for CommittedMissWithoutNote {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let i = at.index;
        let o = at.objective;
        if o.commitment != Some(Commitment::Committed)
            || o.state() != ObjectiveState::Closed
            || o.closing_note
                .as_deref()
                .is_some_and(|n| !n.trim().is_empty())
        {
            return;
        }
        if let Some(score) = final_score(cx, i) {
            if score < 1.0 - 1e-9 {
                out.push(Finding::new(
                    At::objective(i),
                    ids([&o.id]),
                    format!(
                        "committed objective `{}` closed at {score:.2} with no closing note",
                        o.id
                    ),
                    "write what happened and what changes next cycle in `closing_note`",
                ));
            }
        }
    }
}
