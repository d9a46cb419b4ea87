//! The editor's loop (issue 13's target: one frame, ≤ 16 ms): a 200-objective plan as
//! YAML text, read into a `Document`, then its located diagnostics and its scorecard,
//! as a web editor does on every keystroke. Two shapes of the same plan: check-ins
//! written inline in the plan (the generated plan, 48 per objective), and check-ins
//! in the JSON Lines log beside it, which is how teams keep them (the editor edits
//! the plan; the log only grows), read on every keystroke or once (as the npm
//! package's `Workspace` does). Plus the parse alone, and `okr_core::workspace`'s
//! check, which the npm package's `Workspace` and `okr lsp` run on every change.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use okr_benches::{SEED, as_of};
use okr_core::generate::{Size, generate};
use okr_core::{CheckInLog, Document, LintOptions, LoadOptions, PlanFormat};
use std::hint::black_box;

const OBJECTIVES: usize = 200;

/// Diagnostics, located, and the scorecard: what the editor shows after a keystroke.
fn keystroke(text: &str, log: Option<&str>) -> usize {
    let options = LoadOptions::new(PlanFormat::Yaml);
    let doc =
        Document::parse_with_log(text, &options, |_| Ok(log.map(str::to_owned))).expect("parses");
    show(&doc)
}

/// [`keystroke`] with the log read once before, as the JavaScript `Workspace` does.
fn keystroke_with(text: &str, log: &CheckInLog) -> usize {
    let mut doc = Document::parse(text, &LoadOptions::new(PlanFormat::Yaml)).expect("parses");
    doc.attach_parsed_log(log);
    show(&doc)
}

fn show(doc: &Document) -> usize {
    let lint = LintOptions::as_of(as_of());
    let diagnostics = doc.lint(&lint).expect("lints");
    let card = doc.score(as_of()).expect("scores");
    diagnostics.len() + card.objectives.len()
}

fn edit_loop(c: &mut Criterion) {
    let inline = Document::from_plan(generate(Size::Objectives(OBJECTIVES), SEED));
    let inline_yaml = inline.write(PlanFormat::Yaml).expect("YAML");
    let mut split = inline.plan().clone();
    split.check_ins_file = Some("plan.jsonl".into());
    let mut log = String::new();
    for o in &mut split.objectives {
        for kr in &mut o.key_results {
            for check_in in kr.check_ins.drain(..) {
                let entry = okr_core::model::LoggedCheckIn::new(kr.id.clone(), check_in);
                log.push_str(&serde_json::to_string(&entry).expect("JSON"));
                log.push('\n');
            }
        }
    }
    let split_yaml = Document::from_plan(split)
        .write(PlanFormat::Yaml)
        .expect("YAML");

    let mut group = c.benchmark_group("edit_loop");
    group.sample_size(20);
    for (name, text, log) in [
        ("inline", &inline_yaml, None),
        ("log", &split_yaml, Some(log.as_str())),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("keystroke/{name}"), |b| {
            b.iter(|| keystroke(black_box(text), log))
        });
        group.bench_function(format!("parse/{name}"), |b| {
            b.iter(|| {
                Document::parse_with_log(
                    black_box(text.as_str()),
                    &LoadOptions::new(PlanFormat::Yaml),
                    |_| Ok(log.map(str::to_owned)),
                )
                .expect("parses")
            })
        });
    }
    let parsed = CheckInLog::parse(&log).expect("a log");
    group.throughput(Throughput::Bytes(split_yaml.len() as u64));
    group.bench_function("keystroke/log-read-once", |b| {
        b.iter(|| keystroke_with(black_box(&split_yaml), &parsed))
    });
    let mut workspace = okr_core::workspace::Workspace::new(
        PlanFormat::Yaml,
        LintOptions::as_of(as_of()),
        Some(as_of()),
    );
    workspace.set_log(Some(&log));
    group.bench_function("workspace-check", |b| {
        b.iter(|| {
            let checked = workspace.check(black_box(&split_yaml));
            checked.diagnostics.len() + checked.scores.map_or(0, |c| c.objectives.len())
        })
    });
    group.finish();
}

criterion_group!(benches, edit_loop);
criterion_main!(benches);
