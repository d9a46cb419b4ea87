//! The peer-tool test vectors of fixtures/compat (DESIGN §4), shared with every binding.

mod common;

use okr_core::{AsOf, Engine, Plan, Preset};
use serde_json::Value as Json;

fn fixtures() -> Json {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/compat/vectors.json"
    );
    let text = std::fs::read_to_string(path).expect("fixtures/compat/vectors.json");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn every_compat_vector_holds() {
    let fixtures = fixtures();
    let cases = fixtures["cases"].as_array().expect("cases");
    assert!(cases.len() >= 30, "the vectors are all there");
    let mut failures = Vec::new();
    for case in cases {
        let name = format!(
            "{} ({})",
            case["name"].as_str().unwrap_or("?"),
            case["source"].as_str().unwrap_or("?")
        );
        let plan: Plan = serde_json::from_value(case["plan"].clone()).expect(&name);
        let preset =
            Preset::parse(case["preset"].as_str().unwrap_or("default")).expect("known preset");
        let as_of = AsOf::parse(case["as_of"].as_str().unwrap_or_default()).expect("as_of");
        let engine = Engine::with_policy(&plan, preset.policy());
        if let Some(err) = case.get("expect_error") {
            match engine {
                Ok(_) => failures.push(format!("{name}: loaded, expected a {} error", err["kind"])),
                Err(errors) => {
                    let e = &errors[0];
                    if e.code().as_str() != err["kind"] || e.path() != err["path"] {
                        failures.push(format!(
                            "{name}: got {} at {}, expected {} at {}",
                            e.code(),
                            e.path(),
                            err["kind"],
                            err["path"]
                        ));
                    }
                }
            }
            continue;
        }
        let card = match engine {
            Ok(engine) => engine.score(&plan, as_of).expect("scores"),
            Err(errors) => {
                failures.push(format!("{name}: did not load: {}", errors[0]));
                continue;
            }
        };
        failures.extend(common::mismatches(&name, &card, &case["expect"]));
    }
    assert!(
        failures.is_empty(),
        "{} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
