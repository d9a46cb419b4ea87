//! Evaluates a generated plan repeatedly, for profilers:
//! `valgrind --tool=callgrind target/release/examples/profile_eval M 20`.

use okr_core::Engine;
use okr_core::generate::Size;

fn main() {
    let mut args = std::env::args().skip(1);
    let size = args
        .next()
        .as_deref()
        .and_then(Size::parse)
        .unwrap_or(Size::M);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let plan = okr_benches::plan(size);
    let engine = Engine::new(&plan).unwrap_or_else(|e| panic!("{}", e[0]));
    let mut sum = 0.0;
    for _ in 0..rounds {
        let eval = engine.evaluate(okr_benches::as_of());
        sum += eval
            .objectives
            .iter()
            .filter_map(|o| o.progress())
            .sum::<f64>();
    }
    println!("{sum}");
}
