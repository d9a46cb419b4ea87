//! Output of `okr score` and `okr tree`: human text (down the alignment tree) or JSON.

use okr_core::engine::{KeyResultScore, ObjectiveScore};
use okr_core::report::tree_order;
use okr_core::{Calibration, ChangeKind, Scorecard, Value, WhatIf};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

fn pct(p: Option<f64>) -> String {
    // `+ 0.0` turns −0 (a decrease not yet moved) into 0, so it never prints as "-0%".
    p.map(|p| format!("{:.0}%", p * 100.0 + 0.0))
        .unwrap_or_else(|| "–".into())
}

fn value(v: &Option<Value>, measure: &Option<String>) -> String {
    match (v, measure) {
        (None, _) => "–".into(),
        (Some(Value::Number(n)), Some(m)) => format!("{} {m}", trim_number(*n)),
        (Some(Value::Number(n)), None) => trim_number(*n),
        (Some(v), _) => v.to_string(),
    }
}

fn trim_number(n: f64) -> String {
    let s = format!("{n:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn status(s: okr_core::Status) -> String {
    s.as_str().replace('_', " ")
}

fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

/// A title or id as a terminal should show it: control, bidirectional and zero-width
/// characters escaped, so a title cannot move the cursor or forge a line.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    okr_core::safe_text::for_terminal(text)
}

fn also_under(o: &ObjectiveScore) -> String {
    if o.parents.len() > 1 {
        format!("  (also under {})", shown(&o.parents[1..].join(", ")))
    } else {
        String::new()
    }
}

pub fn text(card: &Scorecard) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Scores as of {}\n", card.as_of);
    for (depth, o) in tree_order(card) {
        objective(&mut out, o, &"    ".repeat(depth));
    }
    out
}

/// `okr score --what-if`: what was supposed, every score that moves (before → after),
/// then the whole scorecard as if.
pub fn what_if(answer: &WhatIf) -> String {
    let mut out = String::new();
    let supposed: Vec<String> = answer
        .supposed
        .iter()
        .map(|s| format!("{} = {}", shown(&s.key_result), s.value))
        .collect();
    let _ = writeln!(
        out,
        "What if, as of {}: {}\n",
        answer.scorecard.as_of,
        supposed.join(", ")
    );
    if answer.changes.is_empty() {
        out.push_str("Nothing moves.\n");
    }
    let width = answer
        .changes
        .iter()
        .map(|c| c.id.chars().count() + 2)
        .max()
        .unwrap_or(0);
    for c in &answer.changes {
        let label = match c.kind {
            ChangeKind::Objective => shown(&c.id).into_owned(),
            ChangeKind::KeyResult => format!("- {}", shown(&c.id)),
        };
        let mut facts = vec![format!(
            "progress {} → {}",
            pct(c.progress_before),
            pct(c.progress_after)
        )];
        if c.status_before != c.status_after {
            facts.push(format!(
                "{} → {}",
                status(c.status_before),
                status(c.status_after)
            ));
        }
        if c.probability_before != c.probability_after {
            facts.push(format!(
                "chance {} → {}",
                pct(c.probability_before),
                pct(c.probability_after)
            ));
        }
        let _ = writeln!(out, "  {label:<width$}  {}", facts.join(" · "));
    }
    out.push('\n');
    out.push_str(&text(&answer.scorecard));
    out
}

/// The alignment tree, one line per objective, with progress and status.
pub fn tree(card: &Scorecard) -> String {
    let mut out = String::new();
    let order = tree_order(card);
    for (n, (depth, o)) in order.iter().enumerate() {
        let mut prefix = String::new();
        for level in 1..=*depth {
            // Does another objective follow at this level before the branch closes?
            let more = order[n + 1..]
                .iter()
                .take_while(|(d, _)| *d >= level)
                .any(|(d, _)| *d == level);
            prefix.push_str(match (level == *depth, more) {
                (true, true) => "├─ ",
                (true, false) => "└─ ",
                (false, true) => "│  ",
                (false, false) => "   ",
            });
        }
        let _ = writeln!(
            out,
            "{prefix}{}  {}  {} {}{}",
            shown(&o.id),
            shown(&o.title),
            pct(o.progress),
            status(o.status),
            also_under(o)
        );
    }
    out
}

