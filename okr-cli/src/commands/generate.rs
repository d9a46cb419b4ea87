use crate::Failure;
use okr_core::Format;
use okr_core::generate::{Size, generate};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// S (1,000 objectives), M (10,000), L (100,000), or a number of objectives.
    #[arg(long, default_value = "S")]
    size: String,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_parser = ["json", "yaml"], default_value = "json")]
    format: String,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let size = Size::parse(&args.size).ok_or_else(|| {
        Failure::Usage(format!(
            "--size: `{}` is not S, M, L or a number",
            args.size
        ))
    })?;
    let format = Format::parse_name(&args.format).unwrap_or(Format::Json);
    let plan = generate(size, args.seed);
    // Compact JSON: generated plans are for machines, and big.
    let text = match format {
        Format::Json => okr_core::format::json::to_string_compact(&plan),
        _ => okr_core::write(&plan, format),
    }
    .map_err(|e| Failure::Usage(e.to_string()))?;
    crate::write_stdout(&text);
    Ok(())
}
