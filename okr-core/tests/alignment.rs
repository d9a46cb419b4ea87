//! The alignment graph: deep chains, cycles, the single-parent policy, the analysis.

mod common;

use common::PlanCalls;
use okr_core::alignment::analyze;
use okr_core::*;

fn chain(n: usize) -> Plan {
    let mut plan = Plan {
        cycles: vec![Cycle {
            id: "q".into(),
            name: "Q".into(),
            start: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
            end: chrono::NaiveDate::from_ymd_opt(2026, 3, 31),
            parent: None,
            metadata: Metadata::new(),
        }],
        ..Plan::default()
    };
    for i in 0..n {
        let mut o = Objective::new(format!("o{i}"), "Link");
        o.cycle = Some("q".into());
        if i > 0 {
            o.aligns_to.push(Alignment {
                objective: Some(format!("o{}", i - 1)),
                key_result: None,
                weight: None,
            });
            o.progress_from = Some(ProgressFrom::Both);
        }
        let mut kr = KeyResult::new(
            format!("k{i}"),
            "Reach 10",
            KrKind::Increase {
                start: Some(0.0),
                target: Some(10.0),
            },
        );
        kr.check_ins.push(CheckIn::new(
            Moment::parse("2026-02-01").unwrap_or(Moment::now()),
            Value::Number((i % 11) as f64),
        ));
        o.key_results.push(kr);
        plan.objectives.push(o);
    }
    plan
}

#[test]
fn a_100000_deep_chain_validates_scores_and_analyses_without_overflow() {
    let n = 100_000;
    let mut plan = chain(n);
    let engine = plan.engine().expect("valid");
    let eval = engine.evaluate(AsOf::parse("2026-02-14").expect("date"));
    assert!(eval.objectives.iter().all(|o| o.progress().is_some()));
    let report = analyze(&plan);
    let deepest = report.objective(&format!("o{}", n - 1)).expect("deepest");
    assert_eq!(deepest.depth, n - 1);
    assert_eq!(report.line_of_sight(&deepest.id).len(), n);
    assert_eq!(report.roots, vec!["o0".to_string()]);

    // Closing the chain into a loop is an error naming every id on it.
    plan.objectives[0].aligns_to.push(Alignment {
        objective: Some(format!("o{}", n - 1)),
        key_result: None,
        weight: None,
    });
    let errors = plan.validate();
    let cycle = errors
        .iter()
        .find(|e| e.code() == ErrorCode::Cycle)
        .expect("a cycle error");
    assert_eq!(cycle.ids().len(), n + 1);
    assert_eq!(cycle.ids().first(), cycle.ids().last());
}

#[test]
fn single_parent_policy_refuses_a_second_link() {
    let mut plan = chain(3);
    plan.objectives[2].aligns_to.push(Alignment {
        objective: Some("o0".into()),
        key_result: None,
        weight: None,
    });
    assert!(
        plan.validate().is_empty(),
        "several parents are allowed by default"
    );
    plan.policy = Some(PolicyConfig {
        single_parent: Some(true),
        ..PolicyConfig::default()
    });
    let errors = plan.validate();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path(), "objectives[2].aligns_to[1]");
}

#[test]
fn analysis_of_the_example() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/acme.yaml"
    ))
    .expect("example");
    let plan = common::check(&text, PlanFormat::Yaml)
        .expect("valid")
        .into_plan();
    let report = analyze(&plan);
    // Company objectives are roots, not orphans; team objectives with no parent are orphans.
    assert!(report.roots.contains(&"acme-grow".to_string()));
    assert!(!report.orphans.contains(&"acme-grow".to_string()));
    assert_eq!(
        report.orphans,
        vec!["revenue-20", "keep-support", "mobile-v3"]
    );
    // emea-dach (team) aligns to a company KR, skipping its department (sales).
    let emea = report.objective("emea-dach").expect("emea-dach");
    assert_eq!(emea.parents, vec!["acme-grow"]);
    assert_eq!(emea.skipped_levels.len(), 1);
    assert_eq!(emea.skipped_levels[0].skipped_units, vec!["sales"]);
    assert_eq!(
        report.line_of_sight("emea-dach"),
        vec!["emea-dach", "acme-grow"]
    );
    // growth-activation has two parents; its line of sight follows the first.
    let growth = report
        .objective("growth-activation")
        .expect("growth-activation");
    assert_eq!(growth.parents, vec!["acme-grow", "cs-retention"]);
    assert_eq!(growth.depth, 1);
    // acme-grow: children contribute to new-logos (2 of them) and nps; arr has none.
    let grow = report.objective("acme-grow").expect("acme-grow");
    let coverage = grow.coverage.as_ref().expect("coverage");
    assert_eq!((coverage.key_results, coverage.covered), (3, 2));
    assert_eq!(coverage.uncovered, vec!["arr"]);
}
