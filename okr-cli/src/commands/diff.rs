//! `okr diff OLD NEW`: what changed between two versions of a plan, and how each
//! change moved the scores; text, Markdown (a pull-request comment) or JSON.

use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::{Opened, format_of, open, open_stdin};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  okr diff old/okrs.yaml okrs.yaml\n  \
    git show main:okrs.yaml | okr diff - okrs.yaml --format markdown")]
pub struct Args {
    /// The old version; `-` reads it from standard input (as `git show REV:FILE`
    /// writes it), in the new version's format and scored on the new version's log.
    old: PathBuf,
    /// The new version.
    new: PathBuf,
    /// Score both as of this date (the end of that day) or timestamp; default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
}

/// Exit 0 whatever changed: a diff reports, it does not judge. A version that cannot
/// be read is exit 1 (or 2 when the file cannot be read at all).
pub fn run(args: Args) -> Result<(), Failure> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let stdin = Path::new("-");
    if args.new == stdin {
        return Err(Failure::Usage(
            "the new version must be a file; `-` (standard input) is for the old one".into(),
        ));
    }
    let new = open(&args.new)?;
    let old: Opened = if args.old == stdin {
        open_stdin(&args.new, format_of(&args.new)?)?
    } else {
        open(&args.old)?
    };
    let diff = okr_core::diff::diff(&old.doc, &new.doc, as_of);
    match args.format {
        DiffFormat::Text => out!("{}", diff.to_text()),
        DiffFormat::Markdown => out!("{}", diff.to_markdown()),
        DiffFormat::Json => crate::write_json(&diff),
    }
    Ok(())
}
