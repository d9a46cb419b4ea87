//! The model behind a key result's probability: its value moves as a random walk with
//! drift (Brownian motion), fitted to its own check-ins and shrunk toward the plan's
//! other key results when it has few. See docs/forecasting.md.
//!
//! Between two check-ins `Δt` days apart the value changes by `μ·Δt + σ·√Δt·ε`, with
//! `ε` standard normal. From the series, `μ̂` is the change from the first point to the
//! last over the time between (the maximum-likelihood drift of Brownian motion), and
//! `σ̂²` the mean of `(Δv − μ̂·Δt)² / Δt`. Both are combined with a prior taken from the
//! population of key results of the same family in the plan (medians, so one wild series
//! cannot move it): `σ²` as a weighted mean of the prior's variance (two pseudo-steps) and
//! the series' own; `μ` as the precision-weighted mean of the prior drift and `μ̂`, whose
//! variance is `σ²` over the time observed. The pace may also change for the rest of the
//! cycle, by three quarters of its planned pace (`PACE_CHANGE`, set by the backtest). The value at the due
//! date is then normal, with mean `last + μ·h` and variance
//! `σ²·h + (var(μ) + change²)·h²`, `h` the days from the last check-in to the due date.

use super::super::compile::{Engine, NO_WINDOW};
use super::super::kinds::Kind;
use super::super::time::AsOf;
use super::normal::cdf;
use crate::model::DAY_MS;

/// Pseudo-steps the prior's volatility counts for against a series' own.
const PRIOR_STEPS: f64 = 2.0;
/// A family's prior is taken from the plan only when this many key results inform it.
const MIN_POPULATION: usize = 5;
/// Volatility over a whole cycle, in units of the key result's scale, when the plan
/// has too few key results to say: a quarter of the way from start to target, and half
/// the margin a threshold or range is held by.
const DEFAULT_SPREAD: (f64, f64) = (0.25, 0.5);
/// Progress per cycle a key result moving toward a target is expected to make, and the
/// spread of that expectation, when the plan has too few to say. 0.7 is the attainment
/// OKR practice aims an ambitious target at.
const DEFAULT_PACE: (f64, f64) = (0.7, 0.5);
/// Drift (scale per cycle) of a threshold or range, when the plan has too few to say.
const DEFAULT_HOLD_DRIFT: (f64, f64) = (0.0, 0.25);
/// How much a key result's pace may still change for the rest of its cycle: the
/// standard deviation of that change, as a share of its planned move per cycle (of its
/// scale, for a threshold or range). Without it a smooth series makes its own pace look
/// certain and extrapolates it to the due date with a needle-thin interval; real paces
/// stall and surge. Chosen by the backtest (`okr_core::backtest`, 4,000 key results of
/// seed 2; the quality test runs seed 1): 0.25, 0.5, 0.75 and 1.0 gave Brier scores at
/// a quarter / half / three quarters of the cycle of 0.197 / 0.180 / 0.094, 0.187 /
/// 0.173 / 0.092, 0.181 / 0.169 / 0.092 and 0.181 / 0.167 / 0.093 (docs/forecasting.md).
const PACE_CHANGE: f64 = 0.75;
/// The least spread a prior's drift keeps, so that a plan of identical key results
/// does not make the prior certain.
const MIN_DRIFT_SPREAD: f64 = 0.1;

/// The values that count as hitting a key result at its due date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Hit {
    AtLeast(f64),
    AtMost(f64),
    Between(f64, f64),
}

/// A key result's value at its due date, as a normal distribution (`sd` 0 when it is
/// already known), and the values that hit it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Outlook {
    pub mean: f64,
    pub sd: f64,
    pub hit: Hit,
}

impl Outlook {
    /// The probability that the value at the due date hits.
    pub fn probability(&self) -> f64 {
        if self.sd > 0.0 {
            let below = |x: f64| cdf((x - self.mean) / self.sd);
            match self.hit {
                Hit::AtLeast(x) => 1.0 - below(x),
                Hit::AtMost(x) => below(x),
                Hit::Between(lo, hi) => (below(hi) - below(lo)).max(0.0),
            }
        } else if self.hits(self.mean) {
            1.0
        } else {
            0.0
        }
    }

