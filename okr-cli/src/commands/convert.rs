//! `okr convert`: a plan in another format. JSON and YAML keep every field; CSV keeps
//! objectives and key results, so a conversion to CSV says what it leaves out, and
//! refuses (unless `--lossy`) when what it would write does not validate on its own.

use crate::Failure;
use crate::input::load;
use okr_core::{Document, LoadOptions, PlanFormat};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan to read (.yaml, .yml, .json or .csv).
    file: PathBuf,
    /// The format to write.
    #[arg(long, value_parser = ["json", "yaml", "csv"])]
    to: String,
    /// Write the CSV even when the plan it holds would not validate (a key result that
    /// names a KPI, which CSV cannot carry, say).
    #[arg(long)]
    lossy: bool,
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
    let left_out = opened.doc.left_out_of(format);
    for what in &left_out {
        eprintln!("warning: the {format} leaves out {what}");
    }
    if !left_out.is_empty() {
        let problems = Document::parse(text.as_str(), &LoadOptions::new(format))
            .map_err(|e| vec![e])
            .and_then(|doc| doc.check().map_err(|p| p.into_vec()));
        if let Err(problems) = problems {
            let first = &problems[0];
            let message = format!(
                "the {format} would not validate without what it leaves out ({} at {}: {}); \
                 keep the plan in JSON or YAML, or pass --lossy to write it anyway",
                first.code(),
                first.path(),
                first.message()
            );
            if !args.lossy {
                return Err(Failure::Invalid(message));
            }
            eprintln!("warning: {message}");
        }
    }
    out!("{text}");
    Ok(())
}
