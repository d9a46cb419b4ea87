//! Scoring, status and grading policies.
//!
//! Peer tools disagree on the edge cases (overshoot, backslide, start == target,
//! threshold equality). Each is an explicit field here, never a hidden choice, and the
//! presets reproduce each peer's figures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What happens to progress when the value passes the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Overshoot {
    /// Progress stops at 1.0.
    Clamp,
    /// Progress goes above 1.0 (150 %).
    Keep,
}

/// What happens to progress when the value falls behind the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Backslide {
    /// Progress stops at 0.0.
    Clamp,
    /// Progress goes negative.
    Keep,
}

/// Increase/decrease (and aggregate) key results whose start equals their target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ZeroRange {
    /// Refused when the plan is loaded, with an error naming the key result.
    Reject,
    /// Progress 0.
    Zero,
    /// Progress 0.5.
    Half,
}

/// Whether a value exactly at a stay-above/stay-below threshold counts as met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdRule {
    /// Exactly at the threshold fails.
    Strict,
    /// Exactly at the threshold passes.
    Inclusive,
}

/// Where the zones of a numeric zoned key result begin, as a share of the way from
/// baseline to stretch, and the progress each zone scores.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Zones {
    /// Share of baseline → stretch where `commit` begins (default 0.3).
    pub commit_at: f64,
    /// Share where `target` begins (default 0.7).
    pub target_at: f64,
    /// Progress scored in the commit zone (default 0.3).
    pub commit_score: f64,
    /// Progress scored in the target zone (default 0.7).
    pub target_score: f64,
    /// Progress scored in the stretch zone (default 1.0).
    pub stretch_score: f64,
}

impl Default for Zones {
    fn default() -> Self {
        Zones {
            commit_at: 0.3,
            target_at: 0.7,
            commit_score: 0.3,
            target_score: 0.7,
            stretch_score: 1.0,
        }
    }
}

/// How progress is computed at the edges.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoringPolicy {
    /// What happens past the target.
    pub overshoot: Overshoot,
    /// What happens behind the start.
    pub backslide: Backslide,
    /// What start equal to target means.
    pub zero_range: ZeroRange,
    /// Whether exactly at a threshold passes.
    pub threshold: ThresholdRule,
    /// The cut points of zones.
    pub zones: Zones,
}

impl Default for ScoringPolicy {
    fn default() -> Self {
        ScoringPolicy {
            overshoot: Overshoot::Clamp,
            backslide: Backslide::Clamp,
            zero_range: ZeroRange::Reject,
            threshold: ThresholdRule::Strict,
            zones: Zones::default(),
        }
    }
}

/// How the gap between expected and actual progress becomes a status.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum StatusRule {
    /// gap = expected − progress: gap ≤ `behind` on track, ≤ `at_risk` behind, else at
    /// risk (Viva Goals: 0 and 0.25).
    Gap {
        /// The boundary of on track and behind.
        behind: f64,
        /// The boundary of behind and at risk.
        at_risk: f64,
    },
    /// lead = progress − expected: lead ≥ `behind` on track, ≥ `at_risk` behind, else at
    /// risk (BurningOKR: −0.2 and −0.4).
    Lead {
        /// The boundary of on track and behind.
        behind: f64,
        /// The boundary of behind and at risk.
        at_risk: f64,
    },
    /// ratio = progress / expected: ratio < `at_risk` at risk, < `behind` behind
    /// (0.4 and 0.7).
    Ratio {
        /// The boundary of on track and behind.
        behind: f64,
        /// The boundary of behind and at risk.
        at_risk: f64,
    },
}

/// How status is decided.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusPolicy {
    /// How the gap between expected and actual progress becomes a status.
    pub rule: StatusRule,
    /// A key result with no check-in for longer than this many days is stale (default 14).
    pub stale_after_days: u32,
    /// Confidence at or above this, while at risk, is flagged as divergent (default 0.7).
    pub high_confidence: f64,
    /// Confidence at or below this, while on track or done, is flagged (default 0.3).
    pub low_confidence: f64,
}

impl Default for StatusPolicy {
    fn default() -> Self {
        StatusPolicy {
            rule: StatusRule::Gap {
                behind: 0.0,
                at_risk: 0.25,
            },
            stale_after_days: 14,
            high_confidence: 0.7,
            low_confidence: 0.3,
        }
    }
}

/// Google's grading scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradingPolicy {
    /// Scores below this are red (default 0.4: red is 0.0–0.3).
    pub yellow_from: f64,
    /// Scores at or above this are green (default 0.7).
    pub green_from: f64,
    /// Score a committed objective is expected to reach (default 1.0).
    pub committed_expectation: f64,
    /// Score an aspirational objective is expected to reach (default 0.7).
    pub aspirational_expectation: f64,
}

impl Default for GradingPolicy {
    fn default() -> Self {
        GradingPolicy {
            yellow_from: 0.4,
            green_from: 0.7,
            committed_expectation: 1.0,
            aspirational_expectation: 0.7,
        }
    }
}

/// Rules on the shape of the alignment graph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlignmentPolicy {
    /// Allow at most one `aligns_to` link per objective, as Perdoo does (default false).
    pub single_parent: bool,
}

