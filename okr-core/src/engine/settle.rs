//! How a key result ended: whether its value at the due date hit, once that is known.
//! Confidence calibration (`crate::calibration`) judges stated confidence against it.

use super::compile::{Engine, NO_WINDOW};
use super::evaluate::count_up_to;
use super::kinds::{Kind, progress};
use super::status::EPSILON;
use super::time::AsOf;
use crate::model::KrType;

/// A key result whose outcome is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Settled {
    /// The instant it was settled (ms): the end of its due day, or the moment asked
    /// about for a closed objective not yet due.
    pub at: i64,
    /// Whether it hit.
    pub hit: bool,
}

impl Engine {
    /// Key result `h`'s outcome as of `as_of`, when known: its due date has passed, or
    /// its objective is `closed` (then as it stands at `as_of`). A hit is reaching the
    /// target (a zoned key result: its target zone; a threshold or range: holding it,
    /// as the policy judges equality), or, with `hit_at`, progress of at least that.
    /// `None` for aggregates, key results without a period, and kinds with no score.
    pub(crate) fn settled(
        &self,
        h: usize,
        as_of: &AsOf,
        closed: bool,
        hit_at: Option<f64>,
    ) -> Option<Settled> {
        if self.kr_type[h] == KrType::Aggregate || self.window[h] == NO_WINDOW {
            return None;
        }
        let due = self.window[h].1;
        let at = if due <= as_of.instant {
            due
        } else if closed {
            as_of.instant
        } else {
            return None;
        };
        let s = self.series(h);
        let kind = &self.kind[h];
        let value = match count_up_to(s.t, at - 1) {
            0 => kind.initial(),
            n => s.v[n - 1],
        };
        let p = progress(kind, value, &self.step_weights, &self.policy.scoring)?;
        let hit = match (hit_at, kind) {
            (Some(mark), _) => p.score >= mark - EPSILON,
            (None, Kind::ZonesNumeric { .. } | Kind::ZonesNamed) => {
                p.score >= self.policy.scoring.zones.target_score - EPSILON
            }
            (None, Kind::Above { .. } | Kind::Below { .. } | Kind::Within { .. }) => {
                p.score >= 1.0 - EPSILON
            }
            (None, _) => p.raw >= 1.0 - EPSILON,
        };
        Some(Settled { at, hit })
    }

    /// The progress (unclamped) key result `h` would have at value `v`, for kinds whose
    /// progress moves with the value: increase, decrease, a targeted aggregate, numeric
    /// zones (the share of baseline → stretch). `None` for the rest, whose progress is
    /// a step (thresholds, ranges, milestones, named zones, checklists).
    pub(crate) fn value_progress(&self, h: usize, v: f64) -> Option<f64> {
        match self.kind[h] {
            Kind::Linear { start, target }
            | Kind::ZonesNumeric {
                baseline: start,
                stretch: target,
                ..
            } if target != start => Some((v - start) / (target - start)),
            _ => None,
        }
    }

    /// The confidences stated at key result `h`'s check-ins before `before` (ms), in
    /// time order, each with the share of the key result's period elapsed when it was
    /// stated (0 before the period starts).
    pub(crate) fn stated(&self, h: usize, before: i64) -> impl Iterator<Item = (f64, f64)> + '_ {
        let s = self.series(h);
        let n = count_up_to(s.t, before - 1);
        let (start, end) = self.window[h];
        s.t[..n]
            .iter()
            .zip(&s.c[..n])
            .filter(|(_, c)| !c.is_nan())
            .map(move |(&t, &c)| {
                let elapsed = super::time::elapsed_fraction(start, end, t);
                // Kept as f32; six decimals give back what people wrote. Confidences
                // lie in [0, 1], so a cast rounds them (`round` is a libm call on
                // baseline x86-64, and this runs once per check-in).
                (elapsed, (f64::from(c) * 1e6 + 0.5) as i64 as f64 / 1e6)
            })
    }
}
