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
        "{}: ok ({}, {}, {})",
        opened.path.display(),
        counted(n.objectives, "objective"),
        counted(n.key_results, "key result"),
        counted(n.check_ins, "check-in")
    );
    Ok(())
}

/// `1 objective`, `2 objectives`.
fn counted(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
