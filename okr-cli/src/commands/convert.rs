use crate::Failure;
use crate::input::load;
use okr_core::PlanFormat;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan to read (.yaml, .yml, .json or .csv).
    file: PathBuf,
    /// The format to write.
    #[arg(long, value_parser = ["json", "yaml", "csv"])]
    to: String,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let opened = load(
        &args.file,
        Failure::Invalid("the plan has errors (see above)".into()),
    )?;
    let format = PlanFormat::parse(&args.to).map_err(|e| Failure::Usage(e.message()))?;
    let text = opened
        .doc
        .write(format)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    out!("{text}");
    Ok(())
}
