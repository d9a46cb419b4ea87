use super::*;
use crate::error::{DocumentKind, ErrorCode};
use crate::lint::LintConfig;
use serde_json::json;

const PLAN: &str = "\
schema_version: 1
check_ins_file: team.jsonl
cycles: [{id: q1, name: Q1, start: 2026-01-01, end: 2026-03-31}]
objectives:
  - id: o1
    title: Make onboarding a delight for new teams
    owner: ana
    cycle: q1
    key_results:
      - id: k1
        title: Raise activation from 20% to 40%
        owner: ana
        type: increase
        start: 20
        target: 40
      - id: ship
        title: Launch the new setup wizard
        owner: ana
        type: milestone
";

fn yaml() -> LoadOptions {
    LoadOptions::new(PlanFormat::Yaml)
}

fn as_of(date: &str) -> AsOf {
    AsOf::parse(date).expect("a date")
}

fn with_log(log: &'static str) -> Document {
    Document::parse_with_log(PLAN, &yaml(), |name| {
        assert_eq!(name, "team.jsonl");
        Ok(Some(log.to_owned()))
    })
    .expect("parses")
}

#[test]
fn lint_findings_carry_the_line_of_their_path() {
    let doc = Document::parse(PLAN, &yaml()).expect("parses");
    let found = doc
        .lint(&LintOptions::as_of(as_of("2026-02-15")))
        .expect("lints");
    let activity = found
        .iter()
        .find(|d| d.rule == "activity-key-result")
        .expect("`Launch …` is an activity");
    assert_eq!(activity.path, "objectives[0].key_results[1].title");
    assert_eq!((activity.line, activity.column), (Some(17), Some(9)));
    assert!(found.iter().all(|d| d.line.is_some()), "{found:?}");
}

#[test]
fn the_log_is_read_through_the_caller_and_its_problems_point_into_it() {
    let doc = with_log(
        "{\"key_result\":\"k1\",\"at\":\"2026-01-05\",\"value\":21}\n\n{\"key_result\":\"k1\",\"at\":\"2026-01-12\",\"value\":22,\"confidence\":7}\n",
    );
    let problems = doc.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let e = &problems[0];
    assert_eq!(e.code(), ErrorCode::InvalidValue);
    assert_eq!(e.document(), DocumentKind::Log);
    assert_eq!(e.path(), "check_ins_file[1].confidence");
    assert_eq!(e.location().and_then(|l| l.line), Some(3));
}

#[test]
fn a_log_that_cannot_be_read_fails_with_the_readers_error() {
    let e = Document::parse_with_log(PLAN, &yaml(), |name| {
        Err(Error::Io {
            message: format!("cannot read `{name}`: permission denied"),
            location: crate::error::Location::in_log(""),
        })
    })
    .expect_err("unreadable");
    assert_eq!(e.code(), ErrorCode::Io);
    assert_eq!(e.document(), DocumentKind::Log);
    assert!(e.message().contains("team.jsonl"), "{e}");
    let none = Document::parse_with_log(PLAN, &yaml(), |_| Ok(None)).expect("no log yet");
    assert!(none.plan().logged_check_ins.is_empty());
}

#[test]
fn edits_drop_the_cached_engine_and_problems() {
    let mut doc = Document::parse(PLAN, &yaml()).expect("parses");
    let progress = |doc: &Document| {
        doc.score(as_of("2026-02-15"))
            .expect("scores")
            .key_result("k1")
            .and_then(|k| k.progress)
    };
    assert_eq!(progress(&doc), Some(0.0));
    doc.add_check_in("k1", json!({"at": "2026-02-01", "value": 30}))
        .expect("adds");
    assert_eq!(progress(&doc), Some(0.5));
    doc.add_key_result(
        "o1",
        json!({"id": "k1", "title": "again", "type": "milestone"}),
    )
    .expect_err("a duplicate id is refused at once");
    doc.add_objective(json!({"id": "o2", "title": "Grow", "unit": "nowhere"}))
        .expect("references are checked with the rest");
    assert_eq!(doc.problems()[0].code(), ErrorCode::UnknownReference);
    assert!(doc.score(as_of("2026-02-15")).is_err());
}

