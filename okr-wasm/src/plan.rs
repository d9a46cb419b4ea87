//! `Plan`: a document, held by JavaScript. Each method converts its arguments, calls
//! the one `okr_core::Document` method that does the work, and converts the answer.

use crate::convert::{
    camel_case_json, from_js, options_from_js, parse_json, to_js, to_js_verbatim, to_json,
};
use crate::errors::{IntoJs, internal};
use crate::table::table_to_js;
use okr_core::{
    AsOf, CalibrationOptions, Document, LintOptions, LoadOptions, PlanFormat, ReportFormat,
    ScoreOptions, TableKind,
};
use wasm_bindgen::prelude::*;

/// An OKR plan: objectives, key results, check-ins, units and cycles, read from text or
/// built from an object.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Plan(pub(crate) Document);

impl From<Document> for Plan {
    fn from(doc: Document) -> Self {
        Plan(doc)
    }
}

/// The options of `load`: `{ format: "yaml" | "json" | "csv", log?: string,
/// validate?: boolean }`.
pub(crate) fn read(text: &str, options: &JsValue) -> Result<Document, JsValue> {
    let options = options_from_js(options)?;
    known_options(&options, "load", &["format", "log", "validate"])?;
    let format = match options.get("format").and_then(|f| f.as_str()) {
        Some(name) => PlanFormat::parse(name).js()?,
        None => PlanFormat::Yaml,
    };
    let log = options
        .get("log")
        .and_then(|l| l.as_str())
        .map(str::to_owned);
    let doc = Document::parse_with_log(text, &LoadOptions::new(format), |_| Ok(log)).js()?;
    match options.get("validate").and_then(|v| v.as_bool()) {
        Some(false) => Ok(doc),
        _ => doc.checked().js(),
    }
}

/// An `OkrError` (`invalid_argument`) for an option `call` does not take: a misspelt
/// option must not be silently ignored.
fn known_options(options: &serde_json::Value, call: &str, known: &[&str]) -> Result<(), JsValue> {
    let unknown = options
        .as_object()
        .into_iter()
        .flat_map(|o| o.keys())
        .find(|k| !known.contains(&k.as_str()));
    match unknown {
        None => Ok(()),
        Some(key) => Err(crate::errors::okr_error(&[
            okr_core::Error::InvalidArgument {
                argument: key.clone(),
                message: format!(
                    "`{call}` has no option `{key}`; its options are {}",
                    known.join(", ")
                ),
            },
        ])),
    }
}