    pub fn hits(&self, v: f64) -> bool {
        match self.hit {
            Hit::AtLeast(x) => v >= x,
            Hit::AtMost(x) => v <= x,
            Hit::Between(lo, hi) => lo <= v && v <= hi,
        }
    }
}

/// Families of key results that share a prior.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// Moving from a start toward a target (increase, decrease, numeric zones).
    Toward,
    /// Holding a threshold or staying within a range.
    Hold,
}

/// What a key result aims at: the values that hit, its scale (what "a lot" of change
/// is), the value it starts from at the cycle's start, and the change it is meant to
/// make over the cycle.
#[derive(Clone, Copy, Debug)]
struct Aim {
    hit: Hit,
    scale: f64,
    anchor: Option<f64>,
    toward: f64,
    family: Family,
}

fn aim(kind: &Kind) -> Option<Aim> {
    let toward = |from: f64, to: f64, cut: f64| Aim {
        hit: if to > from {
            Hit::AtLeast(cut)
        } else {
            Hit::AtMost(cut)
        },
        scale: (to - from).abs(),
        anchor: Some(from),
        // What counts as progress: toward the cut that hits (or, when that cut is the
        // start itself, toward the far end).
        toward: if cut != from { cut - from } else { to - from },
        family: Family::Toward,
    };
    let aim = match *kind {
        Kind::Linear { start, target } if target != start => toward(start, target, target),
        Kind::ZonesNumeric {
            baseline,
            target,
            stretch,
            ..
        } if stretch != baseline => toward(baseline, stretch, target),
        // A threshold's scale is its warning band when it has one, else the margin its
        // check-ins keep (see `Engine::reading`): volatility relative to the threshold
        // itself would make 99.9 % availability swing by whole percents.
        Kind::Above { threshold, band } | Kind::Below { threshold, band } => Aim {
            hit: if matches!(kind, Kind::Above { .. }) {
                Hit::AtLeast(threshold)
            } else {
                Hit::AtMost(threshold)
            },
            scale: if band > 0.0 { band } else { f64::NAN },
            anchor: None,
            toward: 0.0,
            family: Family::Hold,
        },
        Kind::Within { low, high } => Aim {
            hit: Hit::Between(low, high),
            scale: if high > low {
                (high - low) / 2.0
            } else {
                f64::NAN
            },
            anchor: None,
            toward: 0.0,
            family: Family::Hold,
        },
        _ => return None,
    };
    (aim.scale.is_nan() || aim.scale > 0.0).then_some(aim)
}

/// The mean distance of `points` from the edge of `hit`: the margin a threshold or
/// range is held by. `None` when it is zero or there are no points.
fn margin(hit: Hit, points: &[(f64, f64)]) -> Option<f64> {
    let edge = |v: f64| match hit {
        Hit::AtLeast(x) | Hit::AtMost(x) => (v - x).abs(),
        Hit::Between(lo, hi) => (v - lo).abs().min((v - hi).abs()),
    };
    let m = points.iter().map(|p| edge(p.1)).sum::<f64>() / points.len() as f64;
    (m.is_finite() && m > 0.0).then_some(m)
}

/// A series' own estimates: the last point, the drift, the time it spans, the number
/// of steps and the sum of squared standardised residuals.
#[derive(Clone, Copy, Debug, Default)]
struct Fit {
    last: (f64, f64),
    drift: f64,
    span: f64,
    steps: usize,
    squares: f64,
}

/// Fits `points` (days since the cycle's start, value; in time order, at least one).
fn fit(points: &[(f64, f64)]) -> Fit {
    let (first, last) = (points[0], points[points.len() - 1]);
    let span = last.0 - first.0;
    let drift = if span > 0.0 {
        (last.1 - first.1) / span
    } else {
        0.0
    };
    let (mut steps, mut squares) = (0, 0.0);
    for w in points.windows(2) {
        let dt = w[1].0 - w[0].0;
        if dt > 0.0 {
            let r = w[1].1 - w[0].1 - drift * dt;
            squares += r * r / dt;
            steps += 1;
        }
    }
    Fit {
        last,
        drift,
        span,
        steps,
        squares,
    }
}

/// The population prior of one family, in scale units per cycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FamilyPrior {
    /// Standard deviation of the value over a whole cycle.
    spread: f64,
    /// Mean drift per cycle (progress for `Toward`, scale units for `Hold`), and its
    /// standard deviation.
    drift: (f64, f64),
}