#[test]
fn a_check_in_is_read_for_its_kind_and_checked_as_the_next_log_line() {
    let doc = with_log("{\"key_result\":\"k1\",\"at\":\"2026-01-05\",\"value\":21}\n");
    let request = |key_result: &str, value: &str| CheckInRequest {
        key_result: key_result.into(),
        value: value.into(),
        at: Some("2026-02-01".into()),
        confidence: Some("70%".into()),
        ..CheckInRequest::default()
    };
    let done = doc
        .prepare_check_in(&request("ship", "done"))
        .expect("a milestone");
    assert_eq!(done.entry.value, crate::model::Value::Bool(true));
    assert_eq!(done.entry.confidence, Some(0.7));
    assert!(done.line.ends_with('\n'));
    let back = crate::format::check_in_log::parse(&done.line).expect("reads back");
    assert_eq!(back, std::slice::from_ref(&done.entry));
    let mut recorded = doc.clone();
    recorded.push_log_entry(done.entry);
    let card = recorded.score(as_of("2026-02-15")).expect("scores");
    assert_eq!(card.key_result("ship").and_then(|k| k.progress), Some(1.0));
    let wrong = doc
        .prepare_check_in(&request("ship", "42"))
        .expect_err("a milestone is true or false");
    assert_eq!(wrong[0].path(), "check_ins_file[1].value");
    assert_eq!(wrong[0].document(), DocumentKind::Log);
    let missing = doc
        .prepare_check_in(&request("k9", "1"))
        .expect_err("no such key result");
    assert_eq!(missing[0].code(), ErrorCode::NotFound);
    let late = doc
        .prepare_check_in(&CheckInRequest {
            at: Some("2999-01-01".into()),
            ..request("k1", "25")
        })
        .expect_err("far future");
    assert_eq!(late[0].path(), "check_ins_file[1].at");
}

#[test]
fn unknown_rules_are_named_as_rules_even_in_a_plan_with_problems() {
    let mut doc = Document::parse(PLAN, &yaml()).expect("parses");
    doc.add_objective(json!({"id": "o2", "title": "Grow", "unit": "nowhere"}))
        .expect("adds");
    let options = LintOptions {
        config: LintConfig {
            select: vec!["OKR999".into()],
            ..LintConfig::default()
        },
        ..LintOptions::as_of(as_of("2026-02-15"))
    };
    let e = doc.lint(&options).expect_err("no such rule");
    assert_eq!(e[0].code(), ErrorCode::UnknownRule);
    assert_eq!(e[0].ids(), ["OKR999"]);
}

#[test]
fn a_policy_that_cannot_be_read_is_a_policy_error() {
    let doc = Document::parse(PLAN, &yaml()).expect("parses");
    let e = doc
        .with_policy(json!({"preset": "no-such-tool"}))
        .expect_err("unknown preset");
    assert_eq!(e[0].code(), ErrorCode::Policy);
    assert!(e[0].path().starts_with("policy"), "{}", e[0]);
    let quantive = doc
        .with_policy(json!({"preset": "quantive"}))
        .expect("a preset");
    assert_eq!(
        quantive.policy().scoring.overshoot,
        crate::policy::Overshoot::Keep
    );
}

#[test]
fn names_of_choices_are_invalid_arguments() {
    for e in [
        PlanFormat::parse("xml").expect_err("format"),
        TableKind::parse("nothing").expect_err("table"),
        ReportFormat::parse("pdf").expect_err("report"),
        AsOf::parse("someday").expect_err("date"),
    ] {
        assert_eq!(e.code(), ErrorCode::InvalidArgument, "{e}");
    }
    assert_eq!(TableKind::parse("check_ins"), Ok(TableKind::CheckIns));
}

#[test]
fn json_and_yaml_texts_of_one_plan_locate_the_same_paths() {
    let yaml_doc = Document::parse(PLAN, &yaml()).expect("parses");
    let json_text = yaml_doc.write(PlanFormat::Json).expect("JSON");
    let json_doc = Document::parse(json_text, &LoadOptions::new(PlanFormat::Json)).expect("parses");
    let options = LintOptions::as_of(as_of("2026-02-15"));
    let (a, b) = (
        yaml_doc.lint(&options).expect("lints"),
        json_doc.lint(&options).expect("lints"),
    );
    let paths = |d: &[Diagnostic]| d.iter().map(|d| d.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&a), paths(&b));
    assert!(b.iter().all(|d| d.line.is_some()), "{b:?}");
}

