use crate::Failure;
use crate::input::load;
use crate::render;
use okr_core::{AsOf, Preset, ScoreOptions, Scorecard, Scores};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml, .json or .csv).
    file: PathBuf,
    /// Score as of this date (the end of that day) or RFC 3339 timestamp; default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = render::OutputFormat::Text)]
    format: render::OutputFormat,
    /// Score under a peer tool's policy instead of the plan's own.
    #[arg(long, value_name = "NAME", value_parser = preset_names())]
    preset: Option<String>,
    /// Score as if key result KR had reported VALUE at the moment scored (a number;
    /// true/false for a milestone; a zone name; comma-separated finished steps), and
    /// list every score that moves. Repeat for several; the plan and its log are not
    /// changed.
    #[arg(long = "what-if", value_name = "KR=VALUE")]
    what_if: Vec<String>,
}

pub fn preset_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Preset::ALL.map(Preset::as_str))
}

pub fn parse_as_of(text: Option<&str>) -> Result<AsOf, Failure> {
    AsOf::parse_or_now(text).map_err(|e| Failure::Usage(e.to_string()))
}

/// Loads `file` and scores it as of `as_of` (a date, a timestamp, or now), under the
/// named preset or the plan's own policy, then hands the scores to `answer`.
pub fn with_scores<T>(
    file: &Path,
    as_of: Option<&str>,
    preset: Option<&str>,
    answer: impl FnOnce(Scores<'_>) -> T,
) -> Result<T, Failure> {
    let as_of = parse_as_of(as_of)?;
    let opened = load(
        file,
        Failure::Invalid("the plan has errors (see above)".into()),
    )?;
    let options = ScoreOptions {
        as_of,
        preset: preset.and_then(Preset::parse),
    };
    let scores = opened.doc.scores(&options).map_err(|errors| {
        opened.files().report(&errors);
        Failure::Invalid("the plan cannot be scored under that policy (see above)".into())
    })?;
    Ok(answer(scores))
}

/// [`with_scores`], held as a scorecard.
pub fn scorecard(
    file: &Path,
    as_of: Option<&str>,
    preset: Option<&str>,
) -> Result<Scorecard, Failure> {
    with_scores(file, as_of, preset, |scores| scores.to_scorecard())
}

/// `okr score --what-if`: reads each `KR=VALUE` for its key result's kind, then scores
/// as if they had been checked in.
fn what_if(args: &Args) -> Result<(), Failure> {
    let options = ScoreOptions {
        as_of: parse_as_of(args.as_of.as_deref())?,
        preset: args.preset.as_deref().and_then(Preset::parse),
    };
    let opened = load(
        &args.file,
        Failure::Invalid("the plan has errors (see above)".into()),
    )?;
    let supposed = args
        .what_if
        .iter()
        .map(|arg| {
            let (kr, text) = arg.split_once('=').ok_or_else(|| {
                Failure::Usage(format!(
                    "--what-if takes KR=VALUE, as in --what-if arr=12.5; got `{arg}`"
                ))
            })?;
            opened
                .doc
                .suppose(kr.trim(), text)
                .map_err(|e| Failure::Usage(format!("--what-if {arg}: {e}")))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    let answer = opened.doc.what_if(&options, &supposed).map_err(|errors| {
        opened.files().report(&errors);
        Failure::Invalid("the plan cannot be scored that way (see above)".into())
    })?;
    match args.format {
        render::OutputFormat::Json => crate::write_json(&answer),
        render::OutputFormat::Text => out!("{}", render::what_if(&answer)),
    }
    Ok(())
}

pub fn run(args: Args) -> Result<(), Failure> {
    if !args.what_if.is_empty() {
        return what_if(&args);
    }
    let (file, as_of, preset) = (&args.file, args.as_of.as_deref(), args.preset.as_deref());
    match args.format {
        // Streamed: one objective's scores are made, written and dropped at a time.
        render::OutputFormat::Json => with_scores(file, as_of, preset, |s| crate::write_json(&s))?,
        render::OutputFormat::Text => out!("{}", render::text(&scorecard(file, as_of, preset)?)),
    }
    Ok(())
}
