use crate::Failure;
use crate::commands::score::scorecard;
use crate::render;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml, .json or .csv).
    file: PathBuf,
    /// Progress as of this date (the end of that day) or timestamp; default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let card = scorecard(&args.file, args.as_of.as_deref(), None)?;
    out!("{}", render::tree(&card));
    Ok(())
}
