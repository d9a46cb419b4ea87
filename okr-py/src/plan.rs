//! `okr.Plan`: a plan document, built or loaded, with everything the core does to it.
//! Heavy calls run with the interpreter released (`py.detach`); the compiled engine is
//! kept between calls and dropped when the plan changes.

use crate::convert::{self, kwargs_object};
use crate::errors::{IntoPy, PolicyError, raise, raise_all};
use crate::records::{PyDiagnostic, PyKeyResult, PyObjective, PyScorecard, not_found};
use crate::tables;
use okr_core::report::ReportFormat;
use okr_core::{Engine, Entity, Format, LintConfig, Plan, Policy, PolicyConfig, Preset};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::sync::{Arc, OnceLock};

/// What `__reduce__` returns: the rebuilder and its arguments (JSON, log lines).
type Reduced<'py> = (Bound<'py, PyAny>, (String, Vec<String>));

#[pyclass(module = "okr._okr", name = "Plan")]
#[derive(Debug)]
pub struct PyPlan {
    pub plan: Plan,
    engine: OnceLock<Arc<Engine>>,
    /// The text the plan was read from, so diagnostics can name lines; dropped on edits.
    source: Option<Arc<(String, Format)>>,
}

impl PyPlan {
    pub fn new(plan: Plan) -> PyPlan {
        PyPlan {
            plan,
            engine: OnceLock::new(),
            source: None,
        }
    }

    fn changed(&mut self) {
        self.engine = OnceLock::new();
        self.source = None;
    }

    /// Lints, with lines and columns when the plan came from text.
    fn diagnostics(
        &self,
        py: Python<'_>,
        config: &LintConfig,
        as_of: okr_core::AsOf,
    ) -> PyResult<Vec<okr_core::Diagnostic>> {
        py.detach(|| {
            let mut found = okr_core::lint(&self.plan, config, as_of)?;
            if let Some(source) = &self.source {
                okr_core::lint::locate(&source.0, source.1, &mut found);
            }
            Ok::<_, Vec<okr_core::Error>>(found)
        })
        .py_err(py)
    }

    /// The compiled engine, compiling (with validation) on first use.
    fn engine(&self, py: Python<'_>) -> PyResult<Arc<Engine>> {
        if let Some(e) = self.engine.get() {
            return Ok(e.clone());
        }
        let compiled = py.detach(|| Engine::new(&self.plan)).py_err(py)?;
        Ok(self.engine.get_or_init(|| Arc::new(compiled)).clone())
    }

    fn lint_config(
        py: Python<'_>,
        profile: Option<&str>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        severity: Option<&Bound<'_, PyDict>>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<LintConfig> {
        let mut map = serde_json::Map::new();
        if let Some(p) = profile {
            map.insert("profile".into(), p.into());
        }
        if let Some(s) = select {
            map.insert("select".into(), s.into());
        }
        if let Some(i) = ignore {
            map.insert("ignore".into(), i.into());
        }
        if let Some(s) = severity {
            map.insert(
                "severity".into(),
                convert::to_json(s.as_any(), "lint.severity")?,
            );
        }
        if let Some(s) = settings {
            map.insert(
                "settings".into(),
                convert::to_json(s.as_any(), "lint.settings")?,
            );
        }
        okr_core::edit::from_value(serde_json::Value::Object(map), "lint").py_err(py)
    }
}

fn format_named(name: &str) -> PyResult<Format> {
    match Format::parse_name(name) {
        Some(Format::JsonLines) | None => Err(PyValueError::new_err(format!(
            "unknown format {name:?}: use \"yaml\", \"json\" or \"csv\""
        ))),
        Some(f) => Ok(f),
    }
}

