//! Full score + status + rollup of every key result and objective as of a date.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use okr_benches::{as_of, plan, sizes};
use okr_core::{AsOf, CalibrationOptions, Document, Engine};
use std::hint::black_box;

fn score(c: &mut Criterion) {
    for (name, size) in sizes() {
        let plan = plan(size);
        let engine = Engine::new(&plan).expect("valid");
        let mut group = c.benchmark_group("evaluate");
        group.throughput(Throughput::Elements(engine.key_result_count() as u64));
        group.bench_function(name, |b| b.iter(|| engine.evaluate(black_box(as_of()))));
        group.finish();
        if name != "L" {
            let mut group = c.benchmark_group("scorecard");
            group.sample_size(10);
            group.bench_function(name, |b| {
                b.iter(|| engine.score(&plan, black_box(as_of())).expect("scores"))
            });
            group.finish();
        }
        // Calibration after the quarter, when every key result is settled: one pass
        // over every key result's check-ins, from a document whose engine is compiled.
        let doc = Document::from_plan(plan);
        doc.engine().expect("valid");
        let after = CalibrationOptions::as_of(AsOf::parse("2026-12-31").expect("date"));
        let mut group = c.benchmark_group("calibration");
        group.sample_size(10);
        group.throughput(Throughput::Elements(engine.key_result_count() as u64));
        group.bench_function(name, |b| {
            b.iter(|| doc.calibration(black_box(&after)).expect("calibrates"))
        });
        group.finish();
    }
}

criterion_group!(benches, score);
criterion_main!(benches);
