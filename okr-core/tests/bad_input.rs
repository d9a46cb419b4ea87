//! The bad-input matrix of fixtures/bad: every case fails with its typed error, at its
//! path and line, and nothing panics.

mod common;

use common::check;
use okr_core::PlanFormat as Format;
use serde_json::Value as Json;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

fn dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/bad"))
}

/// A plan whose one check-in note is `size` bytes long.
fn huge_note(size: usize) -> String {
    format!(
        r#"{{"schema_version": 1, "objectives": [{{"id": "o", "title": "T", "key_results": [{{"id": "k", "title": "K", "type": "milestone", "check_ins": [{{"at": "2026-01-05", "value": true, "note": "{}"}}]}}]}}]}}"#,
        "x".repeat(size)
    )
}

fn input(case: &Json) -> (String, Format, String) {
    if case["generate"] == "50MB" {
        return (huge_note(50 * 1024 * 1024), Format::Json, "50MB".into());
    }
    let file = case["file"].as_str().expect("file");
    let text = std::fs::read_to_string(dir().join(file)).expect(file);
    (
        text,
        Format::from_path(file).expect("known extension"),
        file.to_owned(),
    )
}

#[test]
fn every_bad_input_gets_its_typed_error() {
    let expected: Json = serde_json::from_str(
        &std::fs::read_to_string(dir().join("expected.json")).expect("expected.json"),
    )
    .expect("JSON");
    let cases = expected["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    let mut files_covered = 0;
    for case in cases {
        let (text, format, name) = input(case);
        files_covered += usize::from(case.get("file").is_some());
        let errors = match check(&text, format) {
            Ok(_) => {
                failures.push(format!("{name}: loaded without error"));
                continue;
            }
            Err(errors) => errors,
        };
        let e = &errors[0];
        let loc = e.location().cloned().unwrap_or_default();
        if e.code().as_str() != case["kind"] {
            failures.push(format!(
                "{name}: kind {} ({e}), expected {}",
                e.code(),
                case["kind"]
            ));
        }
        if let Some(path) = case["path"].as_str() {
            if loc.path != path {
                failures.push(format!("{name}: path `{}`, expected `{path}`", loc.path));
            }
        }
        if let Some(prefix) = case["path_prefix"].as_str() {
            if !loc.path.starts_with(prefix) {
                failures.push(format!(
                    "{name}: path `{}`, expected it under `{prefix}`",
                    loc.path
                ));
            }
        }
        if let Some(line) = case["line"].as_u64() {
            if loc.line != Some(line as u32) {
                failures.push(format!("{name}: line {:?}, expected {line}", loc.line));
            }
        }
        if let Some(ids) = case["ids"].as_array() {
            let ids: Vec<String> = ids
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect();
            if e.ids() != ids {
                failures.push(format!("{name}: ids {:?}, expected {ids:?}", e.ids()));
            }
        }
        if e.message().trim().is_empty() {
            failures.push(format!("{name}: empty message"));
        }
    }
    let on_disk = std::fs::read_dir(dir()).expect("fixtures/bad").count() - 1;
    assert_eq!(
        files_covered, on_disk,
        "every file in fixtures/bad has an expectation"
    );
    assert!(
        failures.is_empty(),
        "{} bad-input cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The alias bomb expands to 9^9 strings if nothing stops it. A budget does; this checks
/// that it stops within a bound far beyond any normal parse (a hang guard, not a timing).
#[test]
fn an_alias_bomb_is_refused_without_expanding() {
    let text = std::fs::read_to_string(dir().join("alias-bomb.yaml")).expect("alias-bomb.yaml");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(check(&text, Format::Yaml).err().map(|e| e[0].code()));
    });
    let kind = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the parse ends instead of expanding 387 million strings");
    assert_eq!(kind, Some(okr_core::ErrorCode::Limit));
}

#[test]
fn input_over_the_size_limit_is_refused_before_parsing() {
    let limits = okr_core::Limits {
        max_input_bytes: 1024,
        ..okr_core::Limits::default()
    };
    let options = okr_core::LoadOptions {
        format: Format::Json,
        limits,
    };
    let err = okr_core::Document::parse(huge_note(2048), &options).unwrap_err();
    assert_eq!(err.code(), okr_core::ErrorCode::Limit);
    assert!(err.message().contains("1024-byte limit"), "{err}");
}
