//! `okr validate`: check one plan or many (`okr validate okrs/*.yaml`), every problem
//! printed like a compiler's; with `--format json`, one record per file on stdout.

use crate::Failure;
use crate::input::{load, take_reported};
use okr_core::ErrorInfo;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plans (.yaml, .yml, .json or .csv); every one is checked, even after one fails.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// `json`: an array with, per file, `file`, `ok`, the counts, and its `errors`
    /// (`code`, `message`, `path`, `line`, `column`, `ids`). Problems still go to stderr.
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    format: ValidateFormat,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let mut worst: Option<Failure> = None;
    let mut records = Vec::new();
    for file in &args.files {
        let outcome = load(file, Failure::Problems);
        let errors: Vec<ErrorInfo> = take_reported().iter().map(ErrorInfo::from).collect();
        match outcome {
            Ok(opened) => {
                let n = opened.doc.counts();
                if args.format == ValidateFormat::Text {
                    outln!(
                        "{}: ok ({}, {}, {})",
                        opened.path.display(),
                        counted(n.objectives, "objective"),
                        counted(n.key_results, "key result"),
                        counted(n.check_ins, "check-in")
                    );
                }
                records.push(serde_json::json!({
                    "file": file.display().to_string(), "ok": true,
                    "objectives": n.objectives, "key_results": n.key_results,
                    "check_ins": n.check_ins, "errors": errors,
                }));
            }
            Err(failure) => {
                if let Failure::Usage(message) = &failure {
                    // Not printed yet: a file that could not be read at all.
                    eprintln!("error: {message}");
                }
                records.push(serde_json::json!({
                    "file": file.display().to_string(), "ok": false, "errors": errors,
                }));
                // Bad usage (exit 2) outranks problems (exit 1).
                worst = match (worst, failure) {
                    (Some(Failure::Usage(m)), _) | (_, Failure::Usage(m)) => {
                        Some(Failure::Usage(m))
                    }
                    _ => Some(Failure::Problems),
                };
            }
        }
    }
    if args.format == ValidateFormat::Json {
        crate::write_json(&records);
    }
    match worst {
        // The message was printed with its file above.
        Some(Failure::Usage(_)) => Err(Failure::UsagePrinted),
        Some(other) => Err(other),
        None => Ok(()),
    }
}

/// `1 objective`, `2 objectives`.
fn counted(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
