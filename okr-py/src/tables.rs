//! Core tables as Python: `{name: (kind, data, extra, doc)}` in column order, whole
//! columns at a time. Numbers travel as little-endian bytes that numpy reads without a
//! copy per value; the pure-Python package turns them into pandas or polars columns.

use okr_core::table::{Data, Table};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

fn bytes<'py, T: Copy, const N: usize>(
    py: Python<'py>,
    values: &[T],
    to_le: impl Fn(T) -> [u8; N],
) -> Bound<'py, PyBytes> {
    let mut out = Vec::with_capacity(values.len() * N);
    for v in values {
        out.extend_from_slice(&to_le(*v));
    }
    PyBytes::new(py, &out)
}

/// The table as a dict of columns.
pub fn to_py<'py>(py: Python<'py>, table: &Table) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for c in &table.columns {
        let none = py.None().into_bound(py);
        let (kind, data, extra) = match &c.data {
            Data::Text(v) => ("text", PyList::new(py, v)?.into_any(), none),
            Data::OptionalText(v) => ("text", PyList::new(py, v)?.into_any(), none),
            Data::Category { codes, categories } => (
                "category",
                bytes(py, codes, i32::to_le_bytes).into_any(),
                PyList::new(py, categories)?.into_any(),
            ),
            Data::Float(v) => ("float", bytes(py, v, f64::to_le_bytes).into_any(), none),
            Data::Int(v) => ("int", bytes(py, v, i64::to_le_bytes).into_any(), none),
            Data::OptionalInt(v) => {
                let values: Vec<i64> = v.iter().map(|x| x.unwrap_or(0)).collect();
                let mask: Vec<u8> = v.iter().map(|x| u8::from(x.is_none())).collect();
                (
                    "optional_int",
                    bytes(py, &values, i64::to_le_bytes).into_any(),
                    PyBytes::new(py, &mask).into_any(),
                )
            }
            Data::Timestamp(v) => {
                // numpy reads i64::MIN as NaT.
                let values: Vec<i64> = v.iter().map(|x| x.unwrap_or(i64::MIN)).collect();
                (
                    "timestamp_ms",
                    bytes(py, &values, i64::to_le_bytes).into_any(),
                    none,
                )
            }
        };
        out.set_item(&*c.name, (kind, data, extra, &*c.doc))?;
    }
    Ok(out)
}
