//! Any text, in any format, through everything a user can do with a document: parse,
//! write back (which must give the same plan; for CSV, the same text on a second trip),
//! validate and locate its problems, score, align, lint (locating every finding in the
//! text) and report. Or any text as a check-ins log, each entry
//! written back and read again. A panic anywhere, or a round trip that changes what was
//! read, is a finding.
#![no_main]

mod pipeline;

use libfuzzer_sys::fuzz_target;
use okr_core::{AsOf, PlanFormat as Format};

const FORMATS: [Format; 3] = [Format::Json, Format::Yaml, Format::Csv];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let Some(&format) = FORMATS.get(usize::from(selector % 4)) else {
        pipeline::check_in_log(text);
        return;
    };
    // Mid-quarter and long after it, so that both running and closed cycles are scored.
    let as_of = AsOf::parse(if selector & 0x80 == 0 {
        "2026-02-14"
    } else {
        "2027-06-30"
    })
    .expect("a fixed date parses");
    pipeline::run(text, format, as_of);
});
