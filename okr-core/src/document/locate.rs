//! Where things are written: the plan's source text with its index (built once, on
//! first need), and the line of each entry of the check-ins log.

use super::{Document, PlanFormat};
use crate::error::{DocumentKind, Error};
use crate::format::csv_index::CsvIndex;
use crate::format::source_index::SourceIndex;
use crate::lint::Diagnostic;
use std::sync::{Arc, OnceLock};

/// The text a plan was read from.
#[derive(Clone, Debug)]
pub(super) struct Source {
    text: Arc<str>,
    format: PlanFormat,
    index: OnceLock<Arc<Index>>,
}

/// Where paths are in the text: JSON and YAML by their structure, CSV by rows and
/// columns.
#[derive(Debug)]
enum Index {
    Text(SourceIndex),
    Csv(CsvIndex),
}

impl Source {
    pub(super) fn new(text: String, format: PlanFormat) -> Source {
        Source {
            text: text.into(),
            format,
            index: OnceLock::new(),
        }
    }

    pub(super) fn text(&self) -> &str {
        &self.text
    }

    pub(super) fn format(&self) -> PlanFormat {
        self.format
    }

    /// The line and column of each path (in CSV, of the cell that holds it).
    fn locate_all(&self, paths: &[&str]) -> Vec<Option<(u32, u32)>> {
        if paths.is_empty() {
            return Vec::new();
        }
        let index = self.index.get_or_init(|| {
            Arc::new(match self.format {
                PlanFormat::Json => Index::Text(SourceIndex::build_json(&self.text)),
                PlanFormat::Yaml => Index::Text(SourceIndex::build(&self.text)),
                PlanFormat::Csv => Index::Csv(CsvIndex::build(&self.text)),
            })
        });
        match &**index {
            Index::Text(index) => index.locate_all(&self.text, paths),
            Index::Csv(index) => paths.iter().map(|p| index.locate(p)).collect(),
        }
    }
}

/// What is written at a place in the plan's text: the innermost objective or key result
/// whose entry starts at or before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemAt {
    /// An objective, by id.
    Objective(String),
    /// A key result, by id.
    KeyResult(String),
}

impl Document {
    /// The objective or key result written at 1-based `line` and character `column`:
    /// the last entry (in the order of the text) that starts at or before it, so text
    /// after an objective's key results (its `aligns_to`, say) counts as its last key
    /// result's. `None` before the first objective, or for a plan not read from text.
    pub fn item_at(&self, line: u32, column: u32) -> Option<ItemAt> {
        let source = self.source.as_ref()?;
        let mut paths = Vec::new();
        let mut items = Vec::new();
        for (i, o) in self.plan.objectives.iter().enumerate() {
            paths.push(format!("objectives[{i}]"));
            items.push(ItemAt::Objective(o.id.clone()));
            for (j, k) in o.key_results.iter().enumerate() {
                paths.push(format!("objectives[{i}].key_results[{j}]"));
                items.push(ItemAt::KeyResult(k.id.clone()));
            }
        }
        let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        source
            .locate_all(&refs)
            .into_iter()
            .zip(items)
            .filter_map(|(pos, item)| Some((pos?, item)))
            .filter(|(pos, _)| *pos <= (line, column))
            .max_by_key(|(pos, _)| *pos)
            .map(|(_, item)| item)
    }
}

/// The line of each entry of a check-ins log (blank lines hold no entry).
#[derive(Clone, Debug)]
pub(super) struct LogIndex {
    entry_lines: Arc<[u32]>,
}

impl LogIndex {
    pub(super) fn new(text: &str) -> LogIndex {
        LogIndex {
            entry_lines: text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(n, _)| n as u32 + 1)
                .collect(),
        }
    }

    /// The line of the entry a `check_ins_file[n]…` path points into.
    fn line_of(&self, path: &str) -> Option<u32> {
        let n: usize = path
            .strip_prefix("check_ins_file[")?
            .split(']')
            .next()?
            .parse()
            .ok()?;
        self.entry_lines.get(n).copied()
    }
}

impl Document {
    /// Fills in the line and column of errors that know only their path.
    pub(super) fn locate_errors(&self, errors: &mut [Error]) {
        let mut in_plan: Vec<usize> = Vec::new();
        for (i, e) in errors.iter_mut().enumerate() {
            let Some(loc) = e.location_mut() else {
                continue;
            };
            if loc.line.is_some() {
                continue;
            }
            match loc.document {
                DocumentKind::Plan => in_plan.push(i),
                DocumentKind::Log => {
                    if let Some(line) = self.log.as_ref().and_then(|l| l.line_of(&loc.path)) {
                        loc.line = Some(line);
                        loc.column = Some(1);
                    }
                }
                DocumentKind::Config => {}
            }
        }
        let Some(source) = &self.source else { return };
        let paths: Vec<&str> = in_plan.iter().map(|&i| errors[i].path()).collect();
        let found = source.locate_all(&paths);
        for (&i, pos) in in_plan.iter().zip(found) {
            if let (Some((line, column)), Some(loc)) = (pos, errors[i].location_mut()) {
                loc.line = Some(line);
                loc.column = Some(column);
            }
        }
    }

    /// Fills in the line and column of each diagnostic, all in one pass.
    pub(super) fn locate_diagnostics(&self, diagnostics: &mut [Diagnostic]) {
        let Some(source) = &self.source else { return };
        let paths: Vec<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
        let found = source.locate_all(&paths);
        for (d, pos) in diagnostics.iter_mut().zip(found) {
            if let Some((line, column)) = pos {
                d.line = Some(line);
                d.column = Some(column);
            }
        }
    }
}
