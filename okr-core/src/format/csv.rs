//! CSV: one row per key result, the objective's columns repeated, for spreadsheets.
//!
//! CSV carries objectives and key results with their units and cycles (id, name, kind,
//! dates). It does not carry check-ins, initiatives, KPIs, unit and cycle parents, or
//! plan-level fields; docs/format.md lists the columns. Structured values (alignment,
//! steps, phases, metadata) are JSON inside their cell.

use super::{Limits, check_size};
use crate::error::{Error, Format, Location, Result};
use crate::model::{Cycle, KeyResult, KeyResultDoc, Metadata, Objective, Plan, Unit, UnitKind};
use chrono::NaiveDate;
use foldhash::HashMap;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The columns, in the order they are written.
pub const COLUMNS: [&str; 43] = [
    "objective_id",
    "objective_title",
    "objective_description",
    "objective_owner",
    "unit",
    "unit_name",
    "unit_kind",
    "cycle",
    "cycle_name",
    "cycle_start",
    "cycle_end",
    "objective_type",
    "objective_weight",
    "objective_state",
    "objective_score",
    "closing_note",
    "aligns_to",
    "progress_from",
    "objective_metadata",
    "kr_id",
    "kr_title",
    "kr_owner",
    "kr_type",
    "start",
    "target",
    "threshold",
    "band",
    "low",
    "high",
    "commit",
    "stretch",
    "steps",
    "of",
    "op",
    "measure",
    "kr_unit",
    "kr_weight",
    "due",
    "phases",
    "kpi",
    "kr_metadata",
    "unit_metadata",
    "cycle_metadata",
];

fn col(name: &str) -> usize {
    COLUMNS
        .iter()
        .position(|c| *c == name)
        .unwrap_or(usize::MAX)
}

/// What writing `plan` as CSV would leave out, one line per kind of thing, each naming
/// how many: CSV carries objectives and key results with their units and cycles, and
/// nothing else (docs/format.md). Empty when the CSV would hold the whole plan.
pub fn left_out(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    let mut note = |n: usize, what: &str| {
        if n > 0 {
            out.push(format!("{n} {what}"));
        }
    };
    let krs = || plan.objectives.iter().flat_map(|o| &o.key_results);
    note(
        krs().map(|k| k.check_ins.len()).sum::<usize>()
            + plan.kpis.iter().map(|k| k.check_ins.len()).sum::<usize>(),
        "check-in(s) in the plan (the check-ins log is a file of its own and is not touched)",
    );
    note(
        plan.objectives
            .iter()
            .map(|o| o.initiatives.len())
            .sum::<usize>()
            + krs().map(|k| k.initiatives.len()).sum::<usize>(),
        "initiative(s)",
    );
    note(plan.kpis.len(), "KPI(s)");
    note(
        plan.objectives
            .iter()
            .map(|o| o.lint_ignore.len())
            .sum::<usize>()
            + krs().map(|k| k.lint_ignore.len()).sum::<usize>(),
        "lint_ignore entr(y/ies)",
    );
    note(
        plan.units.iter().filter(|u| u.parent.is_some()).count(),
        "unit parent link(s)",
    );
    note(
        plan.cycles.iter().filter(|c| c.parent.is_some()).count(),
        "cycle parent link(s)",
    );
    let used_units: Vec<&str> = plan
        .objectives
        .iter()
        .filter_map(|o| o.unit.as_deref())
        .collect();
    note(
        plan.units
            .iter()
            .filter(|u| !used_units.contains(&u.id.as_str()))
            .count(),
        "unit(s) no objective names",
    );
    let used_cycles: Vec<&str> = plan
        .objectives
        .iter()
        .filter_map(|o| o.cycle.as_deref())
        .collect();
    note(
        plan.cycles
            .iter()
            .filter(|c| !used_cycles.contains(&c.id.as_str()))
            .count(),
        "cycle(s) no objective names",
    );
    for (present, what) in [
        (plan.name.is_some(), "the plan's `name`"),
        (plan.policy.is_some(), "the `policy:` section"),
        (plan.lint.is_some(), "the `lint:` section"),
        (
            plan.check_ins_file.is_some(),
            "`check_ins_file` (the link to the check-ins log)",
        ),
        (!plan.metadata.is_empty(), "the plan's `metadata`"),
    ] {
        if present {
            out.push(what.to_owned());
        }
    }
    out
}

