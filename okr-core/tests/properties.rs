//! Invariants over generated plans: progress bounds, monotonic as-of, lossless formats.

mod common;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use common::{PlanCalls, parse, write};
use okr_core::*;
use proptest::prelude::*;
use serde_json::json;

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u32..700).prop_map(|d| {
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default() + chrono::Days::new(d.into())
    })
}

fn moment() -> BoxedStrategy<Moment> {
    prop_oneof![
        date().prop_map(Moment::Date),
        (0i64..60_000_000, -12i32..14).prop_map(|(secs, h)| {
            let tz = FixedOffset::east_opt(h * 3600)
                .unwrap_or(FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!()));
            Moment::DateTime(
                tz.timestamp_opt(1_750_000_000 + secs, 0)
                    .single()
                    .unwrap_or_default(),
            )
        }),
    ]
    .boxed()
}

/// Finite numbers, including ones that stress float printing.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6f64..1e6,
        (-1000i32..1000).prop_map(f64::from),
        Just(0.1),
        Just(1e-7),
        Just(123456789.125)
    ]
}

/// Text that YAML and CSV must quote: keywords, numbers, punctuation, unicode, newlines,
/// spreadsheet formulas.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z0-9 ,.:'\"#%-]{0,30}[a-zA-Z0-9]",
        Just("true".to_string()),
        Just("null".to_string()),
        Just("1.5".to_string()),
        Just("- item".to_string()),
        Just("Ünïcödé ✓ 100%".to_string()),
        Just("two\nlines".to_string()),
        Just("key: value".to_string()),
        // What a spreadsheet would run as a formula, and apostrophes around it: CSV
        // guards these and must read back exactly what it wrote.
        Just("=HYPERLINK(\"http://example.invalid\")".to_string()),
        Just("@SUM(A1:A9)".to_string()),
        Just("+1 more".to_string()),
        Just("'=already quoted".to_string()),
        Just("''".to_string()),
        Just("'Tis the season".to_string()),
    ]
    .boxed()
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,8}"
}

fn metadata() -> BoxedStrategy<Metadata> {
    let leaf = prop_oneof![
        text().prop_map(serde_json::Value::from),
        number().prop_map(serde_json::Value::from),
        any::<bool>().prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
    ];
    let value = leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..3).prop_map(|m| json!(m)),
        ]
    });
    prop::collection::btree_map("[a-z_]{1,8}", value, 0..3)
        .prop_map(|m| m.into_iter().collect())
        .boxed()
}

fn kind() -> BoxedStrategy<KrKind> {
    let opt = || proptest::option::of(number());
    prop_oneof![
        (opt(), opt()).prop_map(|(start, target)| KrKind::Increase { start, target }),
        (opt(), opt()).prop_map(|(start, target)| KrKind::Decrease { start, target }),
        (number(), proptest::option::of(0.0f64..10.0))
            .prop_map(|(threshold, band)| KrKind::StayAbove { threshold, band }),
        (number(), proptest::option::of(0.0f64..10.0))
            .prop_map(|(threshold, band)| KrKind::StayBelow { threshold, band }),
        (number(), number()).prop_map(|(low, high)| KrKind::Within { low, high }),
        Just(KrKind::Milestone),
        prop::collection::vec(
            (
                id(),
                proptest::option::of(text()),
                proptest::option::of(0.0f64..5.0)
            ),
            1..4
        )
        .prop_map(|steps| {
            KrKind::Checklist {
                steps: steps
                    .into_iter()
                    .map(|(id, title, weight)| Step { id, title, weight })
                    .collect(),
            }
        }),
        (opt(), opt(), opt(), opt()).prop_map(|(start, commit, target, stretch)| KrKind::Zones {
            start,
            commit,
            target,
            stretch
        }),
        opt().prop_map(|start| KrKind::Baseline { start }),
        (
            prop::collection::vec(id(), 1..3),
            prop_oneof![
                Just(AggregateOp::Sum),
                Just(AggregateOp::Mean),
                Just(AggregateOp::Min),
                Just(AggregateOp::Max)
            ],
            opt(),
            opt()
        )
            .prop_map(|(of, op, start, target)| KrKind::Aggregate {
                of,
                op,
                start,
                target
            }),
    ]
    .boxed()
}

