//! Where the time and memory of the path `okr score FILE --format json` go, phase by
//! phase, on a plan file: read, parse into the model, validate, compile, evaluate,
//! write the scores as JSON. Time per phase and the process's resident memory after it,
//! with the allocator the CLI uses.
//!
//! `cargo run --release -p okr-benches --example phases -- L.json`

use okr_core::{AsOf, CalibrationOptions, Document, LoadOptions, PlanFormat, ScoreOptions};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Resident memory of this process, in MB (Linux; 0 elsewhere).
fn rss_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split(' ')
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

fn main() {
    let path = std::env::args().nth(1).expect("a plan file");
    let mut last = Instant::now();
    let mut phase = |name: &str| {
        println!(
            "{name:<10} {:>8.1} ms   resident {:>7.1} MB",
            last.elapsed().as_secs_f64() * 1e3,
            rss_mb()
        );
        last = Instant::now();
    };
    let text = std::fs::read_to_string(&path).expect("readable");
    phase("read");
    let options = LoadOptions::new(PlanFormat::from_path(&path).unwrap_or(PlanFormat::Json));
    let doc = Document::parse(text, &options).expect("parses");
    phase("parse");
    doc.check().expect("valid");
    phase("validate");
    let engine = doc.engine().expect("compiles");
    phase("compile");
    let as_of = AsOf::parse("2026-02-14").expect("date");
    let eval = engine.evaluate(as_of);
    phase("evaluate");
    let scores = doc.scores(&ScoreOptions::as_of(as_of)).expect("scores");
    let mut out = std::io::sink();
    serde_json::to_writer_pretty(&mut out, &scores).expect("writes");
    phase("score+write");
    let after = CalibrationOptions::as_of(AsOf::parse("2026-12-31").expect("date"));
    let calibration = doc.calibration(&after).expect("calibrates");
    phase("calibrate");
    std::hint::black_box(&calibration);
    std::hint::black_box(&eval);
    std::mem::forget(doc);
}