/// Writes the objectives and key results of `plan` as CSV.
pub fn to_string(plan: &Plan) -> Result<String> {
    let units: HashMap<&str, &Unit> = plan.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let cycles: HashMap<&str, &Cycle> = plan.cycles.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Error::InvalidValue {
        message: format!("cannot write CSV: {e}"),
        location: Location::default(),
    };
    w.write_record(COLUMNS).map_err(fail)?;
    for o in &plan.objectives {
        let mut base = vec![String::new(); COLUMNS.len()];
        let mut set = |name: &str, value: String| base[col(name)] = value;
        set("objective_id", o.id.clone());
        set("objective_title", o.title.clone());
        set("objective_description", opt(&o.description));
        set("objective_owner", opt(&o.owner));
        if let Some(u) = o.unit.as_deref() {
            set("unit", u.to_owned());
            if let Some(unit) = units.get(u) {
                set("unit_name", unit.name.clone());
                set("unit_kind", json_scalar(&unit.kind));
                set("unit_metadata", json_or_empty(&unit.metadata));
            }
        }
        if let Some(c) = o.cycle.as_deref() {
            set("cycle", c.to_owned());
            if let Some(cycle) = cycles.get(c) {
                set("cycle_name", cycle.name.clone());
                set(
                    "cycle_start",
                    cycle.start.map(|d| d.to_string()).unwrap_or_default(),
                );
                set(
                    "cycle_end",
                    cycle.end.map(|d| d.to_string()).unwrap_or_default(),
                );
                set("cycle_metadata", json_or_empty(&cycle.metadata));
            }
        }
        set(
            "objective_type",
            o.commitment.map(|c| json_scalar(&c)).unwrap_or_default(),
        );
        set("objective_weight", num(o.weight));
        set(
            "objective_state",
            o.state.map(|s| json_scalar(&s)).unwrap_or_default(),
        );
        set("objective_score", num(o.score));
        set("closing_note", opt(&o.closing_note));
        set(
            "aligns_to",
            if o.aligns_to.is_empty() {
                String::new()
            } else {
                json(&o.aligns_to)
            },
        );
        set(
            "progress_from",
            o.progress_from.map(|p| json_scalar(&p)).unwrap_or_default(),
        );
        set("objective_metadata", json_or_empty(&o.metadata));
        if o.key_results.is_empty() {
            w.write_record(guarded(base.clone())).map_err(fail)?;
        }
        for kr in &o.key_results {
            let d = KeyResultDoc::from(kr.clone());
            let mut row = base.clone();
            let mut set = |name: &str, value: String| row[col(name)] = value;
            set("kr_id", d.id);
            set("kr_title", d.title);
            set("kr_owner", opt(&d.owner));
            set("kr_type", d.kr_type.as_str().to_owned());
            for (name, v) in [
                ("start", d.start),
                ("target", d.target),
                ("threshold", d.threshold),
                ("band", d.band),
                ("low", d.low),
                ("high", d.high),
                ("commit", d.commit),
                ("stretch", d.stretch),
                ("kr_weight", d.weight),
            ] {
                set(name, num(v));
            }
            set("steps", d.steps.as_ref().map(json).unwrap_or_default());
            set("of", d.of.map(|v| v.join(";")).unwrap_or_default());
            set(
                "op",
                d.op.map(|o| o.as_str().to_owned()).unwrap_or_default(),
            );
            set("measure", opt(&d.measure));
            set("kr_unit", opt(&d.unit));
            set("due", d.due.map(|d| d.to_string()).unwrap_or_default());
            set(
                "phases",
                if d.phases.is_empty() {
                    String::new()
                } else {
                    json(&d.phases)
                },
            );
            set("kpi", opt(&d.kpi));
            set("kr_metadata", json_or_empty(&d.metadata));
            w.write_record(guarded(row)).map_err(fail)?;
        }
    }
    let bytes = w.into_inner().map_err(|e| Error::InvalidValue {
        message: format!("cannot write CSV: {e}"),
        location: Location::default(),
    })?;
    String::from_utf8(bytes).map_err(|e| Error::InvalidValue {
        message: e.to_string(),
        location: Location::default(),
    })
}

/// The columns of free text and ids: the cells a spreadsheet could take for a formula.
const TEXT_COLUMNS: [&str; 16] = [
    "objective_id",
    "objective_title",
    "objective_description",
    "objective_owner",
    "unit",
    "unit_name",
    "cycle",
    "cycle_name",
    "closing_note",
    "kr_id",
    "kr_title",
    "kr_owner",
    "of",
    "measure",
    "kr_unit",
    "kpi",
];

