//! `Plan.calibration`'s answer as a Python object: the figures as dicts, the groups and
//! the reliability tables as data frames, Markdown for notebooks, and a chart.

use crate::errors::IntoPy;
use crate::records::dict;
use okr_core::{Calibration, Grouping};
use pyo3::prelude::*;

/// How the confidence people stated at check-ins compared with how their key results
/// ended: for everyone (`overall`) and per owner, unit and cycle.
#[pyclass(module = "okr._okr", name = "Calibration", frozen)]
#[derive(Debug)]
pub struct PyCalibration(pub Calibration);

fn grouping(py: Python<'_>, by: &str) -> PyResult<Grouping> {
    Grouping::parse(by).py_err(py)
}

#[pymethods]
impl PyCalibration {
    /// Key results due by this moment were settled (text, as written).
    #[getter]
    fn as_of(&self) -> String {
        self.0.as_of.to_string()
    }
    /// The progress that counted as a hit, or `None` for reaching the target.
    #[getter]
    fn hit_at(&self) -> Option<f64> {
        self.0.hit_at
    }
    /// The evidence a verdict needed: `min_key_results`, `min_cycles`, `max_gap`.
    #[getter]
    fn judgement<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.judgement)
    }
    /// Every forecast: a dict with `forecasts`, `key_results`, `hits`, `cycles`,
    /// `mean_confidence`, `hit_rate`, `gap`, `brier`, `calibration_error`, `verdict`
    /// and `bins`.
    #[getter]
    fn overall<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.overall)
    }
    /// Per owner, by id: dicts shaped as `overall`.
    #[getter]
    fn owners<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.owners)
    }
    /// Per unit, by id.
    #[getter]
    fn units<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.units)
    }
    /// Per cycle, by id.
    #[getter]
    fn cycles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.cycles)
    }
    /// By when in its key result's period each forecast was made: the `early`,
    /// `middle` and `late` thirds that have forecasts, in that order.
    #[getter]
    fn phases<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0.phases)
    }
    /// One row per group of `by` (`"owner"`, `"unit"`, `"cycle"`, `"phase"` or
    /// `"overall"`): the
    /// figures without the bins, as a pandas (or polars) DataFrame.
    #[pyo3(signature = (by = "owner", backend = "pandas"))]
    fn frame<'py>(&self, py: Python<'py>, by: &str, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        let table = crate::tables::to_py(py, &self.0.table(grouping(py, by)?))?;
        py.import("okr.frames")?
            .call_method1("build", (table, backend))
    }
    /// The reliability tables of `by`'s groups: one row per group and tenth of stated
    /// confidence (`id`, `low`, `high`, `forecasts`, `mean_confidence`, `hit_rate`).
    #[pyo3(signature = (by = "overall", backend = "pandas"))]
    fn reliability_frame<'py>(
        &self,
        py: Python<'py>,
        by: &str,
        backend: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let table = crate::tables::to_py(py, &self.0.bins_table(grouping(py, by)?))?;
        py.import("okr.frames")?
            .call_method1("build", (table, backend))
    }
    /// The reliability diagram (`okr.plot.reliability`): per tenth of stated confidence,
    /// how often key results hit, one line per group of `by`; `ids` picks the groups,
    /// else the `top` with most forecasts. Draws on `ax`, or a new figure.
    #[pyo3(signature = (by = "overall", ids = None, ax = None, top = 6))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        by: &str,
        ids: Option<Vec<String>>,
        ax: Option<Bound<'py, PyAny>>,
        top: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("okr.plot")?
            .call_method1("reliability", (slf, by, ids, ax, top))
    }
    /// The calibration as Markdown, as `okr calibration --format markdown` writes it.
    fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }
    fn _repr_markdown_(&self) -> String {
        self.0.to_markdown()
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict(py, &self.0)
    }
    fn __repr__(&self) -> String {
        let o = &self.0.overall;
        format!(
            "Calibration(as_of={:?}, forecasts={}, key_results={}, owners={}, verdict={:?})",
            self.0.as_of.to_string(),
            o.forecasts,
            o.key_results,
            self.0.owners.len(),
            o.verdict.as_str()
        )
    }
}
