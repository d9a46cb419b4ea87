use crate::Failure;
use chrono::{Datelike, NaiveDate};
use std::path::{Path, PathBuf};

/// A small, valid plan to start from; `{…}` fields are filled in for today's quarter
/// and the plan's file name.
const STARTER: &str = include_str!("../starter.yaml");

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to write the plan; it must not exist yet. Without it, the plan goes to stdout.
    file: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    // UTC, as `--as-of` left out is: the check-in is never after the moment scored.
    let today = chrono::Utc::now().date_naive();
    let Some(path) = args.file else {
        out!("{}", starter(today, None));
        return Ok(());
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| Failure::Usage(format!("cannot create `{}`: {e}", path.display())))?;
    std::io::Write::write_all(&mut file, starter(today, Some(&path)).as_bytes())
        .map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", path.display())))?;
    outln!(
        "wrote {}; next: okr score {}",
        path.display(),
        path.display()
    );
    // The schema the plan's first line names, so that an editor with a YAML language
    // server completes and checks fields with no plugin. One already there is kept
    // (`okr schema > okr.schema.json` refreshes it).
    let schema = path
        .parent()
        .unwrap_or(Path::new(""))
        .join("okr.schema.json");
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&schema)
    {
        std::io::Write::write_all(&mut file, okr_core::json_schema().as_bytes())
            .map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", schema.display())))?;
        outln!(
            "wrote {} (editors complete the plan's fields from it)",
            schema.display()
        );
    }
    Ok(())
}

/// The starter plan for the quarter holding `today`, its log named after `path`
/// (`team.yaml` keeps its check-ins in `team.check-ins.jsonl`). Its one check-in is
/// today's, on pace with the quarter, so a first `okr score` shows a plan under way and
/// on track, not one that is stale, behind or from the future.
fn starter(today: NaiveDate, path: Option<&Path>) -> String {
    let quarter = (today.month0() / 3) + 1;
    let start = NaiveDate::from_ymd_opt(today.year(), (quarter - 1) * 3 + 1, 1).unwrap_or(today);
    let end = start
        .checked_add_months(chrono::Months::new(3))
        .and_then(|d| d.pred_opt())
        .unwrap_or(today);
    // On pace: activation goes from 25 to 40 over the quarter.
    let days = (end - start).num_days() as f64 + 1.0;
    let elapsed = (today - start).num_days() as f64 + 1.0;
    let value = (25.0 + 15.0 * elapsed / days).ceil();
    let stem = path
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "okrs".into());
    STARTER
        .replace("{log}", &format!("{stem}.check-ins.jsonl"))
        .replace("{quarter_id}", &format!("q{quarter}-{}", today.year()))
        .replace("{quarter_name}", &format!("Q{quarter} {}", today.year()))
        .replace("{start}", &start.to_string())
        .replace("{end}", &end.to_string())
        .replace("{check_in}", &today.to_string())
        .replace("{value}", &value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn the_starter_is_for_todays_quarter_and_names_its_log_after_the_plan() {
        let text = starter(date("2026-11-29"), Some(Path::new("plans/team.yaml")));
        assert!(
            text.contains("{id: q4-2026, name: Q4 2026, start: 2026-10-01, end: 2026-12-31}"),
            "{text}"
        );
        assert!(
            text.contains("check_ins_file: team.check-ins.jsonl"),
            "{text}"
        );
        assert!(text.contains("{at: 2026-11-29, value: 35"), "{text}");
        // Two days into a quarter, the check-in is not in the future.
        let early = starter(date("2027-01-03"), None);
        assert!(
            early.contains("start: 2027-01-01, end: 2027-03-31"),
            "{early}"
        );
        assert!(early.contains("{at: 2027-01-03, value: 26"), "{early}");
        assert!(
            early.contains("check_ins_file: okrs.check-ins.jsonl"),
            "{early}"
        );
        for placeholder in [
            "{log}",
            "{quarter_id}",
            "{quarter_name}",
            "{start}",
            "{end}",
            "{check_in}",
        ] {
            assert!(
                !early.contains(placeholder),
                "{placeholder} left in:\n{early}"
            );
        }
    }
}
