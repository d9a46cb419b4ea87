//! `okr report`: scores, forecasts, the alignment tree, grades per unit and lint
//! diagnostics, as Markdown or one self-contained HTML page.

use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::load;
use okr_core::LintOptions;
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
}

pub fn run(args: Args) -> Result<(), Failure> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let opened = load(
        &args.file,
        Failure::Usage("the plan has errors (see above)".into()),
    )?;
    let format = match args.format {
        ReportFormat::Md => okr_core::ReportFormat::Markdown,
        ReportFormat::Html => okr_core::ReportFormat::Html,
    };
    let report = opened
        .doc
        .report(format, &LintOptions::as_of(as_of))
        .map_err(|errors| {
            opened.files().report(&errors);
            Failure::Usage("the report could not be written (see above)".into())
        })?;
    out!("{report}");
    Ok(())
}
