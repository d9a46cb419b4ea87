//! Alignment analysis: orphans, depth, skipped levels, line of sight, coverage, tree.

use criterion::{Criterion, criterion_group, criterion_main};
use okr_benches::{plan, sizes};
use std::hint::black_box;

fn alignment(c: &mut Criterion) {
    for (name, size) in sizes() {
        let plan = plan(size);
        let mut group = c.benchmark_group("alignment");
        group.sample_size(10);
        group.bench_function(name, |b| {
            b.iter(|| okr_core::alignment::analyze(black_box(&plan)))
        });
        group.finish();
    }
}

criterion_group!(benches, alignment);
criterion_main!(benches);