fn objective(out: &mut String, o: &ObjectiveScore, indent: &str) {
    let kind = o
        .commitment
        .map(|c| format!(" ({})", enum_name(&c)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{indent}{}  {}{kind}{}",
        shown(&o.id),
        shown(&o.title),
        also_under(o)
    );
    let mut facts = vec![
        format!("progress {}", pct(o.progress)),
        format!("expected {}", pct(o.expected)),
        status(o.status),
    ];
    if let Some(c) = o.confidence {
        facts.push(format!("confidence {c:.2}"));
    }
    if let Some(f) = &o.forecast {
        facts.push(format!("forecast {}", pct(Some(f.projected_progress))));
    }
    if let Some(p) = o.probability {
        facts.push(format!(
            "{} chance to reach {}",
            pct(Some(p)),
            pct(Some(okr_core::engine::GOOD_PROGRESS))
        ));
    }
    if let Some(g) = &o.grade {
        facts.push(format!(
            "grade {:.2} {}{}",
            g.score,
            enum_name(&g.band),
            if g.manual { " (set by hand)" } else { "" }
        ));
    }
    let _ = writeln!(out, "{indent}    {}", facts.join(" · "));
    for k in &o.key_results {
        key_result(out, k, indent);
    }
    out.push('\n');
}

fn key_result(out: &mut String, k: &KeyResultScore, indent: &str) {
    let _ = writeln!(
        out,
        "{indent}  - {}  {}  [{}]",
        shown(&k.id),
        shown(&k.title),
        k.kr_type.as_str()
    );
    let mut facts = vec![format!("value {}", value(&k.value, &k.measure))];
    match (k.progress, k.raw_progress) {
        (Some(p), Some(r)) if (p - r).abs() > 1e-9 => {
            facts.push(format!("progress {} (raw {})", pct(Some(p)), pct(Some(r))))
        }
        (p, _) => facts.push(format!("progress {}", pct(p))),
    }
    facts.push(format!("expected {}", pct(k.expected)));
    facts.push(status(k.status));
    if let Some(c) = k.confidence {
        facts.push(format!(
            "confidence {c:.2}{}",
            if k.confidence_divergence {
                " (diverges)"
            } else {
                ""
            }
        ));
    }
    if let Some(f) = &k.forecast {
        let mut s = format!(
            "forecast {} ({}) at due",
            trim_number(f.projected_value),
            pct(f.projected_progress)
        );
        if let Some(d) = f.target_date {
            let _ = write!(s, ", target by {d}");
        }
        facts.push(s);
    }
    if let Some(p) = k.probability {
        let mut s = format!("{} chance to hit", pct(Some(p)));
        if let Some(v) = &k.value_interval {
            let _ = write!(
                s,
                " (likely {}–{} at due)",
                trim_number(v.low),
                trim_number(v.high)
            );
        }
        facts.push(s);
    }
    let _ = writeln!(out, "{indent}      {}", facts.join(" · "));
}

/// `okr calibration` as text: what counts, everyone's figures, then a table per owner,
/// unit and cycle and the reliability of every forecast.
pub fn calibration(c: &Calibration) -> String {
    let mut out = String::new();
    let j = &c.judgement;
    let _ = writeln!(
        out,
        "Confidence calibration as of {}\nA stated confidence is a forecast that its key result {}.\nA verdict needs {} settled key results over {} cycles; a gap of up to {:.0} points is calibrated.\n",
        c.as_of,
        c.hit_words(),
        j.min_key_results,
        j.min_cycles,
        j.max_gap * 100.0
    );
    let _ = writeln!(out, "Everyone: {}\n", c.overall.summary());
    for (title, groups) in [
        ("owner", &c.owners),
        ("unit", &c.units),
        ("cycle", &c.cycles),
        ("made", &c.phases),
    ] {
        if groups.is_empty() {
            continue;
        }
        let width = groups
            .iter()
            .map(|g| shown(&g.id).chars().count())
            .max()
            .unwrap_or(0)
            .max(title.len());
        let _ = writeln!(
            out,
            "  {title:<width$}  forecasts  KRs  hit  cycles  stated  hit rate   gap  Brier  verdict"
        );
        for g in groups.iter() {
            let _ = writeln!(
                out,
                "  {:<width$}  {:>9}  {:>3}  {:>3}  {:>6}  {:>6}  {:>8}  {:>4}  {:>5}  {}",
                shown(&g.id),
                g.forecasts,
                g.key_results,
                g.hits,
                g.cycles,
                pct(g.mean_confidence),
                pct(g.hit_rate),
                g.gap_points(),
                g.brier
                    .map(|b| format!("{b:.2}"))
                    .unwrap_or_else(|| "–".into()),
                g.verdict.words()
            );
        }
        out.push('\n');
    }
    if c.overall.forecasts > 0 {
        out.push_str(
            "  Reliability of every forecast\n  stated   forecasts  mean stated  hit rate\n",
        );
        for b in &c.overall.bins {
            let label = format!("{:.0}–{:.0}%", b.low * 100.0, b.high * 100.0);
            let _ = writeln!(
                out,
                "  {label:<7}  {:>9}  {:>11}  {:>8}",
                b.forecasts,
                pct(b.mean_confidence),
                pct(b.hit_rate)
            );
        }
    }
    out
}
