//! What-if: scores as if key results had reported values, without touching the plan.

use okr_core::{
    AsOf, ChangeKind, Document, ErrorCode, LoadOptions, PlanFormat, ScoreOptions, Supposed, Value,
};

/// Three levels: company <- dept <- team, each with a key result, the upper two rolling
/// up their children too; and a bystander.
const PLAN: &str = "\
schema_version: 1
cycles: [{id: q, name: Q, start: 2026-01-01, end: 2026-03-31}]
objectives:
  - id: company
    title: Grow the company
    cycle: q
    progress_from: both
    key_results:
      - {id: c, title: Reach 100 customers, type: increase, start: 0, target: 100, check_ins: [{at: 2026-02-01, value: 30}]}
  - id: dept
    title: Grow the department
    cycle: q
    progress_from: both
    aligns_to: [{objective: company}]
    key_results:
      - {id: d, title: Sign 10 partners, type: increase, start: 0, target: 10, check_ins: [{at: 2026-02-01, value: 3}]}
  - id: team
    title: Grow the team's pipeline
    cycle: q
    aligns_to: [{objective: dept}]
    key_results:
      - {id: t, title: Book 40 demos, type: increase, start: 0, target: 40, check_ins: [{at: 2026-02-01, value: 10}]}
      - {id: s, title: Total signups, type: aggregate, of: [t], op: sum, start: 0, target: 40}
  - id: bystander
    title: Keep the lights on
    cycle: q
    key_results:
      - {id: b, title: Close 20 tickets, type: increase, start: 0, target: 20, check_ins: [{at: 2026-02-01, value: 5}]}
";

fn doc(text: &str) -> Document {
    Document::parse(text, &LoadOptions::new(PlanFormat::Yaml)).expect("a plan")
}

fn options() -> ScoreOptions {
    ScoreOptions::as_of(AsOf::parse("2026-02-14").expect("a date"))
}

fn suppose(kr: &str, v: f64) -> Supposed {
    Supposed {
        key_result: kr.into(),
        value: Value::Number(v),
    }
}

#[test]
fn a_change_moves_its_objective_and_every_one_above_it_and_nothing_else() {
    let d = doc(PLAN);
    let answer = d
        .what_if(&options(), &[suppose("t", 30.0)])
        .expect("scores");
    let moved: Vec<(&str, ChangeKind)> = answer
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.kind))
        .collect();
    assert_eq!(
        moved,
        [
            ("company", ChangeKind::Objective),
            ("dept", ChangeKind::Objective),
            ("team", ChangeKind::Objective),
            ("t", ChangeKind::KeyResult),
            ("s", ChangeKind::KeyResult),
        ]
    );
    let t = &answer.changes[3];
    assert_eq!(
        (t.progress_before, t.progress_after),
        (Some(0.25), Some(0.75))
    );
    // The document is as it was.
    assert_eq!(
        d.score(options().as_of)
            .expect("scores")
            .key_result("t")
            .and_then(|k| k.progress),
        Some(0.25)
    );
}

#[test]
fn supposing_a_value_scores_as_checking_it_in_does() {
    let checked_in = PLAN.replace(
        "check_ins: [{at: 2026-02-01, value: 10}]",
        "check_ins: [{at: 2026-02-01, value: 10}, {at: 2026-02-14, value: 30}]",
    );
    let real = doc(&checked_in).score(options().as_of).expect("scores");
    let supposed = doc(PLAN)
        .what_if(&options(), &[suppose("t", 30.0)])
        .expect("scores")
        .scorecard;
    for (a, b) in real.objectives.iter().zip(&supposed.objectives) {
        assert_eq!((a.progress, a.status), (b.progress, b.status), "{}", a.id);
        for (ka, kb) in a.key_results.iter().zip(&b.key_results) {
            assert_eq!(
                (ka.progress, ka.status),
                (kb.progress, kb.status),
                "{}",
                ka.id
            );
            assert_eq!(ka.value, kb.value, "{}", ka.id);
        }
    }
}

#[test]
fn the_population_stays_as_it_was() {
    // The bystander's chance does not move with another key result's supposed value.
    let answer = doc(PLAN)
        .what_if(&options(), &[suppose("c", 95.0)])
        .expect("scores");
    assert!(
        answer
            .changes
            .iter()
            .all(|c| c.id != "b" && c.id != "bystander")
    );
}

#[test]
fn what_cannot_be_supposed_is_refused() {
    let d = doc(PLAN);
    let code = |s: Supposed| d.what_if(&options(), &[s]).expect_err("refused").0[0].code();
    assert_eq!(code(suppose("nope", 1.0)), ErrorCode::NotFound);
    assert_eq!(code(suppose("s", 1.0)), ErrorCode::InvalidArgument);
    let text = Supposed {
        key_result: "t".into(),
        value: Value::Text("target".into()),
    };
    assert_eq!(code(text), ErrorCode::InvalidArgument);
    assert_eq!(
        d.suppose("t", "12").expect("a number").value,
        Value::Number(12.0)
    );
    assert_eq!(
        d.suppose("s", "12").expect_err("an aggregate").code(),
        ErrorCode::InvalidArgument
    );
    assert_eq!(
        d.suppose("t", "many").expect_err("not a number").code(),
        ErrorCode::InvalidArgument
    );
}
