//! What every fuzz target does with a plan's text: everything a user can do with a
//! document, each round trip checked. Shared by `parse_and_run` (any bytes) and
//! `mutate_plan` (a valid plan broken by structured mutations).

// Each target uses what it needs of this module (only `parse_and_run` reads logs).
#![allow(dead_code)]

use okr_core::format::check_in_log;
use okr_core::{
    AsOf, Document, ErrorCode, LintOptions, LoadOptions, PlanFormat as Format, ReportFormat,
};

#[allow(clippy::result_large_err)] // as the workspace allows: errors carry their place inline
fn parse(text: &str, format: Format) -> Result<Document, okr_core::Error> {
    Document::parse(text, &LoadOptions::new(format))
}

/// Parses `text` as `format` and, if it reads, writes it back (which must give the same
/// plan), validates it, and scores, aligns, lints and reports it as of `as_of`.
pub fn run(text: &str, format: Format, as_of: AsOf) {
    let Ok(doc) = parse(text, format) else {
        return;
    };
    round_trips(&doc, Format::Json);
    round_trips(&doc, Format::Yaml);
    let lint = LintOptions::as_of(as_of);
    if !doc.problems().is_empty() {
        // Linting reads plans that validation refuses for reasons a rule reports.
        let _ = doc.lint(&lint);
        return;
    }
    csv_is_stable(&doc);
    let _ = doc.score(as_of);
    let _ = doc.alignment();
    let _ = doc.lint(&lint);
    let _ = doc.report(ReportFormat::Markdown, &lint);
    let _ = doc.report(ReportFormat::Html, &lint);
}

/// A check-ins log (JSON Lines): each entry written back reads as the same entry.
pub fn check_in_log(text: &str) {
    let Ok(entries) = check_in_log::parse(text) else {
        return;
    };
    for entry in &entries {
        let Ok(line) = check_in_log::line(entry) else {
            continue;
        };
        let back = check_in_log::parse(&line)
            .unwrap_or_else(|e| panic!("reading back a written log line: {e}\n{line}"));
        assert_eq!(
            format!("{back:?}"),
            format!("{:?}", [entry]),
            "log line changed:\n{line}"
        );
    }
}

/// CSV carries a documented subset of a plan, so the first write may drop fields; what
/// it wrote must then read back and write out the same. Its rows are grouped by id, so
/// only a valid plan (ids unique) is asked this.
fn csv_is_stable(doc: &Document) {
    let Ok(first) = doc.write(Format::Csv) else {
        return;
    };
    let once = parse(&first, Format::Csv)
        .unwrap_or_else(|e| panic!("reading back what CSV wrote: {e}\n{first}"));
    let second = once
        .write(Format::Csv)
        .unwrap_or_else(|e| panic!("writing CSV read from CSV: {e}\n{first}"));
    assert_eq!(second, first, "CSV changed on its second trip");
}

fn round_trips(doc: &Document, format: Format) {
    let plan = doc.plan();
    let text = match doc.write(format) {
        Ok(text) => text,
        // JSON has no NaN or infinity; the writer refuses them rather than write `null`.
        Err(e) if format == Format::Json && e.code() == ErrorCode::InvalidValue => {
            return;
        }
        Err(e) => panic!("writing {format:?}: {e}"),
    };
    let back = parse(&text, format)
        .unwrap_or_else(|e| panic!("reading back what {format:?} wrote: {e}\n{text}"));
    // Debug text, not `==`: NaN is not equal to itself, but prints the same.
    let back = back.plan();
    assert_eq!(
        format!("{back:?}"),
        format!("{plan:?}"),
        "{format:?} round trip changed the plan:\n{text}"
    );
}
