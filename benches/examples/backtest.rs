//! The backtest of the chances (docs/forecasting.md): Brier scores and calibration
//! tables of `probability` against the naive least-squares forecast, at 25 %, 50 % and
//! 75 % of the cycle, on generated key results whose true paths are known.
//!
//! `cargo run --release -p okr-benches --example backtest -- [N] [SEED] [--json]`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: u64| {
        args.iter()
            .filter(|a| !a.starts_with("--"))
            .nth(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let result = okr_core::backtest::run(number(0, 4000) as usize, number(1, 1));
    if args.iter().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(&result).expect("JSON"));
        return;
    }
    println!(
        "{} key results, {:.1} % hit",
        result.key_results,
        result.hit_rate * 100.0
    );
    for m in &result.moments {
        println!(
            "\nat {:.0} % of the cycle ({}): Brier model {:.4}, naive {:.4}",
            m.fraction * 100.0,
            m.as_of,
            m.model.brier,
            m.naive.brier
        );
        println!("  bin       model: n  predicted observed   naive: n  predicted observed");
        for (a, b) in m.model.bins.iter().zip(&m.naive.bins) {
            println!(
                "  {:.1}-{:.1}  {:>8} {:>10.3} {:>8.3}  {:>8} {:>10.3} {:>8.3}",
                a.from,
                a.from + 0.1,
                a.count,
                a.predicted,
                a.observed,
                b.count,
                b.predicted,
                b.observed
            );
        }
    }
}
