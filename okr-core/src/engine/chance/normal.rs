//! The standard normal distribution: its CDF, and a table of its quantiles for
//! stratified sampling.

/// P(Z ≤ x) for a standard normal Z.
pub(crate) fn cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// The x with `cdf(x) == p`, for `p` strictly between 0 and 1. Found by bisection: it is
/// only used to fill a small table once, where exactness matters more than speed.
pub(crate) fn quantile(p: f64) -> f64 {
    let (mut lo, mut hi) = (-40.0_f64, 40.0_f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid == lo || mid == hi {
            break;
        }
        if cdf(mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// `n` draws of a standard normal that hit every `1/n` of its probability once (the
/// midpoints of `n` equal slices), in a fixed shuffled order. Drawing key result `h`'s
/// `k`-th sample as `table[(k + offset(h)) % n]` gives each key result exactly the
/// normal distribution over the `n` samples, and key results draws that are
/// independent in effect, with no random number generator and the same numbers on
/// every platform.
pub(crate) fn stratified(n: usize) -> Vec<f64> {
    let mut table: Vec<f64> = (0..n)
        .map(|i| quantile((i as f64 + 0.5) / n as f64))
        .collect();
    // Fisher–Yates with a fixed seed: sorted quantiles would make neighbouring offsets
    // nearly the same draw, so two key results would move together.
    let mut state = 0x5EED_0F0C_A575_u64;
    for i in (1..n).rev() {
        let j = (splitmix(&mut state) % (i as u64 + 1)) as usize;
        table.swap(i, j);
    }
    table
}

/// A key result's offset into the stratified table: a hash of its handle.
pub(crate) fn offset(h: usize, n: usize) -> usize {
    let mut state = h as u64;
    (splitmix(&mut state) % n as u64) as usize
}

/// SplitMix64: a tiny, well-mixed step from one 64-bit state to the next.
pub(crate) fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cdf_matches_known_values() {
        for (x, p) in [
            (0.0, 0.5),
            (1.0, 0.841_344_746_068_542_9),
            (-1.959_963_984_540_054, 0.025),
            (1.281_551_565_544_600_5, 0.9),
        ] {
            assert!((cdf(x) - p).abs() < 1e-12, "cdf({x}) = {}", cdf(x));
        }
    }

    #[test]
    fn the_quantile_inverts_the_cdf() {
        for p in [1e-6, 0.01, 0.1, 0.25, 0.5, 0.8, 0.975, 0.999_999] {
            assert!((cdf(quantile(p)) - p).abs() < 1e-12, "p = {p}");
        }
        assert!((quantile(0.9) - 1.281_551_565_544_600_5).abs() < 1e-9);
    }

    #[test]
    fn the_table_is_a_standard_normal_in_a_shuffled_order() {
        let table = stratified(128);
        let mean = table.iter().sum::<f64>() / 128.0;
        let var = table.iter().map(|z| z * z).sum::<f64>() / 128.0;
        assert!(mean.abs() < 1e-12, "mean {mean}");
        assert!((var - 1.0).abs() < 0.03, "variance {var}");
        // Shuffled: neighbours are not in order.
        let rising = table.windows(2).filter(|w| w[1] > w[0]).count();
        assert!((40..=88).contains(&rising), "{rising} of 127 steps rise");
    }
}
