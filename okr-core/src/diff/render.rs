//! A [`PlanDiff`] for people: plain text for a terminal, Markdown for a pull-request
//! comment.

use super::{FieldChange, ItemChange, ItemDiff, ItemKind, PlanDiff};
use crate::report::pct;
use crate::safe_text::for_terminal;
use serde_json::Value;

impl PlanDiff {
    /// Plain text, one item a block, text from the plans escaped so that it cannot
    /// forge a line or hide a character (`for_terminal`):
    ///
    /// ```text
    /// ~ key result k1 "Sign 10 deals" (under o1): retargeted
    ///     target: 10 → 12
    ///     score: 40% → 33%
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for item in &self.items {
            out.push_str(&format!(
                "{} {} {} \"{}\"{}: {}\n",
                sign(item.change),
                noun(item.item),
                for_terminal(&item.id),
                for_terminal(&item.title),
                item.objective
                    .as_deref()
                    .map(|o| format!(" (under {})", for_terminal(o)))
                    .unwrap_or_default(),
                what(item)
            ));
            for field in &item.fields {
                out.push_str(&format!("    {}\n", for_terminal(&field_line(field))));
            }
            if let Some(score) = score_line(self, item) {
                out.push_str(&format!("    score: {score}\n"));
            }
        }
        out.push_str(&self.summary());
        out.push('\n');
        if let Some(why) = &self.unscored {
            out.push_str(&format!("scores left out: {why}\n"));
        }
        out
    }

    /// Markdown for a pull-request comment: a heading, the counts, and one table row
    /// per item.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("### OKR changes (scored as of {})\n\n", self.as_of);
        out.push_str(&format!("{}\n\n", self.summary()));
        if let Some(why) = &self.unscored {
            out.push_str(&format!("> Scores left out: {}\n\n", cell(why)));
        }
        if self.items.is_empty() {
            return out;
        }
        out.push_str("| | item | change | score |\n|---|---|---|---|\n");
        for item in &self.items {
            let mut change = what(item);
            if !item.fields.is_empty() {
                let fields: Vec<String> = item.fields.iter().map(field_line).collect();
                change = format!("{change}: {}", fields.join("; "));
            }
            let name = match &item.objective {
                Some(o) => format!(
                    "{} `{}` {} (under `{o}`)",
                    noun(item.item),
                    item.id,
                    item.title
                ),
                None => format!("{} `{}` {}", noun(item.item), item.id, item.title),
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                sign(item.change),
                cell(&name),
                cell(&change),
                score_line(self, item).unwrap_or_default()
            ));
        }
        out
    }

    /// `2 added, 1 removed, 3 edited, 4 rescored`, or `no changes`.
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "no changes".into();
        }
        self.counts()
            .iter()
            .map(|(change, n)| format!("{n} {}", change_word(*change)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn sign(change: ItemChange) -> &'static str {
    match change {
        ItemChange::Added => "+",
        ItemChange::Removed => "-",
        ItemChange::Edited => "~",
        ItemChange::Rescored => "=",
    }
}

fn noun(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Objective => "objective",
        ItemKind::KeyResult => "key result",
    }
}

fn change_word(change: ItemChange) -> &'static str {
    match change {
        ItemChange::Added => "added",
        ItemChange::Removed => "removed",
        ItemChange::Edited => "edited",
        ItemChange::Rescored => "rescored",
    }
}

/// `retargeted, re-weighted` for an edit (each verb once), else the change's word.
fn what(item: &ItemDiff) -> String {
    if item.change != ItemChange::Edited {
        return change_word(item.change).into();
    }
    let mut verbs: Vec<&str> = Vec::new();
    for f in &item.fields {
        if !verbs.contains(&f.verb) {
            verbs.push(f.verb);
        }
    }
    verbs.join(", ")
}

fn field_line(field: &FieldChange) -> String {
    format!(
        "{}: {} → {}",
        field.field,
        value(&field.before),
        value(&field.after)
    )
}

/// A written value, short: whole numbers without `.0`, text as written, anything
/// larger as compact JSON.
fn value(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// `40% → 33%`, `new: 20%`, `was 40%`, or nothing when the diff was not scored.
fn score_line(diff: &PlanDiff, item: &ItemDiff) -> Option<String> {
    if !diff.scored {
        return None;
    }
    Some(match item.change {
        ItemChange::Added => format!("new: {}", pct(item.score_after)),
        ItemChange::Removed => format!("was {}", pct(item.score_before)),
        _ if item.score_before == item.score_after => pct(item.score_after),
        _ => format!("{} → {}", pct(item.score_before), pct(item.score_after)),
    })
}

/// Text safe in a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use crate::diff::diff;
    use crate::{AsOf, Document, LoadOptions, PlanFormat};

    fn doc(yaml: &str) -> Document {
        Document::parse(yaml, &LoadOptions::new(PlanFormat::Yaml)).expect("parses")
    }

    const OLD: &str = "schema_version: 1
cycles: [{id: q1, name: Q1, start: 2026-01-01, end: 2026-03-31}]
objectives:
  - id: o1
    title: Win | grow
    cycle: q1
    key_results:
      - {id: k1, title: Sign 10 deals, type: increase, start: 0, target: 10, check_ins: [{at: 2026-02-01, value: 4}]}
";

    #[test]
    fn text_and_markdown_say_the_same_changes() {
        let new = OLD.replace("target: 10,", "target: 12, weight: 2,");
        let as_of = AsOf::parse("2026-02-14").expect("date");
        let d = diff(&doc(OLD), &doc(&new), as_of);
        assert_eq!(
            d.to_text(),
            "= objective o1 \"Win | grow\": rescored\n    score: 40% → 33%\n\
             ~ key result k1 \"Sign 10 deals\" (under o1): retargeted, re-weighted\n    \
             target: 10 → 12\n    weight: (none) → 2\n    score: 40% → 33%\n\
             0 added, 0 removed, 1 edited, 1 rescored\n"
        );
        let md = d.to_markdown();
        assert!(md.starts_with("### OKR changes (scored as of 2026-02-14)\n\n0 added, 0 removed, 1 edited, 1 rescored\n\n| | item | change | score |\n|---|---|---|---|\n"), "{md}");
        assert!(
            md.contains("| = | objective `o1` Win \\| grow | rescored | 40% → 33% |"),
            "{md}"
        );
        assert!(
            md.contains("| ~ | key result `k1` Sign 10 deals (under `o1`) | retargeted, re-weighted: target: 10 → 12; weight: (none) → 2 | 40% → 33% |"),
            "{md}"
        );
    }

    #[test]
    fn no_changes_says_so() {
        let as_of = AsOf::parse("2026-02-14").expect("date");
        let d = diff(&doc(OLD), &doc(OLD), as_of);
        assert_eq!(d.to_text(), "no changes\n");
        assert!(d.to_markdown().ends_with("no changes\n\n"));
    }
}
