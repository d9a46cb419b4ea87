//! The backtest of the chances (docs/forecasting.md): key results whose true paths are
//! known ([`paths`]), scored at a quarter, half and three quarters of their cycle, and
//! the chance each was given held against whether it hit. The same against the naive
//! forecast: the least-squares line through the check-ins, its ordinary prediction
//! interval turned into a probability.

pub mod paths;

use crate::engine::AsOf;
use crate::engine::chance::normal::cdf;
use crate::engine::forecast::fit_line;
use crate::model::{Cycle, KeyResult, Objective, Plan};
use crate::{Document, generate};
use chrono::NaiveDate;
use paths::{DAYS, TruePath, true_path};
use serde::Serialize;

/// Key results per objective in the backtest's plan.
const PER_OBJECTIVE: usize = 4;
/// Bins of the calibration tables.
const BINS: usize = 10;

/// How well one way of forecasting did at one moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skill {
    /// Mean squared difference between the chance given and the outcome (0 or 1): 0 is
    /// perfect, 0.25 is what a coin says of everything.
    pub brier: f64,
    /// Chances given, in ten bins of width 0.1: how many fell in each, their mean, and
    /// how often those key results hit.
    pub bins: Vec<Bin>,
}

/// One row of a calibration table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bin {
    /// The bin's lower edge (its upper is 0.1 more).
    pub from: f64,
    /// Key results given a chance in the bin.
    pub count: usize,
    /// Their mean chance (NaN when the bin is empty).
    pub predicted: f64,
    /// The share of them that hit (NaN when the bin is empty).
    pub observed: f64,
}

/// The backtest at one moment of the cycle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AtMoment {
    /// The share of the cycle gone.
    pub fraction: f64,
    /// The date scored.
    pub as_of: NaiveDate,
    /// The chances (`probability`).
    pub model: Skill,
    /// The least-squares line's prediction interval as a probability.
    pub naive: Skill,
}

/// The whole backtest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Backtest {
    /// Key results generated.
    pub key_results: usize,
    /// The share of them that hit.
    pub hit_rate: f64,
    /// At 25 %, 50 % and 75 % of the cycle.
    pub moments: Vec<AtMoment>,
}

/// Generates `n` key results from `seed` and backtests both forecasts on them.
pub fn run(n: usize, seed: u64) -> Backtest {
    let mut rng = fastrand::Rng::with_seed(seed);
    let paths: Vec<TruePath> = (0..n).map(|i| true_path(&mut rng, i)).collect();
    let doc = Document::from_plan(plan(&paths));
    let moments = [0.25, 0.5, 0.75]
        .into_iter()
        .map(|fraction| {
            let day = (fraction * f64::from(DAYS)).round() as u64;
            let as_of = generate::day(day - 1);
            let card = doc
                .score(AsOf::end_of(as_of))
                .unwrap_or_else(|_| unreachable_plan());
            let model: Vec<f64> = paths
                .iter()
                .map(|p| {
                    card.key_result(&p.key_result.id)
                        .and_then(|k| k.probability)
                        .unwrap_or(0.5)
                })
                .collect();
            let naive: Vec<f64> = paths
                .iter()
                .map(|p| naive(&p.key_result, day as f64))
                .collect();
            let outcomes: Vec<bool> = paths.iter().map(|p| p.hit).collect();
            AtMoment {
                fraction,
                as_of,
                model: skill(&model, &outcomes),
                naive: skill(&naive, &outcomes),
            }
        })
        .collect();
    Backtest {
        key_results: n,
        hit_rate: paths.iter().filter(|p| p.hit).count() as f64 / n.max(1) as f64,
        moments,
    }
}

/// The generated plan is valid by construction; a failure to score it is a bug in the
/// generator, which a backtest cannot work around.
fn unreachable_plan() -> ! {
    panic!("the backtest's generated plan does not score")
}

fn plan(paths: &[TruePath]) -> Plan {
    let cycle = Cycle {
        id: "q".into(),
        name: "Q1 2026".into(),
        start: Some(generate::day(0)),
        end: Some(generate::day(u64::from(DAYS) - 1)),
        parent: None,
        metadata: Default::default(),
    };
    let objectives = paths
        .chunks(PER_OBJECTIVE)
        .enumerate()
        .map(|(i, chunk)| {
            let mut o = Objective::new(format!("o{i}"), format!("Backtest objective {i}"));
            o.cycle = Some("q".into());
            o.key_results = chunk.iter().map(|p| p.key_result.clone()).collect();
            o
        })
        .collect();
    Plan {
        name: Some("Backtest".into()),
        cycles: vec![cycle],
        objectives,
        ..Plan::default()
    }
}

/// The naive chance of `kr` by day `day`: the least-squares line through its check-ins
/// so far, projected to the due date, with the ordinary prediction interval of a
/// regression (`s·√(1 + 1/n + (x0 − x̄)²/Sxx)`) as a normal's spread. Two check-ins
/// give a line but no spread (the chance is 0 or 1); fewer give a coin's 0.5.
fn naive(kr: &KeyResult, day: f64) -> f64 {
    let first = generate::day(0);
    let points: Vec<(f64, f64)> = kr
        .check_ins
        .iter()
        .filter_map(|c| {
            let x = (c.at.date() - first).num_days() as f64;
            let y = c.value.as_number()?;
            (x <= day).then_some((x, y))
        })
        .collect();
    let target = match kr.kind {
        crate::model::KrKind::Increase {
            target: Some(t), ..
        } => t,
        _ => return 0.5,
    };
    let Some((slope, intercept)) = fit_line(&points) else {
        return 0.5;
    };
    let due = f64::from(DAYS);
    let projected = slope * due + intercept;
    let n = points.len() as f64;
    if points.len() < 3 {
        return if projected >= target { 1.0 } else { 0.0 };
    }
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let ss: f64 = points
        .iter()
        .map(|p| (p.1 - (slope * p.0 + intercept)).powi(2))
        .sum();
    let s = (ss / (n - 2.0)).sqrt();
    let spread = s * (1.0 + 1.0 / n + (due - mean_x).powi(2) / sxx).sqrt();
    if spread > 0.0 {
        1.0 - cdf((target - projected) / spread)
    } else if projected >= target {
        1.0
    } else {
        0.0
    }
}

fn skill(chances: &[f64], outcomes: &[bool]) -> Skill {
    let n = chances.len().max(1) as f64;
    let brier = chances
        .iter()
        .zip(outcomes)
        .map(|(p, &hit)| (p - f64::from(u8::from(hit))).powi(2))
        .sum::<f64>()
        / n;
    let mut sums = [(0usize, 0.0f64, 0usize); BINS];
    for (p, &hit) in chances.iter().zip(outcomes) {
        let b = ((p * BINS as f64) as usize).min(BINS - 1);
        sums[b].0 += 1;
        sums[b].1 += p;
        sums[b].2 += usize::from(hit);
    }
    let bins = sums
        .iter()
        .enumerate()
        .map(|(b, &(count, total, hits))| Bin {
            from: b as f64 / BINS as f64,
            count,
            predicted: total / count as f64,
            observed: hits as f64 / count as f64,
        })
        .collect();
    Skill { brier, bins }
}
