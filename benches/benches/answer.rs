//! Writing the answer `okr score --format json` prints: the scores as pretty-printed
//! JSON, through okr's one-write-per-line layout and through serde_json's own
//! `PrettyFormatter` (the same bytes), into a buffer that is reused so that page faults
//! do not hide the formatting cost.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use okr_benches::{as_of, plan, sizes};
use okr_core::{Document, ScoreOptions};

fn answer(c: &mut Criterion) {
    for (name, size) in sizes() {
        let doc = Document::from_plan(plan(size));
        let options = ScoreOptions::as_of(as_of());
        let scores = doc.scores(&options).expect("scores");
        let mut out = Vec::new();
        serde_json::to_writer_pretty(&mut out, &scores).expect("writes");
        let mut group = c.benchmark_group("answer");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(out.len() as u64));
        group.bench_function(format!("okr/{name}"), |b| {
            b.iter(|| {
                out.clear();
                okr_core::format::pretty::to_writer_pretty(&mut out, &scores).expect("writes")
            })
        });
        group.bench_function(format!("serde_json/{name}"), |b| {
            b.iter(|| {
                out.clear();
                serde_json::to_writer_pretty(&mut out, &scores).expect("writes")
            })
        });
        group.finish();
    }
}

criterion_group!(benches, answer);
criterion_main!(benches);
