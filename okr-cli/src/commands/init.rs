use crate::Failure;
use std::path::PathBuf;

/// A small, valid plan to start from.
pub const STARTER: &str = include_str!("../starter.yaml");

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to write the plan; it must not exist yet. Without it, the plan goes to stdout.
    file: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Some(path) = args.file else {
        out!("{STARTER}");
        return Ok(());
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| Failure::Usage(format!("cannot create `{}`: {e}", path.display())))?;
    std::io::Write::write_all(&mut file, STARTER.as_bytes())
        .map_err(|e| Failure::Usage(format!("cannot write `{}`: {e}", path.display())))?;
    outln!(
        "wrote {}; next: okr score {}",
        path.display(),
        path.display()
    );
    Ok(())
}
