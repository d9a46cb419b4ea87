//! Reading a plan file (and its check-ins log) and printing load errors like a compiler.

use crate::Failure;
use okr_core::{Error, Format, Plan};
use std::path::{Path, PathBuf};

/// A plan read from disk, with where it came from.
pub struct Loaded {
    pub plan: Plan,
    pub path: PathBuf,
    /// The check-ins log the plan names, resolved against the plan's folder.
    pub log_path: Option<PathBuf>,
}

pub fn format_of(path: &Path) -> Result<Format, Failure> {
    let name = path.to_string_lossy();
    match Format::from_path(&name) {
        Some(Format::JsonLines) | None => Err(Failure::Usage(format!(
            "cannot tell the format of `{name}`: use a .yaml, .yml, .json or .csv file"
        ))),
        Some(f) => Ok(f),
    }
}

pub fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read `{}`: {e}", path.display())))
}

/// Reads, parses and validates a plan and its check-ins log. On problems, prints every
/// one of them (file:line:column) and returns `Err(problem)`.
pub fn load(path: &Path, problem: Failure) -> Result<Loaded, Failure> {
    let format = format_of(path)?;
    let text = read(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut log_path = None;
    let mut unreadable = None;
    let checked = okr_core::check_reading_log(&text, format, |name| {
        let log = dir.join(name);
        let read = std::fs::read_to_string(&log);
        log_path = Some(log);
        match read {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                unreadable = Some(e);
                None
            }
        }
    });
    if let (Some(e), Some(log)) = (unreadable, &log_path) {
        return Err(Failure::Usage(format!(
            "cannot read `{}`: {e}",
            log.display()
        )));
    }
    match checked {
        Ok(plan) => Ok(Loaded {
            plan,
            path: path.to_owned(),
            log_path,
        }),
        Err(errors) => {
            let (in_log, in_plan): (Vec<Error>, Vec<Error>) = errors
                .into_iter()
                .partition(|e| e.path().starts_with("check_ins_file"));
            report(path, &in_plan);
            if let Some(log) = &log_path {
                report(log, &in_log);
            }
            Err(problem)
        }
    }
}

/// Prints errors as `file:line:column: error[kind]: message` plus the document path.
pub fn report(file: &Path, errors: &[Error]) {
    for e in errors {
        let mut place = file.display().to_string();
        if let Some(loc) = e.location()
            && let Some(line) = loc.line
        {
            place.push_str(&format!(":{line}"));
            if let Some(col) = loc.column {
                place.push_str(&format!(":{col}"));
            }
        }
        eprintln!("{place}: error[{}]: {}", e.kind(), e.message());
        if !e.path().is_empty() {
            eprintln!("  --> {}", e.path());
        }
    }
}
