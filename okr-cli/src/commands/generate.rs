use crate::Failure;
use okr_core::generate::{Size, generate};
use okr_core::{Document, PlanFormat};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// S (1,000 objectives), M (10,000), L (100,000), or a number of objectives.
    #[arg(long, default_value = "S")]
    size: String,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_parser = ["json", "yaml"], default_value = "json")]
    format: String,
    /// JSON on one line (a third smaller, for benchmarks); by default it is indented,
    /// so that a finding's line and column point somewhere a person can look.
    #[arg(long)]
    compact: bool,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let size = Size::parse(&args.size).ok_or_else(|| {
        Failure::Usage(format!(
            "--size: `{}` is not S, M, L or a number",
            args.size
        ))
    })?;
    let format = PlanFormat::parse(&args.format).map_err(|e| Failure::Usage(e.message()))?;
    let doc = Document::from_plan(generate(size, args.seed));
    let text = match format {
        PlanFormat::Json if args.compact => doc.write_compact_json(),
        _ => doc.write(format),
    }
    .map_err(|e| Failure::Usage(e.to_string()))?;
    crate::write_stdout(&text);
    Ok(())
}
