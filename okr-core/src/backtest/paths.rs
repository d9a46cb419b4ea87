//! Key results whose true paths are known: each is an increase whose progress moves
//! day by day as one of four shapes, with random-walk noise; weekly check-ins report the
//! path and the value on the due date is the truth.

use crate::generate::day;
use crate::model::{CheckIn, KeyResult, KrKind, Moment, Value};

/// Days in the backtest's cycle: the generator's quarter (2026-01-01 to 2026-03-31).
pub(crate) const DAYS: u32 = 90;

/// How a generated key result's pace runs over the cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One pace all the way.
    Steady,
    /// A pace, then nothing from a point on.
    Stall,
    /// Little until a point, then a fast climb.
    LateSurge,
    /// Going nowhere, or backwards.
    Decline,
}

/// A generated key result, its check-ins, and the truth at its due date.
#[derive(Clone, Debug)]
pub struct TruePath {
    /// The key result, with weekly check-ins over the whole cycle.
    pub key_result: KeyResult,
    /// How its pace runs.
    pub shape: Shape,
    /// The value on the due date (the cycle's last day).
    pub value_at_due: f64,
    /// Whether that value reaches the target.
    pub hit: bool,
}

fn normal(rng: &mut fastrand::Rng) -> f64 {
    // Box–Muller; `1 - f64()` keeps the logarithm's argument above zero.
    let (u, v) = (1.0 - rng.f64(), rng.f64());
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// Key result `n`, drawn from `rng`.
pub fn true_path(rng: &mut fastrand::Rng, n: usize) -> TruePath {
    let start = f64::from(rng.u32(0..200));
    let span = f64::from(rng.u32(10..400));
    let shape = match rng.u8(0..10) {
        0..=3 => Shape::Steady,
        4..=5 => Shape::Stall,
        6..=7 => Shape::LateSurge,
        _ => Shape::Decline,
    };
    // Progress per cycle, before and after the turn, and when the turn comes.
    let (before, after, turn) = match shape {
        Shape::Steady => {
            let pace = 0.4 + rng.f64();
            (pace, pace, 1.0)
        }
        Shape::Stall => (0.6 + rng.f64(), 0.0, 0.3 + 0.4 * rng.f64()),
        Shape::LateSurge => (
            0.3 * rng.f64(),
            1.5 + 1.5 * rng.f64(),
            0.5 + 0.3 * rng.f64(),
        ),
        Shape::Decline => (-0.3 + 0.5 * rng.f64(), -0.3 + 0.5 * rng.f64(), 1.0),
    };
    // Volatility over a whole cycle, in progress.
    let sigma = 0.03 + 0.2 * rng.f64();
    let step = sigma / f64::from(DAYS).sqrt();
    let mut progress = 0.0;
    let mut check_ins = Vec::new();
    for d in 1..=DAYS {
        let t = f64::from(d) / f64::from(DAYS);
        let pace = if t <= turn { before } else { after };
        progress += pace / f64::from(DAYS) + step * normal(rng);
        // Weekly, on the 4th, 11th, … day, as the enterprise generator reports.
        if d % 7 == 4 && d < DAYS {
            let at = day(u64::from(d));
            let value = (start + span * progress) * 100.0;
            check_ins.push(CheckIn::new(
                Moment::Date(at),
                Value::Number(value.round() / 100.0),
            ));
        }
    }
    let value_at_due = start + span * progress;
    let target = start + span;
    let mut key_result = KeyResult::new(
        format!("k{n}"),
        format!("Grow metric {n} from {start} to {target}"),
        KrKind::Increase {
            start: Some(start),
            target: Some(target),
        },
    );
    key_result.check_ins = check_ins;
    TruePath {
        key_result,
        shape,
        value_at_due,
        hit: value_at_due >= target,
    }
}
