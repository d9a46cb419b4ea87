//! `okr check-in`: append one check-in to the plan's JSON Lines log.
//!
//! The plan file is never rewritten, so comments, ordering and anything else a person
//! wrote in it stay exactly as they were.

use crate::Failure;
use crate::input::{load, report};
use okr_core::format::check_in_log;
use okr_core::format::text_value::{parse_confidence, parse_value};
use okr_core::{CheckIn, KrKind, LoggedCheckIn, Moment};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml or .json) naming a `check_ins_file`.
    file: PathBuf,
    /// Id of the key result (or KPI).
    key_result: String,
    /// The value: a number; true/false for a milestone; a zone name (fail, commit,
    /// target, stretch); comma-separated finished step ids for a checklist.
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
    let loaded = load(
        &args.file,
        Failure::Usage("the plan has errors (see above); fix them before checking in".into()),
    )?;
    let Some(log_path) = loaded.log_path.clone() else {
        return Err(Failure::Usage(format!(
            "`{}` names no check-ins log; add a line such as `check_ins_file: {}` to it",
            args.file.display(),
            suggested_log_name(&args.file)
        )));
    };
    let plan = loaded.plan;
    let kind = match plan.key_result(&args.key_result) {
        Some(kr) => kr.kind.clone(),
        None if plan.kpis.iter().any(|k| k.id == args.key_result) => {
            KrKind::Baseline { start: None }
        }
        None => {
            let known: Vec<&str> = plan
                .objectives
                .iter()
                .flat_map(|o| &o.key_results)
                .map(|k| k.id.as_str())
                .collect();
            return Err(Failure::Usage(format!(
                "no key result or KPI `{}` in the plan (key results: {})",
                args.key_result,
                known.join(", ")
            )));
        }
    };
    let value = parse_value(&kind, &args.value).map_err(Failure::Usage)?;
    let at = match args.at.as_deref() {
        Some(t) => Moment::parse(t).map_err(|e| Failure::Usage(format!("--at: {e}")))?,
        None => Moment::now(),
    };
    let mut check_in = CheckIn::new(at, value);
    check_in.confidence = args
        .confidence
        .as_deref()
        .map(parse_confidence)
        .transpose()
        .map_err(Failure::Usage)?;
    check_in.note = args.note;
    check_in.author = args.author;
    let entry = LoggedCheckIn::new(args.key_result, check_in);

    // Refuse a line that would make the plan invalid, before touching the file.
    let mut with_entry = plan;
    with_entry.logged_check_ins.push(entry.clone());
    let errors: Vec<_> = with_entry
        .validate()
        .into_iter()
        .filter(|e| e.path().starts_with("check_ins_file"))
        .collect();
    if !errors.is_empty() {
        report(&log_path, &errors);
        return Err(Failure::Usage("the check-in was not recorded".into()));
    }
    let line = check_in_log::line(&entry).map_err(|e| Failure::Usage(e.to_string()))?;
    append(&log_path, &line)
        .map_err(|e| Failure::Usage(format!("cannot append to `{}`: {e}", log_path.display())))?;
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

/// Appends `line` with one write on a file opened for appending (atomic on local file
/// systems), then syncs. A log whose last line lost its newline gets one first.
fn append(path: &std::path::Path, line: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(path)?;
    let len = file.metadata()?.len();
    let mut text = String::with_capacity(line.len() + 1);
    if len > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::Start(len - 1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            text.push('\n');
        }
    }
    text.push_str(line);
    file.write_all(text.as_bytes())?;
    file.sync_data()
}
