//! `okr`: keep OKRs as code. Validate, score and record check-ins from the command line.

/// Writes to standard output, formatted like `print!`.
macro_rules! out {
    ($($t:tt)*) => { $crate::write_stdout(&format!($($t)*)) };
}

/// Writes a line to standard output, formatted like `println!`.
macro_rules! outln {
    ($($t:tt)*) => { $crate::write_stdout(&format!("{}\n", format!($($t)*))) };
}

mod color;
mod commands;
mod input;
mod render;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "okr",
    version,
    about = "Objectives and key results as code: validate, score, check in",
    after_help = "Examples:
  okr init okrs.yaml                         a starter plan for this quarter
  okr validate okrs/*.yaml                   check plans (exit 1 on problems)
  okr score okrs.yaml --as-of 2026-11-15     progress, status and forecasts
  okr lint okrs.yaml --format sarif > okr.sarif
  okr check-in okrs.yaml activation 31 --confidence 70%
  okr report okrs.yaml --format html -o report.html

Exit codes: 0 fine, 1 the plan has problems (or lint found an error), 2 bad usage or an
unreadable file. Docs: docs/format.md (the plan), docs/rules (the lint rules)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Largest plan, log or configuration file read, in bytes (default 1 GiB).
    #[arg(long, global = true, value_name = "BYTES")]
    max_input_bytes: Option<usize>,
    /// Also read FIFOs and devices (`okr validate <(cmd)`); by default only regular
    /// files are read, since a FIFO can wait forever and a device never end.
    #[arg(long, global = true)]
    allow_special_files: bool,
    /// Let a plan's `check_ins_file` name a file outside the plan's folder (an absolute
    /// path, or one with `..`); by default such a plan is refused, so that a plan from
    /// elsewhere cannot make `okr check-in` write anywhere else.
    #[arg(long, global = true)]
    allow_log_outside_folder: bool,
    /// Colour diagnostics: `auto` on a terminal unless `NO_COLOR` is set.
    #[arg(long, global = true, value_enum, default_value_t = color::Choice::Auto)]
    color: color::Choice,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check plans for errors (exit 1 if any has one).
    Validate(commands::validate::Args),
    /// Score every objective and key result as of a date, down the alignment tree.
    Score(commands::score::Args),
    /// Print the alignment tree with progress and status.
    Tree(commands::tree::Args),
    /// Find the anti-patterns that make OKRs fail (exit 1 on an error-level finding).
    Lint(commands::lint::Args),
    /// What changed between two versions of a plan, and how the scores moved.
    Diff(commands::diff::Args),
    /// Run a language server on stdin/stdout: diagnostics as you type, scores on
    /// hover, quick fixes (docs/editors.md).
    Lsp(commands::lsp::Args),
    /// List the lint rules, or print one rule's documentation.
    Rules(commands::rules::Args),
    /// How the confidence stated at check-ins compared with how key results ended:
    /// Brier score, over- or underconfidence and a reliability table, per owner, unit
    /// and cycle.
    Calibration(commands::calibration::Args),
    /// Write a report (Markdown or self-contained HTML): scores, tree, grades, diagnostics.
    Report(commands::report::Args),
    /// Record a check-in by appending one line to the plan's check-ins log.
    CheckIn(commands::check_in::Args),
    /// Print the JSON Schema of the plan document.
    Schema,
    /// Write a starter plan.
    Init(commands::init::Args),
    /// Convert a plan between JSON, YAML and CSV.
    Convert(commands::convert::Args),
    /// Write a seeded synthetic enterprise plan (for benchmarks and trials).
    Generate(commands::generate::Args),
    /// Print a shell completion script: `okr completions bash > ~/.local/share/bash-completion/completions/okr`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

/// Why a command did not succeed, and so its exit code. One table for every command:
/// 0 success; 1 the plan or its log has problems (syntax, shape, validation) or lint
/// found an error-level finding; 2 bad usage (a flag, an argument) or a file that
/// could not be read at all.
#[derive(Debug)]
pub enum Failure {
    /// The input has problems (exit 1); they have been printed.
    Problems,
    /// The input has problems (exit 1); they have been printed, and this says what
    /// could not be done because of them.
    Invalid(String),
    /// Bad usage or unreadable input (exit 2), with the message to print.
    Usage(String),
    /// Bad usage or unreadable input (exit 2), already printed.
    UsagePrinted,
}

/// Writes `value` to standard output as pretty JSON and a newline, as it serializes:
/// no copy of a large answer is built in memory first. A reader that went away ends
/// the program quietly, as in [`write_stdout`].
pub fn write_json(value: &impl serde::Serialize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = okr_core::format::pretty::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write output: {e}");
        std::process::exit(2);
    }
}

/// Writes `text` to standard output. A reader that went away (`okr rules | head`)
/// ends the program quietly, as command-line tools do.
pub fn write_stdout(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write output: {e}");
        std::process::exit(2);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    color::set(cli.color);
    let mut read = okr_core::fs::ReadOptions::default();
    if let Some(bytes) = cli.max_input_bytes {
        read.max_bytes = bytes;
    }
    read.special_files = cli.allow_special_files;
    read.log_outside_folder = cli.allow_log_outside_folder;
    input::set_read_options(read);
    let result = match cli.command {
        Command::Validate(a) => commands::validate::run(a),
        Command::Score(a) => commands::score::run(a),
        Command::Tree(a) => commands::tree::run(a),
        Command::Lint(a) => commands::lint::run(a),
        Command::Diff(a) => commands::diff::run(a),
        Command::Lsp(a) => commands::lsp::run(a),
        Command::Rules(a) => commands::rules::run(a),
        Command::Report(a) => commands::report::run(a),
        Command::Calibration(a) => commands::calibration::run(a),
        Command::CheckIn(a) => commands::check_in::run(a),
        Command::Schema => {
            out!("{}", okr_core::json_schema());
            Ok(())
        }
        Command::Init(a) => commands::init::run(a),
        Command::Convert(a) => commands::convert::run(a),
        Command::Generate(a) => commands::generate::run(a),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "okr", &mut out);
            write_stdout(&String::from_utf8_lossy(&out));
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems) => ExitCode::from(1),
        Err(Failure::Invalid(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::UsagePrinted) => ExitCode::from(2),
    }
}

// Plans are millions of small strings and vectors: mimalloc allocates and frees them
// faster than the system allocator (measured in docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
