//! Bytes the compiled engine holds per key result and per check-in (DESIGN §11 target:
//! at most 300 per key result plus 24 per check-in), counted by a global allocator; and,
//! for comparison, the bytes of the document model the plan's JSON is parsed into.
//!
//! `cargo run --release -p okr-benches --example memory -- L`

use okr_core::Engine;
use okr_core::generate::Size;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Bytes allocated and not yet freed since `region` began.
fn live(region: &Region<System>) -> f64 {
    let c = region.change();
    // stats_alloc already books a realloc's growth or shrinkage in these two.
    c.bytes_allocated as f64 - c.bytes_deallocated as f64
}

fn main() {
    let size = std::env::args()
        .nth(1)
        .as_deref()
        .and_then(Size::parse)
        .unwrap_or(Size::M);
    let plan = okr_benches::plan(size);
    let region = Region::new(GLOBAL);
    let engine = Engine::new(&plan).unwrap_or_else(|e| panic!("{}", e[0]));
    let engine_bytes = live(&region);
    let krs = engine.key_result_count() as f64;
    let check_ins = engine.check_in_count() as f64;
    let per_check_in = 20.0; // time (8) + value (8) + confidence (4), in three columns
    let per_kr = (engine_bytes - per_check_in * check_ins) / krs;
    let region = Region::new(GLOBAL);
    let eval = engine.evaluate(okr_benches::as_of());
    let eval_bytes = live(&region);
    println!(
        "size {size:?}: {} objectives, {krs} key results, {check_ins} check-ins",
        engine.objective_count()
    );
    println!(
        "engine: {:.1} MB allocated ({:.1} MB by its own count)",
        engine_bytes / 1e6,
        engine.heap_bytes() as f64 / 1e6
    );
    println!(
        "  = {per_check_in} B per check-in + {per_kr:.0} B per key result (objectives, ids and tables included)"
    );
    println!(
        "  budget (300 B per KR + 24 B per check-in): {:.1} MB, used {:.0} %",
        (300.0 * krs + 24.0 * check_ins) / 1e6,
        100.0 * engine_bytes / (300.0 * krs + 24.0 * check_ins)
    );
    println!(
        "evaluation as of a date: {:.1} MB ({:.0} B per key result)",
        eval_bytes / 1e6,
        eval_bytes / krs
    );
    let json = okr_core::Document::from_plan(plan.clone())
        .write_compact_json()
        .expect("JSON");
    let region = Region::new(GLOBAL);
    let parsed: okr_core::Plan = serde_json::from_str(&json).expect("parses");
    let model_bytes = live(&region);
    println!(
        "document model parsed from {:.1} MB of JSON: {:.1} MB ({:.0} B per check-in all told; a check-in record is {} B)",
        json.len() as f64 / 1e6,
        model_bytes / 1e6,
        model_bytes / check_ins,
        std::mem::size_of::<okr_core::model::CheckIn>()
    );
    std::hint::black_box((&engine, &eval, &parsed));
}