fn value() -> BoxedStrategy<Value> {
    prop_oneof![
        number().prop_map(Value::Number),
        any::<bool>().prop_map(Value::Bool),
        text().prop_map(Value::Text),
        prop::collection::vec(id(), 0..3).prop_map(Value::Steps),
    ]
    .boxed()
}

fn check_in() -> BoxedStrategy<CheckIn> {
    (
        moment(),
        value(),
        proptest::option::of(0.0f64..=1.0),
        proptest::option::of(text()),
        proptest::option::of(text()),
        metadata(),
    )
        .prop_map(|(at, value, confidence, note, author, metadata)| CheckIn {
            at,
            value,
            confidence,
            note: note.map(Into::into),
            author: author.map(Into::into),
            metadata,
        })
        .boxed()
}

fn key_result(full: bool) -> BoxedStrategy<KeyResult> {
    let extras = if full { 1..3usize } else { 0..1usize };
    (
        (
            id(),
            text(),
            proptest::option::of(text()),
            kind(),
            proptest::option::of(text()),
            proptest::option::of(id()),
        ),
        (
            proptest::option::of(0.0f64..5.0),
            proptest::option::of(date()),
            proptest::option::of(id()),
            metadata(),
        ),
        prop::collection::vec((date(), number()), extras.clone()),
        prop::collection::vec(check_in(), extras.clone()),
    )
        .prop_map(
            move |(
                (id, title, owner, kind, measure, unit),
                (weight, due, kpi, metadata),
                phases,
                check_ins,
            )| KeyResult {
                id,
                title,
                owner,
                kind,
                measure,
                unit,
                weight,
                due,
                phases: if full {
                    phases
                        .into_iter()
                        .map(|(at, target)| Phase { at, target })
                        .collect()
                } else {
                    Vec::new()
                },
                kpi,
                check_ins: if full { check_ins } else { Vec::new() },
                initiatives: Vec::new(),
                lint_ignore: Vec::new(),
                metadata,
            },
        )
        .boxed()
}

