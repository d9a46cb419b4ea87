//! Plans, scores and diagnostics as columns: what data frames (pandas, polars, Arrow,
//! a JS data grid) are built from. Every binding gets the same columns, with the same
//! names, types and meaning, and builds its frame from whole columns at once.
//!
//! Missing values: `NaN` in [`Data::Float`], `None` in the optional columns, `-1` as a
//! category code.

use crate::engine::{AsOf, Engine, Evaluation};
use crate::error::Result;
use crate::lint::Diagnostic;
use crate::model::{Plan, Value};
use foldhash::HashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A table: named, documented, typed columns of equal length.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// How many rows.
    pub rows: usize,
    /// The columns, in order.
    pub columns: Vec<Column>,
}

/// One named, documented column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Its name (`progress`).
    pub name: Cow<'static, str>,
    /// What the column holds, for documentation and tooltips.
    pub doc: Cow<'static, str>,
    /// Its values.
    pub data: Data,
}

/// The values of one column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "values", rename_all = "snake_case")]
pub enum Data {
    /// Text in every row.
    Text(Vec<String>),
    /// Text, or missing.
    OptionalText(Vec<Option<String>>),
    /// Repeated labels: `codes[i]` indexes `categories`, `-1` when missing.
    Category {
        /// Each row's index into `categories`, `-1` when missing.
        codes: Vec<i32>,
        /// The labels, in order of first appearance.
        categories: Vec<String>,
    },
    /// `NaN` when missing (`null` in JSON, which has no NaN).
    Float(#[serde(with = "nan_as_null")] Vec<f64>),
    /// Whole numbers.
    Int(Vec<i64>),
    /// Whole numbers, or missing.
    OptionalInt(Vec<Option<i64>>),
    /// Milliseconds since 1970-01-01T00:00:00Z; dates are midnight UTC.
    Timestamp(Vec<Option<i64>>),
}

impl Table {
    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// Interns labels into category codes, in order of first appearance.
#[derive(Default)]
pub(crate) struct Categories {
    codes: Vec<i32>,
    categories: Vec<String>,
    index: HashMap<String, i32>,
}

impl Categories {
    pub(crate) fn push(&mut self, label: Option<&str>) {
        let code = match label {
            None => -1,
            Some(label) => match self.index.get(label) {
                Some(&code) => code,
                None => {
                    let code = self.categories.len() as i32;
                    self.categories.push(label.to_owned());
                    self.index.insert(label.to_owned(), code);
                    code
                }
            },
        };
        self.codes.push(code);
    }

    /// With the given labels first, in that order (for ordered categories like status).
    pub(crate) fn with(labels: &[&str]) -> Categories {
        let mut c = Categories::default();
        for l in labels {
            c.push(Some(l));
        }
        c.codes.clear();
        c
    }

