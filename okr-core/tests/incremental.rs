//! After any sequence of check-ins, the incremental re-rollup equals a full evaluation.
#![cfg(feature = "generate")]

mod common;

use common::PlanCalls;
use okr_core::engine::{Evaluation, KrEval, ObjectiveEval};
use okr_core::generate::{Size, generate};
use okr_core::*;
use proptest::prelude::*;

fn same_f64(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn same_kr(a: &KrEval, b: &KrEval) -> bool {
    same_f64(a.value, b.value)
        && same_f64(a.progress, b.progress)
        && same_f64(a.raw, b.raw)
        && same_f64(a.expected, b.expected)
        && a.status == b.status
        && (a.confidence.to_bits() == b.confidence.to_bits()
            || (a.confidence.is_nan() && b.confidence.is_nan()))
        && a.count == b.count
        && a.last == b.last
}

fn same_objective(a: &ObjectiveEval, b: &ObjectiveEval) -> bool {
    same_f64(a.progress, b.progress)
        && same_f64(a.raw, b.raw)
        && same_f64(a.expected, b.expected)
        && a.status == b.status
        && same_f64(a.confidence, b.confidence)
}

fn first_difference(a: &Evaluation, b: &Evaluation) -> Option<String> {
    for (h, (x, y)) in a.key_results.iter().zip(&b.key_results).enumerate() {
        if !same_kr(x, y) {
            return Some(format!("key result {h}: {x:?} != {y:?}"));
        }
    }
    for (o, (x, y)) in a.objectives.iter().zip(&b.objectives).enumerate() {
        if !same_objective(x, y) {
            return Some(format!("objective {o}: {x:?} != {y:?}"));
        }
    }
    None
}

/// A value that fits key result `kr`, from three random numbers.
fn value_for(kr: &KeyResult, a: u64, b: f64) -> Value {
    match &kr.kind {
        KrKind::Milestone => Value::Bool(a.is_multiple_of(2)),
        KrKind::Checklist { steps } => Value::Steps(
            steps
                .iter()
                .enumerate()
                .filter(|(i, _)| a & (1 << i) != 0)
                .map(|(_, s)| s.id.clone())
                .collect(),
        ),
        KrKind::Zones { start: None, .. } => {
            Value::Text(["fail", "commit", "target", "stretch"][(a % 4) as usize].into())
        }
        _ => Value::Number((b * 1000.0).round() / 10.0),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn incremental_equals_full(
        seed in 0u64..1_000,
        objectives in 5usize..120,
        as_of_day in 0u64..100,
        check_ins in prop::collection::vec((any::<u64>(), 0u64..95, any::<u64>(), 0.0f64..1.0, prop::option::of(0.0f64..=1.0)), 1..25),
    ) {
        let plan = generate(Size::Objectives(objectives), seed);
        let as_of = AsOf::end_of(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default() + chrono::Days::new(as_of_day));
        let mut engine = plan.engine()?;
        let mut eval = engine.evaluate(as_of);
        let krs: Vec<&KeyResult> = plan.objectives.iter().flat_map(|o| &o.key_results).filter(|k| !matches!(k.kind, KrKind::Aggregate { .. })).collect();
        prop_assume!(!krs.is_empty());
        for (pick, day, a, b, confidence) in check_ins {
            let kr = krs[(pick % krs.len() as u64) as usize];
            let at = Moment::Date(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default() + chrono::Days::new(day));
            engine.add_check_in(&mut eval, &kr.id, at, &value_for(kr, a, b), confidence)?;
            let full = engine.evaluate(as_of);
            if let Some(diff) = first_difference(&eval, &full) {
                return Err(TestCaseError::fail(format!("after a check-in on {} at {at}: {diff}", kr.id)));
            }
        }
    }
}

#[test]
fn a_bad_check_in_is_refused_and_changes_nothing() {
    let plan = generate(Size::Objectives(20), 3);
    let mut engine = plan.engine().expect("valid");
    let as_of = AsOf::parse("2026-02-14").expect("date");
    let mut eval = engine.evaluate(as_of);
    let before = eval.clone();
    let milestone = plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .find(|k| matches!(k.kind, KrKind::Milestone))
        .expect("a milestone");
    let at = Moment::parse("2026-02-01").expect("date");
    let err = engine
        .add_check_in(&mut eval, &milestone.id, at, &Value::Number(3.0), None)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidValue);
    let err = engine
        .add_check_in(&mut eval, "no-such-kr", at, &Value::Number(3.0), None)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(first_difference(&eval, &before).is_none());
}
