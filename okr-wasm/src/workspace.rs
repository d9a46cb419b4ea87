//! `Workspace`: what an editor holds. It takes the whole text on every change and
//! answers, in one call, everything the editor shows: the problems that stop the plan
//! from being scored, the lint diagnostics, and the scores, each finding with its
//! position as the editor counts it (UTF-16 code units) beside the byte offset.

use crate::convert::{options_from_js, to_js};
use crate::errors::{IntoJs, internal};
use crate::plan::scores_to_js;
use okr_core::position::LineIndex;
use okr_core::{AsOf, DocumentKind, ErrorInfo, LintOptions, PlanFormat};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// An editor's session: the format of the text, the check-ins log beside it, and the
/// lint options (`okr_core::workspace::Workspace`). `check(text)` is called on every
/// keystroke.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Workspace(okr_core::workspace::Workspace);

#[wasm_bindgen]
impl Workspace {
    /// `{ format?: "yaml" | "json" | "csv", log?: string, asOf?: string, ...LintOptions }`;
    /// a misspelt option throws here, once, rather than on every keystroke.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "WorkspaceOptions")] options: JsValue,
    ) -> Result<Workspace, JsValue> {
        crate::usable()?;
        let mut options = options_from_js(&options)?;
        let mut take = |key: &str| options.as_object_mut().and_then(|f| f.remove(key));
        let format = match take("format") {
            Some(serde_json::Value::String(name)) => PlanFormat::parse(&name).js()?,
            _ => PlanFormat::Yaml,
        };
        let log = match take("log") {
            Some(serde_json::Value::String(log)) => Some(log),
            _ => None,
        };
        let explicit = options
            .get("as_of")
            .or_else(|| options.get("asOf"))
            .is_some_and(|v| !v.is_null());
        let lint = LintOptions::from_value(options).js()?;
        let as_of = explicit.then_some(lint.as_of);
        let mut inner = okr_core::workspace::Workspace::new(format, lint, as_of);
        inner.set_log(log.as_deref());
        Ok(Workspace(inner))
    }

    /// Replaces the check-ins log (JSON Lines); `undefined` for none.
    #[wasm_bindgen(js_name = setLog)]
    pub fn set_log(&mut self, log: Option<String>) {
        self.0.set_log(log.as_deref());
    }

    /// Scores and lints as of `asOf` from now on; `undefined` for the moment of each
    /// check.
    #[wasm_bindgen(js_name = setAsOf)]
    pub fn set_as_of(&mut self, as_of: Option<String>) -> Result<(), JsValue> {
        crate::usable()?;
        let as_of = as_of.as_deref().map(AsOf::parse).transpose().js()?;
        self.0.set_as_of(as_of);
        Ok(())
    }

    /// Everything the editor shows for `text`: `{ problems, diagnostics, scores }`.
    /// Text that cannot be read as a plan is not thrown: it is the one problem, located,
    /// and `scores` is `null` (so are they while the plan has problems).
    #[wasm_bindgen(unchecked_return_type = "CheckResult")]
    pub fn check(&self, text: &str) -> Result<JsValue, JsValue> {
        crate::usable()?;
        let index = LineIndex::new(text);
        let checked = self.0.check(text);
        let problems: Vec<ErrorInfo> = checked.problems.iter().map(ErrorInfo::from).collect();
        let scores = match checked.scores {
            Some(card) => scores_to_js(card)?,
            None => JsValue::NULL,
        };
        let out = serde_json::json!({
            "problems": located(&index, &problems, |p| p.document == DocumentKind::Plan)?,
            "diagnostics": located(&index, &checked.diagnostics, |_| true)?,
        });
        let out = to_js(&out)?;
        js_sys::Reflect::set(&out, &"scores".into(), &scores)?;
        Ok(out)
    }
}

/// Each item as a record plus `offset` (UTF-16 code units) and `byteOffset`
/// of its line and column in the plan text, when it has them and `in_text` says the
/// position is in this text (a log's problem is not).
fn located<T: Serialize>(
    index: &LineIndex<'_>,
    items: &[T],
    in_text: impl Fn(&T) -> bool,
) -> Result<Vec<serde_json::Value>, JsValue> {
    items
        .iter()
        .map(|item| {
            let mut value = serde_json::to_value(item).map_err(|e| internal(&e.to_string()))?;
            let line = value.get("line").and_then(|l| l.as_u64());
            let column = value.get("column").and_then(|c| c.as_u64());
            let offsets = match (line, column) {
                (Some(l), Some(c)) if in_text(item) => index.offsets(l as u32, c as u32),
                _ => None,
            };
            if let Some(fields) = value.as_object_mut() {
                fields.insert("offset".into(), offsets.map(|o| o.utf16).into());
                fields.insert("byte_offset".into(), offsets.map(|o| o.byte).into());
            }
            Ok(value)
        })
        .collect()
}