    pub(crate) fn data(self) -> Data {
        Data::Category {
            codes: self.codes,
            categories: self.categories,
        }
    }
}

pub(crate) fn col(name: &'static str, doc: &'static str, data: Data) -> Column {
    Column {
        name: Cow::Borrowed(name),
        doc: Cow::Borrowed(doc),
        data,
    }
}

fn date_millis(d: chrono::NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_millis())
        .unwrap_or(0)
}

/// A value as one number: the number itself, 1 or 0 for a milestone, the count of steps
/// done for a checklist; text values have none.
pub fn value_number(value: &Value) -> f64 {
    match value {
        Value::Number(n) => *n,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Steps(s) => s.len() as f64,
        Value::Text(_) => f64::NAN,
    }
}

/// Status labels in their order (best to worst), for ordered category columns.
fn statuses() -> Categories {
    Categories::with(&crate::engine::Status::ALL.map(crate::engine::Status::as_str))
}

/// One row per objective.
pub(crate) fn objectives(plan: &Plan) -> Table {
    let n = plan.objectives.len();
    let mut unit = Categories::default();
    let mut cycle = Categories::default();
    let mut owner = Categories::default();
    let mut kind = Categories::default();
    let mut state = Categories::default();
    let mut aligns_to = Vec::with_capacity(n);
    for o in &plan.objectives {
        unit.push(o.unit.as_deref());
        cycle.push(o.cycle.as_deref());
        owner.push(o.owner.as_deref());
        kind.push(o.commitment.map(|c| c.as_str()));
        state.push(Some(o.state().as_str()));
        let targets: Vec<&str> = o
            .aligns_to
            .iter()
            .filter_map(|a| a.objective.as_deref().or(a.key_result.as_deref()))
            .collect();
        aligns_to.push((!targets.is_empty()).then(|| targets.join(",")));
    }
    let objectives = &plan.objectives;
    Table {
        rows: n,
        columns: vec![
            col(
                "id",
                "objective id",
                Data::Text(objectives.iter().map(|o| o.id.clone()).collect()),
            ),
            col(
                "title",
                "objective title",
                Data::Text(objectives.iter().map(|o| o.title.clone()).collect()),
            ),
            col(
                "description",
                "objective description",
                Data::OptionalText(objectives.iter().map(|o| o.description.clone()).collect()),
            ),
            col("unit", "owning unit id", unit.data()),
            col("cycle", "cycle id", cycle.data()),
            col("owner", "accountable person", owner.data()),
            col("type", "committed or aspirational", kind.data()),
            col("state", "draft, active, closed or cancelled", state.data()),
            col(
                "weight",
                "weight in its parents' rollup (1 when not set)",
                Data::Float(objectives.iter().map(|o| o.weight.unwrap_or(1.0)).collect()),
            ),
            col(
                "aligns_to",
                "objective or key-result ids it aligns to, comma-separated",
                Data::OptionalText(aligns_to),
            ),
            col(
                "key_results",
                "number of key results",
                Data::Int(
                    objectives
                        .iter()
                        .map(|o| o.key_results.len() as i64)
                        .collect(),
                ),
            ),
            col(
                "score",
                "score set by hand at closing",
                Data::Float(
                    objectives
                        .iter()
                        .map(|o| o.score.unwrap_or(f64::NAN))
                        .collect(),
                ),
            ),
        ],
    }
}

/// A key result's (start, target), when its kind has them.
type Range = (Option<f64>, Option<f64>);

/// One row per key result.
pub(crate) fn key_results(plan: &Plan) -> Table {
    let krs = || {
        plan.objectives
            .iter()
            .flat_map(|o| o.key_results.iter().map(move |k| (o, k)))
    };
    let rows = krs().count();
    let (mut unit, mut owner, mut kind, mut measure) = (
        Categories::default(),
        Categories::default(),
        Categories::default(),
        Categories::default(),
    );
    for (o, k) in krs() {
        unit.push(o.unit.as_deref());
        owner.push(k.owner.as_deref().or(o.owner.as_deref()));
        kind.push(Some(k.kind.kr_type().as_str()));
        measure.push(k.measure.as_deref());
    }
    let range = |f: fn(Range) -> Option<f64>| -> Data {
        Data::Float(
            krs()
                .map(|(_, k)| k.kind.range().and_then(f).unwrap_or(f64::NAN))
                .collect(),
        )
    };
    Table {
        rows,
        columns: vec![
            col(
                "id",
                "key result id",
                Data::Text(krs().map(|(_, k)| k.id.clone()).collect()),
            ),
            col(
                "objective_id",
                "its objective's id",
                Data::Text(krs().map(|(o, _)| o.id.clone()).collect()),
            ),
            col(
                "title",
                "key result title",
                Data::Text(krs().map(|(_, k)| k.title.clone()).collect()),
            ),
            col(
                "type",
                "key-result type (increase, decrease, milestone, …)",
                kind.data(),
            ),
            col("unit", "its objective's unit", unit.data()),
            col(
                "owner",
                "owner (the objective's when not set)",
                owner.data(),
            ),
            col("measure", "what is measured", measure.data()),
            col(
                "start",
                "start value of an increase or decrease",
                range(|r| r.0),
            ),
            col(
                "target",
                "target value of an increase or decrease",
                range(|r| r.1),
            ),
            col(
                "weight",
                "weight within its objective (1 when not set)",
                Data::Float(krs().map(|(_, k)| k.weight.unwrap_or(1.0)).collect()),
            ),
            col(
                "due",
                "due date, when not the cycle's end",
                Data::Timestamp(krs().map(|(_, k)| k.due.map(date_millis)).collect()),
            ),
            col(
                "check_ins",
                "number of check-ins in the plan",
                Data::Int(krs().map(|(_, k)| k.check_ins.len() as i64).collect()),
            ),
        ],
    }
}

/// One row per check-in written in the plan, then per check-in of an attached log.
pub(crate) fn check_ins(plan: &Plan) -> Table {
    let rows = plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .map(|k| k.check_ins.len())
        .sum::<usize>()
        + plan.logged_check_ins.len();
    // Key results and objectives are labels repeated once per check-in: categories
    // in document order, coded by position.
    let kr_ids: Vec<String> = plan
        .objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(|k| k.id.clone()))
        .collect();
    let objective_ids: Vec<String> = plan.objectives.iter().map(|o| o.id.clone()).collect();
    let mut kr = Vec::with_capacity(rows);
    let mut objective = Vec::with_capacity(rows);
    let mut at = Vec::with_capacity(rows);
    let mut value = Vec::with_capacity(rows);
    let mut text = Vec::with_capacity(rows);
    let mut confidence = Vec::with_capacity(rows);
    let mut note = Vec::with_capacity(rows);
    let mut author = Categories::default();
    let mut row = |c: &crate::model::CheckIn| {
        at.push(Some(c.at.millis()));
        value.push(value_number(&c.value));
        text.push(value_text(&c.value));
        confidence.push(c.confidence.unwrap_or(f64::NAN));
        note.push(c.note.as_deref().map(str::to_owned));
        author.push(c.author.as_deref());
    };
    let mut h = 0i32;
    for (i, o) in plan.objectives.iter().enumerate() {
        for k in &o.key_results {
            for c in &k.check_ins {
                kr.push(h);
                objective.push(i as i32);
                row(c);
            }
            h += 1;
        }
    }
    if !plan.logged_check_ins.is_empty() {
        let mut position: HashMap<&str, (i32, i32)> = HashMap::default();
        let mut h = 0i32;
        for (i, o) in plan.objectives.iter().enumerate() {
            for k in &o.key_results {
                position.insert(&k.id, (h, i as i32));
                h += 1;
            }
        }
        for c in &plan.logged_check_ins {
            let (k, o) = position
                .get(c.key_result.as_str())
                .copied()
                .unwrap_or((-1, -1));
            kr.push(k);
            objective.push(o);
            row(&c.check_in());
        }
    }
    Table {
        rows,
        columns: vec![
            col(
                "key_result_id",
                "key result checked in",
                Data::Category {
                    codes: kr,
                    categories: kr_ids,
                },
            ),
            col(
                "objective_id",
                "its objective",
                Data::Category {
                    codes: objective,
                    categories: objective_ids,
                },
            ),
            col("at", "when (UTC)", Data::Timestamp(at)),
            col(
                "value",
                "the value as a number (milestone 1/0, checklist: steps done)",
                Data::Float(value),
            ),
            col(
                "value_text",
                "the value as written, for text values and checklist steps",
                Data::OptionalText(text),
            ),
            col(
                "confidence",
                "owner's confidence, 0 to 1",
                Data::Float(confidence),
            ),
            col("note", "note", Data::OptionalText(note)),
            col("author", "who checked in", author.data()),
        ],
    }
}

fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::Text(t) => Some(t.clone()),
        Value::Steps(s) => Some(s.join(",")),
        Value::Number(_) | Value::Bool(_) => None,
    }
}

/// One row per objective, each followed by one row per key result: where everything
/// stands as of the evaluation's moment.
pub(crate) fn scores(plan: &Plan, engine: &Engine, eval: &Evaluation) -> Result<Table> {
    engine.check_compiled_from(plan)?;
    let rows = plan.objectives.len() + engine.key_result_count();
    let mut id = Vec::with_capacity(rows);
    let mut objective_id = Vec::with_capacity(rows);
    let mut title = Vec::with_capacity(rows);
    let mut kind = Categories::with(&["objective", "key_result"]);
    let mut unit = Categories::default();
    let mut owner = Categories::default();
    let mut status = statuses();
    let mut kr_type = Categories::default();
    let mut value = Vec::with_capacity(rows);
    let mut progress = Vec::with_capacity(rows);
    let mut raw = Vec::with_capacity(rows);
    let mut expected = Vec::with_capacity(rows);
    let mut confidence = Vec::with_capacity(rows);
    let mut weight = Vec::with_capacity(rows);
    let mut probability = Vec::with_capacity(rows);
    let mut value_low = Vec::with_capacity(rows);
    let mut value_high = Vec::with_capacity(rows);
    let chances = engine.chances(eval);
    let mut h = 0;
    for (i, o) in plan.objectives.iter().enumerate() {
        let e = &eval.objectives[i];
        probability.push(chances.objective(i).unwrap_or(f64::NAN));
        value_low.push(f64::NAN);
        value_high.push(f64::NAN);
        id.push(o.id.clone());
        objective_id.push(o.id.clone());
        title.push(o.title.clone());
        kind.push(Some("objective"));
        unit.push(o.unit.as_deref());
        owner.push(o.owner.as_deref());
        status.push(Some(e.status.as_str()));
        kr_type.push(o.commitment.map(|c| c.as_str()));
        value.push(f64::NAN);
        progress.push(e.progress);
        raw.push(e.raw);
        expected.push(e.expected);
        confidence.push(e.confidence().unwrap_or(f64::NAN));
        weight.push(o.weight.unwrap_or(1.0));
        for k in &o.key_results {
            let e = &eval.key_results[h];
            id.push(k.id.clone());
            objective_id.push(o.id.clone());
            title.push(k.title.clone());
            kind.push(Some("key_result"));
            unit.push(o.unit.as_deref());
            owner.push(k.owner.as_deref().or(o.owner.as_deref()));
            status.push(Some(e.status.as_str()));
            kr_type.push(Some(k.kind.kr_type().as_str()));
            value.push(
                engine
                    .value_of(h, &k.kind, e)
                    .as_ref()
                    .map_or(f64::NAN, value_number),
            );
            progress.push(e.progress);
            raw.push(e.raw);
            expected.push(e.expected);
            confidence.push(e.confidence().unwrap_or(f64::NAN));
            weight.push(engine.weight_of(h));
            probability.push(chances.key_result(h).unwrap_or(f64::NAN));
            let interval = chances.interval(h);
            value_low.push(interval.map_or(f64::NAN, |v| v.low));
            value_high.push(interval.map_or(f64::NAN, |v| v.high));
            h += 1;
        }
    }
    Ok(Table {
        rows,
        columns: vec![
            col("id", "objective or key result id", Data::Text(id)),
            col("kind", "objective or key_result", kind.data()),
            col(
                "objective_id",
                "the objective (itself, for an objective row)",
                Data::Text(objective_id),
            ),
            col("title", "title", Data::Text(title)),
            col("unit", "the objective's unit", unit.data()),
            col(
                "owner",
                "owner (a key result's falls back to its objective's)",
                owner.data(),
            ),
            col(
                "type",
                "key-result type, or an objective's commitment",
                kr_type.data(),
            ),
            col(
                "value",
                "a key result's current value as a number (its start before any check-in)",
                Data::Float(value),
            ),
            col(
                "progress",
                "score from 0 to 1 under the plan's policy",
                Data::Float(progress),
            ),
            col(
                "raw_progress",
                "progress before clamping (can pass 1 or go below 0)",
                Data::Float(raw),
            ),
            col(
                "expected",
                "where progress should be by now",
                Data::Float(expected),
            ),
            col(
                "status",
                "done, on_track, not_started, stale, behind, at_risk, closed or no_target",
                status.data(),
            ),
            col(
                "confidence",
                "latest confidence (an objective's: the mean of its key results')",
                Data::Float(confidence),
            ),
            col("weight", "weight in the rollup", Data::Float(weight)),
            col(
                "probability",
                "a key result's chance to hit at its due date; an objective's chance to reach 70 % (docs/forecasting.md)",
                Data::Float(probability),
            ),
            col(
                "value_low",
                "a key result's likely value at its due date: the 10th percentile",
                Data::Float(value_low),
            ),
            col(
                "value_high",
                "a key result's likely value at its due date: the 90th percentile",
                Data::Float(value_high),
            ),
        ],
    })
}

