//! Lints generated plan L with every rule, `REPEAT` times (default 5), for profilers:
//! `perf record target/release/examples/lint_all`. With `DIGEST` set, it prints a
//! digest of the findings, to check that two builds find the same. With `STATS` set,
//! it prints how many findings, ids and bytes each rule gave.

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
        if std::env::var_os("STATS").is_some() {
            print_stats(&found);
        }
        drop(found);
        println!(
            "{:.1} ms ({n} findings), then {:.1} ms to drop them",
            linted.as_secs_f64() * 1e3,
            (t.elapsed() - linted).as_secs_f64() * 1e3,
        );
    }
}

fn print_stats(found: &[okr_core::lint::Diagnostic]) {
    let mut by_rule = std::collections::BTreeMap::<&str, [usize; 4]>::new();
    for d in found {
        let s = by_rule.entry(&*d.rule).or_default();
        s[0] += 1;
        s[1] += d.ids.len();
        s[2] += d.message.len() + d.path.len() + d.ids.iter().map(|id| id.len()).sum::<usize>();
        s[3] += usize::from(matches!(d.help, std::borrow::Cow::Owned(_)));
    }
    for (rule, [n, ids, bytes, owned_help]) in by_rule {
        println!(
            "{rule:32} {n:8} findings {ids:8} ids {bytes:10} bytes {owned_help:8} owned helps"
        );
    }
}