#[pymethods]
impl PyPlan {
    /// An empty plan; add units, cycles, objectives, key results and check-ins to it.
    #[new]
    #[pyo3(signature = (name = None))]
    fn py_new(py: Python<'_>, name: Option<String>) -> PyResult<Self> {
        let mut plan = okr_core::parse(r#"{"schema_version": 1}"#, Format::Json).py_err(py)?;
        plan.name = name;
        Ok(PyPlan::new(plan))
    }

    /// Parses and validates a plan from text; every problem found is in the raised
    /// error's `errors`. `check_ins` is the text of the JSON Lines log the plan names.
    /// With `validate=False` the text is only parsed, so that a plan with problems
    /// can still be linted or repaired. `check_ins` is the text of the check-ins log;
    /// without it, the log the plan names is read from `log_dir` when given.
    #[staticmethod]
    #[pyo3(signature = (text, format = "yaml", check_ins = None, validate = true, log_dir = None))]
    fn loads(
        py: Python<'_>,
        text: &str,
        format: &str,
        check_ins: Option<&str>,
        validate: bool,
        log_dir: Option<std::path::PathBuf>,
    ) -> PyResult<Self> {
        let format = format_named(format)?;
        let mut unreadable = None;
        let mut read_log = |name: &str| -> Option<String> {
            if let Some(text) = check_ins {
                return Some(text.to_owned());
            }
            let path = log_dir.as_ref()?.join(name);
            match std::fs::read_to_string(&path) {
                Ok(t) => Some(t),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    unreadable = Some(pyo3::exceptions::PyOSError::new_err(format!(
                        "cannot read {}: {e}",
                        path.display()
                    )));
                    None
                }
            }
        };
        let plan = if validate {
            py.detach(|| okr_core::check_reading_log(text, format, read_log))
        } else {
            py.detach(|| {
                let mut plan = okr_core::parse(text, format).map_err(|e| vec![e])?;
                if let Some(log) = plan.check_ins_file.clone().and_then(|n| read_log(&n)) {
                    plan.attach_check_in_log(&log).map_err(|e| vec![e])?;
                }
                Ok(plan)
            })
        };
        if let Some(e) = unreadable {
            return Err(e);
        }
        let mut loaded = PyPlan::new(plan.py_err(py)?);
        loaded.source = Some(Arc::new((text.to_owned(), format)));
        Ok(loaded)
    }

