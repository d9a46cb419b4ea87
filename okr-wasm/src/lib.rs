//! The OKR engine for JavaScript (the npm package `okr`, built from okr-wasm/npm).
//! Everything here converts: JavaScript values to the core's typed options, the core's
//! answers to plain objects with camelCase fields, and the core's errors to
//! `OkrError`s. The domain logic is okr-core's.

mod convert;
mod errors;
mod plan;
mod table;
mod workspace;

pub use plan::Plan;
pub use workspace::Workspace;

use convert::{from_js, to_js};
use errors::IntoJs;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;

/// The TypeScript types of the records the API returns and the options it takes, kept
/// by hand beside the Rust that makes them; `okr-wasm/tests/types.test.mjs` holds every
/// field named here to the objects the engine really returns.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../npm/types.d.ts");

static PANICKED: AtomicBool = AtomicBool::new(false);

/// Runs once when the module is instantiated: a panic (a bug in the engine, never a
/// consequence of bad input) is written to `console.error` with its message and place,
/// and marks the module as unusable, since a trapped WebAssembly instance may hold
/// half-changed state. The call that panicked throws a `WebAssembly.RuntimeError`;
/// every call after it throws an `OkrError` with code `internal`, until the page (or
/// process) loads the module again.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::SeqCst);
        console_error_panic_hook::hook(info);
    }));
}

/// An `OkrError` with code `internal` once an earlier call has panicked.
pub(crate) fn usable() -> Result<(), JsValue> {
    if PANICKED.load(Ordering::SeqCst) {
        return Err(errors::internal(
            "an earlier call panicked (see the console); load the module again",
        ));
    }
    Ok(())
}

/// Reads a plan from text: `{ format: "yaml" | "json" | "csv" (default "yaml"),
/// log?: string }`, `log` being the text of its check-ins log (JSON Lines).
#[wasm_bindgen]
pub fn load(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "LoadOptions")] options: JsValue,
) -> Result<Plan, JsValue> {
    usable()?;
    plan::read(text, &options).map(Plan::from)
}

/// Every lint rule, in code order, with its documentation.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    usable()?;
    let rules: Vec<okr_core::lint::RuleInfo> = okr_core::lint::rules()
        .into_iter()
        .map(okr_core::lint::RuleInfo::from)
        .collect();
    to_js(&rules)
}

/// The names of the scoring-policy presets (peer tools' policies).
#[wasm_bindgen]
pub fn presets() -> Vec<String> {
    okr_core::Preset::ALL
        .iter()
        .map(|p| p.as_str().to_owned())
        .collect()
}

/// The JSON Schema of the plan document. Shipped as the text okr-core generates
/// (docs/plan.schema.json, which the CLI's tests hold to `okr schema`), rather than
/// generated here: the generator would add its code to every download.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsValue> {
    usable()?;
    js_sys::JSON::parse(include_str!("../../docs/plan.schema.json"))
}

/// A seeded synthetic enterprise: `size` is `"S"` (1,000 objectives), `"M"`, `"L"` or a
/// number of objectives.
#[wasm_bindgen]
pub fn generate(size: JsValue, seed: Option<u32>) -> Result<Plan, JsValue> {
    usable()?;
    let text = match from_js(&size)? {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s,
        _ => "S".to_owned(),
    };
    let size =
        okr_core::generate::Size::parse(&text).ok_or_else(|| okr_core::Error::InvalidArgument {
            argument: "size".into(),
            message: format!("unknown size `{text}`; use S, M, L or a number of objectives"),
        });
    let plan = okr_core::generate::generate(size.js()?, u64::from(seed.unwrap_or(1)));
    Ok(Plan::from(okr_core::Document::from_plan(plan)))
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
