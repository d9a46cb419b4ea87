//! One check-in's re-rollup: the key result, the aggregates it feeds, and every
//! objective above it.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use okr_benches::{as_of, plan, sizes};
use okr_core::{Engine, Moment, Value};
use std::hint::black_box;

fn incremental(c: &mut Criterion) {
    for (name, size) in sizes() {
        let plan = plan(size);
        let mut engine = Engine::new(&plan).expect("valid");
        let mut eval = engine.evaluate(as_of());
        // The deepest increase KR: the longest chain of objectives to re-roll.
        let target = plan
            .objectives
            .iter()
            .rev()
            .flat_map(|o| o.key_results.iter())
            .find(|k| matches!(k.kind, okr_core::KrKind::Increase { .. }))
            .map(|k| k.id.clone())
            .expect("an increase KR");
        let at = Moment::parse("2026-02-13").expect("date");
        let mut value = 0.0;
        let mut group = c.benchmark_group("incremental");
        group.bench_function(name, |b| {
            b.iter_batched(
                || {
                    value += 0.25;
                    Value::Number(value)
                },
                |v| {
                    engine
                        .add_check_in(&mut eval, black_box(&target), at, &v, Some(0.6))
                        .expect("adds")
                },
                BatchSize::SmallInput,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, incremental);
criterion_main!(benches);