#[test]
fn a_misspelt_lint_setting_is_an_unknown_field_at_its_line() {
    let text = "schema_version: 1\nlint:\n  settings: {max_objectivs: 4}\n";
    let e = Document::parse(text, &yaml()).expect_err("a typo");
    assert_eq!(e.code(), ErrorCode::UnknownField);
    assert_eq!(e.path(), "lint.settings.max_objectivs");
    assert_eq!(e.location().and_then(|l| l.line), Some(3));
    let fine = Document::parse(
        "schema_version: 1\nlint:\n  settings: {max_objectives: 4}\n",
        &yaml(),
    )
    .expect("a setting");
    let config = fine.plan().lint.clone().unwrap_or_default();
    assert_eq!(config.resolved_settings().max_objectives, 4);
    assert_eq!(config.resolved_settings().max_key_results, 5);
}

#[test]
fn what_crosses_a_binding_is_owned_and_serde_both_ways() {
    let doc = with_log("{\"key_result\":\"k1\",\"at\":\"2026-01-05\",\"value\":21}\n");
    let as_of = LintOptions::as_of(as_of("2026-02-15"));
    let card = doc.score(as_of.as_of).expect("scores");
    let back: Scorecard = serde_json::from_value(json!(card)).expect("a scorecard");
    assert_eq!(back, card);
    let found = doc.lint(&as_of).expect("lints");
    let back: Vec<Diagnostic> = serde_json::from_value(json!(found)).expect("diagnostics");
    assert_eq!(back, found);
    let table = doc.table(TableKind::Scores, &as_of).expect("a table");
    let back: Table = serde_json::from_value(json!(table)).expect("a table");
    // NaN (a missing float) is not equal to itself; the JSON forms are.
    assert_eq!(json!(back), json!(table));
    assert_eq!(back.rows, table.rows);
    let problem = doc
        .with_policy(json!({"preset": "nope"}))
        .expect_err("no such preset");
    let info = crate::ErrorInfo::from(&problem[0]);
    let back: crate::ErrorInfo = serde_json::from_value(json!(info)).expect("an error");
    assert_eq!(back, info);
    assert_eq!(json!(info)["code"], "policy");
}

#[test]
fn every_rule_is_listed_as_an_owned_record() {
    for meta in crate::lint::rules() {
        let info = crate::lint::RuleInfo::from(meta);
        let back: crate::lint::RuleInfo = serde_json::from_value(json!(info)).expect("a rule");
        assert_eq!(back, info);
        assert!(info.doc.contains("## Options"), "{}", info.name);
        assert!(!info.summary.is_empty(), "{}", info.name);
    }
}

#[cfg(feature = "generate")]
#[test]
fn streamed_scores_are_the_scorecard_byte_for_byte() {
    let plan = crate::generate::generate(crate::generate::Size::S, 7);
    let doc = Document::from_plan(plan);
    for preset in [None, Some(crate::policy::Preset::ALL[0])] {
        let options = ScoreOptions {
            as_of: as_of("2026-02-14"),
            preset,
        };
        let card = doc.score_with(&options).expect("scores");
        let scores = doc.scores(&options).expect("scores");
        assert_eq!(scores.objectives().count(), card.objectives.len());
        assert_eq!(
            serde_json::to_string_pretty(&scores).unwrap(),
            serde_json::to_string_pretty(&card).unwrap()
        );
    }
}

#[test]
fn a_byte_order_mark_is_read_past_in_every_format_and_in_the_log() {
    let json =
        r#"{"schema_version": 1, "objectives": [{"id": "o", "title": "Grow the business"}]}"#;
    for (text, format) in [
        (json.to_owned(), PlanFormat::Json),
        (PLAN.to_owned(), PlanFormat::Yaml),
    ] {
        let doc = Document::parse(format!("\u{FEFF}{text}"), &LoadOptions::new(format))
            .expect("a BOM is no syntax error");
        assert_eq!(doc.source_text(), Some(text.as_str()));
    }
    let log =
        CheckInLog::parse("\u{FEFF}{\"key_result\":\"k1\",\"at\":\"2026-01-05\",\"value\":3}\n")
            .expect("a BOM is no syntax error");
    assert_eq!(log.entries().len(), 1);
}
