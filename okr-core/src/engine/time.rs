//! The moment a score is computed for, and how far through its period a key result is.

use crate::model::{DAY_MS, Moment, date_start_millis};
use chrono::NaiveDate;
use serde::Serialize;

/// The moment scores are computed "as of".
///
/// A date means the end of that day: check-ins made that day count, and a cycle whose
/// last day it is is fully elapsed. A timestamp is taken as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AsOf {
    /// How it was asked for.
    pub moment: Moment,
    /// The instant elapsed time is measured to (ms since the epoch).
    #[serde(skip)]
    pub(crate) instant: i64,
    /// The last instant whose check-ins count (ms since the epoch).
    #[serde(skip)]
    pub(crate) cutoff: i64,
}

impl AsOf {
    /// The end of `date` (UTC).
    pub fn end_of(date: NaiveDate) -> Self {
        let instant = date_start_millis(date) + DAY_MS;
        AsOf {
            moment: Moment::Date(date),
            instant,
            cutoff: instant - 1,
        }
    }

    /// Exactly `moment` when it is a timestamp, the end of the day when it is a date.
    pub fn at(moment: Moment) -> Self {
        match moment {
            Moment::Date(d) => AsOf::end_of(d),
            Moment::DateTime(_) => {
                let t = moment.millis();
                AsOf {
                    moment,
                    instant: t,
                    cutoff: t,
                }
            }
        }
    }

    /// This moment.
    pub fn now() -> Self {
        AsOf::at(Moment::now())
    }

    /// [`AsOf::parse`] of `text`, or [`AsOf::now`] when there is none: what every
    /// caller's "as of" argument left out means.
    pub fn parse_or_now(text: Option<&str>) -> Result<Self, crate::Error> {
        text.map_or_else(|| Ok(AsOf::now()), AsOf::parse)
    }

    /// Parses `YYYY-MM-DD` (end of that day) or an RFC 3339 timestamp; anything else
    /// is an [`Error::InvalidArgument`](crate::Error::InvalidArgument) for `as_of`.
    pub fn parse(text: &str) -> Result<Self, crate::Error> {
        Moment::parse(text)
            .map(AsOf::at)
            .map_err(|message| crate::Error::InvalidArgument {
                argument: "as_of".into(),
                message,
            })
    }

    /// Milliseconds since the epoch that elapsed time is measured to.
    pub fn instant_millis(&self) -> i64 {
        self.instant
    }
}

/// Share of `[start, end)` elapsed at `t`, clamped to [0, 1]. Times in ms.
pub fn elapsed_fraction(start: i64, end: i64, t: i64) -> f64 {
    if end <= start {
        return if t >= end { 1.0 } else { 0.0 };
    }
    ((t - start) as f64 / (end - start) as f64).clamp(0.0, 1.0)
}

/// The planned value at `t` on the path through `points` (time in ms, value), linear
/// between points and flat outside them. `points` is sorted by time and not empty.
pub fn interpolate(points: &[(i64, f64)], t: i64) -> f64 {
    let i = points.partition_point(|&(pt, _)| pt <= t);
    if i == 0 {
        return points[0].1;
    }
    if i == points.len() {
        return points[i - 1].1;
    }
    let (t0, v0) = points[i - 1];
    let (t1, v1) = points[i];
    if t1 == t0 {
        return v1;
    }
    v0 + (v1 - v0) * (t - t0) as f64 / (t1 - t0) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn a_date_means_the_end_of_that_day() {
        let start = date_start_millis(date("2026-01-01"));
        let end = date_start_millis(date("2026-03-31")) + DAY_MS;
        // 1 Jan to 14 Feb is 45 of the quarter's 90 days.
        let half = AsOf::end_of(date("2026-02-14"));
        assert_eq!(elapsed_fraction(start, end, half.instant), 0.5);
        assert_eq!(
            elapsed_fraction(start, end, AsOf::end_of(date("2026-03-31")).instant),
            1.0
        );
        assert_eq!(
            elapsed_fraction(start, end, AsOf::end_of(date("2025-12-01")).instant),
            0.0
        );
    }

    #[test]
    fn interpolation_is_flat_outside_the_points() {
        let pts = [(0, 0.0), (10, 50.0), (20, 60.0)];
        assert_eq!(interpolate(&pts, -5), 0.0);
        assert_eq!(interpolate(&pts, 5), 25.0);
        assert_eq!(interpolate(&pts, 15), 55.0);
        assert_eq!(interpolate(&pts, 25), 60.0);
    }
}
