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
    /// The ratio before the policy's clamps (150 % is 1.5).
    pub raw: f64,
    /// The score the policy makes of it (clamped to 0–1 by default).
    pub score: f64,
}

impl Progress {
    fn flat(p: f64) -> Self {
        Progress { raw: p, score: p }
    }
}

/// What a check-in value must look like, without the rest of the kind.
#[derive(Clone, Copy, Debug)]
pub enum Shape<'a> {
    Numeric(crate::model::KrType),
    Milestone,
    Checklist(&'a [Step]),
    NamedZones,
}

impl<'a> Shape<'a> {
    pub fn of(kind: &'a KrKind) -> Self {
        match kind {
            KrKind::Milestone => Shape::Milestone,
            KrKind::Checklist { steps } => Shape::Checklist(steps),
            KrKind::Zones { .. } if !kind.is_numeric() => Shape::NamedZones,
            _ => Shape::Numeric(kind.kr_type()),
        }
    }
}

/// Turns a check-in value into its one-number form for `kind`, or says why it does not fit.
pub fn encode_value(kind: &KrKind, value: &Value) -> Result<f64, String> {
    encode(Shape::of(kind), value)
}

pub fn encode(shape: Shape<'_>, value: &Value) -> Result<f64, String> {
    match (shape, value) {
        (Shape::Milestone, Value::Bool(b)) => Ok(if *b { 1.0 } else { 0.0 }),
        (Shape::Milestone, other) => Err(format!(
            "a milestone check-in is true or false, not {}",
            other.shape()
        )),
        (Shape::Checklist(steps), Value::Steps(done)) => {
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
        (Shape::Checklist(_), other) => Err(format!(
            "a checklist check-in lists the finished step ids, not {}",
            other.shape()
        )),
        (Shape::NamedZones, Value::Text(t)) => ZONES
            .iter()
            .position(|z| z == t)
            .map(|i| i as f64)
            .ok_or_else(|| format!("`{t}` is not a zone; use one of {}", ZONES.join(", "))),
        (Shape::NamedZones, other) => Err(format!(
            "this zones key result has no numbers, so a check-in names a zone ({}), not {}",
            ZONES.join(", "),
            other.shape()
        )),
        (Shape::Numeric(_), Value::Number(n)) if n.is_finite() => Ok(*n),
        (Shape::Numeric(_), Value::Number(n)) => {
            Err(format!("the value must be a finite number, not {n}"))
        }
        (Shape::Numeric(t), other) => {
            let name = t.as_str();
            let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            Err(format!(
                "{article} {name} check-in is a number, not {}",
                other.shape()
            ))
        }
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
    // `+ 0.0` turns the -0.0 of a decrease not yet started (0 / -20) into 0.0, so that
    // no score prints as "-0 %" and `max(-0.0, 0.0)` below cannot pick either sign.
    let raw = (v - start) / (target - start) + 0.0;
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
    p + 0.0
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

/// A key result's kind reduced to the numbers scoring needs, with the policy's zone
/// cut points already applied. `Copy`, 40 bytes: one per key result in the engine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// increase, decrease, aggregate with a target.
    Linear {
        start: f64,
        target: f64,
    },
    /// Numeric without a target (baseline, or a target not set yet): not scored.
    Untargeted {
        start: f64,
    },
    Above {
        threshold: f64,
        band: f64,
    },
    Below {
        threshold: f64,
        band: f64,
    },
    Within {
        low: f64,
        high: f64,
    },
    Milestone,
    /// Step weights are `weights[first..first + len]`.
    Checklist {
        first: u32,
        len: u32,
    },
    ZonesNumeric {
        baseline: f64,
        commit: f64,
        target: f64,
        stretch: f64,
    },
    ZonesNamed,
}

impl Kind {
    /// Compacts `kind`, appending checklist step weights to `weights`.
    pub fn compile(kind: &KrKind, policy: &ScoringPolicy, weights: &mut Vec<f64>) -> Kind {
        match kind {
            KrKind::Increase { start, target }
            | KrKind::Decrease { start, target }
            | KrKind::Aggregate { start, target, .. } => match target {
                Some(g) => Kind::Linear {
                    start: start.unwrap_or(0.0),
                    target: *g,
                },
                None => Kind::Untargeted {
                    start: start.unwrap_or(0.0),
                },
            },
            KrKind::Baseline { start } => Kind::Untargeted {
                start: start.unwrap_or(0.0),
            },
            KrKind::StayAbove { threshold, band } => Kind::Above {
                threshold: *threshold,
                band: band.unwrap_or(0.0),
            },
            KrKind::StayBelow { threshold, band } => Kind::Below {
                threshold: *threshold,
                band: band.unwrap_or(0.0),
            },
            KrKind::Within { low, high } => Kind::Within {
                low: *low,
                high: *high,
            },
            KrKind::Milestone => Kind::Milestone,
            KrKind::Checklist { steps } => {
                let first = weights.len() as u32;
                weights.extend(steps.iter().map(Step::weight));
                Kind::Checklist {
                    first,
                    len: steps.len() as u32,
                }
            }
            KrKind::Zones {
                start: Some(b),
                commit,
                target,
                stretch: Some(s),
            } => {
                let (c, t) = zone_cuts(*b, *commit, *target, *s, policy);
                Kind::ZonesNumeric {
                    baseline: *b,
                    commit: c,
                    target: t,
                    stretch: *s,
                }
            }
            KrKind::Zones { .. } => Kind::ZonesNamed,
        }
    }

    /// The value before the first check-in.
    pub fn initial(&self) -> f64 {
        match self {
            Kind::Linear { start, .. } | Kind::Untargeted { start } => *start,
            Kind::ZonesNumeric { baseline, .. } => *baseline,
            _ => 0.0,
        }
    }
}

/// Progress of a key result of `kind` whose current (encoded) value is `v`.
/// `None` when the kind has no score: a baseline, or a numeric KR without a target.
pub fn progress(kind: &Kind, v: f64, weights: &[f64], policy: &ScoringPolicy) -> Option<Progress> {
    match *kind {
        Kind::Linear { start, target } => linear(start, target, v, policy),
        Kind::Untargeted { .. } => None,
        Kind::Above { threshold, .. } => Some(Progress::flat(bool_score(holds(
            v,
            threshold,
            true,
            policy.threshold,
        )))),
        Kind::Below { threshold, .. } => Some(Progress::flat(bool_score(holds(
            v,
            threshold,
            false,
            policy.threshold,
        )))),
        Kind::Within { low, high } => Some(Progress::flat(bool_score(low <= v && v <= high))),
        Kind::Milestone => Some(Progress::flat(bool_score(v >= 0.5))),
        Kind::Checklist { first, len } => {
            let weights = &weights[first as usize..(first + len) as usize];
            let mask = v as u64;
            let total: f64 = weights.iter().sum();
            let done: f64 = weights
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, w)| w)
                .sum();
            (total > 0.0).then(|| Progress::flat(done / total))
        }
        Kind::ZonesNumeric {
            baseline,
            commit,
            target,
            stretch,
        } => {
            let rank = zone_rank(v, baseline, (commit, target), stretch);
            let raw = if stretch == baseline {
                0.0
            } else {
                (v - baseline) / (stretch - baseline)
            };
            Some(Progress {
                raw,
                score: zone_score(rank, policy),
            })
        }
        Kind::ZonesNamed => Some(Progress::flat(zone_score(v as usize, policy))),
    }
}