/// Priors of both families, from a plan's key results as of one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Prior {
    toward: FamilyPrior,
    hold: FamilyPrior,
}

/// One key result's points and aim, read from the engine as of a moment: the check-ins
/// of its period up to the moment (days since the period's start), with its start value
/// first when it has one.
struct Reading {
    aim: Aim,
    /// Days from the period's start to the due date's end, and to the moment.
    length: f64,
    now: f64,
}

impl Engine {
    fn reading(&self, h: usize, as_of: &AsOf, points: &mut Vec<(f64, f64)>) -> Option<Reading> {
        points.clear();
        if self.window[h] == NO_WINDOW {
            return None;
        }
        let mut aim = aim(&self.kind[h])?;
        let (start, end) = self.window[h];
        let day = |t: i64| (t - start) as f64 / DAY_MS as f64;
        let length = day(end);
        if length <= 0.0 {
            return None;
        }
        if let Some(a) = aim.anchor {
            points.push((0.0, a));
        }
        let s = self.series(h);
        for (&t, &v) in s.t.iter().zip(s.v) {
            if t < start || t > as_of.cutoff {
                continue;
            }
            let x = day(t);
            // Of two check-ins at one instant the later-read one counts, as in scoring.
            match points.last_mut() {
                Some(p) if p.0 >= x => *p = (x, v),
                _ => points.push((x, v)),
            }
        }
        if aim.scale.is_nan() {
            aim.scale = margin(aim.hit, points)?;
        }
        Some(Reading {
            aim,
            length,
            now: day(as_of.instant_millis()),
        })
    }

    /// The population priors, from every key result's own series as of `as_of`.
    pub(crate) fn prior(&self, as_of: &AsOf) -> Prior {
        let mut spreads = (Vec::new(), Vec::new());
        let mut drifts = (Vec::new(), Vec::new());
        let mut points = Vec::new();
        for h in 0..self.kr_ids.len() {
            let Some(r) = self.reading(h, as_of, &mut points) else {
                continue;
            };
            if points.is_empty() {
                continue;
            }
            let f = fit(&points);
            let (spread, drift) = match r.aim.family {
                Family::Toward => (&mut spreads.0, &mut drifts.0),
                Family::Hold => (&mut spreads.1, &mut drifts.1),
            };
            if f.steps >= 3 {
                let sigma = (f.squares / (f.steps - 1) as f64).sqrt();
                spread
                    .extend(Some(sigma * r.length.sqrt() / r.aim.scale).filter(|x| x.is_finite()));
            }
            if f.steps >= 2 {
                let d = match r.aim.family {
                    Family::Toward => f.drift * r.length / r.aim.toward,
                    Family::Hold => f.drift * r.length / r.aim.scale,
                };
                drift.extend(Some(d).filter(|x| x.is_finite()));
            }
        }
        let family = |spread: &mut Vec<f64>,
                      drift: &mut Vec<f64>,
                      default_spread: f64,
                      default_drift: (f64, f64)| {
            FamilyPrior {
                spread: median(spread)
                    .filter(|_| spread.len() >= MIN_POPULATION)
                    .filter(|s| *s > 0.0)
                    .unwrap_or(default_spread),
                drift: match (median(drift), drift.len() >= MIN_POPULATION) {
                    (Some(m), true) => {
                        let mut deviations: Vec<f64> =
                            drift.iter().map(|d| (d - m).abs()).collect();
                        let mad = median(&mut deviations).unwrap_or(0.0);
                        (m, (1.4826 * mad).max(MIN_DRIFT_SPREAD))
                    }
                    _ => default_drift,
                },
            }
        };
        Prior {
            toward: family(
                &mut spreads.0,
                &mut drifts.0,
                DEFAULT_SPREAD.0,
                DEFAULT_PACE,
            ),
            hold: family(
                &mut spreads.1,
                &mut drifts.1,
                DEFAULT_SPREAD.1,
                DEFAULT_HOLD_DRIFT,
            ),
        }
    }

