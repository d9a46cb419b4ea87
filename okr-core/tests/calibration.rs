//! Confidence calibration: the hand-worked cases of fixtures/calibration, and the
//! invariants every calibration keeps.

use okr_core::{
    AsOf, Calibration, CalibrationGroup, CalibrationOptions, Document, ErrorCode, Grouping,
    LoadOptions, PlanFormat, Verdict,
};
use serde_json::Value as Json;

fn dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/calibration").to_owned()
}

fn load(file: &str) -> Document {
    let text = std::fs::read_to_string(format!("{}/{file}", dir())).expect(file);
    Document::parse(text, &LoadOptions::new(PlanFormat::Yaml)).expect("parses")
}

fn options(case: &Json) -> CalibrationOptions {
    let mut given = case
        .get("options")
        .cloned()
        .unwrap_or(Json::Object(Default::default()));
    given["as_of"] = case["as_of"].clone();
    CalibrationOptions::from_value(given).expect("options")
}

/// Every difference between `group` and its expectation.
fn mismatches(name: &str, group: &CalibrationGroup, expect: &Json) -> Vec<String> {
    let mut out = Vec::new();
    let actual = serde_json::to_value(group).expect("serializes");
    for (field, want) in expect.as_object().expect("group") {
        if field == "bins" {
            continue;
        }
        let got = &actual[field];
        let same = match (got.as_f64(), want.as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-6,
            _ => got == want,
        };
        if !same {
            out.push(format!("{name}.{field}: got {got}, want {want}"));
        }
    }
    let listed = expect["bins"].as_array().expect("bins");
    assert_eq!(group.bins.len(), 10, "{name}: ten bins");
    for (i, bin) in group.bins.iter().enumerate() {
        let low = i as f64 / 10.0;
        let want = listed
            .iter()
            .find(|b| (b[0].as_f64().unwrap_or(-1.0) - low).abs() < 1e-9);
        let got = (bin.forecasts, bin.mean_confidence, bin.hit_rate);
        let wanted = match want {
            None => (0, None, None),
            Some(b) => (
                b[1].as_u64().unwrap_or(0) as u32,
                b[2].as_f64(),
                b[3].as_f64(),
            ),
        };
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-6,
            (a, b) => a == b,
        };
        if got.0 != wanted.0 || !close(got.1, wanted.1) || !close(got.2, wanted.2) {
            out.push(format!("{name} bin {low}: got {got:?}, want {wanted:?}"));
        }
    }
    out
}

