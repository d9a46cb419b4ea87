//! JSON and YAML load: parse a generated plan's text into the model (MB/s), and compile
//! the model into the engine (validation included).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use okr_benches::{plan, sizes};
use okr_core::{Document, Engine, LoadOptions, PlanFormat};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    for (name, size) in sizes() {
        let plan = plan(size);
        let doc = Document::from_plan(plan.clone());
        let json = doc.write_compact_json().expect("JSON");
        let parse = |text: &str, format| {
            Document::parse(black_box(text), &LoadOptions::new(format)).expect("parses")
        };
        let mut group = c.benchmark_group("load");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function(format!("json/{name}"), |b| {
            b.iter(|| parse(&json, PlanFormat::Json))
        });
        if name != "L" {
            let yaml = doc.write(PlanFormat::Yaml).expect("YAML");
            group.throughput(Throughput::Bytes(yaml.len() as u64));
            group.bench_function(format!("yaml/{name}"), |b| {
                b.iter(|| parse(&yaml, PlanFormat::Yaml))
            });
        }
        group.throughput(Throughput::Elements(plan.objectives.len() as u64));
        group.bench_function(format!("compile/{name}"), |b| {
            b.iter(|| Engine::new(black_box(&plan)).expect("valid"))
        });
        group.finish();
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
