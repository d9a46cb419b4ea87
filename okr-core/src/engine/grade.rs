//! Google's grading at the end of a cycle (DESIGN §7).

use crate::model::Commitment;
use crate::policy::GradingPolicy;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::status::EPSILON;

/// Google's grading bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Band {
    /// 0.0–0.3: failed to make real progress.
    Red,
    /// 0.4–0.6: progress, short of the goal.
    Yellow,
    /// 0.7–1.0: delivered.
    Green,
}

/// The grade of a closed (or closing) objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Grade {
    /// The final score: the hand-set one when present, else the computed progress.
    pub score: f64,
    /// Whether `score` was set by hand.
    pub manual: bool,
    /// Its band.
    pub band: Band,
    /// The score this kind of objective is expected to reach (1.0 committed, 0.7
    /// aspirational); `None` when the objective is neither.
    pub expected: Option<f64>,
    /// Whether it met what its type expects (committed: 1.0; aspirational: about 0.7).
    pub meets_expectation: Option<bool>,
}

pub fn band(score: f64, policy: &GradingPolicy) -> Band {
    if score >= policy.green_from - EPSILON {
        Band::Green
    } else if score >= policy.yellow_from - EPSILON {
        Band::Yellow
    } else {
        Band::Red
    }
}

pub fn grade(
    computed: Option<f64>,
    manual: Option<f64>,
    commitment: Option<Commitment>,
    policy: &GradingPolicy,
) -> Option<Grade> {
    let score = manual.or(computed)?;
    let expected = commitment.map(|c| match c {
        Commitment::Committed => policy.committed_expectation,
        Commitment::Aspirational => policy.aspirational_expectation,
    });
    Some(Grade {
        score,
        manual: manual.is_some(),
        band: band(score, policy),
        expected,
        meets_expectation: expected.map(|e| score >= e - EPSILON),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_bands() {
        let p = GradingPolicy::default();
        assert_eq!(band(0.3, &p), Band::Red);
        assert_eq!(band(0.4, &p), Band::Yellow);
        assert_eq!(band(0.6, &p), Band::Yellow);
        assert_eq!(band(0.7, &p), Band::Green);
    }

    #[test]
    fn manual_score_wins_and_committed_wants_one() {
        let p = GradingPolicy::default();
        let g = grade(Some(0.9), Some(0.6), Some(Commitment::Committed), &p);
        assert_eq!(
            g.as_ref().map(|g| (g.score, g.manual, g.meets_expectation)),
            Some((0.6, true, Some(false)))
        );
        let g = grade(Some(0.7), None, Some(Commitment::Aspirational), &p);
        assert_eq!(g.and_then(|g| g.meets_expectation), Some(true));
    }
}
