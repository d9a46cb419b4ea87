use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::load;
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
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let loaded = load(
        &args.file,
        Failure::Usage("the plan has errors (see above)".into()),
    )?;
    let card = loaded
        .plan
        .score(as_of)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    print!("{}", render::tree(&card));
    Ok(())
}