/// One row per diagnostic.
pub(crate) fn diagnostics(diagnostics: &[Diagnostic]) -> Table {
    let mut code = Categories::default();
    let mut rule = Categories::default();
    let mut severity = Categories::with(&["info", "warning", "error"]);
    for d in diagnostics {
        code.push(Some(&d.code));
        rule.push(Some(&d.rule));
        severity.push(Some(d.severity.as_str()));
    }
    Table {
        rows: diagnostics.len(),
        columns: vec![
            col("code", "stable rule code, e.g. OKR202", code.data()),
            col("rule", "rule name, e.g. activity-key-result", rule.data()),
            col("severity", "info, warn or error", severity.data()),
            col(
                "message",
                "what is wrong",
                Data::Text(diagnostics.iter().map(|d| d.message.clone()).collect()),
            ),
            col(
                "help",
                "what to do instead",
                Data::Text(diagnostics.iter().map(|d| d.help.to_string()).collect()),
            ),
            col(
                "ids",
                "objective and key-result ids it names, comma-separated",
                Data::Text(diagnostics.iter().map(|d| d.ids.join(",")).collect()),
            ),
            col(
                "path",
                "document path",
                Data::Text(diagnostics.iter().map(|d| d.path.clone()).collect()),
            ),
            col(
                "line",
                "line in the file, when read from one",
                Data::OptionalInt(diagnostics.iter().map(|d| d.line.map(i64::from)).collect()),
            ),
            col(
                "column",
                "column in the file, when read from one",
                Data::OptionalInt(
                    diagnostics
                        .iter()
                        .map(|d| d.column.map(i64::from))
                        .collect(),
                ),
            ),
        ],
    }
}

