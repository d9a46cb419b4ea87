//! Every case of every `fixtures/*/expected.json` (and `fixtures/compat/vectors.json`),
//! through the Document API alone, by one runner: read the case's plan into a
//! document, make the one call the suite names, compare what comes back as JSON with
//! what the case expects. The Python, WebAssembly and Kotlin suites repeat this shape,
//! so every runtime is held to the same numbers by the same steps.

mod common;

use okr_core::{
    AsOf, Document, Error, LintConfig, LintOptions, LoadOptions, PlanFormat, Preset, Problems,
    ScoreOptions,
};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures"))
}

/// The suites: their folder, their cases file, and the call each case makes.
const SUITES: [(&str, &str, Call); 5] = [
    ("bad", "expected.json", Call::Load),
    // Written by scripts/gen-bad-fixtures.py: one break per case of a valid base plan.
    ("bad", "generated/expected.json", Call::Load),
    ("rollup", "expected.json", Call::Score),
    ("compat", "vectors.json", Call::Score),
    ("lint", "expected.json", Call::Lint),
];

#[derive(Clone, Copy, Debug)]
enum Call {
    /// Read and check the plan; the case expects the first problem.
    Load,
    /// Score it as of the case's moment (under its preset).
    Score,
    /// Lint it with the case's rule and configuration.
    Lint,
}

/// A plan whose one check-in note is `size` bytes long (the 50 MB case).
fn huge_note(size: usize) -> String {
    format!(
        r#"{{"schema_version": 1, "objectives": [{{"id": "o", "title": "T", "key_results": [{{"id": "k", "title": "K", "type": "milestone", "check_ins": [{{"at": "2026-01-05", "value": true, "note": "{}"}}]}}]}}]}}"#,
        "x".repeat(size)
    )
}

/// The case's plan as a document: from its file, from the plan it holds inline, or
/// generated.
fn document(dir: &Path, case: &Json) -> Result<Document, Error> {
    if case["generate"] == "50MB" {
        let options = LoadOptions::new(PlanFormat::Json);
        return Document::parse(huge_note(50 * 1024 * 1024), &options);
    }
    if let Some(plan) = case.get("plan") {
        return Document::from_value(plan.clone());
    }
    let file = case["file"]
        .as_str()
        .expect("a case names its file or holds its plan");
    let text = std::fs::read_to_string(dir.join(file)).expect(file);
    let format = PlanFormat::from_path(file).expect("a plan file");
    Document::parse(text, &LoadOptions::new(format))
}

fn as_of(case: &Json) -> AsOf {
    AsOf::parse(case["as_of"].as_str().unwrap_or("2026-02-14")).expect("as_of")
}

/// What went wrong with one case, or nothing.
fn run(dir: &Path, call: Call, case: &Json) -> Result<(), String> {
    let doc = document(dir, case);
    let expected_error = case
        .get("expect_error")
        .or_else(|| matches!(call, Call::Load).then_some(case));
    let outcome: Result<Json, Problems> = doc.map_err(Problems::from).and_then(|doc| match call {
        Call::Load => doc.check().map(|()| Json::Null),
        Call::Score => {
            let preset = Preset::parse(case["preset"].as_str().unwrap_or("default"))
                .expect("a known preset");
            let options = ScoreOptions {
                as_of: as_of(case),
                preset: Some(preset),
            };
            doc.score_with(&options).map(|card| json(&card))
        }
        Call::Lint => {
            let mut config: LintConfig = case
                .get("config")
                .map(|c| serde_json::from_value(c.clone()).expect("config"))
                .unwrap_or_default();
            if case["all_rules"] != true {
                config.select = vec![case["rule"].as_str().expect("rule").to_owned()];
            }
            let options = LintOptions {
                as_of: as_of(case),
                config,
            };
            doc.lint(&options).map(|found| json(&found))
        }
    });
    match (outcome, expected_error) {
        (Err(problems), Some(expected)) => same_error(&problems[0], expected),
        (Ok(_), Some(expected)) => Err(format!("succeeded, expected a {} error", expected["kind"])),
        (Err(problems), None) => Err(format!("failed: {problems}")),
        (Ok(found), None) => match call {
            Call::Load => Ok(()),
            Call::Score => same_scores(&found, &case["expect"]),
            Call::Lint => same_findings(&found, case),
        },
    }
}

