use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::diagnostic::Severity;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule, ids};
use crate::model::{Commitment, ObjectiveState};
use std::collections::{HashMap, HashSet};

declare_rule! {
    /// ## What it does
    /// Flags an owner whose aspirational objectives score `sandbagging_score` (0.9) or more in
    /// `sandbagging_cycles` (2) or more cycles (warning), and, more gently, any closed
    /// aspirational objective scoring above `aspirational_closed_above` (0.8, info).
    ///
    /// ## Why is this bad?
    /// Aspirational OKRs are meant to be missed a little: around 0.7 is a good result.
    /// Scoring 1.0 again and again means the goals were not ambitious.
    ///
    /// ## Example
    /// An owner's aspirational objectives closing at 1.0 in Q1 and Q2.
    ///
    /// ## Use instead
    /// Set the next aspirational targets past what the team knows how to reach, or make the
    /// objective committed.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// Google's OKR playbook (sandbagging); the seeds.
    pub struct Sandbagging { code: "OKR501", name: "sandbagging", category: Practice }
}

impl Rule for Sandbagging {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut by_owner: HashMap<&str, Vec<(usize, &str, f64)>> = HashMap::new();
        for (i, o) in cx.plan.objectives.iter().enumerate() {
            if o.commitment != Some(Commitment::Aspirational)
                || !matches!(o.state(), ObjectiveState::Closed)
            {
                continue;
            }
            let Some(score) = final_score(cx, i) else {
                continue;
            };
            by_owner
                .entry(o.owner.as_deref().unwrap_or(""))
                .or_default()
                .push((i, o.cycle.as_deref().unwrap_or(""), score));
        }
        for (owner, list) in by_owner {
            let high: Vec<&(usize, &str, f64)> = list
                .iter()
                .filter(|x| x.2 >= cx.settings.sandbagging_score)
                .collect();
            let cycles: HashSet<&str> = high.iter().map(|x| x.1).collect();
            let repeated = !owner.is_empty() && cycles.len() >= cx.settings.sandbagging_cycles;
            for &(i, _, score) in &list {
                let o = &cx.plan.objectives[i];
                if repeated && score >= cx.settings.sandbagging_score {
                    out.push(Finding::new(At::objective(i), ids([&o.id]), format!("`{owner}`'s aspirational objectives scored {:.2} or more in {} cycles (this one {score:.2}): the goals may not be ambitious", cx.settings.sandbagging_score, cycles.len()), "set the next aspirational targets past what the team knows how to reach"));
                } else if score > cx.settings.aspirational_closed_above {
                    out.push(Finding::new(At::objective(i), ids([&o.id]), format!("aspirational objective `{}` closed at {score:.2}; about 0.7 is a good aspirational result", o.id), "check whether the target was ambitious enough").with_severity(Severity::Info));
                }
            }
        }
    }
}

/// The score an objective closed with: set by hand, or computed.
pub(crate) fn final_score(cx: &Context<'_>, i: usize) -> Option<f64> {
    cx.plan.objectives[i].score.or_else(|| {
        cx.scored
            .as_ref()
            .and_then(|(_, eval)| eval.objectives[i].progress())
    })
}