    /// A plan from a dict shaped like the JSON format, validated.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = convert::to_json(data, "")?;
        let plan: Plan = okr_core::edit::from_value(value, "").py_err(py)?;
        let problems = py.detach(|| plan.validate());
        if !problems.is_empty() {
            return Err(raise_all(py, &problems));
        }
        Ok(PyPlan::new(plan))
    }

    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Self::loads(py, text, "json", None, true, None)
    }

    /// The plan as a dict shaped like the JSON format (every field kept).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = okr_core::format::json::to_value(&self.plan).py_err(py)?;
        convert::to_py(py, &value)
    }

    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        okr_core::write(&self.plan, Format::Json).py_err(py)
    }

    /// The plan as YAML, JSON or CSV text.
    #[pyo3(signature = (format = "yaml"))]
    fn dumps(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let format = format_named(format)?;
        py.detach(|| okr_core::write(&self.plan, format)).py_err(py)
    }

    /// Attaches a check-ins log (JSON Lines text); scoring merges it in time order.
    fn attach_check_in_log(&mut self, py: Python<'_>, text: &str) -> PyResult<()> {
        self.plan.attach_check_in_log(text).py_err(py)?;
        self.changed();
        Ok(())
    }

    #[getter]
    fn name(&self) -> Option<&str> {
        self.plan.name.as_deref()
    }

    /// The path of the check-ins log the plan names, if any.
    #[getter]
    fn check_ins_file(&self) -> Option<&str> {
        self.plan.check_ins_file.as_deref()
    }

    #[getter]
    fn objectives(&self) -> Vec<PyObjective> {
        self.plan
            .objectives
            .iter()
            .cloned()
            .map(PyObjective)
            .collect()
    }

    #[getter]
    fn units<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = okr_core::format::json::to_value(&self.plan.units).py_err(py)?;
        convert::to_py(py, &v)
    }

    #[getter]
    fn cycles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = okr_core::format::json::to_value(&self.plan.cycles).py_err(py)?;
        convert::to_py(py, &v)
    }

    fn objective(&self, py: Python<'_>, id: &str) -> PyResult<PyObjective> {
        self.plan
            .objective(id)
            .cloned()
            .map(PyObjective)
            .ok_or_else(|| not_found(py, Entity::Objective, id))
    }

    fn key_result(&self, py: Python<'_>, id: &str) -> PyResult<PyKeyResult> {
        self.plan
            .key_result(id)
            .cloned()
            .map(PyKeyResult)
            .ok_or_else(|| not_found(py, Entity::KeyResult, id))
    }

    #[pyo3(signature = (id, name = None, kind = "team", parent = None, **extra))]
    fn add_unit(
        &mut self,
        py: Python<'_>,
        id: &Bound<'_, PyAny>,
        name: Option<&Bound<'_, PyAny>>,
        kind: &str,
        parent: Option<&Bound<'_, PyAny>>,
        extra: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let at = format!("units[{}]", self.plan.units.len());
        let name = name.cloned().unwrap_or_else(|| id.clone());
        let kind = pyo3::types::PyString::new(py, kind).into_any();
        let value = kwargs_object(
            &[
                ("id", Some(id)),
                ("name", Some(&name)),
                ("kind", Some(&kind)),
                ("parent", parent),
            ],
            extra,
            &at,
        )?;
        let unit = okr_core::edit::from_value(value, &at).py_err(py)?;
        self.plan.add_unit(unit).py_err(py)?;
        self.changed();
        Ok(())
    }

    #[pyo3(signature = (id, start, end, name = None, parent = None, **extra))]
    #[allow(clippy::too_many_arguments)]
    fn add_cycle(
        &mut self,
        py: Python<'_>,
        id: &Bound<'_, PyAny>,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        name: Option<&Bound<'_, PyAny>>,
        parent: Option<&Bound<'_, PyAny>>,
        extra: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let at = format!("cycles[{}]", self.plan.cycles.len());
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
            &at,
        )?;
        let cycle = okr_core::edit::from_value(value, &at).py_err(py)?;
        self.plan.add_cycle(cycle).py_err(py)?;
        self.changed();
        Ok(())
    }

    /// Adds an objective; keyword arguments are the fields of the format (`unit`,
    /// `cycle`, `owner`, `type`, `aligns_to`, `weight`, `description`, …).
    #[pyo3(signature = (id, title, **fields))]
    fn add_objective(
        &mut self,
        py: Python<'_>,
        id: &Bound<'_, PyAny>,
        title: &Bound<'_, PyAny>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let at = format!("objectives[{}]", self.plan.objectives.len());
        let value = kwargs_object(&[("id", Some(id)), ("title", Some(title))], fields, &at)?;
        let objective = okr_core::edit::from_value(value, &at).py_err(py)?;
        self.plan.add_objective(objective).py_err(py)?;
        self.changed();
        Ok(())
    }

    /// Adds a key result to an objective. `type` is required; the other keyword
    /// arguments are the fields that type takes (`start`, `target`, `threshold`, `steps`,
    /// …) and the common ones (`owner`, `weight`, `due`, `measure`, `unit`).
    #[pyo3(signature = (objective, id, title, r#type, **fields))]
    fn add_key_result(
        &mut self,
        py: Python<'_>,
        objective: &str,
        id: &Bound<'_, PyAny>,
        title: &Bound<'_, PyAny>,
        r#type: &Bound<'_, PyAny>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let at = match self.plan.objectives.iter().position(|o| o.id == objective) {
            Some(i) => format!(
                "objectives[{i}].key_results[{}]",
                self.plan.objectives[i].key_results.len()
            ),
            None => return Err(not_found(py, Entity::Objective, objective)),
        };
        let value = kwargs_object(
            &[
                ("id", Some(id)),
                ("title", Some(title)),
                ("type", Some(r#type)),
            ],
            fields,
            &at,
        )?;
        let kr = okr_core::edit::from_value(value, &at).py_err(py)?;
        self.plan.add_key_result(objective, kr).py_err(py)?;
        self.changed();
        Ok(())
    }

    /// Records a check-in: `at` is a date, datetime or ISO string; `value` a number, a
    /// bool (milestone), or a list of step ids (checklist).
    #[pyo3(signature = (key_result, at, value, confidence = None, note = None, author = None))]
    #[allow(clippy::too_many_arguments)]
    fn add_check_in(
        &mut self,
        py: Python<'_>,
        key_result: &str,
        at: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
        confidence: Option<&Bound<'_, PyAny>>,
        note: Option<&Bound<'_, PyAny>>,
        author: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let place = format!("check-in of {key_result}");
        let json = kwargs_object(
            &[
                ("at", Some(at)),
                ("value", Some(value)),
                ("confidence", confidence),
                ("note", note),
                ("author", author),
            ],
            None,
            &place,
        )?;
        let check_in = okr_core::edit::from_value(json, &place).py_err(py)?;
        self.plan.add_check_in(key_result, check_in).py_err(py)?;
        self.changed();
        Ok(())
    }

    /// Every problem of the plan, as exceptions (not raised), in document order.
    fn validate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let problems = py.detach(|| self.plan.validate());
        let errors: Vec<Bound<'py, PyAny>> = problems
            .iter()
            .map(|e| raise(py, e).value(py).clone().into_any())
            .collect();
        PyList::new(py, errors)
    }

    /// Raises the first problem (with all of them in `errors`), or returns None.
    fn check(&self, py: Python<'_>) -> PyResult<()> {
        let problems = py.detach(|| self.plan.validate());
        if problems.is_empty() {
            Ok(())
        } else {
            Err(raise_all(py, &problems))
        }
    }

    /// Scores, status and forecasts of every objective and key result as of a moment
    /// (default: now).
    #[pyo3(signature = (as_of = None))]
    fn score(&self, py: Python<'_>, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<PyScorecard> {
        let as_of = convert::as_of(as_of)?;
        let engine = self.engine(py)?;
        let card = py.detach(|| engine.score(&self.plan, as_of)).py_err(py)?;
        Ok(PyScorecard(card))
    }

    /// The alignment analysis: roots, orphans, and per objective its parents, children,
    /// depth, skipped levels and coverage.
    fn alignment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let report = py.detach(|| okr_core::alignment::analyze(&self.plan));
        let v = serde_json::to_value(&report).map_err(|e| PyValueError::new_err(e.to_string()))?;
        convert::to_py(py, &v)
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
        let config = Self::lint_config(py, profile, select, ignore, severity, settings)?;
        let as_of = convert::as_of(as_of)?;
        let found = self.diagnostics(py, &config, as_of)?;
        Ok(found.into_iter().map(PyDiagnostic).collect())
    }

    /// The report as Markdown (`"md"`) or one self-contained HTML page (`"html"`).
    #[pyo3(signature = (format = "md", as_of = None))]
    fn report(
        &self,
        py: Python<'_>,
        format: &str,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let format = ReportFormat::parse(format).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown report format {format:?}: use \"md\" or \"html\""
            ))
        })?;
        let as_of = convert::as_of(as_of)?;
        py.detach(|| okr_core::report::render(&self.plan, as_of, &LintConfig::default(), format))
            .py_err(py)
    }

    /// The scoring policy in force, as a dict.
    #[getter]
    fn policy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let policy: Policy = self.plan.policy();
        let v = serde_json::to_value(policy).map_err(|e| PyValueError::new_err(e.to_string()))?;
        convert::to_py(py, &v)
    }

    /// A copy of the plan under another policy: a preset name and/or fields of the
    /// `policy:` section (`overshoot`, `zero_range`, `status`, …).
    #[pyo3(signature = (preset = None, **fields))]
    fn with_policy(
        &self,
        py: Python<'_>,
        preset: Option<&str>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyPlan> {
        if let Some(p) = preset {
            if Preset::parse(p).is_none() {
                let names: Vec<&str> = Preset::ALL.iter().map(|p| p.as_str()).collect();
                return Err(PolicyError::new_err(format!(
                    "unknown policy preset {p:?}; presets are {}",
                    names.join(", ")
                )));
            }
        }
        let preset_value = preset.map(|p| pyo3::types::PyString::new(py, p).into_any());
        let value = kwargs_object(&[("preset", preset_value.as_ref())], fields, "policy")?;
        let config: PolicyConfig = okr_core::edit::from_value(value, "policy").py_err(py)?;
        let mut plan = self.plan.clone();
        plan.policy = Some(config);
        let problems = py.detach(|| plan.validate());
        if !problems.is_empty() {
            return Err(raise_all(py, &problems));
        }
        Ok(PyPlan::new(plan))
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
        let table = match which {
            "objectives" => py.detach(|| okr_core::table::objectives(&self.plan)),
            "key_results" => py.detach(|| okr_core::table::key_results(&self.plan)),
            "check_ins" => py.detach(|| okr_core::table::check_ins(&self.plan)),
            "scores" => {
                let as_of = convert::as_of(as_of)?;
                let engine = self.engine(py)?;
                py.detach(|| {
                    let eval = engine.evaluate(as_of);
                    okr_core::table::scores(&self.plan, &engine, &eval)
                })
                .py_err(py)?
            }
            "diagnostics" => {
                let config = Self::lint_config(py, profile, select, ignore, None, None)?;
                let as_of = convert::as_of(as_of)?;
                let found = self.diagnostics(py, &config, as_of)?;
                okr_core::table::diagnostics(&found)
            }
            other => {
                return Err(PyValueError::new_err(format!("no table called {other:?}")));
            }
        };
        tables::to_py(py, &table)
    }

    fn __len__(&self) -> usize {
        self.plan.objectives.len()
    }

    fn __eq__(&self, other: PyRef<'_, PyPlan>) -> bool {
        self.plan == other.plan
    }

    fn __repr__(&self) -> String {
        let krs: usize = self
            .plan
            .objectives
            .iter()
            .map(|o| o.key_results.len())
            .sum();
        format!(
            "Plan(name={:?}, units={}, cycles={}, objectives={}, key_results={})",
            self.plan.name.as_deref().unwrap_or(""),
            self.plan.units.len(),
            self.plan.cycles.len(),
            self.plan.objectives.len(),
            krs
        )
    }

    /// Pickles as the JSON document plus the attached check-ins log, which keep every
    /// field; unpickling does not validate, so a plan being built survives the trip.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        let rebuild = py.import("okr._pickle")?.getattr("plan")?;
        let log = self
            .plan
            .logged_check_ins
            .iter()
            .map(serde_json::to_string)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok((rebuild, (self.to_json(py)?, log)))
    }

    /// A pandas DataFrame of one of the tables (see `okr.frames`): `which` is
    /// `objectives`, `key_results`, `check_ins`, `scores` or `diagnostics`.
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
        let engine = self.engine(py)?;
        let table = py
            .detach(|| okr_core::table::history(&self.plan, &engine, key_result, step_days))
            .py_err(py)?;
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
    fn _unpickle(py: Python<'_>, json: &str, log: Vec<String>) -> PyResult<Self> {
        let mut plan = okr_core::parse(json, Format::Json).py_err(py)?;
        plan.attach_check_in_log(&log.join("\n")).py_err(py)?;
        Ok(PyPlan::new(plan))
    }
}
