//! The calibration as Markdown: what was counted, everyone's figures, a table per owner,
//! unit and cycle, and the reliability table of every forecast.

use super::{Calibration, CalibrationGroup};
use crate::report::{human_moment, pct};
use std::fmt::Write;

/// A gap in percentage points, signed: `+34` over, `-12` under.
pub(super) fn points(gap: Option<f64>) -> String {
    gap.map(|g| format!("{:+.0}", g * 100.0 + 0.0))
        .unwrap_or_else(|| "–".into())
}

/// A Brier score or calibration error to two decimals.
pub(super) fn two(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.2}")).unwrap_or_else(|| "–".into())
}

/// What counts as a hit, in words.
pub(super) fn hit_words(c: &Calibration) -> String {
    match c.hit_at {
        Some(x) => format!("reaches {} progress by its due date", pct(Some(x))),
        None => "hits (reaches its target by its due date; a zoned one, its target zone; a threshold or range, holds it)".into(),
    }
}

/// A group's figures in a sentence or two.
pub(super) fn summary(g: &CalibrationGroup) -> String {
    let (Some(stated), Some(rate)) = (g.mean_confidence, g.hit_rate) else {
        return "No settled key result has a stated confidence yet.".into();
    };
    let gap = g.gap.unwrap_or(0.0);
    let lean = if gap > 0.0 {
        format!(
            "{} points overconfident",
            points(Some(gap)).trim_start_matches('+')
        )
    } else if gap < 0.0 {
        format!(
            "{} points underconfident",
            points(Some(-gap)).trim_start_matches('+')
        )
    } else {
        "exactly calibrated".into()
    };
    format!(
        "{} forecasts on {} key results ({} hit) over {} {}. Stated confidence {} on average; {} of forecasts hit: {lean}. Brier score {} (always saying 50% scores 0.25); calibration error {}. Verdict: {}.",
        g.forecasts,
        g.key_results,
        g.hits,
        g.cycles,
        if g.cycles == 1 { "cycle" } else { "cycles" },
        pct(Some(stated)),
        pct(Some(rate)),
        two(g.brier),
        two(g.calibration_error),
        g.verdict.words()
    )
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn groups(out: &mut String, title: &str, label: &str, groups: &[CalibrationGroup]) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## {title}\n\n| {label} | forecasts | key results | hit | cycles | stated | hit rate | gap | Brier | verdict |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    );
    for g in groups {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&g.id),
            g.forecasts,
            g.key_results,
            g.hits,
            g.cycles,
            pct(g.mean_confidence),
            pct(g.hit_rate),
            points(g.gap),
            two(g.brier),
            g.verdict.words()
        );
    }
    out.push('\n');
}

pub(super) fn render(c: &Calibration) -> String {
    let mut out = String::new();
    let j = &c.judgement;
    let _ = writeln!(
        out,
        "# Confidence calibration\n\nAs of {}. Each check-in's stated confidence is a forecast that its key result {}. A verdict needs {} settled key results over {} cycles; a gap of up to {} points between stated confidence and the share that hit is calibrated.\n",
        human_moment(&c.as_of),
        c.hit_words(),
        j.min_key_results,
        j.min_cycles,
        points(Some(j.max_gap)).trim_start_matches('+'),
    );
    let _ = writeln!(out, "**Everyone.** {}\n", c.overall.summary());
    groups(&mut out, "Owners", "owner", &c.owners);
    groups(&mut out, "Units", "unit", &c.units);
    groups(&mut out, "Cycles", "cycle", &c.cycles);
    groups(
        &mut out,
        "By when the forecast was made",
        "third of the period",
        &c.phases,
    );
    if c.overall.forecasts > 0 {
        let _ = writeln!(
            out,
            "## Reliability of every forecast\n\nA calibrated forecaster's key results hit about as often as each row's stated confidence.\n\n| stated | forecasts | mean stated | hit rate |\n|---|---:|---:|---:|"
        );
        for b in &c.overall.bins {
            let _ = writeln!(
                out,
                "| {:.0}–{:.0}% | {} | {} | {} |",
                b.low * 100.0,
                b.high * 100.0,
                b.forecasts,
                pct(b.mean_confidence),
                pct(b.hit_rate)
            );
        }
    }
    out
}
