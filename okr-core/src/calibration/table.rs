//! A calibration as columns, for data frames: one row per group, or one per group and
//! bin of the reliability table.

use super::{CalibrationGroup, Verdict};
use crate::table::{Categories, Data, Table, col};

fn float(x: Option<f64>) -> f64 {
    x.unwrap_or(f64::NAN)
}

fn verdicts() -> Categories {
    Categories::with(
        &[
            Verdict::TooLittleEvidence,
            Verdict::Calibrated,
            Verdict::Overconfident,
            Verdict::Underconfident,
            Verdict::Inconsistent,
        ]
        .map(Verdict::as_str),
    )
}

/// One row per group.
pub(super) fn groups(groups: &[CalibrationGroup]) -> Table {
    let mut verdict = verdicts();
    for g in groups {
        verdict.push(Some(g.verdict.as_str()));
    }
    let ints = |f: fn(&CalibrationGroup) -> u32| {
        Data::Int(groups.iter().map(|g| i64::from(f(g))).collect())
    };
    let floats = |f: fn(&CalibrationGroup) -> Option<f64>| {
        Data::Float(groups.iter().map(|g| float(f(g))).collect())
    };
    Table {
        rows: groups.len(),
        columns: vec![
            col(
                "id",
                "owner, unit or cycle id (empty for everyone)",
                Data::Text(groups.iter().map(|g| g.id.clone()).collect()),
            ),
            col(
                "forecasts",
                "check-ins with a stated confidence, made before the key result was due",
                ints(|g| g.forecasts),
            ),
            col(
                "key_results",
                "settled key results with stated confidences",
                ints(|g| g.key_results),
            ),
            col(
                "hits",
                "how many of those key results hit",
                ints(|g| g.hits),
            ),
            col("cycles", "cycles the key results span", ints(|g| g.cycles)),
            col(
                "mean_confidence",
                "mean stated confidence",
                floats(|g| g.mean_confidence),
            ),
            col(
                "hit_rate",
                "share of forecasts whose key result hit",
                floats(|g| g.hit_rate),
            ),
            col(
                "gap",
                "mean confidence minus hit rate (above 0: overconfident)",
                floats(|g| g.gap),
            ),
            col(
                "brier",
                "mean squared distance of confidence from outcome (0 is perfect)",
                floats(|g| g.brier),
            ),
            col(
                "calibration_error",
                "forecast-weighted mean distance of each bin's confidence from its hit rate",
                floats(|g| g.calibration_error),
            ),
            col(
                "verdict",
                "too_little_evidence, calibrated, overconfident, underconfident or inconsistent",
                verdict.data(),
            ),
        ],
    }
}

/// One row per group and bin of stated confidence, empty bins included.
pub(super) fn bins(groups: &[CalibrationGroup]) -> Table {
    let rows: Vec<(&CalibrationGroup, &super::ReliabilityBin)> = groups
        .iter()
        .flat_map(|g| g.bins.iter().map(move |b| (g, b)))
        .collect();
    let mut id = Categories::default();
    for (g, _) in &rows {
        id.push(Some(&g.id));
    }
    Table {
        rows: rows.len(),
        columns: vec![
            col(
                "id",
                "owner, unit or cycle id (empty for everyone)",
                id.data(),
            ),
            col(
                "low",
                "the bin's lowest stated confidence",
                Data::Float(rows.iter().map(|(_, b)| b.low).collect()),
            ),
            col(
                "high",
                "the bin's upper bound (the last bin includes 1.0)",
                Data::Float(rows.iter().map(|(_, b)| b.high).collect()),
            ),
            col(
                "forecasts",
                "forecasts in the bin",
                Data::Int(rows.iter().map(|(_, b)| i64::from(b.forecasts)).collect()),
            ),
            col(
                "mean_confidence",
                "their mean stated confidence",
                Data::Float(rows.iter().map(|(_, b)| float(b.mean_confidence)).collect()),
            ),
            col(
                "hit_rate",
                "the share of them whose key result hit",
                Data::Float(rows.iter().map(|(_, b)| float(b.hit_rate)).collect()),
            ),
        ],
    }
}
