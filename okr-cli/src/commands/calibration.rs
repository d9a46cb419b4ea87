//! `okr calibration`: how the confidence people stated at check-ins compared with how
//! their key results ended, per owner, unit and cycle.

use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::load;
use crate::render;
use okr_core::CalibrationOptions;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    #[value(alias = "md")]
    Markdown,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml, .json or .csv), with past cycles' check-ins.
    file: PathBuf,
    /// Key results due by this date (the end of that day) or timestamp are settled;
    /// default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Count a key result as hit when its progress at the due date reaches this
    /// (0 < P ≤ 1) instead of when it reaches its target: 0.7 for teams whose
    /// confidence is of a good grade.
    #[arg(long, value_name = "P")]
    hit_at: Option<f64>,
    /// Fewest settled key results with stated confidences before a verdict (default:
    /// the plan's `calibration_min_key_results` lint setting, else 8).
    #[arg(long, value_name = "N")]
    min_key_results: Option<u32>,
    /// Fewest cycles they must span (default: `calibration_min_cycles`, else 2).
    #[arg(long, value_name = "N")]
    min_cycles: Option<u32>,
    /// The largest gap between stated confidence and the share that hit that is called
    /// calibrated (default: `calibration_max_gap`, else 0.25).
    #[arg(long, value_name = "GAP")]
    max_gap: Option<f64>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let options = CalibrationOptions {
        as_of: parse_as_of(args.as_of.as_deref())?,
        hit_at: args.hit_at,
        min_key_results: args.min_key_results,
        min_cycles: args.min_cycles,
        max_gap: args.max_gap,
    };
    options.check().map_err(|e| {
        Failure::Usage(match e {
            okr_core::Error::InvalidArgument { argument, message } => {
                format!("--{}: {message}", argument.replace('_', "-"))
            }
            other => other.to_string(),
        })
    })?;
    let opened = load(
        &args.file,
        Failure::Invalid("the plan has errors (see above)".into()),
    )?;
    let calibration = opened.doc.calibration(&options).map_err(|errors| {
        opened.files().report(&errors);
        Failure::Invalid("the plan cannot be calibrated (see above)".into())
    })?;
    match args.format {
        Format::Json => crate::write_json(&calibration),
        Format::Markdown => crate::write_stdout(&calibration.to_markdown()),
        Format::Text => crate::write_stdout(&render::calibration(&calibration)),
    }
    Ok(())
}
