//! All lint rules over a generated plan, as of a date (DESIGN §11: ≤ 300 ms at L):
//! `rules` lints a compiled, evaluated plan (what an editor holds); `full` also
//! validates, compiles and evaluates it first; `text` is what `okr lint` does to a
//! file: parse the JSON text, validate, compile, evaluate, lint, and locate every
//! finding's line and column.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use okr_benches::{as_of, plan, sizes};
use okr_core::{Document, LintConfig, LintOptions, LoadOptions, PlanFormat};
use std::hint::black_box;

fn lint(c: &mut Criterion) {
    for (name, size) in sizes() {
        let plan = plan(size);
        let config = LintConfig::default();
        let mut group = c.benchmark_group("lint");
        group.sample_size(10);
        group.throughput(Throughput::Elements(plan.objectives.len() as u64));
        let options = LintOptions {
            as_of: as_of(),
            config: config.clone(),
        };
        group.bench_function(format!("full/{name}"), |b| {
            b.iter_batched(
                || Document::from_plan(plan.clone()),
                |doc| doc.lint(&options).expect("lints"),
                BatchSize::LargeInput,
            )
        });
        if name != "L" {
            let json = Document::from_plan(plan.clone())
                .write_compact_json()
                .expect("JSON");
            group.bench_function(format!("text/{name}"), |b| {
                b.iter(|| {
                    let doc = Document::parse(
                        black_box(json.as_str()),
                        &LoadOptions::new(PlanFormat::Json),
                    )
                    .expect("parses");
                    doc.lint(&options).expect("lints")
                })
            });
        }
        let engine = okr_core::Engine::new(&plan).expect("valid");
        let eval = engine.evaluate(as_of());
        group.bench_function(format!("rules/{name}"), |b| {
            b.iter(|| {
                okr_core::lint::lint_scored(black_box(&plan), &engine, &eval, &config)
                    .expect("lints")
            })
        });
        group.finish();
    }
}

criterion_group!(benches, lint);
criterion_main!(benches);
