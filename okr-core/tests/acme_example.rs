//! The numbers worked by hand in docs/scoring.md, checked against the engine.

mod common;

use common::PlanCalls;
use okr_core::{AsOf, PlanFormat, Scorecard, Status, Value};

fn card() -> Scorecard {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let text = std::fs::read_to_string(format!("{dir}/acme.yaml")).expect("acme.yaml");
    let mut doc = common::check(&text, PlanFormat::Yaml).expect("the example is valid");
    let log = std::fs::read_to_string(format!("{dir}/acme.check-ins.jsonl")).expect("log");
    doc.attach_log(&log).expect("log is valid");
    let plan = doc.into_plan();
    assert!(plan.validate().is_empty());
    plan.score(AsOf::parse("2026-11-15").expect("date"))
        .expect("scores")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn arr_is_behind() {
    let c = card();
    let k = c.key_result("arr").expect("arr");
    assert_eq!(k.value, Some(Value::Number(11.0)));
    assert!(
        close(k.progress, 0.4) && close(k.expected, 0.5) && close(k.gap, 0.1),
        "{k:?}"
    );
    assert_eq!(k.status, Status::Behind);
}

#[test]
fn phased_latency_target() {
    let c = card();
    let k = c.key_result("p95-latency").expect("p95-latency");
    assert!(close(k.progress, 0.52) && close(k.expected, 0.6), "{k:?}");
    assert_eq!(k.status, Status::Behind);
    let f = k.forecast.as_ref().expect("forecast");
    assert!((f.slope_per_day - (-2520.0 / 392.0)).abs() < 1e-9, "{f:?}");
    assert!((f.projected_value - 202.619_047_619).abs() < 1e-6, "{f:?}");
    assert!(close(f.projected_progress, 1.0));
    assert_eq!(
        f.target_date.map(|d| d.to_string()).as_deref(),
        Some("2026-12-16")
    );
}

#[test]
fn emea_logos_forecast() {
    let c = card();
    let k = c.key_result("emea-logos").expect("emea-logos");
    assert!(close(k.progress, 8.0 / 15.0), "{k:?}");
    assert_eq!(k.status, Status::OnTrack);
    let f = k.forecast.as_ref().expect("forecast");
    assert!((f.slope_per_day - 3.0 / 14.0).abs() < 1e-12);
    assert!(
        (f.projected_value - (2.0 + 3.0 / 14.0 * 81.0)).abs() < 1e-9,
        "{f:?}"
    );
    assert_eq!(
        f.target_date.map(|d| d.to_string()).as_deref(),
        Some("2026-12-11")
    );
}

#[test]
fn aggregate_zones_checklist_threshold() {
    let c = card();
    let logos = c.key_result("new-logos").expect("new-logos");
    assert_eq!(logos.value, Some(Value::Number(20.0)));
    assert!(close(logos.progress, 0.5));
    let trial = c.key_result("trial-conversion").expect("trial-conversion");
    assert!(
        close(trial.progress, 0.3) && close(trial.raw_progress, 0.4),
        "{trial:?}"
    );
    let onboarding = c
        .key_result("onboarding-revamp")
        .expect("onboarding-revamp");
    assert!(close(onboarding.progress, 0.5));
    let csat = c.key_result("csat").expect("csat");
    assert!(close(csat.progress, 1.0));
    assert_eq!(
        csat.status,
        Status::Behind,
        "inside the 2-point warning band"
    );
}

#[test]
fn objective_is_the_weighted_mean_and_the_log_is_merged() {
    let c = card();
    let nps = c.key_result("nps").expect("nps");
    assert_eq!(
        nps.value,
        Some(Value::Number(37.0)),
        "the 10 Nov value comes from the check-ins log"
    );
    let o = c.objective("acme-grow").expect("acme-grow");
    assert!(
        close(o.progress, (2.0 * 0.4 + 0.5 + 5.0 / 13.0) / 4.0),
        "{:?}",
        o.progress
    );
    assert_eq!(o.status, Status::Behind);
    assert!(close(o.confidence, 0.55));
    let cancelled = c.objective("apac-expansion").expect("apac-expansion");
    assert_eq!(cancelled.status, Status::Closed);
    assert_eq!(
        cancelled.grade.as_ref().map(|g| (g.score, g.manual)),
        Some((0.1, true))
    );
}
