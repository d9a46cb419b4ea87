//! `okr.Plan`: a newtype over the core's [`Document`], whose methods convert Python
//! arguments into the document's typed options and its results into Python values.
//! Heavy calls run with the interpreter released, on a snapshot of the plan, and Ctrl-C
//! interrupts them (`interrupt::interruptible`).

use crate::calibration::PyCalibration;
use crate::convert::{self, kwargs_object};
use crate::errors::IntoPy;
use crate::interrupt::interruptible;
use crate::records::{PyDiagnostic, PyKeyResult, PyObjective, PyScorecard, PyWhatIf};
use crate::tables;
use okr_core::lint::{Level, Profile, SettingsOverride};
use okr_core::{
    Document, Entity, Error, LintConfig, LintOptions, LoadOptions, PlanFormat, ReportFormat,
    ReportOptions, TableKind,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// What `__reduce__` returns: the rebuilder and its arguments (JSON, log lines).
type Reduced<'py> = (Bound<'py, PyAny>, (String, Vec<String>));

/// A plan shared with Python: the document behind a lock held only for a moment. A
/// call reads a snapshot (an `Arc` of the document as it is), so a long `lint` on one
/// thread never blocks an edit on another, and an edit made while a snapshot is in use
/// works on its own copy (copy on write) instead of failing with "Already borrowed".
#[pyclass(module = "okr._okr", name = "Plan", frozen)]
#[derive(Debug)]
pub struct PyPlan(Mutex<Arc<Document>>);

impl From<Document> for PyPlan {
    fn from(doc: Document) -> Self {
        PyPlan(Mutex::new(Arc::new(doc)))
    }
}

impl PyPlan {
    /// The document as it is now; later edits do not change it.
    pub fn doc(&self) -> Arc<Document> {
        Arc::clone(&self.lock())
    }

    /// Changes the document in place, or in a copy when a call is still reading it.
    fn edit<T>(
        &self,
        change: impl FnOnce(&mut Document) -> okr_core::Result<T>,
    ) -> okr_core::Result<T> {
        change(Arc::make_mut(&mut self.lock()))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Arc<Document>> {
        // Only a panic inside `edit` (a bug) poisons the lock; the document is used as
        // that edit left it rather than making every later call fail.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The typed lint options of a call's keyword arguments.
fn lint_options(
    py: Python<'_>,
    profile: Option<&str>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    severity: Option<&Bound<'_, PyDict>>,
    settings: Option<&Bound<'_, PyDict>>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<LintOptions> {
    let mut levels = BTreeMap::new();
    for (rule, level) in severity.into_iter().flat_map(|d| d.iter()) {
        let level: String = level.extract()?;
        levels.insert(rule.extract::<String>()?, Level::parse(&level).py_err(py)?);
    }
    let settings = match settings {
        Some(s) => {
            let value = convert::to_json(s.as_any(), "settings")?;
            okr_core::format::json::from_value(value, "lint.settings").py_err(py)?
        }
        None => SettingsOverride::default(),
    };
    Ok(LintOptions {
        as_of: convert::as_of(py, as_of)?,
        config: LintConfig {
            profile: profile.map(Profile::parse).transpose().py_err(py)?,
            select: select.unwrap_or_default(),
            ignore: ignore.unwrap_or_default(),
            severity: levels,
            settings,
        },
    })
}

#[pymethods]
impl PyPlan {
    /// An empty plan; add units, cycles, objectives, key results and check-ins to it.
    #[new]
    #[pyo3(signature = (name = None))]
    fn py_new(name: Option<String>) -> Self {
        PyPlan::from(Document::new(name))
    }

    /// Parses and validates a plan from text; every problem found is in the raised
    /// error's `errors`. With `validate=False` the text is only parsed, so that a plan
    /// with problems can still be linted or repaired. `check_ins` is the text of the
    /// check-ins log; without it, the log the plan names is read from `log_dir` when
    /// given.
    #[staticmethod]
    #[pyo3(signature = (text, format = "yaml", check_ins = None, validate = true, log_dir = None))]
    fn loads(
        py: Python<'_>,
        text: String,
        format: &str,
        check_ins: Option<String>,
        validate: bool,
        log_dir: Option<std::path::PathBuf>,
    ) -> PyResult<Self> {
        let options = LoadOptions::new(PlanFormat::parse(format).py_err(py)?);
        let doc = py
            .detach(|| {
                let doc =
                    Document::parse_with_log(text, &options, |name| match (check_ins, &log_dir) {
                        (Some(log), _) => Ok(Some(log)),
                        (None, Some(dir)) => okr_core::fs::log_reader(
                            dir,
                            &okr_core::fs::ReadOptions::default(),
                        )(name),
                        (None, None) => Ok(None),
                    })?;
                if validate { doc.checked() } else { Ok(doc) }
            })
            .py_err(py)?;
        Ok(PyPlan::from(doc))
    }

    /// Reads the plan file at `path` and the check-ins log it names (beside it), in
    /// `format` or the one its extension names; validated unless `validate` is false.
    /// The file is read by the engine, not decoded into a Python string first.
    #[staticmethod]
    #[pyo3(signature = (path, format = None, validate = true))]
    fn load(
        py: Python<'_>,
        path: std::path::PathBuf,
        format: Option<&str>,
        validate: bool,
    ) -> PyResult<Self> {
        let format = format.map(PlanFormat::parse).transpose().py_err(py)?;
        let shown = path.clone();
        let doc = interruptible(py, move || {
            let doc = okr_core::fs::open_as(&path, format)?;
            if validate { doc.checked() } else { Ok(doc) }
        })?
        .map_err(|problems| crate::errors::raise_in_file(py, &problems, &shown))?;
        Ok(PyPlan::from(doc))
    }

    /// A plan from a dict shaped like the JSON format, validated.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = convert::to_json(data, "")?;
        let doc = py
            .detach(|| Document::from_value(value)?.checked())
            .py_err(py)?;
        Ok(PyPlan::from(doc))
    }

    #[staticmethod]
    fn from_json(py: Python<'_>, text: String) -> PyResult<Self> {
        Self::loads(py, text, "json", None, true, None)
    }

    /// The plan as a dict shaped like the JSON format (every field kept).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(py, &self.doc().to_value().py_err(py)?)
    }

    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.doc().write(PlanFormat::Json).py_err(py)
    }

