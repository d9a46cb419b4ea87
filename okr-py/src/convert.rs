//! Python values to and from JSON values (what the core reads items and plans from),
//! and Python dates to the core's moments. Depth is bounded, so a self-referencing
//! list raises an error instead of overflowing the stack.

use crate::errors::{IntoPy, SchemaError};
use okr_core::AsOf;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

const MAX_DEPTH: usize = 128;

/// A Python value (None, bool, int, float, str, list, tuple, dict, date, datetime) as
/// JSON; `path` names where it sits, for errors.
pub fn to_json(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    to_json_at(obj, path, 0)
}

fn to_json_at(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(SchemaError::new_err(format!(
            "{path}: nested more than {MAX_DEPTH} levels deep"
        )));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        let f: f64 = obj.extract()?;
        return number(f, path);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return number(f.value(), path);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key: String = k.str()?.to_cow()?.into_owned();
            let at = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            map.insert(key, to_json_at(&v, &at, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, v) in obj.try_iter()?.enumerate() {
            out.push(to_json_at(&v?, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    if let Some(text) = iso_moment(obj)? {
        return Ok(Value::String(text));
    }
    Err(PyTypeError::new_err(format!(
        "{}: cannot store a value of type {} in a plan",
        if path.is_empty() { "value" } else { path },
        obj.get_type().name()?
    )))
}

fn number(f: f64, path: &str) -> PyResult<Value> {
    Number::from_f64(f).map(Value::Number).ok_or_else(|| {
        crate::errors::ValidationError::new_err(format!(
            "{}: {f} is not a finite number",
            if path.is_empty() { "value" } else { path }
        ))
    })
}

/// A date or datetime as ISO text (a naive datetime is read as UTC), or `None` when
/// `obj` is neither.
fn iso_moment(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if !obj.hasattr("isoformat")? || !obj.hasattr("year")? {
        return Ok(None);
    }
    let text: String = obj.call_method0("isoformat")?.extract()?;
    let is_datetime = obj.hasattr("hour")?;
    let naive = is_datetime && obj.getattr("tzinfo")?.is_none();
    Ok(Some(if naive { format!("{text}Z") } else { text }))
}

/// The moment to score as of: `None` for now, an ISO string, a date (the end of that
/// day) or a datetime.
pub fn as_of(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<AsOf> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(AsOf::now());
    };
    let text = match value.cast::<PyString>() {
        Ok(s) => s.to_cow()?.into_owned(),
        Err(_) => iso_moment(value)?.ok_or_else(|| {
            PyTypeError::new_err("as_of must be a date, a datetime or an ISO 8601 string")
        })?,
    };
    AsOf::parse(&text).py_err(py)
}

/// A JSON value as Python objects (dict, list, str, float, int, bool, None).
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for v in items {
                list.append(to_py(py, v)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Keyword arguments (minus `None` values) as a JSON object; a value that cannot be
/// converted is named by its argument.
pub fn kwargs_object(
    fields: &[(&str, Option<&Bound<'_, PyAny>>)],
    extra: Option<&Bound<'_, PyDict>>,
) -> PyResult<Value> {
    let mut map = Map::new();
    for (name, value) in fields {
        if let Some(v) = value.filter(|v| !v.is_none()) {
            map.insert((*name).to_owned(), to_json(v, name)?);
        }
    }
    if let Some(extra) = extra {
        for (k, v) in extra.iter() {
            if v.is_none() {
                continue;
            }
            let key: String = k.extract()?;
            let value = to_json(&v, &key)?;
            map.insert(key, value);
        }
    }
    Ok(Value::Object(map))
}
