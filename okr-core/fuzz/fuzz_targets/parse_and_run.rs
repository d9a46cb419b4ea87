//! Any text, in any format, through everything a user can do with a document: parse,
//! write back (which must give the same plan; for CSV, the same text on a second trip),
//! validate and locate its problems, score, align, lint (locating every finding in the
//! text) and report. Or any text as a check-ins log, each entry
//! written back and read again. A panic anywhere, or a round trip that changes what was
//! read, is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use okr_core::format::check_in_log;
use okr_core::{
    AsOf, Document, ErrorCode, LintOptions, LoadOptions, PlanFormat as Format, ReportFormat,
};

const FORMATS: [Format; 3] = [Format::Json, Format::Yaml, Format::Csv];

#[allow(clippy::result_large_err)] // as the workspace allows: errors carry their place inline
fn parse(text: &str, format: Format) -> Result<Document, okr_core::Error> {
    Document::parse(text, &LoadOptions::new(format))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let Some(&format) = FORMATS.get(usize::from(selector % 4)) else {
        check_in_log(text);
        return;
    };
    // Mid-quarter and long after it, so that both running and closed cycles are scored.
    let as_of = AsOf::parse(if selector & 0x80 == 0 {
        "2026-02-14"
    } else {
        "2027-06-30"
    })
    .expect("a fixed date parses");
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
});

/// A check-ins log (JSON Lines): each entry written back reads as the same entry.
fn check_in_log(text: &str) {
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
