//! The bad input that fixtures/bad cannot hold: alias bombs run against a clock, input
//! over a size limit. (Each case of fixtures/bad runs in tests/conformance.rs.)

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

/// The cases themselves run in tests/conformance.rs; this holds the folder to them.
#[test]
fn every_bad_input_file_has_a_case() {
    let expected: Json = serde_json::from_str(
        &std::fs::read_to_string(dir().join("expected.json")).expect("expected.json"),
    )
    .expect("JSON");
    let named: Vec<&str> = expected["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| c["file"].as_str())
        .collect();
    for entry in std::fs::read_dir(dir()).expect("fixtures/bad") {
        let entry = entry.expect("an entry");
        if entry.file_type().expect("a type").is_dir() {
            // generated/: its own expected.json, written with its cases.
            continue;
        }
        let name = entry.file_name();
        let name = name.to_string_lossy();
        assert!(
            name == "expected.json" || named.contains(&name.as_ref()),
            "fixtures/bad/{name} has no case in expected.json"
        );
    }
}

/// The generated cases break a valid plan; that plan must be valid, in both formats.
#[test]
fn the_generated_cases_start_from_a_valid_plan() {
    for (file, format) in [("base.json", Format::Json), ("base.yaml", Format::Yaml)] {
        let text = std::fs::read_to_string(dir().join("generated").join(file)).expect(file);
        if let Err(problems) = check(&text, format) {
            panic!("generated/{file}: {}", problems[0]);
        }
    }
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
