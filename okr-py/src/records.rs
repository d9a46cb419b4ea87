//! Read-only Python views of core values: each a newtype over the core type with its
//! fields as properties, `to_dict()` (the same shape as the JSON formats), a `repr`,
//! and pickling through that dict.

use crate::convert;
use crate::errors::IntoPy;
use okr_core::lint::RuleMeta;
use okr_core::{Diagnostic, KeyResult, KeyResultScore, Objective, ObjectiveScore, Scorecard};
use pyo3::prelude::*;
use serde::Serialize;

pub(crate) fn dict<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = okr_core::format::json::to_value(value).py_err(py)?;
    convert::to_py(py, &json)
}

/// A core value from a dict shaped like its `to_dict()` (used by unpickling).
fn from_dict<T: serde::de::DeserializeOwned>(d: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let value = convert::to_json(d, what)?;
    okr_core::format::json::from_value(value, what).map_err(|e| crate::errors::raise(d.py(), &e))
}

/// `(rebuild, (dict,))` for `__reduce__`: `rebuild` is `okr._pickle.<name>`.
fn reduce<'py, T: Serialize>(py: Python<'py>, name: &str, value: &T) -> PyResult<Reduced<'py>> {
    let rebuild = py.import("okr._pickle")?.getattr(name)?;
    Ok((rebuild, (dict(py, value)?,)))
}

type Reduced<'py> = (Bound<'py, PyAny>, (Bound<'py, PyAny>,));

fn pct(x: Option<f64>) -> String {
    x.map(|p| format!("{:.0}%", p * 100.0))
        .unwrap_or_else(|| "–".into())
}

#[pyclass(module = "okr._okr", name = "Objective", frozen)]
#[derive(Clone, Debug)]
pub struct PyObjective(pub Objective);

#[pymethods]
impl PyObjective {
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.0.owner.as_deref()
    }
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }
    #[getter]
    fn cycle(&self) -> Option<&str> {
        self.0.cycle.as_deref()
    }
    /// `committed`, `aspirational` or None.
    #[getter]
    fn r#type(&self) -> Option<&'static str> {
        self.0.commitment.map(|c| c.as_str())
    }
    #[getter]
    fn state(&self) -> &'static str {
        self.0.state().as_str()
    }
    #[getter]
    fn key_results(&self) -> Vec<PyKeyResult> {
        self.0
            .key_results
            .iter()
            .cloned()
            .map(PyKeyResult)
            .collect()
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("okr._html")?
            .call_method1("objective", (slf,))?
            .extract()
    }
    fn __repr__(&self) -> String {
        format!(
            "Objective(id={:?}, title={:?}, key_results={})",
            self.0.id,
            self.0.title,
            self.0.key_results.len()
        )
    }
    fn __eq__(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce(py, "objective", &self.0)
    }
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_dict(d, "objective").map(PyObjective)
    }
}

#[pyclass(module = "okr._okr", name = "KeyResult", frozen)]
#[derive(Clone, Debug)]
pub struct PyKeyResult(pub KeyResult);

#[pymethods]
impl PyKeyResult {
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// The key-result type: `increase`, `decrease`, `milestone`, …
    #[getter]
    fn r#type(&self) -> &'static str {
        self.0.kind.kr_type().as_str()
    }
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.0.owner.as_deref()
    }
    #[getter]
    fn start(&self) -> Option<f64> {
        self.0.kind.range().and_then(|r| r.0)
    }
    #[getter]
    fn target(&self) -> Option<f64> {
        self.0.kind.range().and_then(|r| r.1)
    }
    #[getter]
    fn check_ins<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.check_ins)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "KeyResult(id={:?}, title={:?}, type={:?})",
            self.0.id,
            self.0.title,
            self.0.kind.kr_type().as_str()
        )
    }
    fn __eq__(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce(py, "key_result", &self.0)
    }
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_dict(d, "key_result").map(PyKeyResult)
    }
}

#[pyclass(module = "okr._okr", name = "KeyResultScore", frozen)]
#[derive(Clone, Debug)]
pub struct PyKeyResultScore(pub KeyResultScore);

