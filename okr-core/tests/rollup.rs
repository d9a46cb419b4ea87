//! The hand-worked rollup cases of fixtures/rollup, shared with every binding.

mod common;

use okr_core::{AsOf, PlanFormat};
use serde_json::Value as Json;

#[test]
fn every_rollup_case_holds() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/rollup");
    let expected: Json = serde_json::from_str(
        &std::fs::read_to_string(format!("{dir}/expected.json")).expect("expected.json"),
    )
    .expect("JSON");
    let cases = expected["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    for case in cases {
        let file = case["file"].as_str().expect("file");
        let as_of = case["as_of"].as_str().expect("as_of");
        let name = format!("{file} as of {as_of}");
        let text = std::fs::read_to_string(format!("{dir}/{file}")).expect(file);
        let plan =
            common::check(&text, PlanFormat::Yaml).unwrap_or_else(|e| panic!("{name}: {}", e[0]));
        let card = plan
            .score(AsOf::parse(as_of).expect("date"))
            .expect("scores");
        failures.extend(common::mismatches(&name, &card, &case["expect"]));
    }
    assert!(cases.len() >= 8);
    assert!(
        failures.is_empty(),
        "{} rollup expectations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
