//! `okr report`: scores, forecasts, the alignment tree, grades per unit and lint
//! diagnostics, as Markdown or one self-contained HTML page.

use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::load;
use okr_core::LintConfig;
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
    let loaded = load(
        &args.file,
        Failure::Usage("the plan has errors (see above)".into()),
    )?;
    let plan = &loaded.plan;
    let engine = plan.engine().map_err(|e| Failure::Usage(e.to_string()))?;
    let eval = engine.evaluate(as_of);
    let card = engine
        .scorecard(plan, &eval)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let diagnostics = okr_core::lint::lint_scored(plan, &engine, &eval, &LintConfig::default())
        .map_err(|e| Failure::Usage(e[0].to_string()))?;
    match args.format {
        ReportFormat::Md => out!("{}", okr_core::report::markdown(plan, &card, &diagnostics)),
        ReportFormat::Html => out!("{}", okr_core::report::html(plan, &card, &diagnostics)),
    }
    Ok(())
}
