//! Plans as files (the `fs` feature): the one rule for where a plan's check-ins log
//! lives and what a missing log means, for the callers that read files (the `okr`
//! command, the Python package). The rest of the core does no I/O, so it builds for
//! WebAssembly, where a page supplies the log's text itself.

use crate::document::{Document, LoadOptions, PlanFormat};
use crate::error::{DocumentKind, Error, Location, Result};
use std::path::{Path, PathBuf};

/// Where the log a plan at `plan` names as `name` lives: beside the plan, unless
/// `name` is absolute.
pub fn log_path(plan: &Path, name: &str) -> PathBuf {
    plan.parent().unwrap_or(Path::new(".")).join(name)
}

/// The reader [`Document::parse_with_log`] takes, for a plan in the folder `dir`: the
/// log is read from `dir`, and a log not written yet holds no check-ins.
pub fn log_reader(
    dir: &Path,
) -> impl FnOnce(&str) -> std::result::Result<Option<String>, String> + '_ {
    move |name| {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }
}

/// Reads the plan file at `path` (its format from its extension: `.json`, `.yaml`,
/// `.yml`, `.csv`) and the check-ins log it names, beside it. The plan is parsed, not
/// yet judged: [`Document::checked`] or [`Document::problems`] does that.
pub fn open(path: &Path) -> Result<Document> {
    open_as(path, None)
}

/// [`open`], reading the plan as `format` instead of the one its extension names when
/// `format` is given.
pub fn open_as(path: &Path, format: Option<PlanFormat>) -> Result<Document> {
    let name = path.to_string_lossy();
    let format = match format {
        Some(format) => format,
        None => PlanFormat::of_path(&name)?,
    };
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        message: format!("cannot read `{name}`: {e}"),
        location: Location::at("").in_document(DocumentKind::Plan),
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    Document::parse_with_log(text, &LoadOptions::new(format), log_reader(dir))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn a_plan_is_read_with_the_log_beside_it() {
        let dir = std::env::temp_dir().join(format!("okr-fs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let plan = dir.join("p.yaml");
        std::fs::write(
            &plan,
            "schema_version: 1\ncheck_ins_file: p.jsonl\nobjectives:\n  - id: o\n    title: Grow\n    key_results: [{id: k, title: Sign 10, type: increase, start: 0, target: 10}]\n",
        )
        .expect("writes");
        let empty = open(&plan).expect("no log yet");
        assert!(empty.plan().logged_check_ins.is_empty());
        std::fs::write(
            dir.join("p.jsonl"),
            "{\"key_result\":\"k\",\"at\":\"2026-01-05\",\"value\":3}\n",
        )
        .expect("writes");
        assert_eq!(open(&plan).expect("reads").plan().logged_check_ins.len(), 1);
        assert_eq!(log_path(&plan, "p.jsonl"), dir.join("p.jsonl"));
        let missing = open(&dir.join("nope.yaml")).expect_err("no such file");
        assert_eq!(missing.code(), ErrorCode::Io);
        let odd = open(&dir.join("plan.txt")).expect_err("no format");
        assert_eq!(odd.code(), ErrorCode::InvalidArgument);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