#[wasm_bindgen]
impl Plan {
    /// A plan from an object shaped like the JSON document.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object(object: JsValue) -> Result<Plan, JsValue> {
        crate::usable()?;
        Document::from_value(from_js(&object)?).js().map(Plan)
    }

    /// The plan as an object shaped like the JSON document (what `JSON.stringify`
    /// writes).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "PlanDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        crate::usable()?;
        to_js_verbatim(&self.0.to_value().js()?)
    }

    /// The plan as text: `"yaml"`, `"json"` or `"csv"`.
    pub fn write(&self, format: &str) -> Result<String, JsValue> {
        crate::usable()?;
        self.0.write(PlanFormat::parse(format).js()?).js()
    }

    /// Every problem of meaning (dangling references, bad values), located; empty when
    /// the plan is valid.
    #[wasm_bindgen(unchecked_return_type = "Problem[]")]
    pub fn problems(&self) -> Result<JsValue, JsValue> {
        crate::usable()?;
        let infos: Vec<okr_core::ErrorInfo> = self.0.problems().iter().map(Into::into).collect();
        to_js(&infos)
    }

    /// Scores as of `asOf` (default now), optionally under a peer tool's `preset`:
    /// `{ asOf, objectives, keyResults }`. Throws the plan's problems if it has any.
    #[wasm_bindgen(unchecked_return_type = "Scores")]
    pub fn score(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ScoreOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        crate::usable()?;
        let options = ScoreOptions::from_value(options_from_js(&options)?).js()?;
        scores_to_js(self.0.score_with(&options).js()?)
    }

    /// Scores as if each key result in `values` (`{ arr: 12.5, pg16: true }`: numbers,
    /// booleans, zone names, lists of finished step ids, or text as the CLI reads it)
    /// had reported its value at `asOf`: `{ supposed, changes, scores }`, `changes`
    /// holding every objective and key result whose progress, status or chance moves.
    /// The plan is not changed.
    #[wasm_bindgen(js_name = whatIf, unchecked_return_type = "WhatIf")]
    pub fn what_if(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "Record<string, number | boolean | string | string[]>"
        )]
        values: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ScoreOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        crate::usable()?;
        let options = ScoreOptions::from_value(options_from_js(&options)?).js()?;
        let values = from_js(&values)?;
        let Some(values) = values.as_object() else {
            return Err(crate::errors::okr_error(&[
                okr_core::Error::InvalidArgument {
                    argument: "values".into(),
                    message: "an object of key-result ids and values, as { arr: 12.5 }".into(),
                },
            ]));
        };
        let supposed = values
            .iter()
            .map(|(id, value)| self.0.suppose_json(id, value))
            .collect::<Result<Vec<_>, _>>()
            .js()?;
        let answer = self.0.what_if(&options, &supposed).js()?;
        let scores = scores_to_js(answer.scorecard)?;
        let answer = serde_json::json!({"supposed": answer.supposed, "changes": answer.changes});
        let out = to_js(&answer)?;
        js_sys::Reflect::set(&out, &JsValue::from_str("scores"), &scores)?;
        Ok(out)
    }

    /// How the confidence stated at check-ins compared with how key results ended, as
    /// of `asOf` (default now): for everyone and per owner, unit and cycle, the Brier
    /// score, the gap between stated confidence and the share that hit, a reliability
    /// table and a verdict. `hitAt` counts reaching that progress as a hit; the
    /// judgement (`minKeyResults`, `minCycles`, `maxGap`) defaults to the plan's lint
    /// settings.
    #[wasm_bindgen(unchecked_return_type = "Calibration")]
    pub fn calibration(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CalibrationOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        crate::usable()?;
        let options = CalibrationOptions::from_value(options_from_js(&options)?).js()?;
        to_js(&self.0.calibration(&options).js()?)
    }

    /// Lint diagnostics, each located.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn lint(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LintOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        crate::usable()?;
        let options = LintOptions::from_value(options_from_js(&options)?).js()?;
        to_js(&self.0.lint(&options).js()?)
    }

    /// The alignment tree: roots, orphans, and each objective's parents, children,
    /// depth, skipped levels and coverage.
    #[wasm_bindgen(unchecked_return_type = "Alignment")]
    pub fn alignment(&self) -> Result<JsValue, JsValue> {
        crate::usable()?;
        to_js(&self.0.alignment())
    }

    /// A report: `{ format: "md" | "html", since?: string, lint?: boolean, unit?:
    /// string, owner?: string, ...LintOptions }`.
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        crate::usable()?;
        let mut options = options_from_js(&options)?;
        let mut take = |key: &str| options.as_object_mut().and_then(|o| o.remove(key));
        let format = match take("format") {
            Some(serde_json::Value::String(name)) => ReportFormat::parse(&name).js()?,
            _ => ReportFormat::Markdown,
        };
        let since = match take("since") {
            Some(serde_json::Value::String(text)) => Some(AsOf::parse(&text).js()?),
            _ => None,
        };
        let findings = !matches!(take("lint"), Some(serde_json::Value::Bool(false)));
        let mut text = |key: &str| match take(key) {
            Some(serde_json::Value::String(s)) => Some(s),
            _ => None,
        };
        let (unit, owner) = (text("unit"), text("owner"));
        let lint = LintOptions::from_value(options).js()?;
        let options = okr_core::ReportOptions {
            lint,
            findings,
            since,
            unit,
            owner,
        };
        self.0.report_with(format, &options).js()
    }

    /// A table as columns (`"objectives"`, `"key_results"`, `"check_ins"`, `"scores"`,
    /// `"diagnostics"`): numbers in `Float64Array`s (`NaN` when missing; times in
    /// milliseconds since the epoch), text in arrays.
    #[wasm_bindgen(unchecked_return_type = "Table")]
    pub fn table(
        &self,
        kind: &str,
        #[wasm_bindgen(unchecked_param_type = "LintOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        crate::usable()?;
        let kind = TableKind::parse(kind).js()?;
        let options = LintOptions::from_value(options_from_js(&options)?).js()?;
        table_to_js(&self.0.table(kind, &options).js()?)
    }

    /// How many objectives, key results and check-ins the plan holds.
    #[wasm_bindgen(unchecked_return_type = "Counts")]
    pub fn counts(&self) -> Result<JsValue, JsValue> {
        crate::usable()?;
        to_js(&self.0.counts())
    }
}

/// A scorecard as JavaScript reads it: objectives and key results as two flat lists
/// (each key result names its `objectiveId`), fields in camelCase.
pub(crate) fn scores_to_js(card: okr_core::Scorecard) -> Result<JsValue, JsValue> {
    let mut objectives = Vec::with_capacity(card.objectives.len());
    let mut key_results = Vec::new();
    for mut objective in card.objectives {
        key_results.append(&mut objective.key_results);
        let mut value = serde_json::to_value(&objective).map_err(|e| internal(&e.to_string()))?;
        if let Some(fields) = value.as_object_mut() {
            fields.remove("key_results");
        }
        objectives.push(value);
    }
    let flat = serde_json::json!({"as_of": card.as_of, "objectives": objectives});
    let mut text = to_json(&flat)?;
    // The key results, appended as text: they are most of the answer.
    text.pop();
    text.push_str(",\"key_results\":");
    text.push_str(&to_json(&key_results)?);
    text.push('}');
    parse_json(&camel_case_json(&text))
}
