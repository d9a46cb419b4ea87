//! Where the time and memory of the path `okr score FILE --format json` go, phase by
//! phase, on a plan file: read, parse into the model, validate, compile, evaluate,
//! scorecard, write. Time per phase and bytes allocated and still live after it.
//!
//! `cargo run --release -p okr-benches --example phases -- L.json`

use okr_core::{AsOf, Document, LoadOptions, PlanFormat};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;
use std::time::Instant;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn main() {
    let path = std::env::args().nth(1).expect("a plan file");
    let region = Region::new(GLOBAL);
    let mut last = Instant::now();
    let mut phase = |name: &str| {
        let c = region.change();
        let live = c.bytes_allocated as f64 - c.bytes_deallocated as f64;
        println!(
            "{name:<12} {:>8.1} ms   live {:>8.1} MB   allocations so far {:>10}",
            last.elapsed().as_secs_f64() * 1e3,
            live / 1e6,
            c.allocations
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
    let card = doc.score(as_of).expect("scores");
    phase("scorecard");
    let mut out = Vec::with_capacity(1 << 20);
    serde_json::to_writer(&mut out, &card).expect("writes");
    phase("write");
    std::hint::black_box((&eval, &out));
    std::mem::forget(doc);
}
