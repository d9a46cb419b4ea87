//! The one place core errors become Python exceptions: a tree rooted at `OkrError`,
//! one class per error family, each carrying `kind`, `path`, `line`, `column`, `ids`
//! and, when a call found several problems, all of them in `errors`.

use okr_core::{Error, ErrorKind};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyList;

create_exception!(
    _okr,
    OkrError,
    PyException,
    "Base class of every error okr raises."
);
create_exception!(
    _okr,
    ParseError,
    OkrError,
    "The text is not well-formed JSON, YAML, CSV or JSON Lines."
);
create_exception!(
    _okr,
    LimitError,
    ParseError,
    "Input past a safety limit (size, nesting, alias expansion)."
);
create_exception!(
    _okr,
    SchemaError,
    OkrError,
    "Well-formed input of the wrong shape: a wrong type, a missing field, an unknown value."
);
create_exception!(
    _okr,
    UnknownFieldError,
    SchemaError,
    "A field name the format does not know."
);
create_exception!(
    _okr,
    ValidationError,
    OkrError,
    "A value the model does not allow: NaN, a negative weight, dates out of order, …"
);
create_exception!(
    _okr,
    DuplicateIdError,
    ValidationError,
    "Two items of one kind share an id."
);
create_exception!(
    _okr,
    ZeroRangeError,
    ValidationError,
    "A key result whose start equals its target."
);
create_exception!(
    _okr,
    DirectionMismatchError,
    ValidationError,
    "An increase whose target is below its start, or a decrease above."
);
create_exception!(
    _okr,
    DateOrderError,
    ValidationError,
    "A start after an end."
);
create_exception!(
    _okr,
    PolicyError,
    ValidationError,
    "A scoring policy that cannot be used: an unknown preset, a bad setting."
);
create_exception!(
    _okr,
    UnknownReferenceError,
    OkrError,
    "An id that names nothing in the plan."
);
create_exception!(
    _okr,
    CycleError,
    OkrError,
    "A loop among alignments or aggregate key results."
);
create_exception!(
    _okr,
    NotFoundError,
    OkrError,
    "An id passed to a call that the plan does not hold."
);

/// Registers the exception classes on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("OkrError", py.get_type::<OkrError>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("LimitError", py.get_type::<LimitError>())?;
    m.add("SchemaError", py.get_type::<SchemaError>())?;
    m.add("UnknownFieldError", py.get_type::<UnknownFieldError>())?;
    m.add("ValidationError", py.get_type::<ValidationError>())?;
    m.add("DuplicateIdError", py.get_type::<DuplicateIdError>())?;
    m.add("ZeroRangeError", py.get_type::<ZeroRangeError>())?;
    m.add(
        "DirectionMismatchError",
        py.get_type::<DirectionMismatchError>(),
    )?;
    m.add("DateOrderError", py.get_type::<DateOrderError>())?;
    m.add("PolicyError", py.get_type::<PolicyError>())?;
    m.add(
        "UnknownReferenceError",
        py.get_type::<UnknownReferenceError>(),
    )?;
    m.add("CycleError", py.get_type::<CycleError>())?;
    m.add("NotFoundError", py.get_type::<NotFoundError>())?;
    Ok(())
}

/// The exception for one core error, with its attributes set.
fn exception(py: Python<'_>, e: &Error) -> PyErr {
    let message = e.to_string();
    let policy = e.path().starts_with("policy");
    let err = match e.kind() {
        ErrorKind::Syntax => ParseError::new_err(message),
        ErrorKind::Limit => LimitError::new_err(message),
        ErrorKind::UnknownField => UnknownFieldError::new_err(message),
        ErrorKind::Schema if policy => PolicyError::new_err(message),
        ErrorKind::Schema => SchemaError::new_err(message),
        ErrorKind::DuplicateId => DuplicateIdError::new_err(message),
        ErrorKind::ZeroRange => ZeroRangeError::new_err(message),
        ErrorKind::DirectionMismatch => DirectionMismatchError::new_err(message),
        ErrorKind::DateOrder => DateOrderError::new_err(message),
        ErrorKind::InvalidValue if policy => PolicyError::new_err(message),
        ErrorKind::InvalidValue => ValidationError::new_err(message),
        ErrorKind::UnknownReference => UnknownReferenceError::new_err(message),
        ErrorKind::Cycle => CycleError::new_err(message),
        ErrorKind::NotFound => NotFoundError::new_err(message),
    };
    let value = err.value(py);
    let location = e.location();
    let set = || -> PyResult<()> {
        value.setattr("kind", e.kind().as_str())?;
        value.setattr("message", e.message())?;
        value.setattr("path", e.path())?;
        value.setattr("line", location.and_then(|l| l.line))?;
        value.setattr("column", location.and_then(|l| l.column))?;
        value.setattr("ids", e.ids())?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(failed) => failed,
    }
}

/// The exception for a list of problems: the first one's class and attributes, and
/// every problem (as an exception of its own class) in `errors`.
pub fn raise_all(py: Python<'_>, errors: &[Error]) -> PyErr {
    let Some(first) = errors.first() else {
        return OkrError::new_err("an operation failed without saying why");
    };
    let err = exception(py, first);
    let value = err.value(py);
    let all: Vec<Bound<'_, PyAny>> = errors
        .iter()
        .map(|e| exception(py, e).value(py).clone().into_any())
        .collect();
    let attach = || -> PyResult<()> {
        value.setattr("errors", PyList::new(py, all)?)?;
        if errors.len() > 1 {
            // The printed message says there is more than the first problem.
            let more = errors.len() - 1;
            let text = format!(
                "{first} (and {more} more problem{})",
                if more == 1 { "" } else { "s" }
            );
            value.setattr("args", (text,))?;
        }
        Ok(())
    };
    match attach() {
        Ok(()) => err,
        Err(failed) => failed,
    }
}

/// One core error as a Python exception.
pub fn raise(py: Python<'_>, error: &Error) -> PyErr {
    raise_all(py, std::slice::from_ref(error))
}

/// Converts core results, with the interpreter at hand.
pub trait IntoPy<T> {
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, Error> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise(py, &e))
    }
}

impl<T> IntoPy<T> for Result<T, Vec<Error>> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise_all(py, &e))
    }
}
