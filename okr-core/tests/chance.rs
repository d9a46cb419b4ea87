//! Properties of the chances (docs/forecasting.md): probabilities are probabilities,
//! they move the right way with the target and the evidence, and what is settled is
//! certain.

use okr_core::{
    AsOf, Document, KeyResultScore, LoadOptions, ObjectiveScore, PlanFormat, Scorecard,
};
use proptest::prelude::*;

/// A one-objective plan in cycle 2026-01-01..2026-03-31 whose key results are the YAML
/// flow mappings `krs`.
fn plan(krs: &[String], state: &str) -> Document {
    let items: String = krs.iter().map(|k| format!("      - {k}\n")).collect();
    let text = format!(
        "schema_version: 1\ncycles: [{{id: q, name: Q, start: 2026-01-01, end: 2026-03-31}}]\nobjectives:\n  - id: o\n    title: Land the quarter\n    cycle: q\n    state: {state}\n    key_results:\n{items}"
    );
    Document::parse(text, &LoadOptions::new(PlanFormat::Yaml)).expect("a plan")
}

fn score(doc: &Document, as_of: &str) -> Scorecard {
    doc.score(AsOf::parse(as_of).expect("a date"))
        .expect("scores")
}

fn kr<'a>(card: &'a Scorecard, id: &str) -> &'a KeyResultScore {
    card.key_result(id).expect("the key result")
}

fn objective(card: &Scorecard) -> &ObjectiveScore {
    card.objective("o").expect("the objective")
}

/// An increase from 0 to `target` with `values` checked in weekly from 2026-01-05.
fn increase(id: &str, target: f64, values: &[f64]) -> String {
    let check_ins: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("a date")
                + chrono::Days::new(7 * i as u64);
            format!("{{at: {day}, value: {v}}}")
        })
        .collect();
    format!(
        "{{id: {id}, title: Grow signups, type: increase, start: 0, target: {target}, check_ins: [{}]}}",
        check_ins.join(", ")
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn probabilities_are_probabilities_and_intervals_are_ordered(
        series in prop::collection::vec(prop::collection::vec(-50.0f64..150.0, 0..9), 1..7),
        as_of in 0u64..120,
    ) {
        let krs: Vec<String> = series
            .iter()
            .enumerate()
            .map(|(i, v)| increase(&format!("k{i}"), 100.0, v))
            .collect();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date") + chrono::Days::new(as_of);
        let card = score(&plan(&krs, "active"), &day.to_string());
        for k in card.objectives.iter().flat_map(|o| &o.key_results) {
            if let Some(p) = k.probability {
                prop_assert!((0.0..=1.0).contains(&p), "{}: {p}", k.id);
            }
            if let Some(v) = k.value_interval {
                prop_assert!(v.low <= v.high && v.low.is_finite() && v.high.is_finite(), "{}: {v:?}", k.id);
            }
        }
        if let Some(p) = objective(&card).probability {
            prop_assert!((0.0..=1.0).contains(&p));
        }
    }

    #[test]
    fn a_higher_target_is_never_more_likely(
        values in prop::collection::vec(0.0f64..100.0, 1..8),
        low in 50.0f64..200.0,
        extra in 1.0f64..100.0,
    ) {
        let chance = |target: f64| {
            let card = score(&plan(&[increase("k", target, &values)], "active"), "2026-02-25");
            kr(&card, "k").probability.expect("a chance")
        };
        prop_assert!(chance(low + extra) <= chance(low), "{} > {}", chance(low + extra), chance(low));
    }
}

#[test]
fn more_check_ins_on_the_same_line_narrow_the_interval() {
    let width = |n: usize| {
        let values: Vec<f64> = (1..=n).map(|i| 7.0 * i as f64).collect();
        let card = score(
            &plan(&[increase("k", 100.0, &values)], "active"),
            "2026-02-25",
        );
        let v = kr(&card, "k").value_interval.expect("an interval");
        v.high - v.low
    };
    let widths: Vec<f64> = (1..=8).map(width).collect();
    assert!(widths.windows(2).all(|w| w[1] < w[0]), "{widths:?}");
}

#[test]
fn after_the_due_date_the_outcome_is_certain() {
    let krs = [
        increase("hit", 10.0, &[4.0, 8.0, 12.0]),
        increase("missed", 100.0, &[4.0, 8.0, 12.0]),
    ];
    let card = score(&plan(&krs, "active"), "2026-04-15");
    assert_eq!(kr(&card, "hit").probability, Some(1.0));
    assert_eq!(kr(&card, "missed").probability, Some(0.0));
    let v = kr(&card, "missed").value_interval.expect("an interval");
    assert_eq!((v.low, v.high), (12.0, 12.0));
    // Nothing under the objective is uncertain any more.
    assert_eq!(objective(&card).probability, None);
}

#[test]
fn a_closed_objective_has_no_chance_to_give() {
    let card = score(
        &plan(&[increase("k", 100.0, &[10.0, 20.0])], "closed"),
        "2026-02-01",
    );
    assert_eq!(objective(&card).probability, None);
    // The key result's own chance is still its model's.
    assert!(kr(&card, "k").probability.is_some());
}

#[test]
fn kinds_without_a_numeric_target_have_no_chance() {
    let krs = [
        "{id: m, title: Ship it, type: milestone, check_ins: [{at: 2026-01-20, value: false}]}"
            .to_owned(),
        "{id: b, title: Measure churn, type: baseline, check_ins: [{at: 2026-01-20, value: 3}]}"
            .to_owned(),
    ];
    let card = score(&plan(&krs, "active"), "2026-02-01");
    assert_eq!(kr(&card, "m").probability, None);
    assert_eq!(kr(&card, "b").probability, None);
    // A milestone not done, with no confidence, keeps its progress: nothing to draw.
    assert_eq!(objective(&card).probability, None);
}

#[test]
fn a_milestones_stated_confidence_is_drawn() {
    let with = |confidence: &str| {
        let krs = [format!(
            "{{id: m, title: Ship it, type: milestone, check_ins: [{{at: 2026-01-20, value: false{confidence}}}]}}"
        )];
        objective(&score(&plan(&krs, "active"), "2026-02-01")).probability
    };
    assert_eq!(with(""), None);
    let sure = with(", confidence: 0.9").expect("drawn");
    let unsure = with(", confidence: 0.2").expect("drawn");
    // Stratified draws: the share done is the confidence to within one draw in 128.
    assert!((sure - 0.9).abs() <= 1.0 / 128.0 + 1e-12, "{sure}");
    assert!((unsure - 0.2).abs() <= 1.0 / 128.0 + 1e-12, "{unsure}");
}

#[test]
fn scoring_twice_draws_the_same() {
    let krs: Vec<String> = (0..6)
        .map(|i| {
            increase(
                &format!("k{i}"),
                60.0 + 10.0 * i as f64,
                &[5.0, 11.0, 16.0, 23.0],
            )
        })
        .collect();
    let doc = plan(&krs, "active");
    assert_eq!(score(&doc, "2026-02-01"), score(&doc, "2026-02-01"));
}