/// Every rule that turns check-ins into numbers and statuses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// How progress is computed at the edges.
    pub scoring: ScoringPolicy,
    /// How status is decided.
    pub status: StatusPolicy,
    /// How cycles are graded.
    pub grading: GradingPolicy,
    /// How objectives may align.
    pub alignment: AlignmentPolicy,
}

/// Named policies that reproduce a peer tool's figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Preset {
    /// Clamp to [0, 1], reject start == target, strict thresholds, Viva Goals status.
    #[default]
    Default,
    /// okr-tracker (server): clamp, start == target scores 0.5.
    OkrTracker,
    /// BurningOKR: clamp, status from progress − elapsed with −0.2 / −0.4.
    BurningOkr,
    /// PuzzleOKR: zones at 0.3 / 0.7 / 1.0 of baseline → stretch, negative progress kept.
    PuzzleOkr,
    /// Quantive: progress above 1 kept (125 %).
    Quantive,
    /// Leantime: clamp, start == target scores 0.
    Leantime,
    /// Operately: clamp, start == target scores 0.
    Operately,
    /// Google grading: clamp, inclusive thresholds, ratio status, 0.4 / 0.7 bands.
    Google,
}

impl Preset {
    /// Every preset, in the order the docs list them.
    pub const ALL: [Preset; 8] = [
        Preset::Default,
        Preset::OkrTracker,
        Preset::BurningOkr,
        Preset::PuzzleOkr,
        Preset::Quantive,
        Preset::Leantime,
        Preset::Operately,
        Preset::Google,
    ];

    /// The preset's name, as written in a plan (`okr-tracker`).
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Default => "default",
            Preset::OkrTracker => "okr-tracker",
            Preset::BurningOkr => "burning-okr",
            Preset::PuzzleOkr => "puzzle-okr",
            Preset::Quantive => "quantive",
            Preset::Leantime => "leantime",
            Preset::Operately => "operately",
            Preset::Google => "google",
        }
    }

    /// The preset with this name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// The policy the preset stands for.
    pub fn policy(self) -> Policy {
        let mut p = Policy::default();
        match self {
            Preset::Default => {}
            Preset::OkrTracker => p.scoring.zero_range = ZeroRange::Half,
            Preset::BurningOkr => {
                p.status.rule = StatusRule::Lead {
                    behind: -0.2,
                    at_risk: -0.4,
                };
            }
            Preset::PuzzleOkr => p.scoring.backslide = Backslide::Keep,
            Preset::Quantive => p.scoring.overshoot = Overshoot::Keep,
            Preset::Leantime | Preset::Operately => p.scoring.zero_range = ZeroRange::Zero,
            Preset::Google => {
                p.scoring.threshold = ThresholdRule::Inclusive;
                p.status.rule = StatusRule::Ratio {
                    behind: 0.7,
                    at_risk: 0.4,
                };
            }
        }
        p
    }
}

/// The `policy:` section of a plan: a preset and any fields that override it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyConfig {
    /// A peer tool's policy to start from (default: this library's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    /// What happens past the target: `clamp` or `keep`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overshoot: Option<Overshoot>,
    /// What happens behind the start: `clamp` or `keep`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backslide: Option<Backslide>,
    /// What start equal to target means: `reject`, `zero` or `half`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_range: Option<ZeroRange>,
    /// Whether exactly at a threshold passes: `strict` or `inclusive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<ThresholdRule>,
    /// The cut points of zones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zones: Option<Zones>,
    /// How the gap becomes a status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusRule>,
    /// Days without a check-in before a key result is stale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_after_days: Option<u32>,
    /// How cycles are graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grading: Option<GradingPolicy>,
    /// Allow at most one parent per objective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_parent: Option<bool>,
}

impl PolicyConfig {
    /// The preset's policy with this section's fields laid over it.
    pub fn resolve(&self) -> Policy {
        let mut p = self.preset.unwrap_or_default().policy();
        if let Some(v) = self.overshoot {
            p.scoring.overshoot = v;
        }
        if let Some(v) = self.backslide {
            p.scoring.backslide = v;
        }
        if let Some(v) = self.zero_range {
            p.scoring.zero_range = v;
        }
        if let Some(v) = self.threshold {
            p.scoring.threshold = v;
        }
        if let Some(v) = self.zones {
            p.scoring.zones = v;
        }
        if let Some(v) = self.status {
            p.status.rule = v;
        }
        if let Some(v) = self.stale_after_days {
            p.status.stale_after_days = v;
        }
        if let Some(v) = self.grading {
            p.grading = v;
        }
        if let Some(v) = self.single_parent {
            p.alignment.single_parent = v;
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_names_round_trip() {
        for p in Preset::ALL {
            assert_eq!(Preset::parse(p.as_str()), Some(p));
        }
    }

    #[test]
    fn overrides_win_over_the_preset() {
        let cfg = PolicyConfig {
            preset: Some(Preset::Quantive),
            overshoot: Some(Overshoot::Clamp),
            ..PolicyConfig::default()
        };
        assert_eq!(cfg.resolve().scoring.overshoot, Overshoot::Clamp);
        assert_eq!(Preset::Quantive.policy().scoring.overshoot, Overshoot::Keep);
    }
}
