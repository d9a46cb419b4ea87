//! Structure-aware: a valid plan (fixtures/bad/generated/base.json: every entity and
//! key-result kind) broken by up to eight mutations that the input's bytes choose (a
//! field set to a hostile value, removed or added, an item copied or dropped, two swapped),
//! then written as JSON or as YAML and run through everything a user can do with it.
//! Random bytes rarely make a plan that parses; these always start from one, so the
//! fuzzer spends its time in validation, scoring, linting and reports.
#![no_main]

mod pipeline;

use libfuzzer_sys::fuzz_target;
use okr_core::{AsOf, PlanFormat as Format};
use serde_json::{Value, json};

const BASE: &str = include_str!("../../../fixtures/bad/generated/base.json");

/// Field names the plan format knows, so an added field is often one that means
/// something where it lands.
const FIELDS: [&str; 24] = [
    "id",
    "title",
    "type",
    "start",
    "target",
    "threshold",
    "band",
    "low",
    "high",
    "commit",
    "stretch",
    "weight",
    "due",
    "of",
    "op",
    "steps",
    "aligns_to",
    "parent",
    "unit",
    "cycle",
    "kpi",
    "check_ins",
    "progress_from",
    "confidence",
];

/// Values that have broken parsers and scorers before, or could.
fn hostile(n: u8) -> Value {
    match n % 26 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(1e308),
        5 => json!(-1.7e308),
        6 => json!(5e-324),
        7 => json!(9_007_199_254_740_993_u64),
        8 => json!(""),
        9 => json!(" "),
        10 => json!("gr\u{202e}ow"),
        11 => json!("x\u{0}y\u{1b}[2K"),
        12 => json!("2026-02-30"),
        13 => json!("9999-12-31"),
        14 => json!("0001-01-01"),
        15 => json!("2026-02-14T25:61:00+14:00"),
        16 => json!("=HYPERLINK(\"http://example.invalid\")"),
        17 => json!("../../outside.jsonl"),
        18 => json!([]),
        19 => json!({}),
        20 => json!(["grow", "grow"]),
        21 => json!({"objective": "grow"}),
        22 => json!("x".repeat(70_000)),
        23 => json!("grow"),
        24 => json!("arr"),
        _ => json!([{"at": "2026-02-01", "value": "lots"}]),
    }
}

/// Walks down from `value` as the bytes say, then changes what it reached.
fn mutate(value: &mut Value, bytes: &mut impl Iterator<Item = u8>) {
    let mut node = value;
    loop {
        let Some(b) = bytes.next() else { return };
        let len = match node {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        // Odd bytes go deeper while there is somewhere to go.
        if b & 1 == 1 && len > 0 {
            let i = usize::from(b >> 1) % len;
            node = match node {
                Value::Object(m) => m.values_mut().nth(i).expect("in range"),
                Value::Array(a) => &mut a[i],
                _ => unreachable!("only containers have children"),
            };
            continue;
        }
        let Some(arg) = bytes.next() else { return };
        match (b >> 1) % 4 {
            0 => *node = hostile(arg),
            1 => match node {
                Value::Object(m) if !m.is_empty() => {
                    let key = m.keys().nth(usize::from(arg) % m.len()).cloned();
                    if let Some(key) = key {
                        m.remove(&key);
                    }
                }
                Value::Array(a) if !a.is_empty() => {
                    a.remove(usize::from(arg) % a.len());
                }
                _ => *node = hostile(arg),
            },
            2 => match node {
                Value::Object(m) => {
                    let field = FIELDS[usize::from(arg) % FIELDS.len()];
                    m.insert(field.to_owned(), hostile(arg / 7));
                }
                // A copy of an item: duplicate ids, repeated links and check-ins.
                Value::Array(a) if !a.is_empty() => {
                    let item = a[usize::from(arg) % a.len()].clone();
                    a.push(item);
                }
                _ => *node = hostile(arg),
            },
            _ => {
                if let Value::Array(a) = node
                    && a.len() > 1
                {
                    let i = usize::from(arg) % a.len();
                    a.swap(0, i);
                }
            }
        }
        return;
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let mut plan: Value = serde_json::from_str(BASE).expect("the base plan is JSON");
    let mut bytes = rest.iter().copied();
    for _ in 0..=(selector & 7) {
        mutate(&mut plan, &mut bytes);
    }
    let text = serde_json::to_string_pretty(&plan).expect("a JSON value writes");
    // JSON text is YAML too (flow style): the YAML parser reads the same plan.
    let format = if selector & 0x08 == 0 {
        Format::Json
    } else {
        Format::Yaml
    };
    let as_of = AsOf::parse(if selector & 0x80 == 0 {
        "2026-02-14"
    } else {
        "2027-06-30"
    })
    .expect("a fixed date parses");
    pipeline::run(&text, format, as_of);
});