/// Whether a spreadsheet reads a cell starting with `c` as a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab, carriage return).
fn formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// `row` with each text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`)
/// written after an apostrophe, as spreadsheets expect; a text that already starts with
/// an apostrophe before such a character gets one more, so reading it back
/// ([`unguard`]) gives exactly the text written.
fn guarded(mut row: Vec<String>) -> Vec<String> {
    for name in TEXT_COLUMNS {
        let cell = &mut row[col(name)];
        let mut chars = cell.chars();
        let first = chars.next();
        let needs = match first {
            Some(c) if formula_start(c) => true,
            Some('\'') => chars.next().is_some_and(|c| formula_start(c) || c == '\''),
            _ => false,
        };
        if needs {
            cell.insert(0, '\'');
        }
    }
    row
}

/// A text cell as written before [`guarded`]: one leading apostrophe dropped when a
/// formula character or another apostrophe follows it.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c: char| formula_start(c) || c == '\'') => rest,
        _ => cell,
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn num(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

fn json_or_empty(m: &Metadata) -> String {
    if m.is_empty() { String::new() } else { json(m) }
}

/// An enum's document name (`committed`, `team`), without JSON quotes.
fn json_scalar<T: Serialize>(v: &T) -> String {
    json(v).trim_matches('"').to_owned()
}

struct Cells<'a> {
    record: &'a csv::StringRecord,
    index: &'a [Option<usize>; COLUMNS.len()],
    line: u32,
    path: String,
}

impl Cells<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        let i = self.index[col(name)]?;
        // Text is kept as written; only numbers and dates are trimmed when read.
        self.record.get(i).filter(|s| !s.trim().is_empty())
    }

    fn loc(&self, name: &str, field: &str) -> Location {
        let column = self.index[col(name)].map(|i| i as u32 + 1).unwrap_or(0);
        let path = if field.is_empty() {
            self.path.clone()
        } else {
            format!("{}.{field}", self.path)
        };
        Location::at(path).with_position(self.line, column)
    }

    /// A text column's cell, as written before it was guarded against spreadsheets.
    fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|cell| unguard(cell).to_owned())
    }

    fn number(&self, name: &str, field: &str) -> Result<Option<f64>> {
        self.get(name)
            .map(|s| {
                s.trim().parse::<f64>().map_err(|_| Error::InvalidValue {
                    message: format!("column `{name}`: `{s}` is not a number"),
                    location: self.loc(name, field),
                })
            })
            .transpose()
    }

    fn date(&self, name: &str, field: &str) -> Result<Option<NaiveDate>> {
        self.get(name)
            .map(|s| {
                NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Error::InvalidValue {
                    message: format!(
                        "column `{name}`: {}",
                        crate::model::date_text::explain(s.trim(), false)
                    ),
                    location: self.loc(name, field),
                })
            })
            .transpose()
    }

    /// A JSON cell, or a bare enum name (`committed`) read as a JSON string.
    fn parse<T: DeserializeOwned>(&self, name: &str, field: &str) -> Result<Option<T>> {
        let Some(s) = self.get(name) else {
            return Ok(None);
        };
        let quoted;
        let text = if s.starts_with(['[', '{', '"']) {
            s
        } else {
            quoted = format!("\"{s}\"");
            &quoted
        };
        serde_json::from_str(text)
            .map(Some)
            .map_err(|e| Error::Schema {
                message: format!(
                    "column `{name}`: {}",
                    e.to_string()
                        .rsplit_once(" at line ")
                        .map(|p| p.0.to_owned())
                        .unwrap_or_else(|| e.to_string())
                ),
                location: self.loc(name, field),
            })
    }
}

/// Every header that names no column, each at its character column in the first line.
fn unknown_columns(text: &str, headers: &csv::StringRecord) -> Vec<Error> {
    let line = text.lines().next().unwrap_or_default();
    let mut from = 0;
    let mut found = Vec::new();
    for h in headers {
        // Where this header is written: the next occurrence after the last one.
        let at = line[from.min(line.len())..].find(h).map(|i| from + i);
        if let Some(at) = at {
            from = at + h.len();
        }
        if !COLUMNS.contains(&h.trim()) {
            let column = at.map_or(1, |at| line[..at].chars().count() + 1);
            found.push(Error::UnknownField {
                field: h.to_owned(),
                expected: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
                location: Location::at("").with_position(1, column as u32),
            });
        }
    }
    found
}

