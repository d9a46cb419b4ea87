//! The floor under reading a plan's JSON: serde_json only tokenising the text (into
//! `IgnoredAny`), into a `serde_json::Value` tree, and into the model, on one file.
//!
//! `cargo run --release -p okr-benches --example json_floor -- M.json [model]`: with
//! `model`, only the model is read (five times), for a profiler.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// [`okr_benches::best_of`] in milliseconds.
fn best_ms<T>(runs: usize, f: impl FnMut() -> T) -> f64 {
    okr_benches::best_of(runs, f) * 1e3
}

fn main() {
    let path = std::env::args().nth(1).expect("a plan file");
    let text = std::fs::read_to_string(&path).expect("readable");
    let mb = text.len() as f64 / 1e6;
    let report =
        |name: &str, ms: f64| println!("{name:<12} {ms:>8.1} ms  {:>6.0} MB/s", mb / ms * 1e3);
    if std::env::args().nth(2).as_deref() == Some("model") {
        let model = best_ms(5, || {
            serde_json::from_str::<okr_core::Plan>(&text).expect("a plan")
        });
        return report("model", model);
    }
    report(
        "tokenise",
        best_ms(3, || {
            serde_json::from_str::<serde::de::IgnoredAny>(&text).expect("a plan")
        }),
    );
    report(
        "value tree",
        best_ms(3, || {
            serde_json::from_str::<serde_json::Value>(&text).expect("a plan")
        }),
    );
    report(
        "model",
        best_ms(3, || {
            serde_json::from_str::<okr_core::Plan>(&text).expect("a plan")
        }),
    );
}
