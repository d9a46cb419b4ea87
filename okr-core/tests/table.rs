//! The columnar tables the bindings build data frames from agree with the scorecard,
//! the plan and the linter, row for row.

mod common;

use common::PlanCalls;
use okr_core::table::{self, Data, Table};
use okr_core::{AsOf, PlanFormat, TableKind};

fn acme() -> okr_core::Plan {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/acme.yaml");
    let text = std::fs::read_to_string(path).expect("example exists");
    common::check(&text, PlanFormat::Yaml)
        .expect("example loads")
        .into_plan()
}

fn floats<'a>(t: &'a Table, name: &str) -> &'a [f64] {
    match &t.column(name).expect("column").data {
        Data::Float(v) => v,
        other => panic!("{name} is {other:?}"),
    }
}

fn texts<'a>(t: &'a Table, name: &str) -> &'a [String] {
    match &t.column(name).expect("column").data {
        Data::Text(v) => v,
        other => panic!("{name} is {other:?}"),
    }
}

fn labels(t: &Table, name: &str) -> Vec<Option<String>> {
    match &t.column(name).expect("column").data {
        Data::Category { codes, categories } => codes
            .iter()
            .map(|&c| (c >= 0).then(|| categories[c as usize].clone()))
            .collect(),
        other => panic!("{name} is {other:?}"),
    }
}

fn same(a: f64, b: Option<f64>) -> bool {
    match b {
        Some(b) => (a - b).abs() < 1e-12,
        None => a.is_nan(),
    }
}

#[test]
fn every_column_has_every_row() {
    let plan = acme();
    let as_of = AsOf::parse("2026-02-14").expect("date");
    for kind in TableKind::ALL {
        let t = common::table(&plan, kind, as_of);
        assert!(t.rows > 0);
        for c in &t.columns {
            let len = match &c.data {
                Data::Text(v) => v.len(),
                Data::OptionalText(v) => v.len(),
                Data::Category { codes, categories } => {
                    assert!(
                        codes
                            .iter()
                            .all(|&c| c >= -1 && (c as i64) < categories.len() as i64)
                    );
                    codes.len()
                }
                Data::Float(v) => v.len(),
                Data::Int(v) => v.len(),
                Data::OptionalInt(v) => v.len(),
                Data::Timestamp(v) => v.len(),
            };
            assert_eq!(len, t.rows, "column {}", c.name);
            assert!(!c.doc.is_empty());
        }
    }
}

#[test]
fn scores_table_matches_the_scorecard() {
    let plan = acme();
    let as_of = AsOf::parse("2026-02-14").expect("date");
    let card = plan.score(as_of).expect("scores");
    let t = okr_core::Document::from_plan(plan.clone())
        .table(
            okr_core::TableKind::Scores,
            &okr_core::LintOptions::as_of(as_of),
        )
        .expect("table");
    let krs: usize = card.objectives.iter().map(|o| o.key_results.len()).sum();
    assert_eq!(t.rows, card.objectives.len() + krs);
    let (ids, kinds, status) = (texts(&t, "id"), labels(&t, "kind"), labels(&t, "status"));
    let (progress, expected, value) = (
        floats(&t, "progress"),
        floats(&t, "expected"),
        floats(&t, "value"),
    );
    let mut row = 0;
    for o in &card.objectives {
        assert_eq!(ids[row], o.id);
        assert_eq!(kinds[row].as_deref(), Some("objective"));
        assert_eq!(status[row].as_deref(), Some(o.status.as_str()));
        assert!(same(progress[row], o.progress), "{}", o.id);
        assert!(same(expected[row], o.expected), "{}", o.id);
        row += 1;
        for k in &o.key_results {
            assert_eq!(ids[row], k.id);
            assert_eq!(kinds[row].as_deref(), Some("key_result"));
            assert_eq!(status[row].as_deref(), Some(k.status.as_str()));
            assert!(same(progress[row], k.progress), "{}", k.id);
            assert!(same(expected[row], k.expected), "{}", k.id);
            let v = k.value.as_ref().map(table::value_number);
            assert!(
                same(value[row], v.filter(|v| !v.is_nan())),
                "{}: {} vs {v:?}",
                k.id,
                value[row]
            );
            row += 1;
        }
    }
}

#[test]
fn check_ins_table_holds_every_check_in() {
    let plan = acme();
    let t = common::table(&plan, TableKind::CheckIns, AsOf::now());
    let written: usize = plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .map(|k| k.check_ins.len())
        .sum();
    assert_eq!(t.rows, written + plan.logged_check_ins.len());
    let Data::Timestamp(at) = &t.column("at").expect("at").data else {
        panic!("at is a timestamp column")
    };
    assert!(at.iter().all(Option::is_some));
}