/// Every unknown column of a CSV plan's header (the CSV case of
/// [`unknown_fields`](crate::format::unknown_fields)).
pub(crate) fn all_unknown_columns(text: &str) -> Vec<Error> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    match reader.headers() {
        Ok(headers) => unknown_columns(text, &headers.clone()),
        Err(_) => Vec::new(),
    }
}

/// Whether column `c` describes an objective (with its unit and cycle) rather than one
/// key result: every row of an objective repeats these, so its rows must agree. They
/// are all but the id and the key-result block `kr_id`…`kr_metadata`.
fn describes_objective(c: usize) -> bool {
    c != col("objective_id") && !(col("kr_id")..=col("kr_metadata")).contains(&c)
}

/// Reads objectives and key results from CSV (the columns of [`COLUMNS`], any order).
pub fn parse(text: &str, limits: &Limits) -> Result<Plan> {
    check_size(text.len(), limits)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(&e))?.clone();
    if let Some(first) = unknown_columns(text, &headers).into_iter().next() {
        return Err(first);
    }
    let mut index = [None; COLUMNS.len()];
    for (i, h) in headers.iter().enumerate() {
        if let Some(c) = COLUMNS.iter().position(|c| *c == h.trim()) {
            index[c] = Some(i);
        }
    }
    for required in ["objective_id", "objective_title"] {
        if index[col(required)].is_none() {
            return Err(Error::Schema {
                message: format!("the CSV has no `{required}` column"),
                location: Location::at("").with_position(1, 1),
            });
        }
    }
    let mut plan = Plan::default();
    let mut objective_at: HashMap<String, usize> = HashMap::default();
    // Per objective: the line of its first row and that row's objective cells.
    let mut first_rows: Vec<(u32, Vec<Option<String>>)> = Vec::new();
    let mut units: HashMap<String, usize> = HashMap::default();
    let mut cycles: HashMap<String, usize> = HashMap::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map(|p| p.line() as u32).unwrap_or(0);
        let mut cells = Cells {
            record: &record,
            index: &index,
            line,
            path: String::new(),
        };
        let id = cells.text("objective_id").unwrap_or_default();
        let oi = match objective_at.get(&id) {
            Some(&oi) => {
                cells.path = format!("objectives[{oi}]");
                agree(&cells, &id, &first_rows[oi])?;
                oi
            }
            None => {
                let oi = plan.objectives.len();
                cells.path = format!("objectives[{oi}]");
                first_rows.push((
                    line,
                    COLUMNS
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            describes_objective(i)
                                .then(|| cells.get(c).map(str::to_owned))
                                .flatten()
                        })
                        .collect(),
                ));
                plan.objectives.push(read_objective(&cells, id.clone())?);
                objective_at.insert(id, oi);
                if let Some(u) = cells.text("unit") {
                    if !units.contains_key(&u) && cells.get("unit_kind").is_some() {
                        units.insert(u.clone(), plan.units.len());
                        plan.units.push(Unit {
                            name: cells.text("unit_name").unwrap_or_else(|| u.clone()),
                            kind: cells
                                .parse::<UnitKind>("unit_kind", "unit")?
                                .unwrap_or(UnitKind::Team),
                            id: u,
                            parent: None,
                            metadata: cells.parse("unit_metadata", "unit")?.unwrap_or_default(),
                        });
                    }
                }
                if let Some(c) = cells.text("cycle") {
                    if !cycles.contains_key(&c)
                        && (cells.get("cycle_start").is_some() || cells.get("cycle_name").is_some())
                    {
                        cycles.insert(c.clone(), plan.cycles.len());
                        plan.cycles.push(Cycle {
                            name: cells.text("cycle_name").unwrap_or_else(|| c.clone()),
                            start: cells.date("cycle_start", "cycle")?,
                            end: cells.date("cycle_end", "cycle")?,
                            id: c,
                            parent: None,
                            metadata: cells.parse("cycle_metadata", "cycle")?.unwrap_or_default(),
                        });
                    }
                }
                oi
            }
        };
        if cells.get("kr_id").is_some() {
            let j = plan.objectives[oi].key_results.len();
            cells.path = format!("objectives[{oi}].key_results[{j}]");
            let kr = read_key_result(&cells)?;
            plan.objectives[oi].key_results.push(kr);
        }
    }
    Ok(plan)
}

