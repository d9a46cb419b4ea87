//! Progress formulas of every key-result kind (DESIGN §4), as pure functions over one
//! number per check-in.
//!
//! Each check-in value is encoded once into an `f64` so that scoring runs over flat
//! arrays: numbers stay numbers, a milestone is 0/1, an ordinal zone is its rank 0–3 and
//! a checklist is the bit set of its finished steps (hence at most 52 steps, the integers
//! an `f64` holds exactly).

use crate::model::{KrKind, Step, Value};
use crate::policy::{Backslide, Overshoot, ScoringPolicy, ThresholdRule, ZeroRange};

/// Most steps a checklist may have.
pub const MAX_STEPS: usize = 52;

/// Zone names in rank order.
pub const ZONES: [&str; 4] = ["fail", "commit", "target", "stretch"];

/// Progress of a key result: `raw` is the unclamped ratio users want to see ("150 %"),
/// `score` is what the policy makes of it and what objectives average.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub raw: f64,
    pub score: f64,
}

impl Progress {
    fn flat(p: f64) -> Self {
        Progress { raw: p, score: p }
    }
}

/// Turns a check-in value into its one-number form for `kind`, or says why it does not fit.
pub fn encode_value(kind: &KrKind, value: &Value) -> Result<f64, String> {
    match (kind, value) {
        (KrKind::Milestone, Value::Bool(b)) => Ok(if *b { 1.0 } else { 0.0 }),
        (KrKind::Milestone, other) => Err(format!(
            "a milestone check-in is true or false, not {}",
            other.shape()
        )),
        (KrKind::Checklist { steps }, Value::Steps(done)) => {
            let mut mask: u64 = 0;
            for id in done {
                let i = steps.iter().position(|s| &s.id == id).ok_or_else(|| {
                    format!(
                        "step `{id}` is not a step of this checklist (steps: {})",
                        steps
                            .iter()
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })?;
                mask |= 1 << i;
            }
            Ok(mask as f64)
        }
        (KrKind::Checklist { .. }, other) => Err(format!(
            "a checklist check-in lists the finished step ids, not {}",
            other.shape()
        )),
        (KrKind::Zones { .. }, _) if !kind.is_numeric() => match value {
            Value::Text(t) => ZONES
                .iter()
                .position(|z| z == t)
                .map(|i| i as f64)
                .ok_or_else(|| format!("`{t}` is not a zone; use one of {}", ZONES.join(", "))),
            other => Err(format!(
                "this zones key result has no numbers, so a check-in names a zone ({}), not {}",
                ZONES.join(", "),
                other.shape()
            )),
        },
        (_, Value::Number(n)) if n.is_finite() => Ok(*n),
        (_, Value::Number(n)) => Err(format!("the value must be a finite number, not {n}")),
        (_, other) => Err(format!(
            "a {} check-in is a number, not {}",
            kind.kr_type().as_str(),
            other.shape()
        )),
    }
}

/// The document form of an encoded value.
pub fn decode_value(kind: &KrKind, encoded: f64) -> Value {
    match kind {
        KrKind::Milestone => Value::Bool(encoded >= 0.5),
        KrKind::Checklist { steps } => {
            Value::Steps(finished(steps, encoded).map(|s| s.id.clone()).collect())
        }
        KrKind::Zones { .. } if !kind.is_numeric() => {
            Value::Text(ZONES[(encoded as usize).min(3)].to_string())
        }
        _ => Value::Number(encoded),
    }
}

fn finished(steps: &[Step], mask: f64) -> impl Iterator<Item = &Step> {
    let mask = mask as u64;
    steps
        .iter()
        .enumerate()
        .filter(move |(i, _)| mask & (1 << i) != 0)
        .map(|(_, s)| s)
}

/// `(v − start) / (target − start)`, which is also the decrease formula
/// `(start − v) / (start − target)`; `None` only when start == target is rejected.
pub fn linear(start: f64, target: f64, v: f64, policy: &ScoringPolicy) -> Option<Progress> {
    if target == start {
        return match policy.zero_range {
            ZeroRange::Reject => None,
            ZeroRange::Zero => Some(Progress::flat(0.0)),
            ZeroRange::Half => Some(Progress::flat(0.5)),
        };
    }
    let raw = (v - start) / (target - start);
    Some(Progress {
        raw,
        score: apply_bounds(raw, policy),
    })
}

fn apply_bounds(raw: f64, policy: &ScoringPolicy) -> f64 {
    let mut p = raw;
    if policy.overshoot == Overshoot::Clamp {
        p = p.min(1.0);
    }
    if policy.backslide == Backslide::Clamp {
        p = p.max(0.0);
    }
    p
}

/// Whether `v` is on the safe side of `threshold` (`above`: higher is safe).
pub fn holds(v: f64, threshold: f64, above: bool, rule: ThresholdRule) -> bool {
    match (above, rule) {
        (true, ThresholdRule::Strict) => v > threshold,
        (true, ThresholdRule::Inclusive) => v >= threshold,
        (false, ThresholdRule::Strict) => v < threshold,
        (false, ThresholdRule::Inclusive) => v <= threshold,
    }
}

/// The numeric zone cut values (commit, target) of a zoned KR: the stored ones, or the
/// policy's shares of the way from baseline to stretch.
pub fn zone_cuts(
    baseline: f64,
    commit: Option<f64>,
    target: Option<f64>,
    stretch: f64,
    policy: &ScoringPolicy,
) -> (f64, f64) {
    let span = stretch - baseline;
    (
        commit.unwrap_or(baseline + policy.zones.commit_at * span),
        target.unwrap_or(baseline + policy.zones.target_at * span),
    )
}

/// The zone rank (0 fail … 3 stretch) a value reaches.
pub fn zone_rank(v: f64, baseline: f64, cuts: (f64, f64), stretch: f64) -> usize {
    let up = stretch >= baseline;
    let reaches = |x: f64| if up { v >= x } else { v <= x };
    if reaches(stretch) {
        3
    } else if reaches(cuts.1) {
        2
    } else if reaches(cuts.0) {
        1
    } else {
        0
    }
}

pub fn zone_score(rank: usize, policy: &ScoringPolicy) -> f64 {
    match rank {
        0 => 0.0,
        1 => policy.zones.commit_score,
        2 => policy.zones.target_score,
        _ => policy.zones.stretch_score,
    }
}

/// Progress of a key result of `kind` whose current (encoded) value is `v`.
/// `None` when the kind has no score: a baseline, or a numeric KR without a target.
pub fn progress(kind: &KrKind, v: f64, policy: &ScoringPolicy) -> Option<Progress> {
    match kind {
        KrKind::Increase { start, target }
        | KrKind::Decrease { start, target }
        | KrKind::Aggregate { start, target, .. } => {
            linear(start.unwrap_or(0.0), (*target)?, v, policy)
        }
        KrKind::StayAbove { threshold, .. } => Some(Progress::flat(bool_score(holds(
            v,
            *threshold,
            true,
            policy.threshold,
        )))),
        KrKind::StayBelow { threshold, .. } => Some(Progress::flat(bool_score(holds(
            v,
            *threshold,
            false,
            policy.threshold,
        )))),
        KrKind::Within { low, high } => Some(Progress::flat(bool_score(*low <= v && v <= *high))),
        KrKind::Milestone => Some(Progress::flat(bool_score(v >= 0.5))),
        KrKind::Checklist { steps } => {
            let total: f64 = steps.iter().map(Step::weight).sum();
            let done: f64 = finished(steps, v).map(Step::weight).sum();
            (total > 0.0).then(|| Progress::flat(done / total))
        }
        KrKind::Zones {
            start,
            commit,
            target,
            stretch,
        } => match (start, stretch) {
            (Some(b), Some(s)) => {
                let cuts = zone_cuts(*b, *commit, *target, *s, policy);
                let rank = zone_rank(v, *b, cuts, *s);
                let raw = if s == b { 0.0 } else { (v - b) / (s - b) };
                Some(Progress {
                    raw,
                    score: zone_score(rank, policy),
                })
            }
            _ => Some(Progress::flat(zone_score(v as usize, policy))),
        },
        KrKind::Baseline { .. } => None,
    }
}

fn bool_score(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// The encoded value a key result has before its first check-in.
pub fn initial_value(kind: &KrKind) -> f64 {
    kind.start().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Preset;

    fn p(kind: &KrKind, v: f64, preset: Preset) -> Option<Progress> {
        progress(kind, v, &preset.policy().scoring)
    }

    #[test]
    fn increase_clamps_but_keeps_the_raw_ratio() {
        let k = KrKind::Increase {
            start: Some(0.0),
            target: Some(100.0),
        };
        assert_eq!(
            p(&k, 150.0, Preset::Default),
            Some(Progress {
                raw: 1.5,
                score: 1.0
            })
        );
        assert_eq!(
            p(&k, 150.0, Preset::Quantive),
            Some(Progress {
                raw: 1.5,
                score: 1.5
            })
        );
        assert_eq!(p(&k, -10.0, Preset::PuzzleOkr).map(|x| x.score), Some(-0.1));
    }

    #[test]
    fn thresholds_follow_the_equality_rule() {
        let k = KrKind::StayAbove {
            threshold: 99.0,
            band: None,
        };
        assert_eq!(p(&k, 99.0, Preset::Default).map(|x| x.score), Some(0.0));
        assert_eq!(p(&k, 99.0, Preset::Google).map(|x| x.score), Some(1.0));
        let k = KrKind::StayBelow {
            threshold: 200.0,
            band: None,
        };
        assert_eq!(p(&k, 150.0, Preset::Default).map(|x| x.score), Some(1.0));
    }

    #[test]
    fn checklist_weights_steps_and_rejects_unknown_ones() {
        let step = |id: &str, w: f64| Step {
            id: id.into(),
            title: None,
            weight: Some(w),
        };
        let k = KrKind::Checklist {
            steps: vec![step("a", 1.0), step("b", 3.0)],
        };
        let v = encode_value(&k, &Value::Steps(vec!["b".into()])).unwrap_or(f64::NAN);
        assert_eq!(p(&k, v, Preset::Default).map(|x| x.score), Some(0.75));
        assert_eq!(decode_value(&k, v), Value::Steps(vec!["b".into()]));
        let err = encode_value(&k, &Value::Steps(vec!["z".into()])).unwrap_err();
        assert!(err.contains("`z` is not a step"), "{err}");
    }

    #[test]
    fn ordinal_zones_read_zone_names() {
        let k = KrKind::Zones {
            start: None,
            commit: None,
            target: None,
            stretch: None,
        };
        let v = encode_value(&k, &Value::Text("target".into())).unwrap_or(f64::NAN);
        assert_eq!(p(&k, v, Preset::Default).map(|x| x.score), Some(0.7));
        assert!(encode_value(&k, &Value::Text("great".into())).is_err());
        assert!(encode_value(&k, &Value::Number(3.0)).is_err());
    }

    #[test]
    fn baseline_and_missing_target_are_not_scored() {
        assert_eq!(
            p(&KrKind::Baseline { start: None }, 3.0, Preset::Default),
            None
        );
        let k = KrKind::Increase {
            start: Some(0.0),
            target: None,
        };
        assert_eq!(p(&k, 3.0, Preset::Default), None);
    }
}
