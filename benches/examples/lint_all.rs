//! Lints generated plan L with every rule, `REPEAT` times (default 5), for profilers:
//! `perf record target/release/examples/lint_all`. With `DIGEST` set, it prints a
//! digest of the findings, to check that two builds find the same.

fn main() {
    let plan = okr_benches::plan(okr_core::generate::Size::L);
    let engine = okr_core::Engine::new(&plan).unwrap_or_else(|e| panic!("{}", e[0]));
    let eval = engine.evaluate(okr_benches::as_of());
    let config = okr_core::LintConfig::default();
    let repeat: usize = std::env::var("REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    for _ in 0..repeat {
        let t = std::time::Instant::now();
        let found = okr_core::lint::lint_scored(&plan, &engine, &eval, &config).unwrap_or_default();
        let linted = t.elapsed();
        let n = found.len();
        if std::env::var_os("DIGEST").is_some() {
            // To check that two builds find the same, finding for finding.
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            format!("{found:?}").hash(&mut h);
            println!("digest {:016x}", h.finish());
        }
        drop(found);
        println!(
            "{:.1} ms ({n} findings), then {:.1} ms to drop them",
            linted.as_secs_f64() * 1e3,
            (t.elapsed() - linted).as_secs_f64() * 1e3,
        );
    }
}