/// A later row of an objective: each objective cell it fills must say what the first
/// row said (a cell left empty repeats it), or one of the two would be lost.
fn agree(c: &Cells<'_>, id: &str, (line, first): &(u32, Vec<Option<String>>)) -> Result<()> {
    let objective = COLUMNS
        .iter()
        .zip(first)
        .enumerate()
        .filter(|(i, _)| describes_objective(*i));
    for (_, (name, was)) in objective {
        if let Some(now) = c.get(name) {
            if was.as_deref() != Some(now) {
                let before = was.as_deref().unwrap_or("");
                return Err(Error::InvalidValue {
                    message: format!(
                        "objective `{id}` has `{name}` = `{now}` here but `{before}` on line \
                         {line}; every row of one objective must carry the same objective \
                         columns (or leave them empty)"
                    ),
                    location: c.loc(name, ""),
                });
            }
        }
    }
    Ok(())
}

fn read_objective(c: &Cells<'_>, id: String) -> Result<Objective> {
    let mut o = Objective::new(id, c.text("objective_title").unwrap_or_default());
    o.description = c.text("objective_description");
    o.owner = c.text("objective_owner");
    o.unit = c.text("unit");
    o.cycle = c.text("cycle");
    o.commitment = c.parse("objective_type", "type")?;
    o.weight = c.number("objective_weight", "weight")?;
    o.state = c.parse("objective_state", "state")?;
    o.score = c.number("objective_score", "score")?;
    o.closing_note = c.text("closing_note");
    o.aligns_to = c.parse("aligns_to", "aligns_to")?.unwrap_or_default();
    o.progress_from = c.parse("progress_from", "progress_from")?;
    o.metadata = c
        .parse("objective_metadata", "metadata")?
        .unwrap_or_default();
    Ok(o)
}

fn read_key_result(c: &Cells<'_>) -> Result<KeyResult> {
    let doc = KeyResultDoc {
        id: c.text("kr_id").unwrap_or_default(),
        title: c.text("kr_title").unwrap_or_default(),
        owner: c.text("kr_owner"),
        kr_type: c.parse("kr_type", "type")?.ok_or_else(|| Error::Schema {
            message: "a key result needs `kr_type`".into(),
            location: c.loc("kr_type", "type"),
        })?,
        start: c.number("start", "start")?,
        target: c.number("target", "target")?,
        threshold: c.number("threshold", "threshold")?,
        band: c.number("band", "band")?,
        low: c.number("low", "low")?,
        high: c.number("high", "high")?,
        commit: c.number("commit", "commit")?,
        stretch: c.number("stretch", "stretch")?,
        steps: c.parse("steps", "steps")?,
        of: c.text("of").map(|s| {
            s.split(';')
                .map(|x| x.trim().to_owned())
                .filter(|x| !x.is_empty())
                .collect()
        }),
        op: c.parse("op", "op")?,
        measure: c.text("measure"),
        unit: c.text("kr_unit"),
        weight: c.number("kr_weight", "weight")?,
        due: c.date("due", "due")?,
        phases: c.parse("phases", "phases")?.unwrap_or_default(),
        kpi: c.text("kpi"),
        check_ins: Vec::new(),
        initiatives: Vec::new(),
        lint_ignore: Vec::new(),
        metadata: c.parse("kr_metadata", "metadata")?.unwrap_or_default(),
    };
    KeyResult::try_from(doc).map_err(|message| Error::Schema {
        message,
        location: c.loc("kr_type", ""),
    })
}

fn csv_error(e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line() as u32);
    let location = Location {
        line,
        ..Location::default()
    };
    Error::Syntax {
        format: Format::Csv,
        message: e.to_string(),
        location,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text_and_read_back_exactly() {
        let mut plan = Plan::default();
        plan.objectives.push(Objective::new(
            "o",
            "=HYPERLINK(\"http://example.invalid\",\"x\")",
        ));
        plan.objectives.push(Objective::new("p", "'=quoted"));
        let text = to_string(&plan).expect("writes");
        assert!(text.contains("\"'=HYPERLINK("), "{text}");
        assert!(text.contains(",''=quoted,"), "{text}");
        let back = parse(&text, &Limits::default()).expect("reads");
        assert_eq!(back.objectives[0].title, plan.objectives[0].title);
        assert_eq!(back.objectives[1].title, "'=quoted");
        // A leading apostrophe before ordinary text is text, as it always was.
        assert_eq!(unguard("'Tis"), "'Tis");
    }
}