fn json(value: &impl serde::Serialize) -> Json {
    serde_json::to_value(value).expect("JSON")
}

fn same_error(e: &Error, expected: &Json) -> Result<(), String> {
    let mut wrong = Vec::new();
    if e.code().as_str() != expected["kind"] {
        wrong.push(format!(
            "code {} ({e}), expected {}",
            e.code(),
            expected["kind"]
        ));
    }
    if let Some(path) = expected["path"].as_str() {
        if e.path() != path {
            wrong.push(format!("path `{}`, expected `{path}`", e.path()));
        }
    }
    if let Some(prefix) = expected["path_prefix"].as_str() {
        if !e.path().starts_with(prefix) {
            wrong.push(format!("path `{}`, expected it under `{prefix}`", e.path()));
        }
    }
    if let Some(line) = expected["line"].as_u64() {
        let got = e.location().and_then(|l| l.line);
        if got != Some(line as u32) {
            wrong.push(format!("line {got:?}, expected {line}"));
        }
    }
    if let Some(ids) = expected["ids"].as_array() {
        let ids: Vec<&str> = ids.iter().filter_map(Json::as_str).collect();
        if e.ids() != ids {
            wrong.push(format!("ids {:?}, expected {ids:?}", e.ids()));
        }
    }
    if e.message().trim().is_empty() {
        wrong.push("an empty message".into());
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(wrong.join("; "))
    }
}

/// `expect` lists fields of objectives and key results by id; numbers to 1e-9.
fn same_scores(card: &Json, expect: &Json) -> Result<(), String> {
    let card: okr_core::Scorecard = serde_json::from_value(card.clone()).expect("a scorecard");
    let wrong = common::mismatches("", &card, expect);
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(wrong.join("; "))
    }
}

/// `expect` is the `[path, first id(, severity)]` of each finding of the case's rule.
fn same_findings(found: &Json, case: &Json) -> Result<(), String> {
    let rule = case["rule"].as_str().expect("rule");
    let got: Vec<(&str, &str, &str)> = found
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == rule)
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default(),
                d["ids"][0].as_str().unwrap_or_default(),
                d["severity"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let want: Vec<(&str, &str, Option<&str>)> = case["expect"]
        .as_array()
        .expect("expect")
        .iter()
        .map(|e| {
            let severity = e
                .get(2)
                .and_then(Json::as_str)
                .or(case["severity"].as_str());
            (
                e[0].as_str().unwrap_or_default(),
                e[1].as_str().unwrap_or_default(),
                severity,
            )
        })
        .collect();
    let same = got.len() == want.len()
        && got
            .iter()
            .zip(&want)
            .all(|(g, w)| g.0 == w.0 && g.1 == w.1 && w.2.is_none_or(|s| s == g.2));
    if same {
        Ok(())
    } else {
        Err(format!("got {got:?}, expected {want:?}"))
    }
}

#[test]
fn every_fixture_case_holds_through_the_document() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for (suite, file, call) in SUITES {
        let dir = fixtures().join(suite);
        let text = std::fs::read_to_string(dir.join(file)).expect(file);
        let cases: Json = serde_json::from_str(&text).expect("JSON");
        let cases = cases["cases"].as_array().expect("cases");
        assert!(!cases.is_empty(), "fixtures/{suite} has cases");
        for (n, case) in cases.iter().enumerate() {
            ran += 1;
            if let Err(why) = run(&dir, call, case) {
                let name = case["name"]
                    .as_str()
                    .or(case["file"].as_str())
                    .unwrap_or("?");
                failures.push(format!("{suite}[{n}] {name}: {why}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
