//! Status of a key result or objective from expected vs actual progress.

use crate::policy::StatusRule;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Tolerance for comparing progress figures, so that 0.1 + 0.2 is not "behind" 0.3.
pub const EPSILON: f64 = 1e-9;

/// Where a key result or objective stands against where it should be by now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Status {
    /// No check-in yet.
    NotStarted,
    /// At or ahead of the expected progress.
    OnTrack,
    /// Short of it by a little.
    Behind,
    /// Short of it by a lot.
    AtRisk,
    /// Target reached.
    Done,
    /// No check-in for longer than the policy's cadence.
    Stale,
    /// The objective is closed or cancelled.
    Closed,
    /// Nothing to score against: a baseline KR, or a numeric KR without a target.
    NoTarget,
}

impl Status {
    /// Every status, from best to worst, then those that say nothing about progress.
    pub const ALL: [Status; 8] = [
        Status::Done,
        Status::OnTrack,
        Status::NotStarted,
        Status::Stale,
        Status::Behind,
        Status::AtRisk,
        Status::Closed,
        Status::NoTarget,
    ];

    /// The status as text: `on_track`, `behind`, `at_risk`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::AtRisk => "at_risk",
            Status::Done => "done",
            Status::Stale => "stale",
            Status::Closed => "closed",
            Status::NoTarget => "no_target",
        }
    }

    /// How bad the status is when taking the worst of several; `None` for statuses
    /// that say nothing about progress (closed, no target).
    pub fn severity(self) -> Option<u8> {
        match self {
            Status::Done => Some(0),
            Status::OnTrack => Some(1),
            Status::NotStarted => Some(2),
            Status::Stale => Some(3),
            Status::Behind => Some(4),
            Status::AtRisk => Some(5),
            Status::Closed | Status::NoTarget => None,
        }
    }

    /// The worst of `statuses`, as an objective's status is its items' (see
    /// [`StatusFold`]).
    pub fn worst(statuses: impl IntoIterator<Item = Status>) -> Status {
        let mut fold = StatusFold::default();
        statuses.into_iter().for_each(|s| fold.add(s));
        fold.finish()
    }
}

/// The worst of several statuses, taken one at a time (the engine folds an objective's
/// items as it meets them), as a manager reads an objective: an item not yet started
/// does not make an objective under way "not started". So the worst of the items that
/// have started counts; "done" reads "on track" while another item has not started;
/// and "not started" only when no item has. (A key result left unstarted too long is
/// flagged on its own line and by the `not-started-late` lint rule.) Without any
/// graded status: closed if any item is closed, else no target if any item has none,
/// else not started (nothing to go on).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusFold {
    worst: Option<Status>,
    not_started: bool,
    closed: bool,
    no_target: bool,
}

impl StatusFold {
    /// Takes one item's status into account.
    pub fn add(&mut self, s: Status) {
        if s == Status::NotStarted {
            self.not_started = true;
            return;
        }
        match s.severity() {
            Some(sev) => {
                if self
                    .worst
                    .and_then(Status::severity)
                    .is_none_or(|w| sev > w)
                {
                    self.worst = Some(s);
                }
            }
            None => {
                self.closed |= s == Status::Closed;
                self.no_target |= s == Status::NoTarget;
            }
        }
    }

    /// The status of the items taken.
    pub fn finish(self) -> Status {
        match self.worst {
            Some(Status::Done) if self.not_started => Status::OnTrack,
            Some(w) => w,
            None if self.not_started => Status::NotStarted,
            None if self.closed => Status::Closed,
            None if self.no_target => Status::NoTarget,
            None => Status::NotStarted,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// On track, behind or at risk from `progress` against `expected` under `rule`.
pub fn grade_gap(progress: f64, expected: f64, rule: &StatusRule) -> Status {
    match *rule {
        StatusRule::Gap { behind, at_risk } => {
            let gap = expected - progress;
            if gap <= behind + EPSILON {
                Status::OnTrack
            } else if gap <= at_risk + EPSILON {
                Status::Behind
            } else {
                Status::AtRisk
            }
        }
        StatusRule::Lead { behind, at_risk } => {
            let lead = progress - expected;
            if lead >= behind - EPSILON {
                Status::OnTrack
            } else if lead >= at_risk - EPSILON {
                Status::Behind
            } else {
                Status::AtRisk
            }
        }
        StatusRule::Ratio { behind, at_risk } => {
            if expected <= EPSILON {
                return Status::OnTrack;
            }
            let ratio = progress / expected;
            if ratio < at_risk - EPSILON {
                Status::AtRisk
            } else if ratio < behind - EPSILON {
                Status::Behind
            } else {
                Status::OnTrack
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viva_goals_gaps() {
        let rule = StatusRule::Gap {
            behind: 0.0,
            at_risk: 0.25,
        };
        assert_eq!(grade_gap(0.5, 0.5, &rule), Status::OnTrack);
        assert_eq!(grade_gap(0.3, 0.5, &rule), Status::Behind);
        assert_eq!(
            grade_gap(0.25, 0.5, &rule),
            Status::Behind,
            "gap exactly 0.25 is behind"
        );
        assert_eq!(grade_gap(0.2, 0.5, &rule), Status::AtRisk);
        assert_eq!(grade_gap(0.1 + 0.2, 0.3, &rule), Status::OnTrack);
    }

    #[test]
    fn ratio_rule() {
        let rule = StatusRule::Ratio {
            behind: 0.7,
            at_risk: 0.4,
        };
        assert_eq!(grade_gap(0.3, 0.5, &rule), Status::Behind);
        assert_eq!(grade_gap(0.1, 0.5, &rule), Status::AtRisk);
        assert_eq!(grade_gap(0.4, 0.5, &rule), Status::OnTrack);
    }

    #[test]
    fn worst_ignores_closed_and_untargeted_items() {
        use Status::*;
        assert_eq!(Status::worst([OnTrack, NoTarget, Behind]), Behind);
        assert_eq!(Status::worst([Done, Done]), Done);
        assert_eq!(Status::worst([NoTarget]), NoTarget);
        assert_eq!(Status::worst([Closed, NoTarget]), Closed);
        assert_eq!(Status::worst([]), NotStarted);
        assert_eq!(Status::worst([Stale, AtRisk, OnTrack]), AtRisk);
    }

    #[test]
    fn an_item_not_started_does_not_make_an_objective_under_way_not_started() {
        use Status::*;
        assert_eq!(Status::worst([OnTrack, NotStarted]), OnTrack);
        assert_eq!(Status::worst([Behind, NotStarted]), Behind);
        // Half done, half not begun: under way, not done.
        assert_eq!(Status::worst([Done, NotStarted]), OnTrack);
        assert_eq!(Status::worst([NotStarted, NotStarted]), NotStarted);
        assert_eq!(Status::worst([NotStarted, Closed]), NotStarted);
    }
}
