//! Per-rule lint cases of fixtures/lint: each rule's positive and negative cases, two
//! settings for rules with thresholds, suppressions and plan-level configuration.

mod common;

use common::parse;
use okr_core::lint::{LintConfig, rules};
use okr_core::{AsOf, PlanFormat as Format};
use serde_json::Value as Json;
use std::collections::HashSet;

fn dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/lint").to_owned()
}

#[test]
fn every_lint_case_holds() {
    let expected: Json = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/expected.json", dir())).expect("expected.json"),
    )
    .expect("JSON");
    let cases = expected["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    let mut covered = HashSet::new();
    for case in cases {
        let file = case["file"].as_str().expect("file");
        let rule = case["rule"].as_str().expect("rule");
        covered.insert(rule.to_owned());
        let name = format!(
            "{file} / {rule} / {}",
            case.get("config")
                .map(|c| c.to_string())
                .unwrap_or_default()
        );
        let plan = parse(
            &std::fs::read_to_string(format!("{}/{file}", dir())).expect(file),
            Format::Yaml,
        )
        .expect("parses");
        let mut config: LintConfig = case
            .get("config")
            .map(|c| serde_json::from_value(c.clone()).expect("config"))
            .unwrap_or_default();
        if case["all_rules"] != true {
            config.select = vec![rule.to_owned()];
        }
        let as_of = AsOf::parse(case["as_of"].as_str().unwrap_or("2026-02-14")).expect("date");
        let diagnostics = match common::lint(&plan, &config, as_of) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{name}: {}", e[0]));
                continue;
            }
        };
        if case["all_rules"] != true {
            // Alone, a rule reads the plan itself; among all, it reads what the walk
            // gathered for every rule. Both must find the same.
            let all = LintConfig {
                select: Vec::new(),
                ..config.clone()
            };
            let among_all: Vec<_> = common::lint(&plan, &all, as_of)
                .unwrap_or_default()
                .into_iter()
                .filter(|d| d.rule == rule)
                .collect();
            if among_all != diagnostics {
                failures.push(format!(
                    "{name}: among all rules found {among_all:?}, alone {diagnostics:?}"
                ));
            }
        }
        let got: Vec<(String, String, String)> = diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .map(|d| {
                (
                    d.path.clone(),
                    d.ids.first().map(|id| id.to_string()).unwrap_or_default(),
                    d.severity.as_str().to_owned(),
                )
            })
            .collect();
        let want: Vec<(String, String, Option<String>)> = case["expect"]
            .as_array()
            .expect("expect")
            .iter()
            .map(|e| {
                let sev = e
                    .get(2)
                    .and_then(Json::as_str)
                    .or(case["severity"].as_str())
                    .map(str::to_owned);
                (
                    e[0].as_str().unwrap_or_default().to_owned(),
                    e[1].as_str().unwrap_or_default().to_owned(),
                    sev,
                )
            })
            .collect();
        let same = got.len() == want.len()
            && got
                .iter()
                .zip(&want)
                .all(|(g, w)| g.0 == w.0 && g.1 == w.1 && w.2.as_ref().is_none_or(|s| *s == g.2));
        if !same {
            failures.push(format!("{name}: got {got:?}, expected {want:?}"));
        }
    }
    let missing: Vec<&str> = rules()
        .iter()
        .map(|m| m.name)
        .filter(|n| !covered.contains(*n))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture case: {missing:?}"
    );
    assert!(
        failures.is_empty(),
        "{} lint cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_example_is_flagged_only_where_it_is_flawed() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/acme.yaml"
    ))
    .expect("example");
    let plan = parse(&text, Format::Yaml).expect("parses");
    let diagnostics = common::lint(
        &plan,
        &LintConfig::default(),
        AsOf::parse("2026-11-15").expect("date"),
    )
    .expect("lints");
    let flawed = [
        "revenue-20",
        "keep-support",
        "mobile-v3",
        "pricing-page",
        "sales-process",
        "support-backlog",
        "m-offline",
        "m-design",
        "m-beta",
        "m-crash",
        "m-rating",
        "m-android",
    ];
    for d in &diagnostics {
        let deliberate = d.ids.iter().any(|id| flawed.contains(&id.as_str()))
            || (d.rule == "skipped-level" && d.ids[0] == "emea-dach");
        assert!(deliberate, "a sound OKR was flagged: {d:?}");
    }
    let rules_hit: HashSet<&str> = diagnostics.iter().map(|d| &*d.rule).collect();
    for rule in [
        "activity-key-result",
        "key-result-without-number",
        "no-value-key-result",
        "objective-with-metric",
        "business-as-usual",
        "missing-owner",
        "orphan-objective",
        "too-many-key-results",
        "owner-overload",
        "stale-check-in",
        "not-started-late",
        "type-unset",
    ] {
        assert!(
            rules_hit.contains(rule),
            "the example's flaws include {rule}"
        );
    }
}

#[test]
fn unknown_rules_in_configuration_are_refused() {
    let plan = okr_core::Plan::default();
    let config = LintConfig {
        ignore: vec!["no-such-rule".into()],
        ..LintConfig::default()
    };
    let err = common::lint(&plan, &config, AsOf::parse("2026-02-14").expect("date")).unwrap_err();
    assert!(err[0].to_string().contains("no-such-rule"), "{}", err[0]);
}

#[test]
fn keeping_something_while_it_changes_is_not_business_as_usual() {
    let flagged = |title: &str| {
        let mut objective = okr_core::model::Objective::new("o", title);
        objective.key_results.push(okr_core::model::KeyResult::new(
            "k",
            "Raise NPS from 30 to 45",
            okr_core::model::KrKind::Milestone,
        ));
        let plan = okr_core::Plan {
            objectives: vec![objective],
            ..okr_core::Plan::default()
        };
        let config = LintConfig {
            select: vec!["business-as-usual".into()],
            ..LintConfig::default()
        };
        !common::lint(&plan, &config, AsOf::parse("2026-02-14").expect("date"))
            .expect("lints")
            .is_empty()
    };
    assert!(flagged("Maintain support quality across all regions"));
    assert!(flagged("We will keep the office running"));
    assert!(!flagged("Keep customers' money safe as we grow tenfold"));
    assert!(!flagged("Keep pages fast as traffic doubles"));
    assert!(!flagged("Maintain uptime while making deploys faster"));
}