    /// The plan as YAML, JSON or CSV text.
    #[pyo3(signature = (format = "yaml"))]
    fn dumps(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let format = PlanFormat::parse(format).py_err(py)?;
        let doc = self.doc();
        interruptible(py, move || doc.write(format))?.py_err(py)
    }

    /// Attaches a check-ins log (JSON Lines text); scoring merges it in time order.
    fn attach_check_in_log(&self, py: Python<'_>, text: &str) -> PyResult<()> {
        self.edit(|doc| doc.attach_log(text)).py_err(py)
    }

    #[getter]
    fn name(&self) -> Option<String> {
        self.doc().plan().name.clone()
    }

    /// The path of the check-ins log the plan names, if any.
    #[getter]
    fn check_ins_file(&self) -> Option<String> {
        self.doc().check_ins_file().map(str::to_owned)
    }

    #[getter]
    fn objectives(&self) -> Vec<PyObjective> {
        self.doc()
            .plan()
            .objectives
            .iter()
            .cloned()
            .map(PyObjective)
            .collect()
    }

    #[getter]
    fn units<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = okr_core::format::json::to_value(&self.doc().plan().units).py_err(py)?;
        convert::to_py(py, &v)
    }

    #[getter]
    fn cycles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = okr_core::format::json::to_value(&self.doc().plan().cycles).py_err(py)?;
        convert::to_py(py, &v)
    }

    fn objective(&self, py: Python<'_>, id: &str) -> PyResult<PyObjective> {
        self.doc()
            .plan()
            .objective(id)
            .cloned()
            .map(PyObjective)
            .ok_or_else(|| not_found(Entity::Objective, id))
            .py_err(py)
    }

    fn key_result(&self, py: Python<'_>, id: &str) -> PyResult<PyKeyResult> {
        self.doc()
            .plan()
            .key_result(id)
            .cloned()
            .map(PyKeyResult)
            .ok_or_else(|| not_found(Entity::KeyResult, id))
            .py_err(py)
    }

    #[pyo3(signature = (id, name = None, kind = "team", parent = None, **extra))]
    fn add_unit(
        &self,
        py: Python<'_>,
        id: &Bound<'_, PyAny>,
        name: Option<&Bound<'_, PyAny>>,
        kind: &str,
        parent: Option<&Bound<'_, PyAny>>,
        extra: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let name = name.cloned().unwrap_or_else(|| id.clone());
        let kind = PyString::new(py, kind).into_any();
        let value = kwargs_object(
            &[
                ("id", Some(id)),
                ("name", Some(&name)),
                ("kind", Some(&kind)),
                ("parent", parent),
            ],
            extra,
        )?;
        self.edit(|doc| doc.add_unit(value)).py_err(py)
    }

    #[pyo3(signature = (id, start, end, name = None, parent = None, **extra))]
    #[allow(clippy::too_many_arguments)]
    fn add_cycle(
        &self,
        py: Python<'_>,
        id: &Bound<'_, PyAny>,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        name: Option<&Bound<'_, PyAny>>,
        parent: Option<&Bound<'_, PyAny>>,
        extra: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let name = name.cloned().unwrap_or_else(|| id.clone());
        let value = kwargs_object(
            &[
                ("id", Some(id)),
                ("name", Some(&name)),
                ("start", Some(start)),
                ("end", Some(end)),
                ("parent", parent),
            ],
            extra,
        )?;
        self.edit(|doc| doc.add_cycle(value)).py_err(py)
    }

    /// Adds an objective; keyword arguments are the fields of the format (`unit`,
    /// `cycle`, `owner`, `type`, `aligns_to`, `weight`, `description`, …).
    #[pyo3(signature = (id, title, **fields))]
    fn add_objective(
        &self,
        py: Python<'_>,
        id: &Bound<'_, PyAny>,
        title: &Bound<'_, PyAny>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let value = kwargs_object(&[("id", Some(id)), ("title", Some(title))], fields)?;
        self.edit(|doc| doc.add_objective(value)).py_err(py)
    }

    /// Adds a key result to an objective. `type` is required; the other keyword
    /// arguments are the fields that type takes (`start`, `target`, `threshold`, `steps`,
    /// …) and the common ones (`owner`, `weight`, `due`, `measure`, `unit`).
    #[pyo3(signature = (objective, id, title, r#type, **fields))]
    fn add_key_result(
        &self,
        py: Python<'_>,
        objective: &str,
        id: &Bound<'_, PyAny>,
        title: &Bound<'_, PyAny>,
        r#type: &Bound<'_, PyAny>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let value = kwargs_object(
            &[
                ("id", Some(id)),
                ("title", Some(title)),
                ("type", Some(r#type)),
            ],
            fields,
        )?;
        self.edit(|doc| doc.add_key_result(objective, value))
            .py_err(py)
    }

    /// Records a check-in: `at` is a date, datetime or ISO string; `value` a number, a
    /// bool (milestone), or a list of step ids (checklist).
    #[pyo3(signature = (key_result, at, value, confidence = None, note = None, author = None))]
    #[allow(clippy::too_many_arguments)]
    fn add_check_in(
        &self,
        py: Python<'_>,
        key_result: &str,
        at: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
        confidence: Option<&Bound<'_, PyAny>>,
        note: Option<&Bound<'_, PyAny>>,
        author: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let value = kwargs_object(
            &[
                ("at", Some(at)),
                ("value", Some(value)),
                ("confidence", confidence),
                ("note", note),
                ("author", author),
            ],
            None,
        )?;
        self.edit(|doc| doc.add_check_in(key_result, value))
            .py_err(py)
    }

    /// Every problem of the plan, as exceptions (not raised), in document order.
    fn validate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let doc = self.doc();
        let problems = interruptible(py, move || doc.problems().to_vec())?;
        let errors: Vec<Bound<'py, PyAny>> = problems
            .iter()
            .map(|e| crate::errors::raise(py, e).value(py).clone().into_any())
            .collect();
        PyList::new(py, errors)
    }

    /// Raises the first problem (with all of them in `errors`), or returns None.
    fn check(&self, py: Python<'_>) -> PyResult<()> {
        let doc = self.doc();
        interruptible(py, move || doc.check())?.py_err(py)
    }

    /// Scores, status and forecasts of every objective and key result as of a moment
    /// (default: now).
    #[pyo3(signature = (as_of = None))]
    fn score(&self, py: Python<'_>, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<PyScorecard> {
        let as_of = convert::as_of(py, as_of)?;
        let doc = self.doc();
        let card = interruptible(py, move || doc.score(as_of))?.py_err(py)?;
        Ok(PyScorecard(card))
    }

    /// Scores as of a moment (default: now) as if each key result in `values` had
    /// reported its value then: a number, `True`/`False` for a milestone, a zone name,
    /// a list of finished step ids, or text read as `okr score --what-if` reads it.
    /// The plan and its log are not changed.
    #[pyo3(signature = (values, as_of = None))]
    fn what_if(
        &self,
        py: Python<'_>,
        values: &Bound<'_, PyDict>,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyWhatIf> {
        let options = okr_core::ScoreOptions::as_of(convert::as_of(py, as_of)?);
        let doc = self.doc();
        let mut supposed = Vec::with_capacity(values.len());
        for (key, value) in values.iter() {
            let key_result: String = key.extract()?;
            let value = convert::to_json(&value, &format!("value of {key_result}"))?;
            supposed.push(doc.suppose_json(&key_result, &value).py_err(py)?);
        }
        let answer = interruptible(py, move || doc.what_if(&options, &supposed))?.py_err(py)?;
        Ok(PyWhatIf(answer))
    }

    /// How the confidence people stated at check-ins compared with how their key
    /// results ended, for everyone and per owner, unit and cycle. Key results due by
    /// `as_of` (default now), or in closed objectives, are settled. `hit_at` counts
    /// reaching that progress as a hit instead of reaching the target; the judgement
    /// fields default to the plan's lint settings. See docs/forecasting.md.
    #[pyo3(signature = (as_of = None, hit_at = None, min_key_results = None, min_cycles = None, max_gap = None))]
    fn calibration(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        hit_at: Option<f64>,
        min_key_results: Option<u32>,
        min_cycles: Option<u32>,
        max_gap: Option<f64>,
    ) -> PyResult<PyCalibration> {
        let options = okr_core::CalibrationOptions {
            as_of: convert::as_of(py, as_of)?,
            hit_at,
            min_key_results,
            min_cycles,
            max_gap,
        };
        let doc = self.doc();
        let answer = interruptible(py, move || doc.calibration(&options))?.py_err(py)?;
        Ok(PyCalibration(answer))
    }

    /// The alignment analysis: roots, orphans, and per objective its parents, children,
    /// depth, skipped levels and coverage.
    fn alignment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.doc();
        let report = interruptible(py, move || doc.alignment())?;
        convert::to_py(py, &okr_core::format::json::to_value(&report).py_err(py)?)
    }

    /// What changed from this plan to `new`, both scored as of a moment (default:
    /// now): as a dict (`format="dict"`, the shape of `okr diff --format json`), or as
    /// the text or Markdown `okr diff` prints.
    #[pyo3(signature = (new, as_of = None, format = "dict"))]
    fn diff<'py>(
        &self,
        py: Python<'py>,
        new: &PyPlan,
        as_of: Option<&Bound<'_, PyAny>>,
        format: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = convert::as_of(py, as_of)?;
        if !matches!(format, "dict" | "text" | "markdown") {
            return Err(Error::InvalidArgument {
                argument: "format".into(),
                message: format!("`{format}` is not a diff format: use dict, text or markdown"),
            })
            .py_err(py);
        }
        let (old, new) = (self.doc(), new.doc());
        let diff = interruptible(py, move || okr_core::diff::diff(&old, &new, as_of))?;
        match format {
            "text" => Ok(diff.to_text().into_pyobject(py)?.into_any()),
            "markdown" => Ok(diff.to_markdown().into_pyobject(py)?.into_any()),
            _ => convert::to_py(py, &okr_core::format::json::to_value(&diff).py_err(py)?),
        }
    }

    /// Lints the plan as of a moment (default: now).
    #[pyo3(signature = (profile = None, select = None, ignore = None, severity = None, settings = None, as_of = None))]
    #[allow(clippy::too_many_arguments)]
    fn lint(
        &self,
        py: Python<'_>,
        profile: Option<&str>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        severity: Option<&Bound<'_, PyDict>>,
        settings: Option<&Bound<'_, PyDict>>,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyDiagnostic>> {
        let options = lint_options(py, profile, select, ignore, severity, settings, as_of)?;
        let doc = self.doc();
        let found = interruptible(py, move || doc.lint(&options))?.py_err(py)?;
        Ok(found.into_iter().map(PyDiagnostic).collect())
    }

    /// The report as Markdown (`"md"`) or one self-contained HTML page (`"html"`);
    /// `since`: also what changed since that earlier date; `lint=False`: without the
    /// lint findings; `unit`: only that unit's subtree; `owner`: only what they own.
    #[pyo3(signature = (format = "md", as_of = None, since = None, lint = true, unit = None, owner = None))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments
    fn report(
        &self,
        py: Python<'_>,
        format: &str,
        as_of: Option<&Bound<'_, PyAny>>,
        since: Option<&Bound<'_, PyAny>>,
        lint: bool,
        unit: Option<String>,
        owner: Option<String>,
    ) -> PyResult<String> {
        let format = ReportFormat::parse(format).py_err(py)?;
        let options = ReportOptions {
            lint: LintOptions::as_of(convert::as_of(py, as_of)?),
            findings: lint,
            since: since.map(|s| convert::as_of(py, Some(s))).transpose()?,
            unit,
            owner,
        };
        let doc = self.doc();
        interruptible(py, move || doc.report_with(format, &options))?.py_err(py)
    }

    /// The scoring policy in force, as a dict.
    #[getter]
    fn policy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_py(
            py,
            &okr_core::format::json::to_value(&self.doc().policy()).py_err(py)?,
        )
    }

    /// A copy of the plan under another policy: a preset name and/or fields of the
    /// `policy:` section (`overshoot`, `zero_range`, `status`, …).
    #[pyo3(signature = (preset = None, **fields))]
    fn with_policy(
        &self,
        py: Python<'_>,
        preset: Option<&Bound<'_, PyAny>>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyPlan> {
        let value = kwargs_object(&[("preset", preset)], fields)?;
        let doc = self.doc();
        let doc = interruptible(py, move || doc.with_policy(value))?.py_err(py)?;
        Ok(PyPlan::from(doc))
    }

    /// One of the tables data frames are built from: `objectives`, `key_results`,
    /// `check_ins`, `scores` or `diagnostics`.
    #[pyo3(signature = (which, as_of = None, profile = None, select = None, ignore = None))]
    fn _table<'py>(
        &self,
        py: Python<'py>,
        which: &str,
        as_of: Option<&Bound<'_, PyAny>>,
        profile: Option<&str>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let kind = TableKind::parse(which).py_err(py)?;
        let options = lint_options(py, profile, select, ignore, None, None, as_of)?;
        let doc = self.doc();
        let table = interruptible(py, move || doc.table(kind, &options))?.py_err(py)?;
        tables::to_py(py, &table)
    }

    fn __len__(&self) -> usize {
        self.doc().plan().objectives.len()
    }

    fn __eq__(&self, other: PyRef<'_, PyPlan>) -> bool {
        *self.doc() == *other.doc()
    }

    fn __repr__(&self) -> String {
        let doc = self.doc();
        let plan = doc.plan();
        let n = doc.counts();
        format!(
            "Plan(name={:?}, units={}, cycles={}, objectives={}, key_results={})",
            plan.name.as_deref().unwrap_or(""),
            plan.units.len(),
            plan.cycles.len(),
            n.objectives,
            n.key_results
        )
    }

    /// Pickles as the JSON document plus the attached check-ins log, which keep every
    /// field; unpickling does not validate, so a plan being built survives the trip.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        let rebuild = py.import("okr._pickle")?.getattr("plan")?;
        let log = self.doc().log_lines().py_err(py)?;
        Ok((rebuild, (self.to_json(py)?, log)))
    }

    /// A DataFrame of one of the tables (see `okr.frames`) in the `backend` given.
    fn _frame<'py>(
        &self,
        py: Python<'py>,
        table: Bound<'py, PyDict>,
        backend: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        py.import("okr.frames")?
            .call_method1("build", (table, backend))
    }

    /// A polars DataFrame of a table by name (`scores`, `objectives`, `key_results`,
    /// `check_ins`, `diagnostics`): the same as `<name>_frame(backend="polars")`.
    #[pyo3(signature = (table, as_of = None))]
    fn to_polars<'py>(
        &self,
        py: Python<'py>,
        table: &str,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self._table(py, table, as_of, None, None, None)?;
        self._frame(py, t, "polars")
    }

    /// A pandas DataFrame of a table by name; see `to_polars`.
    #[pyo3(signature = (table, as_of = None))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        table: &str,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self._table(py, table, as_of, None, None, None)?;
        self._frame(py, t, "pandas")
    }

    /// One row per objective (see `docs/python.md` for the columns).
    #[pyo3(signature = (backend = "pandas"))]
    fn objectives_frame<'py>(&self, py: Python<'py>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        let t = self._table(py, "objectives", None, None, None, None)?;
        self._frame(py, t, backend)
    }

    /// One row per key result.
    #[pyo3(signature = (backend = "pandas"))]
    fn key_results_frame<'py>(
        &self,
        py: Python<'py>,
        backend: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self._table(py, "key_results", None, None, None, None)?;
        self._frame(py, t, backend)
    }

    /// One row per check-in (the plan's, then the attached log's).
    #[pyo3(signature = (backend = "pandas"))]
    fn check_ins_frame<'py>(&self, py: Python<'py>, backend: &str) -> PyResult<Bound<'py, PyAny>> {
        let t = self._table(py, "check_ins", None, None, None, None)?;
        self._frame(py, t, backend)
    }

    /// One row per objective, each followed by its key results: value, progress,
    /// expected, status and confidence as of a moment (default: now).
    #[pyo3(signature = (as_of = None, backend = "pandas"))]
    fn scores_frame<'py>(
        &self,
        py: Python<'py>,
        as_of: Option<&Bound<'_, PyAny>>,
        backend: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self._table(py, "scores", as_of, None, None, None)?;
        self._frame(py, t, backend)
    }

    /// One row per lint diagnostic.
    #[pyo3(signature = (profile = None, select = None, ignore = None, as_of = None, backend = "pandas"))]
    #[allow(clippy::too_many_arguments)]
    fn diagnostics_frame<'py>(
        &self,
        py: Python<'py>,
        profile: Option<&str>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        as_of: Option<&Bound<'_, PyAny>>,
        backend: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self._table(py, "diagnostics", as_of, profile, select, ignore)?;
        self._frame(py, t, backend)
    }

    /// How a key result moved through its period: a frame with one row every
    /// `step_days` (value, progress, expected, status), for burn-up charts.
    #[pyo3(signature = (key_result, step_days = 7, backend = "pandas"))]
    fn history_frame<'py>(
        &self,
        py: Python<'py>,
        key_result: &str,
        step_days: u32,
        backend: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.doc();
        let key_result = key_result.to_owned();
        let table = interruptible(py, move || doc.history(&key_result, step_days))?.py_err(py)?;
        let t = tables::to_py(py, &table)?;
        self._frame(py, t, backend)
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("okr._html")?
            .call_method1("plan", (slf,))?
            .extract()
    }

    /// Rebuilds a pickled plan (see `__reduce__`).
    #[staticmethod]
    fn _unpickle(py: Python<'_>, json: String, log: Vec<String>) -> PyResult<Self> {
        let mut doc = Document::parse(json, &LoadOptions::new(PlanFormat::Json)).py_err(py)?;
        // Lines of older pickles have no newline of their own; blank lines are skipped.
        doc.attach_log(&log.join("\n")).py_err(py)?;
        Ok(PyPlan::from(doc))
    }
}

/// The error for an id the plan does not hold.
pub fn not_found(entity: Entity, id: &str) -> Error {
    Error::NotFound {
        entity,
        id: id.to_owned(),
    }
}
