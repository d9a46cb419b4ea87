//! Errors moved to where a person would look for the mistake, and said in their terms.
//!
//! A parser reports where it *noticed* a problem: a missing field at the end of the
//! mapping that lacks it (for a missing `schema_version`, the `objectives:` line), a
//! tab at the end of the line before it. These run only when a parse has failed, so
//! they may walk the text again.

use super::source_index::SourceIndex;
use crate::document::PlanFormat;
use crate::error::Error;

pub(crate) fn better_placed(mut e: Error, text: &str, format: PlanFormat) -> Error {
    if format == PlanFormat::Csv {
        return e;
    }
    let path = e.path().to_owned();
    match &mut e {
        Error::Schema { message, location } if message.starts_with("missing field `") => {
            let field = message
                .trim_start_matches("missing field `")
                .split('`')
                .next()
                .unwrap_or_default()
                .to_owned();
            *message = missing_field(&path, &field);
            let pos = if path.is_empty() {
                Some((1, 1))
            } else {
                let index = match format {
                    PlanFormat::Json => SourceIndex::build_json(text),
                    _ => SourceIndex::build(text),
                };
                index.locate_all(text, &[path.as_str()])[0]
            };
            if let Some((line, column)) = pos {
                location.line = Some(line);
                location.column = Some(column);
            }
        }
        Error::Syntax {
            message, location, ..
        } if message.contains("not tabs") => {
            let from = location.line.unwrap_or(1);
            if let Some((line, column)) = first_tab(text, from) {
                location.line = Some(line);
                location.column = Some(column);
            }
        }
        _ => {}
    }
    e
}

/// `cycles[0]` lacking `name`: "this cycle has no `name`, which every cycle needs".
fn missing_field(path: &str, field: &str) -> String {
    if path.is_empty() {
        return if field == "schema_version" {
            "the plan has no `schema_version`; write `schema_version: 1` as its first line"
                .to_owned()
        } else {
            format!("the plan has no `{field}`, which it needs")
        };
    }
    let list = path
        .rsplit('.')
        .next()
        .and_then(|last| last.split('[').next())
        .unwrap_or_default();
    let what = match list {
        "objectives" => "objective",
        "key_results" => "key result",
        "cycles" => "cycle",
        "units" => "unit",
        "kpis" => "KPI",
        "check_ins" => "check-in",
        "steps" => "step",
        "initiatives" => "initiative",
        "phases" => "phase",
        "aligns_to" => "alignment link",
        _ => return format!("`{field}` is missing here; add it"),
    };
    format!("this {what} has no `{field}`, which every {what} needs")
}

/// The first tab at or after line `from` (1-based), as (line, column).
fn first_tab(text: &str, from: u32) -> Option<(u32, u32)> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1) as usize)
        .find_map(|(n, line)| {
            let column = line.chars().position(|c| c == '\t')?;
            Some((n as u32 + 1, column as u32 + 1))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Limits;

    fn yaml_error(text: &str) -> Error {
        crate::format::parse(text, PlanFormat::Yaml, &Limits::default()).expect_err("an error")
    }

    #[test]
    fn a_missing_field_points_at_what_lacks_it() {
        let e = yaml_error("objectives:\n  - id: o\n    title: Grow\n");
        assert_eq!(e.location().and_then(|l| l.line), Some(1));
        assert!(e.message().contains("`schema_version: 1`"), "{e}");
        let e = yaml_error(
            "schema_version: 1\ncycles:\n  - id: q4\n    start: 2026-10-01\n    end: 2026-12-31\n",
        );
        let l = e.location().expect("placed");
        assert_eq!((l.line, l.column), (Some(3), Some(5)), "{e}");
        assert_eq!(
            e.message(),
            "this cycle has no `name`, which every cycle needs"
        );
    }

    #[test]
    fn a_tab_is_pointed_at_where_it_is() {
        let e = yaml_error("schema_version: 1\nobjectives:\n  - id: o\n\ttitle: x\n");
        let l = e.location().expect("placed");
        assert_eq!((l.line, l.column), (Some(4), Some(1)), "{e}");
    }
}
