//! The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing
//! fetched from the network).

use super::changes::moved_text;
use super::trend::sparkline;
use super::{
    Inputs, diagnostics_by_objective, forecast_text, grade_confidence_and_chance, human_moment,
    pct, status_words, tree_order, unit_summaries, value_text,
};
use crate::engine::Status;
use crate::lint::Severity;
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
/// Escaped text whose `backticked` spans (ids and fields in lint messages, written for
/// Markdown and terminals) become `<code>`; a lone backtick stays as it is.
fn with_code(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len() < 3 {
        return esc(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let pairs = (parts.len() - 1) / 2;
    for (i, part) in parts.iter().enumerate() {
        let inside = i % 2 == 1;
        if inside && i < 2 * pairs {
            out.push_str("<code>");
            out.push_str(&esc(part));
            out.push_str("</code>");
        } else {
            if i > 2 * pairs {
                // The unpaired backtick this part came after.
                out.push('`');
            }
            out.push_str(&esc(part));
        }
    }
    out
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::OnTrack | Status::Done => "good",
        Status::Behind | Status::Stale => "warn",
        Status::AtRisk => "bad",
        Status::NotStarted | Status::Closed | Status::NoTarget => "muted",
    }
}

/// A progress bar: the filled share, and a tick where progress is expected to be.
fn bar(progress: Option<f64>, expected: Option<f64>, status: Status) -> String {
    let p = progress.unwrap_or(0.0).clamp(0.0, 1.0) * 100.0;
    let tick = expected
        .map(|e| {
            format!(
                r#"<line x1="{x:.1}" x2="{x:.1}" y1="0" y2="10" class="tick"/>"#,
                x = e.clamp(0.0, 1.0) * 100.0
            )
        })
        .unwrap_or_default();
    format!(
        r#"<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{label}"><rect width="100" height="10" class="track"/><rect width="{p:.1}" height="10" class="fill {cls}"/>{tick}</svg>"#,
        label = esc(&format!(
            "progress {}, expected {}",
            pct(progress),
            pct(expected)
        )),
        cls = status_class(status),
    )
}

fn chip(s: Status) -> String {
    format!(
        r#"<span class="chip {}">{}</span>"#,
        status_class(s),
        esc(&status_words(s))
    )
}

const STYLE: &str = r#"
:root { --ink:#1d2330; --muted:#6b7385; --line:#e3e6ee; --good:#1f9d61; --warn:#d98e04; --bad:#d64545; --bg:#f7f8fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1080px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 12px; } h3 { font-size: 17px; margin: 0; }
.sub { color: var(--muted); margin: 0 0 24px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; }
.card, .objective { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .n { font-size: 24px; font-weight: 600; } .card .l { color: var(--muted); font-size: 13px; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tree .num { width: 44px; text-align: right; font-variant-numeric: tabular-nums; }
.tree .chip { min-width: 84px; text-align: center; }
.bar { width: 120px; height: 10px; border-radius: 5px; overflow: hidden; display: inline-block; vertical-align: middle; }
.track { fill: #eceff5; } .fill.good { fill: var(--good); } .fill.warn { fill: var(--warn); } .fill.bad { fill: var(--bad); } .fill.muted { fill: #b8bfcc; }
.tick { stroke: var(--ink); stroke-width: 1.2; }
.chip { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.chip.good { background: #e3f6ec; color: #11693f; } .chip.warn { background: #fdf1d8; color: #8a5a00; } .chip.bad { background: #fde6e6; color: #a42a2a; } .chip.muted { background: #eceff5; color: #4d5566; }
.tree { list-style: none; padding: 0; margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 10px; }
.tree li { display: flex; align-items: center; gap: 10px; padding: 7px 12px 7px calc(12px + 22px * var(--depth, 0)); border-bottom: 1px solid var(--line); }
.tree li:last-child { border-bottom: 0; } .tree .id { font-weight: 600; } .tree .t { flex: 1; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.objective { margin: 14px 0; } .objective header { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
.objective header .facts { color: var(--muted); font-size: 13px; }
.diags { margin: 10px 0 0; padding: 0; list-style: none; }
.diags li { font-size: 13px; padding: 5px 0 5px 10px; border-left: 3px solid var(--line); margin: 4px 0; }
.diags li.error { border-color: var(--bad); } .diags li.warning { border-color: var(--warn); } .diags li.info { border-color: #8aa4d6; }
.diags code { font-size: 12px; color: var(--muted); } .help { color: var(--muted); }
.findings { margin-top: 10px; } .findings summary { cursor: pointer; font-size: 13px; color: var(--muted); }
.tree a.id { color: inherit; text-decoration: none; } .tree a.id:hover { text-decoration: underline; }
.spark { display: block; overflow: visible; } .spark path { fill: none; stroke-width: 1.6; stroke-linejoin: round; }
.spark .expected { stroke: #aab1c0; stroke-dasharray: 3 2; stroke-width: 1.2; }
.spark .actual.good, .spark .forecast.good { stroke: var(--good); } .spark .actual.warn, .spark .forecast.warn { stroke: var(--warn); }
.spark .actual.bad, .spark .forecast.bad { stroke: var(--bad); } .spark .actual.muted, .spark .forecast.muted { stroke: #8a93a6; }
.spark .forecast { stroke-dasharray: 1 2.5; stroke-width: 1.4; } .spark .dot.good { fill: var(--good); } .spark .dot.warn { fill: var(--warn); } .spark .dot.bad { fill: var(--bad); } .spark .dot.muted { fill: #8a93a6; }
.spark .today { stroke: var(--ink); stroke-width: .8; opacity: .35; }
.spark path.band { stroke: none; opacity: .14; } .spark .band.good { fill: var(--good); } .spark .band.warn { fill: var(--warn); } .spark .band.bad { fill: var(--bad); } .spark .band.muted { fill: #8a93a6; }
.changes a.id { color: inherit; font-weight: 600; }
@media (max-width: 640px) {
  main { padding: 16px 10px 40px; } h1 { font-size: 22px; }
  th, td { padding: 6px 5px; } table:not(.changes) td:nth-child(4), table:not(.changes) th:nth-child(4) { display: none; }
  .changes thead { display: none; } .changes { background: none; }
  .changes tr { display: grid; grid-template-columns: auto auto 1fr; align-items: center; gap: 2px 12px; padding: 8px 0; border-bottom: 1px solid var(--line); }
  .changes td { border: 0; padding: 0; text-align: left; } .changes td:first-child { grid-column: 1 / -1; }
  .objective thead { display: none; } .objective table { background: none; }
  .objective tr { display: grid; grid-template-columns: 1fr auto auto; gap: 2px 10px; padding: 8px 0; border-bottom: 1px solid var(--line); }
  .objective td { border: 0; padding: 0; text-align: left; white-space: normal; }
  .objective td:first-child { grid-column: 1 / -1; }
  .objective td:nth-child(6) { grid-column: 1 / -1; color: var(--muted); font-size: 13px; }
  .objective td:nth-child(6)::before { content: "forecast at due: "; }
  .objective td:nth-child(7) { grid-column: 1 / -1; }
  .tree li { flex-wrap: wrap; gap: 2px 8px; padding-left: calc(10px + 12px * var(--depth, 0)); }
  .tree .id { flex: 1; } .tree .bar { display: none; }
  .tree .t { order: 9; flex-basis: 100%; white-space: normal; font-size: 13px; }
  .objective { padding: 10px; overflow-x: auto; } .objective header { gap: 6px; }
}
@media print {
  body { background: #fff; font-size: 12px; } main { max-width: none; padding: 0; }
  .card, .objective, .tree { border-color: #ccc; } .objective { break-inside: avoid; }
  .findings summary { color: var(--ink); }
}
"#;

/// `3 lint findings (1 error)`.
fn findings_summary(n: usize, errors: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut text = plural(n, "lint finding");
    if errors > 0 {
        text.push_str(&format!(" ({})", plural(errors, "error")));
    }
    text
}

/// The whole report as one HTML document.
pub fn html(inputs: &Inputs<'_>) -> String {
    let (plan, card) = (inputs.plan, &inputs.card);
    let diagnostics: &[&crate::lint::Diagnostic] =
        inputs.diagnostics.as_deref().unwrap_or_default();
    let title = plan.name.as_deref().unwrap_or("OKR report");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><main>",
        esc(title)
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"sub\">As of {}{}</p>",
        esc(title),
        esc(&human_moment(&card.as_of)),
        inputs
            .view
            .as_ref()
            .map(|v| format!(" · {}", esc(v)))
            .unwrap_or_default()
    );

    let count = |s: Status| card.objectives.iter().filter(|o| o.status == s).count();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let _ = write!(out, "<div class=\"cards\">");
    for (n, label) in [
        (card.objectives.len(), "objectives"),
        (
            count(Status::OnTrack) + count(Status::Done),
            "on track or done",
        ),
        (
            count(Status::Behind) + count(Status::Stale),
            "behind or stale",
        ),
        (count(Status::AtRisk), "at risk"),
    ]
    .into_iter()
    .chain(
        inputs
            .diagnostics
            .as_ref()
            .map(|d| [(d.len(), "lint findings"), (errors, "lint errors")])
            .into_iter()
            .flatten(),
    ) {
        let _ = write!(
            out,
            "<div class=\"card\"><div class=\"n\">{n}</div><div class=\"l\">{label}</div></div>"
        );
    }
    let _ = write!(out, "</div>");
    changes_section(&mut out, inputs);

    let _ = write!(
        out,
        "<h2>Grades by unit</h2><table><thead><tr><th>unit</th><th class=\"num\">objectives</th><th class=\"num\">mean score</th><th></th></tr></thead><tbody>"
    );
    for u in unit_summaries(plan, card) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&u.name),
            u.objectives,
            u.mean_score
                .map(|s| format!("{s:.2}"))
                .unwrap_or_else(|| "–".into()),
            bar(
                u.mean_score,
                None,
                match u.mean_score {
                    Some(s) if s >= 0.7 => Status::OnTrack,
                    Some(s) if s >= 0.4 => Status::Behind,
                    Some(_) => Status::AtRisk,
                    None => Status::NoTarget,
                }
            )
        );
    }
    let _ = write!(out, "</tbody></table>");
    if !inputs.track_record.is_empty() {
        let _ = write!(
            out,
            "<h2>Confidence track record</h2><p>{}</p><table><thead><tr><th>owner</th><th class=\"num\">key results</th><th class=\"num\">stated</th><th class=\"num\">hit rate</th><th class=\"num\">gap</th><th>verdict</th></tr></thead><tbody>",
            with_code(super::TRACK_RECORD)
        );
        for g in &inputs.track_record {
            let _ = write!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(&g.id),
                g.key_results,
                pct(g.mean_confidence),
                pct(g.hit_rate),
                g.gap_points(),
                g.verdict.words()
            );
        }
        let _ = write!(out, "</tbody></table>");
    }

    let _ = write!(out, "<h2>Alignment</h2><ul class=\"tree\">");
    for (depth, o) in tree_order(card) {
        let _ = write!(
            out,
            "<li style=\"--depth:{}\"><a class=\"id\" href=\"#{id}\">{id}</a><span class=\"t\">{}</span>{}<span class=\"num\">{}</span>{}</li>",
            depth.min(12),
            esc(&o.title),
            bar(o.progress, o.expected, o.status),
            pct(o.progress),
            chip(o.status),
            id = esc(&o.id),
        );
    }
    let _ = write!(out, "</ul>");

    let by_objective = diagnostics_by_objective(diagnostics);
    let _ = write!(out, "<h2>Objectives</h2>");
    for o in &card.objectives {
        let i = inputs.index.get(o.id.as_str()).copied();
        let mut facts = vec![format!("expected {}", pct(o.expected))];
        facts.extend(grade_confidence_and_chance(o));
        if let Some(u) = &o.unit {
            facts.push(format!("unit {u}"));
        }
        let _ = write!(
            out,
            "<section class=\"objective\" id=\"{id}\"><header><h3>{id} — {t}</h3>{bar} <b>{p}</b> {chip}<span class=\"facts\">{f}</span></header>",
            id = esc(&o.id),
            t = esc(&o.title),
            bar = bar(o.progress, o.expected, o.status),
            p = pct(o.progress),
            chip = chip(o.status),
            f = esc(&facts.join(" · "))
        );
        if !o.key_results.is_empty() {
            let _ = write!(
                out,
                "<table><thead><tr><th>key result</th><th class=\"num\">value</th><th class=\"num\">progress</th><th></th><th>status</th><th class=\"num\">forecast at due</th><th class=\"course\">course</th></tr></thead><tbody>"
            );
            for k in &o.key_results {
                let forecast = esc(&forecast_text(k));
                let course = inputs
                    .trends
                    .get(&k.id)
                    .map(|t| sparkline(t, status_class(k.status)))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<tr><td><b>{}</b> {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"course\">{course}</td></tr>",
                    esc(&k.id),
                    esc(&k.title),
                    esc(&value_text(k)),
                    pct(k.progress),
                    bar(k.progress, k.expected, k.status),
                    chip(k.status),
                    forecast
                );
            }
            let _ = write!(out, "</tbody></table>");
        }
        if let Some(list) = by_objective.get(&i).filter(|_| i.is_some()) {
            // Folded under a count, so that findings do not bury the scores; open when
            // one is an error, which the reader must see.
            let errors = list
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let _ = write!(
                out,
                "<details class=\"findings\"{}><summary>{}</summary><ul class=\"diags\">",
                if errors > 0 { " open" } else { "" },
                esc(&findings_summary(list.len(), errors))
            );
            for d in list {
                let _ = write!(
                    out,
                    "<li class=\"{}\"><code>{}</code> {} <span class=\"help\">— {}</span></li>",
                    d.severity.as_str(),
                    esc(&d.code),
                    with_code(&d.message),
                    with_code(&d.help)
                );
            }
            let _ = write!(out, "</ul></details>");
        }
        let _ = write!(out, "</section>");
    }
    if let Some(list) = by_objective.get(&None) {
        let _ = write!(out, "<h2>Other diagnostics</h2><ul class=\"diags\">");
        for d in list {
            let _ = write!(
                out,
                "<li class=\"{}\"><code>{}</code> {} <code>{}</code> <span class=\"help\">— {}</span></li>",
                d.severity.as_str(),
                esc(&d.code),
                with_code(&d.message),
                esc(&d.path),
                with_code(&d.help)
            );
        }
        let _ = write!(out, "</ul>");
    }
    out.push_str("</main></body></html>\n");
    out
}

/// "Since …": how many items changed status and moved, and the largest changes.
fn changes_section(out: &mut String, inputs: &Inputs<'_>) {
    let Some((since, changes)) = &inputs.since else {
        return;
    };
    let _ = write!(
        out,
        "<h2 id=\"since\">Since {}</h2>",
        esc(&super::human_moment(since))
    );
    if changes.is_empty() {
        let _ = write!(out, "<p>Nothing moved.</p>");
        return;
    }
    let restatused = changes
        .iter()
        .filter(|c| c.status_before != c.status_after)
        .count();
    let _ = write!(
        out,
        "<p>{} changed status; {} moved. The largest changes:</p><table class=\"changes\"><thead><tr><th>item</th><th class=\"num\">progress</th><th class=\"num\">moved</th><th>status</th></tr></thead><tbody>",
        count_of(restatused, "item"),
        count_of(changes.len(), "item"),
    );
    for c in changes.iter().take(20) {
        let link = if c.objective {
            format!("<a class=\"id\" href=\"#{id}\">{id}</a>", id = esc(&c.id))
        } else {
            format!("<b>{}</b>", esc(&c.id))
        };
        let status = if c.status_before == c.status_after {
            chip(c.status_after)
        } else {
            format!("{} → {}", chip(c.status_before), chip(c.status_after))
        };
        let _ = write!(
            out,
            "<tr><td>{link} {}</td><td class=\"num\">{} → {}</td><td class=\"num\">{}</td><td>{status}</td></tr>",
            esc(&c.title),
            pct(c.before),
            pct(c.after),
            esc(&moved_text(c)),
        );
    }
    let _ = write!(out, "</tbody></table>");
    if changes.len() > 20 {
        let _ = write!(
            out,
            "<p class=\"sub\">…and {} more.</p>",
            changes.len() - 20
        );
    }
}

/// `1 item`, `3 items`.
fn count_of(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::{esc, with_code};

    #[test]
    fn backticked_spans_become_code_and_a_lone_backtick_stays() {
        assert_eq!(
            with_code("objective `a<b>` aligns to `c`"),
            "objective <code>a&lt;b&gt;</code> aligns to <code>c</code>"
        );
        assert_eq!(with_code("no code here"), "no code here");
        assert_eq!(with_code("one ` alone"), "one ` alone");
        assert_eq!(with_code("`a` then ` alone"), "<code>a</code> then ` alone");
    }

    /// The example plan with its log, and the moment its README reports at.
    fn acme() -> (crate::Document, crate::AsOf) {
        let plan = include_str!("../../../examples/acme.yaml");
        let log = include_str!("../../../examples/acme.check-ins.jsonl");
        let options = crate::LoadOptions::new(crate::PlanFormat::Yaml);
        let doc = crate::Document::parse_with_log(plan, &options, |_| Ok(Some(log.to_owned())))
            .expect("the example reads");
        (doc, crate::AsOf::parse("2026-11-15").expect("a date"))
    }

    #[test]
    fn the_acme_report_shows_forecast_values_and_no_raw_backticks() {
        let (doc, as_of) = acme();
        let html = doc
            .report(crate::ReportFormat::Html, &crate::LintOptions::as_of(as_of))
            .expect("a report");
        // The threshold key result on track now but forecast past its upper bound says
        // where it is heading, not only "0%".
        let row = html
            .split("<tr>")
            .find(|r| r.contains("<b>emea-coverage</b>"))
            .expect("the row");
        // Beside it, the chance the model gives it to hold (docs/forecasting.md).
        assert!(row.contains("x quota (0%) · "), "{row}");
        assert!(row.contains("% to hit</td>"), "{row}");
        // An increase key result under way draws the model's likely range as a band in
        // its sparkline; a threshold one, whose progress is a step, does not.
        let arr = html
            .split("<tr>")
            .find(|r| r.contains("<b>arr</b>"))
            .expect("the arr row");
        assert!(arr.contains("<path class=\"band "), "{arr}");
        assert!(arr.contains(", likely "), "{arr}");
        assert!(!row.contains("class=\"band "), "{row}");
        // Every link in the page leads somewhere in it.
        let targets: Vec<&str> = html
            .split("href=\"#")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(targets.len() >= 12, "{} links", targets.len());
        for t in targets {
            assert!(html.contains(&format!(" id=\"{t}\"")), "#{t} leads nowhere");
        }
        let findings: Vec<&str> = html.split("<li class=").skip(1).collect();
        assert!(!findings.is_empty());
        for f in findings {
            assert!(!f.contains('`'), "{f}");
        }
    }

    #[test]
    fn a_report_since_a_date_says_what_moved_and_draws_each_course() {
        let (doc, as_of) = acme();
        let report = crate::ReportOptions {
            lint: crate::LintOptions::as_of(as_of),
            findings: false,
            since: Some(crate::AsOf::parse("2026-11-01").expect("a date")),
            unit: None,
            owner: None,
        };
        let html = doc
            .report_with(crate::ReportFormat::Html, &report)
            .expect("a report");
        let since = html
            .split("<h2 id=\"since\">")
            .nth(1)
            .and_then(|s| s.split("</table>").next())
            .expect("a since section");
        assert!(since.starts_with("Since 1 November 2026</h2>"), "{since}");
        // emea-dach went from behind to on track in those two weeks.
        let row = since
            .split("<tr>")
            .find(|r| r.contains("href=\"#emea-dach\""))
            .expect("emea-dach moved");
        assert!(
            row.contains("17% → 77%") && row.contains("+60 pts"),
            "{row}"
        );
        assert!(
            row.contains("behind</span> → <span class=\"chip good\">on track"),
            "{row}"
        );
        // Every key result with a period has its course, today marked.
        let arr = html
            .split("<tr>")
            .find(|r| r.contains("<b>arr</b>") && r.contains("class=\"course\""))
            .expect("the arr row");
        assert!(
            arr.contains("<svg class=\"spark\"") && arr.contains("class=\"today\""),
            "{arr}"
        );
        // Without findings: no lint cards, no findings.
        assert!(!html.contains("lint findings") && !html.contains("class=\"findings\""));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc(r#"<b>"R&D" 'x'</b>"#),
            "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;"
        );
    }
}
