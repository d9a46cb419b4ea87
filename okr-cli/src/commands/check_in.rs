//! `okr check-in`: append one check-in to the plan's JSON Lines log.
//!
//! The plan file is never rewritten, so comments, ordering and anything else a person
//! wrote in it stay exactly as they were.

use crate::Failure;
use crate::input::load;
use okr_core::CheckInRequest;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml or .json) naming a `check_ins_file`.
    file: PathBuf,
    /// Id of the key result (or KPI).
    key_result: String,
    /// The value: a number; true/false for a milestone; a zone name (fail, commit,
    /// target, stretch); comma-separated finished step ids for a checklist. A
    /// negative number is a value, not an option: `okr check-in plan.yaml k1 -5`.
    #[arg(allow_negative_numbers = true)]
    value: String,
    /// How likely the target is reached: 0.7, 70% or 7/10.
    #[arg(long)]
    confidence: Option<String>,
    #[arg(long)]
    note: Option<String>,
    #[arg(long)]
    author: Option<String>,
    /// When the value was observed (date or RFC 3339 timestamp); default now.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let opened = load(
        &args.file,
        Failure::Invalid("the plan has errors (see above); fix them before checking in".into()),
    )?;
    let Some(log_path) = opened.log_path.clone() else {
        return Err(Failure::Usage(format!(
            "`{}` names no check-ins log; add a line such as `check_ins_file: {}` to it",
            args.file.display(),
            suggested_log_name(&args.file)
        )));
    };
    let request = CheckInRequest {
        key_result: args.key_result,
        value: args.value,
        at: args.at,
        confidence: args.confidence,
        note: args.note,
        author: args.author,
    };
    let prepared = opened.doc.prepare_check_in(&request).map_err(|errors| {
        opened.files().report(&errors);
        Failure::Usage("the check-in was not recorded".into())
    })?;
    okr_core::fs::append_line(&log_path, &prepared.line)
        .map_err(|e| Failure::Usage(format!("cannot append to `{}`: {e}", log_path.display())))?;
    let entry = &prepared.entry;
    outln!(
        "recorded {} = {} at {} in {}",
        entry.key_result,
        entry.value,
        entry.at,
        log_path.display()
    );
    Ok(())
}

fn suggested_log_name(plan: &std::path::Path) -> String {
    let stem = plan
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "okrs".into());
    format!("{stem}.check-ins.jsonl")
}
