//! `okr._okr`: the OKR engine for Python. The pure-Python package `okr` wraps this
//! module; everything here converts types and errors, and the domain logic stays in
//! okr-core.

mod calibration;
mod convert;
mod errors;
mod interrupt;
mod plan;
mod records;
mod tables;
mod wait;

use plan::PyPlan;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use records::{
    PyDiagnostic, PyKeyResult, PyKeyResultScore, PyObjective, PyObjectiveScore, PyRule,
    PyScorecard, PyWhatIf,
};

// As in the CLI: a plan is millions of small allocations, which mimalloc makes and
// frees faster than the system allocator. Python's own objects are not affected.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A seeded synthetic enterprise: `size` is "S" (1,000 objectives), "M" (10,000), "L"
/// (100,000) or a number of objectives.
#[pyfunction]
#[pyo3(signature = (size = None, seed = 1))]
fn generate(py: Python<'_>, size: Option<&Bound<'_, PyAny>>, seed: u64) -> PyResult<PyPlan> {
    let text = match size {
        Some(s) => s.str()?.to_cow()?.into_owned(),
        None => "S".to_owned(),
    };
    let size = okr_core::generate::Size::parse(&text).ok_or_else(|| {
        PyValueError::new_err(format!(
            "size must be \"S\", \"M\", \"L\" or a positive number of objectives, not {text:?}"
        ))
    })?;
    let plan = py.detach(|| okr_core::generate::generate(size, seed));
    Ok(PyPlan::from(okr_core::Document::from_plan(plan)))
}

/// Every lint rule, in code order.
#[pyfunction]
fn rules() -> Vec<PyRule> {
    okr_core::lint::rules().into_iter().map(PyRule).collect()
}

/// The rule with this code (`OKR202`) or name (`activity-key-result`).
#[pyfunction]
fn rule(py: Python<'_>, code_or_name: &str) -> PyResult<PyRule> {
    okr_core::lint::find_rule(code_or_name)
        .map(PyRule)
        .map_err(|e| errors::raise(py, &e))
}

/// The names of the scoring-policy presets.
#[pyfunction]
fn presets() -> Vec<&'static str> {
    okr_core::Preset::ALL.iter().map(|p| p.as_str()).collect()
}

/// The JSON Schema of the plan format, as a dict.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let text = okr_core::json_schema();
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| PyValueError::new_err(e.to_string()))?;
    convert::to_py(py, &value)
}

/// The format a file's extension names: "yaml", "json" or "csv".
#[pyfunction]
fn format_of(py: Python<'_>, path: std::path::PathBuf) -> PyResult<&'static str> {
    okr_core::PlanFormat::of_path(&path.to_string_lossy())
        .map(okr_core::PlanFormat::as_str)
        .map_err(|e| errors::raise(py, &e))
}

/// The engine's version.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _okr(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<PyPlan>()?;
    m.add_class::<PyObjective>()?;
    m.add_class::<PyKeyResult>()?;
    m.add_class::<PyScorecard>()?;
    m.add_class::<PyObjectiveScore>()?;
    m.add_class::<PyKeyResultScore>()?;
    m.add_class::<PyDiagnostic>()?;
    m.add_class::<PyWhatIf>()?;
    m.add_class::<calibration::PyCalibration>()?;
    m.add_class::<PyRule>()?;
    m.add_function(wrap_pyfunction!(generate, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(rule, m)?)?;
    m.add_function(wrap_pyfunction!(presets, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(format_of, m)?)?;
    Ok(())
}
