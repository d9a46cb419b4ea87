//! A quality check of the chances, not a timing: on generated key results whose true
//! paths are known, `probability` must forecast hitting better (lower Brier score) than
//! the naive least-squares line at a quarter, half and three quarters of the cycle.
#![cfg(feature = "generate")]

#[test]
fn the_chances_beat_the_naive_line_at_every_moment() {
    let result = okr_core::backtest::run(1500, 1);
    assert_eq!(result.moments.len(), 3);
    assert!((0.1..0.5).contains(&result.hit_rate), "{}", result.hit_rate);
    for m in &result.moments {
        assert!(
            m.model.brier < m.naive.brier,
            "at {}: model {} vs naive {}",
            m.fraction,
            m.model.brier,
            m.naive.brier
        );
        // Not a coin: better than saying 0.5 of everything.
        assert!(m.model.brier < 0.25, "at {}: {}", m.fraction, m.model.brier);
        let counted: usize = m.model.bins.iter().map(|b| b.count).sum();
        assert_eq!(counted, result.key_results);
    }
    // Later is easier: more of the path is known.
    assert!(result.moments[2].model.brier < result.moments[0].model.brier);
}
