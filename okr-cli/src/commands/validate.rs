use crate::Failure;
use crate::input::load;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml, .json or .csv).
    file: PathBuf,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let loaded = load(&args.file, Failure::Problems)?;
    let plan = &loaded.plan;
    let krs: usize = plan.objectives.iter().map(|o| o.key_results.len()).sum();
    let check_ins: usize = plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .map(|k| k.check_ins.len())
        .sum::<usize>()
        + plan.logged_check_ins.len();
    outln!(
        "{}: ok ({} objectives, {krs} key results, {check_ins} check-ins)",
        loaded.path.display(),
        plan.objectives.len()
    );
    Ok(())
}
