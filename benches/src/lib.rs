//! Shared set-up for the benchmarks: generated plans by size, built once per process.

use okr_core::generate::{Size, generate};
use okr_core::{AsOf, Plan};

/// The seed every benchmark and the docs use.
pub const SEED: u64 = 1;

pub fn plan(size: Size) -> Plan {
    generate(size, SEED)
}

pub fn as_of() -> AsOf {
    AsOf::parse(okr_core::generate::AS_OF).unwrap_or_else(|_| AsOf::now())
}

/// The fastest of `runs` calls of `f`, in seconds: the figure least disturbed by the
/// other work of a shared machine. For the examples that time one file by hand.
pub fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Sizes to run: all three, or those named in `OKR_BENCH_SIZES` (e.g. `S,M`).
pub fn sizes() -> Vec<(&'static str, Size)> {
    let wanted = std::env::var("OKR_BENCH_SIZES").unwrap_or_else(|_| "S,M,L".into());
    [("S", Size::S), ("M", Size::M), ("L", Size::L)]
        .into_iter()
        .filter(|(name, _)| {
            wanted
                .split(',')
                .any(|w| w.trim().eq_ignore_ascii_case(name))
        })
        .collect()
}