fn objective(full: bool) -> BoxedStrategy<Objective> {
    (
        (
            id(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(id()),
            proptest::option::of(id()),
        ),
        (
            proptest::option::of(prop_oneof![
                Just(Commitment::Committed),
                Just(Commitment::Aspirational)
            ]),
            proptest::option::of(0.0f64..5.0),
            proptest::option::of(prop_oneof![
                Just(ObjectiveState::Draft),
                Just(ObjectiveState::Active),
                Just(ObjectiveState::Closed),
                Just(ObjectiveState::Cancelled)
            ]),
            proptest::option::of(0.0f64..1.0),
            proptest::option::of(text()),
        ),
        (
            prop::collection::vec(
                (id(), any::<bool>(), proptest::option::of(0.0f64..3.0)),
                0..3,
            ),
            proptest::option::of(prop_oneof![
                Just(ProgressFrom::KeyResults),
                Just(ProgressFrom::Children),
                Just(ProgressFrom::Both)
            ]),
            prop::collection::vec(key_result(full), 0..4),
            metadata(),
        ),
    )
        .prop_map(
            |(
                (id, title, description, owner, unit, cycle),
                (commitment, weight, state, score, closing_note),
                (links, progress_from, key_results, metadata),
            )| {
                let mut o = Objective::new(id, title);
                o.description = description;
                o.owner = owner;
                o.unit = unit;
                o.cycle = cycle;
                o.commitment = commitment;
                o.weight = weight;
                o.state = state;
                o.score = score;
                o.closing_note = closing_note;
                o.aligns_to = links
                    .into_iter()
                    .map(|(target, to_objective, weight)| Alignment {
                        objective: to_objective.then(|| target.clone()),
                        key_result: (!to_objective).then_some(target),
                        weight,
                    })
                    .collect();
                o.progress_from = progress_from;
                o.key_results = key_results;
                o.metadata = metadata;
                o
            },
        )
        .boxed()
}

fn full_plan() -> BoxedStrategy<Plan> {
    (
        proptest::option::of(text()),
        prop::collection::vec(objective(true), 0..4),
        prop::collection::vec((id(), text(), proptest::option::of(id()), metadata()), 0..3),
        prop::collection::vec(
            (
                id(),
                text(),
                proptest::option::of(date()),
                proptest::option::of(date()),
                proptest::option::of(id()),
            ),
            0..3,
        ),
        metadata(),
        proptest::option::of(prop_oneof![
            Just(Preset::Default),
            Just(Preset::Quantive),
            Just(Preset::Google)
        ]),
    )
        .prop_map(|(name, objectives, units, cycles, metadata, preset)| Plan {
            name,
            objectives,
            units: units
                .into_iter()
                .map(|(id, name, parent, metadata)| Unit {
                    id,
                    name,
                    kind: UnitKind::Team,
                    parent,
                    metadata,
                })
                .collect(),
            cycles: cycles
                .into_iter()
                .map(|(id, name, start, end, parent)| Cycle {
                    id,
                    name,
                    start,
                    end,
                    parent,
                    metadata: Metadata::new(),
                })
                .collect(),
            metadata,
            policy: preset.map(|p| PolicyConfig {
                preset: Some(p),
                ..PolicyConfig::default()
            }),
            check_ins_file: Some("log.jsonl".into()),
            ..Plan::default()
        })
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_is_lossless(plan in full_plan()) {
        let text = write(&plan, PlanFormat::Json)?;
        let back = parse(&text, PlanFormat::Json).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, plan);
    }

    #[test]
    fn yaml_round_trip_is_lossless(plan in full_plan()) {
        let text = write(&plan, PlanFormat::Yaml)?;
        let back = parse(&text, PlanFormat::Yaml).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, plan);
    }

    #[test]
    fn csv_round_trip_keeps_every_field_csv_carries(objectives in prop::collection::vec(objective(false), 1..4), kind in prop_oneof![Just(UnitKind::Company), Just(UnitKind::Team)]) {
        // CSV carries objectives, key results and the units and cycles they name.
        let mut plan = Plan { objectives, ..Plan::default() };
        let mut seen_ids = std::collections::HashSet::new();
        plan.objectives.retain(|o| seen_ids.insert(o.id.clone()));
        for o in &plan.objectives {
            if let Some(u) = &o.unit {
                if !plan.units.iter().any(|x| &x.id == u) {
                    plan.units.push(Unit { id: u.clone(), name: format!("Unit {u}"), kind, parent: None, metadata: Metadata::new() });
                }
            }
            if let Some(c) = &o.cycle {
                if !plan.cycles.iter().any(|x| &x.id == c) {
                    let start = NaiveDate::from_ymd_opt(2026, 1, 1);
                    plan.cycles.push(Cycle { id: c.clone(), name: format!("Cycle {c}"), start, end: None, parent: None, metadata: Metadata::new() });
                }
            }
        }
        let text = write(&plan, PlanFormat::Csv)?;
        let back = parse(&text, PlanFormat::Csv).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, plan);
    }

    #[test]
    fn progress_as_of_never_drops_while_values_rise(steps in prop::collection::vec((1u64..10, 0.0f64..5.0), 1..12), probes in prop::collection::vec(0u64..120, 2..6)) {
        let base = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let (mut day, mut value) = (0, 0.0);
        let mut kr = KeyResult::new("k", "Rising", KrKind::Increase { start: Some(0.0), target: Some(30.0) });
        for (gap, rise) in steps {
            day += gap;
            value += rise;
            kr.check_ins.push(CheckIn::new(Moment::Date(base + chrono::Days::new(day)), Value::Number(value)));
        }
        let mut o = Objective::new("o", "O");
        o.cycle = Some("q".into());
        o.key_results.push(kr);
        let plan = Plan {
            cycles: vec![Cycle { id: "q".into(), name: "Q".into(), start: Some(base), end: Some(base + chrono::Days::new(90)), parent: None, metadata: Metadata::new() }],
            objectives: vec![o],
            ..Plan::default()
        };
        let engine = plan.engine()?;
        let mut probes = probes;
        probes.sort_unstable();
        let progress: Vec<f64> = probes
            .iter()
            .map(|d| engine.evaluate(AsOf::end_of(base + chrono::Days::new(*d))).key_results[0].progress)
            .collect();
        prop_assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{:?}", progress);
    }
}