    /// Key result `h`'s value at its due date, as of `as_of`, under `prior`; `None` for
    /// kinds without a numeric target, aggregates, key results without a period, and
    /// thresholds and ranges before their first check-in. `value` is the value scoring
    /// reads as of the moment (NaN before any check-in).
    pub(crate) fn outlook(
        &self,
        h: usize,
        as_of: &AsOf,
        prior: &Prior,
        value: f64,
        points: &mut Vec<(f64, f64)>,
    ) -> Option<Outlook> {
        if self.kr_type[h] == crate::model::KrType::Aggregate {
            return None;
        }
        let r = self.reading(h, as_of, points)?;
        if r.now >= r.length {
            // The due date has passed: the value is what it is.
            let known = if value.is_nan() { r.aim.anchor? } else { value };
            return Some(Outlook {
                mean: known,
                sd: 0.0,
                hit: r.aim.hit,
            });
        }
        if points.is_empty() {
            return None;
        }
        let f = fit(points);
        let p = match r.aim.family {
            Family::Toward => prior.toward,
            Family::Hold => prior.hold,
        };
        let per_day = |x: f64| x / r.length;
        let sigma0 = p.spread * r.aim.scale / r.length.sqrt();
        let dof = f.steps.saturating_sub(1) as f64;
        let var = (PRIOR_STEPS * sigma0 * sigma0 + f.squares) / (PRIOR_STEPS + dof);
        let unit = match r.aim.family {
            Family::Toward => r.aim.toward,
            Family::Hold => r.aim.scale,
        };
        let (mu0, tau) = (per_day(p.drift.0 * unit), per_day(p.drift.1 * unit.abs()));
        let data = f.span / var;
        let precision = data + 1.0 / (tau * tau);
        let drift = (f.drift * data + mu0 / (tau * tau)) / precision;
        let horizon = r.length - f.last.0;
        let mean = f.last.1 + drift * horizon;
        let change = per_day(PACE_CHANGE * unit.abs());
        let sd = (var * horizon + horizon * horizon * (1.0 / precision + change * change)).sqrt();
        (mean.is_finite() && sd.is_finite()).then_some(Outlook {
            mean,
            sd,
            hit: r.aim.hit,
        })
    }
}

/// The median of `xs` (reordered), or `None` when empty or not all finite.
fn median(xs: &mut [f64]) -> Option<f64> {
    if xs.is_empty() || xs.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let mid = xs.len() / 2;
    let (_, m, _) = xs.select_nth_unstable_by(mid, f64::total_cmp);
    let m = *m;
    Some(if xs.len() % 2 == 1 {
        m
    } else {
        let below = xs[..mid].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (below + m) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brownian_estimates_are_the_textbook_ones() {
        // Steps of +2 per day on days 0..4, then one of +6 over one day.
        let f = fit(&[(0.0, 0.0), (1.0, 2.0), (2.0, 4.0), (3.0, 6.0), (4.0, 12.0)]);
        assert_eq!((f.last, f.steps, f.span), ((4.0, 12.0), 4, 4.0));
        assert!((f.drift - 3.0).abs() < 1e-12);
        // Residuals −1, −1, −1, +3: squares 1 + 1 + 1 + 9.
        assert!((f.squares - 12.0).abs() < 1e-12);
    }

    #[test]
    fn a_known_value_hits_or_misses_for_certain() {
        let o = |mean, hit| Outlook { mean, sd: 0.0, hit };
        assert_eq!(o(10.0, Hit::AtLeast(10.0)).probability(), 1.0);
        assert_eq!(o(9.99, Hit::AtLeast(10.0)).probability(), 0.0);
        assert_eq!(o(5.0, Hit::Between(1.0, 5.0)).probability(), 1.0);
        assert_eq!(o(5.0, Hit::AtMost(4.0)).probability(), 0.0);
    }

    #[test]
    fn probabilities_follow_the_normal() {
        let o = |hit| Outlook {
            mean: 100.0,
            sd: 10.0,
            hit,
        };
        assert!((o(Hit::AtLeast(100.0)).probability() - 0.5).abs() < 1e-12);
        assert!((o(Hit::AtLeast(90.0)).probability() - 0.841_344_746_068_543).abs() < 1e-12);
        assert!((o(Hit::AtMost(90.0)).probability() - 0.158_655_253_931_457).abs() < 1e-12);
        assert!((o(Hit::Between(90.0, 110.0)).probability() - 0.682_689_492_137_086).abs() < 1e-12);
    }

    #[test]
    fn medians_of_odd_and_even_lists() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [1.0, f64::NAN]), None);
    }
}
