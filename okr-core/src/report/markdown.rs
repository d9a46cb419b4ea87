//! The Markdown report.

use super::changes::moved_text;
use super::{
    Inputs, TRACK_RECORD, diagnostics_by_objective, forecast_text, grade_confidence_and_chance,
    human_moment, pct, status_words, tree_order, unit_summaries, value_text,
};
use std::fmt::Write;

/// Markdown: summary, grades per unit, the alignment tree, each objective with its key
/// results, and the lint diagnostics under the objective they concern.
pub fn markdown(inputs: &Inputs<'_>) -> String {
    let (plan, card) = (inputs.plan, &inputs.card);
    let diagnostics: &[&crate::lint::Diagnostic] =
        inputs.diagnostics.as_deref().unwrap_or_default();
    let mut out = String::new();
    let title = plan.name.as_deref().unwrap_or("OKR report");
    let _ = writeln!(
        out,
        "# {title}\n\nAs of {}{}.\n",
        human_moment(&card.as_of),
        inputs
            .view
            .as_ref()
            .map(|v| format!("; {v}"))
            .unwrap_or_default()
    );
    if let Some((since, changes)) = &inputs.since {
        let _ = writeln!(out, "## Since {}\n", human_moment(since));
        if changes.is_empty() {
            let _ = writeln!(out, "Nothing moved.\n");
        } else {
            let _ = writeln!(
                out,
                "| item | progress | moved | status |\n|---|---|---|---|"
            );
            for c in changes.iter().take(20) {
                let status = if c.status_before == c.status_after {
                    status_words(c.status_after)
                } else {
                    format!(
                        "{} → {}",
                        status_words(c.status_before),
                        status_words(c.status_after)
                    )
                };
                let _ = writeln!(
                    out,
                    "| {}**{}** {} | {} → {} | {} | {status} |",
                    if c.objective { "" } else { "↳ " },
                    c.id,
                    c.title.replace('|', "\\|"),
                    pct(c.before),
                    pct(c.after),
                    moved_text(c)
                );
            }
            if changes.len() > 20 {
                let _ = writeln!(out, "\n…and {} more.", changes.len() - 20);
            }
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "## Grades by unit\n\n| unit | objectives | mean score |\n|---|---|---|"
    );
    for u in unit_summaries(plan, card) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            u.name,
            u.objectives,
            u.mean_score
                .map(|s| format!("{s:.2}"))
                .unwrap_or_else(|| "–".into())
        );
    }
    if !inputs.track_record.is_empty() {
        let _ = writeln!(
            out,
            "\n## Confidence track record\n\n{TRACK_RECORD}\n\n| owner | key results | stated | hit rate | gap | verdict |\n|---|---:|---:|---:|---:|---|"
        );
        for g in &inputs.track_record {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                g.id.replace('|', "\\|"),
                g.key_results,
                pct(g.mean_confidence),
                pct(g.hit_rate),
                g.gap_points(),
                g.verdict.words()
            );
        }
    }
    let _ = writeln!(out, "\n## Alignment\n");
    for (depth, o) in tree_order(card) {
        let _ = writeln!(
            out,
            "{}- **{}** {} — {} {}",
            "  ".repeat(depth),
            o.id,
            o.title,
            pct(o.progress),
            status_words(o.status)
        );
    }
    let by_objective = diagnostics_by_objective(diagnostics);
    let _ = writeln!(out, "\n## Objectives");
    for o in &card.objectives {
        let i = inputs.index.get(o.id.as_str()).copied();
        let _ = writeln!(out, "\n### {} — {}\n", o.id, o.title);
        let mut facts = vec![
            format!("progress **{}**", pct(o.progress)),
            format!("expected {}", pct(o.expected)),
            status_words(o.status),
        ];
        facts.extend(grade_confidence_and_chance(o));
        let _ = writeln!(out, "{}\n", facts.join(" · "));
        if !o.key_results.is_empty() {
            let _ = writeln!(
                out,
                "| key result | value | progress | expected | status | forecast |\n|---|---|---|---|---|---|"
            );
            for k in &o.key_results {
                let forecast = forecast_text(k).replace('|', "\\|");
                let _ = writeln!(
                    out,
                    "| {} {} | {} | {} | {} | {} | {} |",
                    k.id,
                    k.title.replace('|', "\\|"),
                    value_text(k),
                    pct(k.progress),
                    pct(k.expected),
                    status_words(k.status),
                    forecast
                );
            }
        }
        if let Some(list) = by_objective.get(&i).filter(|_| i.is_some()) {
            let _ = writeln!(out, "\nDiagnostics:\n");
            for d in list {
                let _ = writeln!(
                    out,
                    "- {} `{}` {} — {}",
                    d.severity.as_str(),
                    d.code,
                    d.message,
                    d.help
                );
            }
        }
    }
    if let Some(list) = by_objective.get(&None) {
        let _ = writeln!(out, "\n## Other diagnostics\n");
        for d in list {
            let _ = writeln!(
                out,
                "- {} `{}` {} (`{}`) — {}",
                d.severity.as_str(),
                d.code,
                d.message,
                d.path,
                d.help
            );
        }
    }
    out
}