#[pymethods]
impl PyKeyResultScore {
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    #[getter]
    fn objective_id(&self) -> &str {
        &self.0.objective_id
    }
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    #[getter]
    fn progress(&self) -> Option<f64> {
        self.0.progress
    }
    #[getter]
    fn raw_progress(&self) -> Option<f64> {
        self.0.raw_progress
    }
    #[getter]
    fn expected(&self) -> Option<f64> {
        self.0.expected
    }
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }
    #[getter]
    fn confidence(&self) -> Option<f64> {
        self.0.confidence
    }
    /// The current value as a number (milestone 1/0, checklist: steps done).
    #[getter]
    fn value(&self) -> Option<f64> {
        self.0
            .value
            .as_ref()
            .map(okr_core::table::value_number)
            .filter(|v| !v.is_nan())
    }
    /// Least-squares projection to the due date: a dict, or None.
    #[getter]
    fn forecast<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.forecast)
    }
    /// The chance that the value at the due date hits the target (docs/forecasting.md).
    #[getter]
    fn probability(&self) -> Option<f64> {
        self.0.probability
    }
    /// The likely value at the due date, `(low, high)`: the model's central 80 %.
    #[getter]
    fn value_interval(&self) -> Option<(f64, f64)> {
        self.0.value_interval.map(|v| (v.low, v.high))
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce(py, "key_result_score", &self.0)
    }
    #[staticmethod]
    fn _from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_dict(d, "key_result_score").map(PyKeyResultScore)
    }
    fn __eq__(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn __repr__(&self) -> String {
        format!(
            "KeyResultScore(id={:?}, progress={}, expected={}, status={:?})",
            self.0.id,
            pct(self.0.progress),
            pct(self.0.expected),
            self.0.status.as_str()
        )
    }
}

#[pyclass(module = "okr._okr", name = "ObjectiveScore", frozen)]
#[derive(Clone, Debug)]
pub struct PyObjectiveScore(pub ObjectiveScore);

#[pymethods]
impl PyObjectiveScore {
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.0.unit.as_deref()
    }
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.0.owner.as_deref()
    }
    #[getter]
    fn progress(&self) -> Option<f64> {
        self.0.progress
    }
    #[getter]
    fn raw_progress(&self) -> Option<f64> {
        self.0.raw_progress
    }
    #[getter]
    fn expected(&self) -> Option<f64> {
        self.0.expected
    }
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status.as_str()
    }
    #[getter]
    fn confidence(&self) -> Option<f64> {
        self.0.confidence
    }
    #[getter]
    fn parents(&self) -> Vec<String> {
        self.0.parents.clone()
    }
    #[getter]
    fn children(&self) -> Vec<String> {
        self.0.children.clone()
    }
    /// The chance that its progress at the due dates reaches 0.7 (docs/forecasting.md).
    #[getter]
    fn probability(&self) -> Option<f64> {
        self.0.probability
    }
    /// Google-style grade: a dict with `score`, `band`, `meets_expectation`, or None.
    #[getter]
    fn grade<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.grade)
    }
    #[getter]
    fn forecast<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.forecast)
    }
    #[getter]
    fn key_results(&self) -> Vec<PyKeyResultScore> {
        self.0
            .key_results
            .iter()
            .cloned()
            .map(PyKeyResultScore)
            .collect()
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce(py, "objective_score", &self.0)
    }
    #[staticmethod]
    fn _from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_dict(d, "objective_score").map(PyObjectiveScore)
    }
    fn __eq__(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn __repr__(&self) -> String {
        format!(
            "ObjectiveScore(id={:?}, progress={}, expected={}, status={:?})",
            self.0.id,
            pct(self.0.progress),
            pct(self.0.expected),
            self.0.status.as_str()
        )
    }
}

#[pyclass(module = "okr._okr", name = "Scorecard", frozen)]
#[derive(Debug)]
pub struct PyScorecard(pub Scorecard);

