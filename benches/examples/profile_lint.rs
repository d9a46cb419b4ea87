//! Times the stages of linting a generated plan, to see where the time goes:
//! `cargo run --release -p okr-benches --example profile_lint -- L`.

use okr_core::generate::Size;
use std::time::Instant;

fn main() {
    let size = std::env::args()
        .nth(1)
        .as_deref()
        .and_then(Size::parse)
        .unwrap_or(Size::M);
    let plan = okr_benches::plan(size);
    let as_of = okr_benches::as_of();
    let t = Instant::now();
    let problems = okr_core::Document::from_plan(plan.clone())
        .problems()
        .to_vec();
    println!(
        "validate        {:>8.1} ms ({} problems)",
        t.elapsed().as_secs_f64() * 1e3,
        problems.len()
    );
    let t = Instant::now();
    let engine = okr_core::Engine::new(&plan).unwrap_or_else(|e| panic!("{}", e[0]));
    println!(
        "validate+compile{:>8.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let eval = engine.evaluate(as_of);
    println!(
        "evaluate        {:>8.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let _report = okr_core::alignment::analyze(&plan);
    println!(
        "alignment       {:>8.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let none = okr_core::LintConfig {
        select: vec!["cycle-too-long".into()],
        ..Default::default()
    };
    let _ = okr_core::lint::lint_scored(&plan, &engine, &eval, &none);
    println!(
        "context (one cheap rule) {:>8.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    for meta in okr_core::lint::rules() {
        let config = okr_core::LintConfig {
            select: vec![meta.name.to_owned()],
            ..Default::default()
        };
        let t = Instant::now();
        let d = okr_core::lint::lint_scored(&plan, &engine, &eval, &config).unwrap_or_default();
        println!(
            "{:<30}{:>8.1} ms ({} findings)",
            meta.name,
            t.elapsed().as_secs_f64() * 1e3,
            d.len()
        );
    }
    let all = okr_core::LintConfig::default();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let t = Instant::now();
        found = okr_core::lint::lint_scored(&plan, &engine, &eval, &all)
            .map(|d| d.len())
            .unwrap_or_default();
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("all rules, best of 3            {best:>8.1} ms ({found} findings)");
}
