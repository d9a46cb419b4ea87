//! Each key result's course through its period, for the report's sparklines: progress
//! as of every week so far, where it should have been, and where it is heading.
//!
//! The whole plan is evaluated once a week from the earliest period's start to the
//! moment reported (a dozen evaluations for a quarter, each a few milliseconds even
//! for 10,000 objectives), and every key result's points are taken from those.

use crate::engine::{AsOf, Engine, Scorecard};
use crate::model::{DAY_MS, Plan};
use std::collections::HashMap;
use std::fmt::Write;

/// One key result's course.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Trend {
    /// Its period, in milliseconds since the epoch.
    start: i64,
    end: i64,
    /// The moment reported.
    now: i64,
    /// (moment, progress) at each week so far and now; a progress of `None` is a gap.
    actual: Vec<(i64, Option<f64>)>,
    /// (moment, expected progress) across the whole period.
    expected: Vec<(i64, f64)>,
    /// Progress forecast at the end of the period.
    forecast: Option<f64>,
    /// The progress of the model's likely values at the end of the period (its 80 %
    /// interval), lower first; for kinds whose progress moves with the value.
    band: Option<(f64, f64)>,
}

/// The course of every key result with a period, by id.
pub(crate) fn trends(
    plan: &Plan,
    engine: &Engine,
    card: &Scorecard,
    as_of: AsOf,
) -> HashMap<String, Trend> {
    let now = as_of.instant_millis();
    let periods: Vec<(usize, String, i64, i64)> = plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .filter_map(|k| {
            let h = engine.key_result_handle(&k.id)?;
            let (start, end) = engine.period(h)?;
            (end > start).then(|| (h, k.id.clone(), start, end))
        })
        .collect();
    let Some(first) = periods.iter().map(|p| p.2).min() else {
        return HashMap::new();
    };
    let last = periods.iter().map(|p| p.3).max().unwrap_or(first);
    // Weekly, from the first start to the last end, and the moment reported itself;
    // at most 60 moments, so a plan whose periods span years is sampled more sparsely.
    let step = ((last - first) / 60).max(7 * DAY_MS);
    let mut moments: Vec<i64> = (0..)
        .map(|n| first + n * step)
        .take_while(|t| *t < last)
        .collect();
    moments.push(last);
    moments.push(now);
    moments.sort_unstable();
    moments.dedup();
    let evaluations: Vec<(i64, crate::engine::Evaluation)> = moments
        .iter()
        .filter_map(|&t| {
            let date = chrono::DateTime::from_timestamp_millis(t)?.date_naive();
            let at = if t == now { as_of } else { AsOf::end_of(date) };
            Some((t, engine.evaluate(at)))
        })
        .collect();
    periods
        .into_iter()
        .map(|(h, id, start, end)| {
            let inside = |t: i64| t >= start && t <= end;
            let actual = evaluations
                .iter()
                .filter(|(t, _)| inside(*t) && *t <= now)
                .map(|(t, e)| {
                    let k = &e.key_results[h];
                    // Before its first value a key result has no course: its progress
                    // then (0 for some kinds) would draw a line that never happened.
                    (*t, if k.value.is_nan() { None } else { k.progress() })
                })
                .collect();
            let expected = evaluations
                .iter()
                .filter(|(t, _)| inside(*t))
                .filter_map(|(t, e)| Some((*t, e.key_results[h].expected()?)))
                .collect();
            let score = card.key_result(&id);
            let forecast = score
                .and_then(|k| k.forecast.as_ref())
                .and_then(|f| f.projected_progress);
            let band = score.and_then(|k| k.value_interval).and_then(|v| {
                let (a, b) = (
                    engine.value_progress(h, v.low)?,
                    engine.value_progress(h, v.high)?,
                );
                Some((a.min(b), a.max(b)))
            });
            let trend = Trend {
                start,
                end,
                now,
                actual,
                expected,
                forecast,
                band,
            };
            (id, trend)
        })
        .collect()
}

const WIDTH: f64 = 120.0;
const HEIGHT: f64 = 28.0;