#[pymethods]
impl PyScorecard {
    /// The moment scored, as ISO text.
    #[getter]
    fn as_of(&self) -> String {
        self.0.as_of.to_string()
    }
    #[getter]
    fn objectives(&self) -> Vec<PyObjectiveScore> {
        self.0
            .objectives
            .iter()
            .cloned()
            .map(PyObjectiveScore)
            .collect()
    }
    #[getter]
    fn key_results(&self) -> Vec<PyKeyResultScore> {
        self.0
            .objectives
            .iter()
            .flat_map(|o| o.key_results.iter().cloned())
            .map(PyKeyResultScore)
            .collect()
    }
    /// The objectives down the alignment tree, each with its depth: every root, then
    /// (depth first) the objectives whose first parent it is, as `okr tree` prints them.
    fn tree(&self) -> Vec<(usize, PyObjectiveScore)> {
        okr_core::report::tree_order(&self.0)
            .into_iter()
            .map(|(depth, o)| (depth, PyObjectiveScore(o.clone())))
            .collect()
    }
    fn objective(&self, py: Python<'_>, id: &str) -> PyResult<PyObjectiveScore> {
        self.0
            .objective(id)
            .cloned()
            .map(PyObjectiveScore)
            .ok_or_else(|| crate::plan::not_found(okr_core::Entity::Objective, id))
            .py_err(py)
    }
    fn key_result(&self, py: Python<'_>, id: &str) -> PyResult<PyKeyResultScore> {
        self.0
            .key_result(id)
            .cloned()
            .map(PyKeyResultScore)
            .ok_or_else(|| crate::plan::not_found(okr_core::Entity::KeyResult, id))
            .py_err(py)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn __len__(&self) -> usize {
        self.0.objectives.len()
    }
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("okr._html")?
            .call_method1("scorecard", (slf,))?
            .extract()
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce(py, "scorecard", &self.0)
    }
    #[staticmethod]
    fn _from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_dict(d, "scorecard").map(PyScorecard)
    }
    fn __eq__(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn __repr__(&self) -> String {
        format!(
            "Scorecard(as_of={:?}, objectives={})",
            self.0.as_of.to_string(),
            self.0.objectives.len()
        )
    }
}

/// `Plan.what_if`'s answer: the values supposed, every score that moves, and the
/// scorecard as if.
#[pyclass(module = "okr._okr", name = "WhatIf", frozen)]
#[derive(Debug)]
pub struct PyWhatIf(pub okr_core::WhatIf);

#[pymethods]
impl PyWhatIf {
    /// The values supposed: dicts with `key_result` and `value`.
    #[getter]
    fn supposed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.supposed)
    }
    /// Every objective and key result whose progress, status or chance moves, in
    /// document order: dicts with `id`, `kind`, and `progress`, `status` and
    /// `probability` each `_before` and `_after`.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.changes)
    }
    /// The whole scorecard as if.
    #[getter]
    fn scorecard(&self) -> PyScorecard {
        PyScorecard(self.0.scorecard.clone())
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "WhatIf(supposed={}, changes={})",
            self.0.supposed.len(),
            self.0.changes.len()
        )
    }
}

#[pyclass(module = "okr._okr", name = "Diagnostic", frozen)]
#[derive(Clone, Debug)]
pub struct PyDiagnostic(pub Diagnostic);

#[pymethods]
impl PyDiagnostic {
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }
    /// `info`, `warning` or `error`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }
    #[getter]
    fn help(&self) -> &str {
        &self.0.help
    }
    #[getter]
    fn ids(&self) -> Vec<&str> {
        self.0.ids.iter().map(|id| id.as_str()).collect()
    }
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }
    #[getter]
    fn line(&self) -> Option<u32> {
        self.0.line
    }
    #[getter]
    fn column(&self) -> Option<u32> {
        self.0.column
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("okr._html")?
            .call_method1("diagnostics", ([slf],))?
            .extract()
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce(py, "diagnostic", &self.0)
    }
    /// A diagnostic from its dict (the shape of `to_dict()`).
    #[staticmethod]
    fn _from_dict(d: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_dict(d, "diagnostic").map(PyDiagnostic)
    }
    fn __eq__(&self, other: &Self) -> bool {
        self.0 == other.0
    }
    fn __repr__(&self) -> String {
        format!(
            "Diagnostic({} {} {}: {})",
            self.0.severity.as_str(),
            self.0.code,
            self.0.path,
            self.0.message
        )
    }
}

#[pyclass(module = "okr._okr", name = "Rule", frozen)]
#[derive(Debug)]
pub struct PyRule(pub &'static RuleMeta);

#[pymethods]
impl PyRule {
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code
    }
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name
    }
    /// `correctness`, `practice` or `advice`.
    #[getter]
    fn category(&self) -> &'static str {
        self.0.category.as_str()
    }
    /// The default severity, set by the category.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.category.default_severity().as_str()
    }
    #[getter]
    fn summary(&self) -> String {
        self.0.summary()
    }
    /// The full documentation, as Markdown.
    #[getter]
    fn doc(&self) -> String {
        self.0.text()
    }
    fn __repr__(&self) -> String {
        format!("Rule({} {})", self.0.code, self.0.name)
    }
}
