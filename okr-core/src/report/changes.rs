//! What changed since an earlier moment (`okr report --since DATE`): each objective and
//! key result whose status changed or whose progress moved. The plan as it is now is
//! scored at both moments (check-ins dated after the earlier one do not count for it);
//! edits to the plan itself are what `okr diff` compares.

use crate::engine::{Scorecard, Status};

/// One item that moved.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Change {
    pub id: String,
    pub title: String,
    pub objective: bool,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub status_before: Status,
    pub status_after: Status,
}

impl Change {
    /// The change in progress, 0 when either end is unknown.
    pub fn moved(&self) -> f64 {
        match (self.before, self.after) {
            (Some(b), Some(a)) => a - b,
            _ => 0.0,
        }
    }
}

/// Progress moves smaller than this (half a percentage point) are not changes.
const NOISE: f64 = 0.005;

/// Every item whose status changed or whose progress moved between `before` and
/// `after`, status changes first, then the largest moves.
pub(crate) fn changes(before: &Scorecard, after: &Scorecard) -> Vec<Change> {
    let mut out = Vec::new();
    for o in &after.objectives {
        if let Some(b) = before.objective(&o.id) {
            out.push(Change {
                id: o.id.clone(),
                title: o.title.clone(),
                objective: true,
                before: b.progress,
                after: o.progress,
                status_before: b.status,
                status_after: o.status,
            });
        }
        for k in &o.key_results {
            if let Some(b) = before.key_result(&k.id) {
                out.push(Change {
                    id: k.id.clone(),
                    title: k.title.clone(),
                    objective: false,
                    before: b.progress,
                    after: k.progress,
                    status_before: b.status,
                    status_after: k.status,
                });
            }
        }
    }
    out.retain(|c| {
        c.status_before != c.status_after
            || c.moved().abs() >= NOISE
            || c.before.is_some() != c.after.is_some()
    });
    out.sort_by(|a, b| {
        let status = |c: &Change| c.status_before == c.status_after;
        status(a)
            .cmp(&status(b))
            .then(b.moved().abs().total_cmp(&a.moved().abs()))
    });
    out
}

/// `+12 pts`, `-3 pts`, `–` when unknown.
pub(crate) fn moved_text(c: &Change) -> String {
    match (c.before, c.after) {
        (Some(_), Some(_)) => format!("{:+.0} pts", c.moved() * 100.0),
        _ => "–".into(),
    }
}