/// How key result `id` moved through its period: one row every `step_days` from the
/// period's start to its end (and one at the end), each evaluated as of the end of that
/// day: value, progress, expected and status. The rows a burn-up chart is drawn from.
pub(crate) fn history(plan: &Plan, engine: &Engine, id: &str, step_days: u32) -> Result<Table> {
    engine.check_compiled_from(plan)?;
    let missing = || crate::Error::NotFound {
        entity: crate::Entity::KeyResult,
        id: id.to_owned(),
    };
    let h = engine.key_result_handle(id).ok_or_else(missing)?;
    let kr = plan.key_result(id).ok_or_else(missing)?;
    let (start, end) = engine.period(h).ok_or_else(|| crate::Error::InvalidValue {
        message: format!(
            "key result `{id}` has no period (its objective names no cycle with dates)"
        ),
        location: crate::Location::default(),
    })?;
    let step = i64::from(step_days.max(1)) * crate::model::DAY_MS;
    let mut moments: Vec<i64> = (0..)
        .map(|n| start + n * step)
        .take_while(|t| *t < end)
        .collect();
    moments.push(end);
    let mut at = Vec::with_capacity(moments.len());
    let mut value = Vec::with_capacity(moments.len());
    let mut progress = Vec::with_capacity(moments.len());
    let mut expected = Vec::with_capacity(moments.len());
    let mut status = statuses();
    for t in moments {
        let Some(moment) = chrono::DateTime::from_timestamp_millis(t) else {
            continue;
        };
        let as_of = AsOf::end_of(moment.date_naive());
        let eval = engine.evaluate(as_of);
        let e = &eval.key_results[h];
        at.push(Some(as_of.instant_millis()));
        value.push(
            engine
                .value_of(h, &kr.kind, e)
                .as_ref()
                .map_or(f64::NAN, value_number),
        );
        progress.push(e.progress);
        expected.push(e.expected);
        status.push(Some(e.status.as_str()));
    }
    Ok(Table {
        rows: at.len(),
        columns: vec![
            col(
                "at",
                "the moment evaluated (end of that day, UTC)",
                Data::Timestamp(at),
            ),
            col("value", "the value as of then", Data::Float(value)),
            col("progress", "progress as of then", Data::Float(progress)),
            col(
                "expected",
                "where progress should have been by then",
                Data::Float(expected),
            ),
            col("status", "status as of then", status.data()),
        ],
    })
}

/// Floats with NaN for "missing" as JSON: `null` out, NaN back in.
mod nan_as_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(values: &[f64], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(values.iter().map(|v| (!v.is_nan()).then_some(*v)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f64>, D::Error> {
        let values: Vec<Option<f64>> = Vec::deserialize(d)?;
        Ok(values.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect())
    }
}