/// Progress of a document key result at value `v`, for callers without an engine.
#[cfg(test)]
pub fn progress_of(kind: &KrKind, v: f64, policy: &ScoringPolicy) -> Option<Progress> {
    let mut weights = Vec::new();
    let compact = Kind::compile(kind, policy, &mut weights);
    progress(&compact, v, &weights, policy)
}

fn bool_score(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Preset;

    fn p(kind: &KrKind, v: f64, preset: Preset) -> Option<Progress> {
        progress_of(kind, v, &preset.policy().scoring)
    }

    #[test]
    fn a_decrease_at_its_start_is_zero_not_minus_zero() {
        let k = KrKind::Decrease {
            start: Some(60.0),
            target: Some(40.0),
        };
        for preset in Preset::ALL {
            let progress = p(&k, 60.0, preset).expect("a ratio");
            assert!(
                progress.raw.is_sign_positive(),
                "{preset:?}: raw {}",
                progress.raw
            );
            assert!(
                progress.score.is_sign_positive(),
                "{preset:?}: score {}",
                progress.score
            );
        }
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

    proptest::proptest! {
    #[test]
    fn progress_stays_within_bounds(start in -1e4f64..1e4, span in 0.001f64..1e4, up in proptest::prelude::any::<bool>(), v in -1e5f64..1e5) {
        let target = if up { start + span } else { start - span };
        let kind = if up { KrKind::Increase { start: Some(start), target: Some(target) } } else { KrKind::Decrease { start: Some(start), target: Some(target) } };
        let p = progress_of(&kind, v, &crate::Policy::default().scoring).ok_or_else(|| proptest::test_runner::TestCaseError::fail("scorable"))?;
        proptest::prop_assert!((0.0..=1.0).contains(&p.score), "clamped {}", p.score);
        proptest::prop_assert!(p.raw.is_finite());
        proptest::prop_assert!(p.score == p.raw.clamp(0.0, 1.0));
    }

    }
}
