use crate::Failure;
use crate::input::load;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml, .json or .csv).
    file: PathBuf,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let opened = load(&args.file, Failure::Problems)?;
    let n = opened.doc.counts();
    outln!(
        "{}: ok ({} objectives, {} key results, {} check-ins)",
        opened.path.display(),
        n.objectives,
        n.key_results,
        n.check_ins
    );
    Ok(())
}