#[test]
fn every_calibration_case_holds() {
    let expected: Json = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/expected.json", dir())).expect("expected.json"),
    )
    .expect("JSON");
    let mut failures = Vec::new();
    for case in expected["cases"].as_array().expect("cases") {
        let file = case["file"].as_str().expect("file");
        let cal = load(file).calibration(&options(case)).expect("calibrates");
        let name = format!("{file} {}", case.get("options").unwrap_or(&Json::Null));
        assert_eq!(
            serde_json::to_value(cal.judgement).expect("judgement"),
            case["judgement"],
            "{name}"
        );
        failures.extend(mismatches(
            &format!("{name} overall"),
            &cal.overall,
            &case["overall"],
        ));
        for (key, by) in [
            ("owners", Grouping::Owner),
            ("units", Grouping::Unit),
            ("cycles", Grouping::Cycle),
            ("phases", Grouping::Phase),
        ] {
            let listed = case[key].as_object();
            for (id, expect) in listed.into_iter().flatten() {
                match cal.groups(by).iter().find(|g| g.id == *id) {
                    Some(g) => {
                        failures.extend(mismatches(&format!("{name} {key}.{id}"), g, expect))
                    }
                    None => failures.push(format!("{name}: no {key} group {id}")),
                }
            }
            if case["only_listed"] != true {
                // (serde_json's maps sort their keys; groups come sorted by id, phases
                // in time order: compared as sets here, the phases' order below.)
                let mut ids: Vec<&str> = cal.groups(by).iter().map(|g| g.id.as_str()).collect();
                let mut want: Vec<&str> = listed
                    .map(|m| m.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                ids.sort_unstable();
                want.sort_unstable();
                if ids != want {
                    failures.push(format!("{name} {key}: got {ids:?}, want {want:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn track_record() -> Document {
    load("track-record.yaml")
}

fn as_of(text: &str) -> CalibrationOptions {
    CalibrationOptions::as_of(AsOf::parse(text).expect("date"))
}

#[test]
fn phases_come_in_time_order() {
    let cal = track_record()
        .calibration(&as_of("2026-07-15"))
        .expect("calibrates");
    let ids: Vec<&str> = cal.phases.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["early", "middle", "late"]);
    let per_phase: u32 = cal.phases.iter().map(|g| g.forecasts).sum();
    assert_eq!(per_phase, cal.overall.forecasts);
}

#[test]
fn nothing_is_settled_before_the_first_due_date() {
    // (The closed objective `cy-q1` is settled early, but its only forecast comes on
    // 1 February.)
    let cal = track_record()
        .calibration(&as_of("2026-01-31"))
        .expect("calibrates");
    assert_eq!(cal.overall.forecasts, 0);
    assert_eq!(cal.overall.verdict, Verdict::TooLittleEvidence);
    assert!(cal.overall.brier.is_none() && cal.owners.is_empty());
    let md = cal.to_markdown();
    assert!(
        md.contains("No settled key result has a stated confidence yet."),
        "{md}"
    );
    assert!(!md.contains("## Reliability"), "{md}");
}

#[test]
fn a_due_date_settles_at_the_end_of_its_day() {
    // Q1 ends on 31 March: its key results are settled as of that day's end, and the
    // check-in made on the day is a forecast.
    let cal = track_record()
        .calibration(&as_of("2026-03-31"))
        .expect("calibrates");
    let ben = cal.owners.iter().find(|g| g.id == "ben").expect("ben");
    assert_eq!((ben.forecasts, ben.key_results, ben.hits), (3, 2, 1));
}

#[test]
fn a_closed_objective_is_settled_before_its_due_date() {
    let doc = track_record();
    let cal = doc.calibration(&as_of("2026-07-15")).expect("calibrates");
    assert!(
        cal.cycles
            .iter()
            .any(|g| g.id == "q3" && g.key_results == 1)
    );
    // Reopened, the same key result waits for its due date.
    let text = doc
        .source_text()
        .expect("text")
        .replace("    cycle: q3\n    state: closed\n", "    cycle: q3\n");
    let reopened = Document::parse(text, &LoadOptions::new(PlanFormat::Yaml)).expect("parses");
    let cal = reopened
        .calibration(&as_of("2026-07-15"))
        .expect("calibrates");
    assert!(cal.cycles.iter().all(|g| g.id != "q3"));
}

#[test]
fn options_are_checked_and_read_from_values() {
    let e = CalibrationOptions::from_value(serde_json::json!({"hit_at": 0})).unwrap_err();
    assert_eq!((e.code(), e.path()), (ErrorCode::InvalidArgument, ""));
    let e = CalibrationOptions::from_value(serde_json::json!({"max_gap": -0.1})).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidArgument);
    let e = CalibrationOptions::from_value(serde_json::json!({"hit_rate": 0.5})).unwrap_err();
    assert_eq!(e.code(), ErrorCode::UnknownField);
    let o = CalibrationOptions::from_value(serde_json::json!({"minKeyResults": 3, "maxGap": 0.1}))
        .expect("options");
    assert_eq!((o.min_key_results, o.max_gap), (Some(3), Some(0.1)));
    let mut bad = as_of("2026-07-15");
    bad.hit_at = Some(f64::NAN);
    let problems = track_record().calibration(&bad).unwrap_err();
    assert_eq!(problems.0[0].code(), ErrorCode::InvalidArgument);
}

#[test]
fn a_plan_with_problems_is_not_calibrated() {
    let doc = Document::parse(
        "schema_version: 1\nobjectives:\n  - {id: o, title: Grow, cycle: nowhere, key_results: []}\n",
        &LoadOptions::new(PlanFormat::Yaml),
    )
    .expect("parses");
    let problems = doc.calibration(&as_of("2026-07-15")).unwrap_err();
    assert_eq!(problems.0[0].code(), ErrorCode::UnknownReference);
}

#[test]
fn markdown_says_what_was_counted_and_every_verdict() {
    let cal = track_record()
        .calibration(&as_of("2026-07-15"))
        .expect("calibrates");
    let md = cal.to_markdown();
    for part in [
        "# Confidence calibration\n\nAs of 15 July 2026.",
        "A verdict needs 4 settled key results over 2 cycles; a gap of up to 25 points",
        "**Everyone.** 16 forecasts on 10 key results (5 hit) over 3 cycles. Stated confidence 68% on average; 50% of forecasts hit: 18 points overconfident.",
        "| ana | 8 | 4 | 1 | 2 | 81% | 25% | +56 | 0.47 | overconfident |",
        "| ben | 6 | 4 | 2 | 2 | 53% | 67% | -13 | 0.26 | calibrated |",
        "| dee | 1 | 1 | 1 | 1 | 30% | 100% | -70 | 0.49 | too little evidence |",
        "## Units",
        "## Cycles",
        "| 90–100% | 4 | 90% | 75% |",
        "| 0–10% | 0 | – | – |",
    ] {
        assert!(md.contains(part), "missing {part:?} in\n{md}");
    }
}

#[test]
fn tables_have_a_row_per_group_and_per_bin() {
    let cal = track_record()
        .calibration(&as_of("2026-07-15"))
        .expect("calibrates");
    let t = cal.table(Grouping::Owner);
    assert_eq!(t.rows, 4);
    let names: Vec<&str> = t.columns.iter().map(|c| &*c.name).collect();
    assert_eq!(
        names,
        [
            "id",
            "forecasts",
            "key_results",
            "hits",
            "cycles",
            "mean_confidence",
            "hit_rate",
            "gap",
            "brier",
            "calibration_error",
            "verdict"
        ]
    );
    assert_eq!(cal.bins_table(Grouping::Unit).rows, 20);
    assert_eq!(cal.bins_table(Grouping::Overall).rows, 10);
}

/// What every group of every calibration keeps.
fn invariants(cal: &Calibration) {
    let all = std::iter::once(&cal.overall)
        .chain(&cal.owners)
        .chain(&cal.units)
        .chain(&cal.cycles)
        .chain(&cal.phases);
    for g in all {
        let binned: u32 = g.bins.iter().map(|b| b.forecasts).sum();
        assert_eq!(binned, g.forecasts, "{}", g.id);
        assert!(
            g.hits <= g.key_results && g.key_results <= g.forecasts,
            "{}",
            g.id
        );
        if let (Some(m), Some(r), Some(gap)) = (g.mean_confidence, g.hit_rate, g.gap) {
            assert!((m - r - gap).abs() < 2e-6, "{}", g.id);
            let brier = g.brier.expect("brier");
            assert!((0.0..=1.0).contains(&brier), "{}", g.id);
            // The calibration error bounds the overall gap from above (triangle
            // inequality over the bins), and both lie in [0, 1].
            let ece = g.calibration_error.expect("error");
            assert!(ece + 2e-6 >= gap.abs() && ece <= 1.0, "{}", g.id);
        }
    }
    // Every forecast is counted once overall and once in its cycle.
    let per_cycle: u32 = cal.cycles.iter().map(|g| g.forecasts).sum();
    assert_eq!(per_cycle, cal.overall.forecasts);
    let per_phase: u32 = cal.phases.iter().map(|g| g.forecasts).sum();
    assert_eq!(per_phase, cal.overall.forecasts);
    let owned: u32 = cal.owners.iter().map(|g| g.forecasts).sum();
    assert!(owned <= cal.overall.forecasts);
}

#[test]
fn generated_plans_keep_the_invariants() {
    for seed in 0..4 {
        let plan = okr_core::generate::generate(okr_core::generate::Size::S, seed);
        let doc = Document::from_plan(plan);
        for date in ["2026-02-14", "2026-12-31"] {
            let cal = doc.calibration(&as_of(date)).expect("calibrates");
            invariants(&cal);
        }
        let late = doc.calibration(&as_of("2026-12-31")).expect("calibrates");
        assert!(
            late.overall.forecasts > 0,
            "seed {seed}: the quarter is over"
        );
    }
    let cal = track_record()
        .calibration(&as_of("2026-07-15"))
        .expect("calibrates");
    invariants(&cal);
}

#[test]
fn the_report_shows_the_owners_track_record() {
    use okr_core::{LintOptions, ReportFormat, ReportOptions};
    let doc = track_record();
    let lint = LintOptions::as_of(AsOf::parse("2026-07-15").expect("date"));
    let md = doc
        .report_with(ReportFormat::Markdown, &ReportOptions::new(lint.clone()))
        .expect("a report");
    let section = md
        .split("## Confidence track record")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the section");
    // The miscalibrated first; owners with too little history left out.
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(
        rows,
        [
            "| owner | key results | stated | hit rate | gap | verdict |",
            "| ana | 4 | 81% | 25% | +56 | overconfident |",
            "| ben | 4 | 53% | 67% | -13 | calibrated |",
        ]
    );
    // An owner's report shows only theirs; before any due date, no section.
    let mut options = ReportOptions::new(lint);
    options.owner = Some("ben".into());
    let ben = doc
        .report_with(ReportFormat::Html, &options)
        .expect("a report");
    assert!(
        ben.contains("<td>ben</td>") && !ben.contains("<td>ana</td>"),
        "{ben}"
    );
    let early = LintOptions::as_of(AsOf::parse("2026-03-01").expect("date"));
    let md = doc
        .report(ReportFormat::Markdown, &early)
        .expect("a report");
    assert!(!md.contains("track record"), "{md}");
}