/// The course as a small inline SVG: the expected path dashed, progress so far solid
/// (in the status colour `class`), the forecast dotted to the end of the period inside
/// a light cone to the model's likely range there, and a mark at the moment reported.
/// Progress is drawn from 0 to 100 %, clamped.
pub(crate) fn sparkline(t: &Trend, class: &str) -> String {
    let x = |ms: i64| (ms - t.start) as f64 / (t.end - t.start) as f64 * WIDTH;
    let y = |p: f64| HEIGHT - 2.0 - p.clamp(0.0, 1.0) * (HEIGHT - 4.0);
    let path = |points: &mut dyn Iterator<Item = (f64, f64)>| {
        let mut d = String::new();
        for (i, (px, py)) in points.enumerate() {
            let _ = write!(d, "{}{px:.1},{py:.1}", if i == 0 { "M" } else { " L" });
        }
        d
    };
    let mut svg = format!(
        r#"<svg class="spark" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{}">"#,
        label(t)
    );
    let expected = path(&mut t.expected.iter().map(|(ms, p)| (x(*ms), y(*p))));
    if !expected.is_empty() {
        let _ = write!(svg, r#"<path class="expected" d="{expected}"/>"#);
    }
    // Progress so far: one line through the known points (gaps are skipped).
    let known: Vec<(f64, f64)> = t
        .actual
        .iter()
        .filter_map(|(ms, p)| Some((x(*ms), y((*p)?))))
        .collect();
    if known.len() > 1 {
        let d = path(&mut known.iter().copied());
        let _ = write!(svg, r#"<path class="actual {class}" d="{d}"/>"#);
    }
    if let Some(&(px, py)) = known.last() {
        // The cone's edges are straight for reading; only its end is the model's.
        if let Some((low, high)) = t.band.filter(|_| t.now < t.end) {
            let _ = write!(
                svg,
                r#"<path class="band {class}" d="M{px:.1},{py:.1} L{WIDTH:.1},{:.1} L{WIDTH:.1},{:.1} Z"/>"#,
                y(high),
                y(low)
            );
        }
        if let Some(f) = t.forecast.filter(|_| t.now < t.end) {
            let _ = write!(
                svg,
                r#"<path class="forecast {class}" d="M{px:.1},{py:.1} L{:.1},{:.1}"/>"#,
                WIDTH,
                y(f)
            );
        }
        let _ = write!(
            svg,
            r#"<circle class="dot {class}" cx="{px:.1}" cy="{py:.1}" r="2"/>"#
        );
    }
    if t.now > t.start && t.now < t.end {
        let _ = write!(
            svg,
            r#"<line class="today" x1="{n:.1}" x2="{n:.1}" y1="0" y2="{HEIGHT}"/>"#,
            n = x(t.now)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// What the sparkline shows, for screen readers.
fn label(t: &Trend) -> String {
    let pct = |p: Option<f64>| p.map_or("unknown".to_owned(), |p| format!("{:.0}%", p * 100.0));
    let last = t.actual.iter().rev().find_map(|(_, p)| *p);
    let likely = t
        .band
        .filter(|_| t.now < t.end)
        .map(|(low, high)| format!(", likely {}–{}", pct(Some(low)), pct(Some(high))))
        .unwrap_or_default();
    format!(
        "progress over the period: {} now, {} forecast at the end{likely}",
        pct(last),
        pct(t.forecast)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_result_under_way_draws_its_course_and_today() {
        let day = DAY_MS;
        let t = Trend {
            start: 0,
            end: 90 * day,
            now: 45 * day,
            actual: vec![(0, Some(0.0)), (14 * day, Some(0.2)), (45 * day, Some(0.5))],
            expected: vec![(0, 0.0), (45 * day, 0.5), (90 * day, 1.0)],
            forecast: Some(1.0),
            band: Some((0.7, 1.2)),
        };
        let svg = sparkline(&t, "good");
        assert!(
            svg.contains(r#"<path class="band good" d="M60.0,14.0 L120.0,2.0 L120.0,9.2 Z"/>"#),
            "{svg}"
        );
        assert!(svg.contains("likely 70%–120%"), "{svg}");
        assert!(
            svg.contains(r#"<path class="expected" d="M0.0,26.0 L60.0,14.0 L120.0,2.0"/>"#),
            "{svg}"
        );
        assert!(svg.contains(r#"class="actual good""#), "{svg}");
        assert!(
            svg.contains(r#"<path class="forecast good" d="M60.0,14.0 L120.0,2.0"/>"#),
            "{svg}"
        );
        assert!(svg.contains(r#"<line class="today" x1="60.0""#), "{svg}");
        assert!(svg.contains("50% now, 100% forecast"), "{svg}");
    }

    #[test]
    fn a_key_result_not_started_draws_no_progress_line() {
        let t = Trend {
            start: 0,
            end: 10,
            now: 5,
            actual: vec![(0, None), (5, None)],
            expected: vec![(0, 0.0), (10, 1.0)],
            forecast: None,
            band: None,
        };
        let svg = sparkline(&t, "muted");
        assert!(!svg.contains("actual") && !svg.contains("circle"), "{svg}");
        assert!(svg.contains("unknown now"), "{svg}");
    }
}
