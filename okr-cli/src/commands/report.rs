//! `okr report`: scores, forecasts, the alignment tree, grades per unit and lint
//! diagnostics, as Markdown or one self-contained HTML page.

use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::load;
use okr_core::{Error, LintOptions, ReportOptions};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml or .json).
    file: PathBuf,
    /// Report as of this date (the end of that day) or timestamp; default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    format: ReportFormat,
    /// Also say what changed since this earlier date: statuses and progress then and
    /// now, the largest changes first.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Leave the lint findings out (a management view).
    #[arg(long)]
    no_lint: bool,
    /// Only this unit's objectives and those of the units under it (a unit id).
    #[arg(long, value_name = "UNIT")]
    unit: Option<String>,
    /// Only what this person owns: their objectives, and their key results in others'.
    #[arg(long, value_name = "OWNER")]
    owner: Option<String>,
    /// Write the report to this file instead of standard output. The file is replaced
    /// whole: a report that cannot be written in full leaves the old one as it was.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let opened = load(
        &args.file,
        Failure::Invalid("the plan has errors (see above)".into()),
    )?;
    let format = match args.format {
        ReportFormat::Md => okr_core::ReportFormat::Markdown,
        ReportFormat::Html => okr_core::ReportFormat::Html,
    };
    let since = args
        .since
        .as_deref()
        .map(okr_core::AsOf::parse)
        .transpose()
        .map_err(|e| Failure::Usage(format!("--since: {}", e.message())))?;
    if since.is_some_and(|s| s.instant_millis() > as_of.instant_millis()) {
        return Err(Failure::Usage(
            "--since must be before the moment reported (--as-of, default now)".into(),
        ));
    }
    let options = ReportOptions {
        lint: LintOptions::as_of(as_of),
        findings: !args.no_lint,
        since,
        unit: args.unit,
        owner: args.owner,
    };
    let report = opened
        .doc
        .report_with(format, &options)
        .map_err(|errors| match &errors[..] {
            // `--unit` or `--owner` naming nobody in the plan: bad usage.
            [e @ (Error::InvalidArgument { .. } | Error::UnknownReference { .. })]
                if e.path().is_empty() =>
            {
                Failure::Usage(e.message())
            }
            _ => {
                opened.files().report(&errors);
                Failure::Invalid("the report could not be written (see above)".into())
            }
        })?;
    match args.output {
        Some(path) => write_whole(&path, &report)
            .map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", path.display()))),
        None => {
            out!("{report}");
            Ok(())
        }
    }
}

/// Writes `text` to a temporary file beside `path`, syncs it, then renames it over
/// `path`: a reader sees the old file or the new one, never half of either, and a
/// failed write (a full disk) removes the temporary file and leaves `path` alone.
fn write_whole(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.okr-{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}
