use crate::Failure;
use crate::input::load;
use okr_core::Format;
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
    let loaded = load(
        &args.file,
        Failure::Usage("the plan has errors (see above)".into()),
    )?;
    let format = Format::parse_name(&args.to)
        .ok_or_else(|| Failure::Usage(format!("unknown format `{}`", args.to)))?;
    let text = okr_core::write(&loaded.plan, format).map_err(|e| Failure::Usage(e.to_string()))?;
    out!("{text}");
    Ok(())
}
