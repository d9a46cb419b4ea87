//! The one place core errors become Python exceptions: a tree rooted at `OkrError`,
//! one class per error code, each carrying `code` (and `kind`, its older name),
//! `message`, `document`, `path`, `line`, `column`, `ids` and, when a call found
//! several problems, all of them in `errors`. The class is chosen by the code alone.

use okr_core::{Error, ErrorCode, ErrorInfo, Problems};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};

create_exception!(
    okr,
    OkrError,
    PyException,
    "Base class of every error okr raises."
);
create_exception!(
    okr,
    ParseError,
    OkrError,
    "The text is not well-formed JSON, YAML, CSV or JSON Lines."
);
create_exception!(
    okr,
    LimitError,
    ParseError,
    "Input past a safety limit (size, nesting, alias expansion)."
);
create_exception!(
    okr,
    SchemaError,
    OkrError,
    "Well-formed input of the wrong shape: a wrong type, a missing field, an unknown value."
);
create_exception!(
    okr,
    UnknownFieldError,
    SchemaError,
    "A field name the format does not know."
);
create_exception!(
    okr,
    ValidationError,
    OkrError,
    "A value the model does not allow: NaN, a negative weight, dates out of order, …"
);
create_exception!(
    okr,
    DuplicateIdError,
    ValidationError,
    "Two items of one kind share an id."
);
create_exception!(
    okr,
    ZeroRangeError,
    ValidationError,
    "A key result whose start equals its target."
);
create_exception!(
    okr,
    DirectionMismatchError,
    ValidationError,
    "An increase whose target is below its start, or a decrease above."
);
create_exception!(
    okr,
    DateOrderError,
    ValidationError,
    "A start after an end."
);
create_exception!(
    okr,
    PolicyError,
    ValidationError,
    "A scoring policy that cannot be used: an unknown preset, a bad setting."
);
create_exception!(
    okr,
    UnknownReferenceError,
    OkrError,
    "An id that names nothing in the plan."
);
create_exception!(
    okr,
    CycleError,
    OkrError,
    "A loop among alignments or aggregate key results."
);

create_exception!(
    okr,
    UnknownRuleError,
    OkrError,
    "A lint rule code or name that no rule has."
);

/// Classes with two bases (an okr family and the builtin a Python user would catch),
/// made once per interpreter.
static INVALID_ARGUMENT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static READ_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NOT_FOUND: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `class name(OkrError, builtin): doc`, made with `type()`.
fn with_builtin<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
    doc: &str,
    builtin: Bound<'py, PyType>,
) -> PyResult<Bound<'py, PyType>> {
    cell.get_or_try_init(py, || {
        let namespace = PyDict::new(py);
        namespace.set_item("__doc__", doc)?;
        // Named where users import them from, so tracebacks say `okr.ReadError`.
        namespace.set_item("__module__", "okr")?;
        // KeyError's own `__str__` quotes the message (`'objective `x` not found'`);
        // every okr error prints its message as written.
        namespace.set_item(
            "__str__",
            py.get_type::<pyo3::exceptions::PyBaseException>()
                .getattr("__str__")?,
        )?;
        let bases = PyTuple::new(py, [py.get_type::<OkrError>(), builtin])?;
        let made = py
            .get_type::<PyType>()
            .call1((name, bases, namespace))?
            .cast_into::<PyType>()?;
        Ok(made.unbind())
    })
    .map(|t| t.bind(py).clone())
}

/// `InvalidArgumentError(OkrError, ValueError)`.
fn invalid_argument(py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
    with_builtin(
        py,
        &INVALID_ARGUMENT,
        "InvalidArgumentError",
        "An argument that is not one of its choices: a table name, a format, a date.",
        py.get_type::<PyValueError>(),
    )
}

/// `NotFoundError(OkrError, KeyError)`: an id the plan does not hold is a lookup that
/// failed, and `except KeyError` is how Python code says so.
fn not_found(py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
    with_builtin(
        py,
        &NOT_FOUND,
        "NotFoundError",
        "An id passed to a call that the plan does not hold.",
        py.get_type::<pyo3::exceptions::PyKeyError>(),
    )
}

/// `ReadError(OkrError, OSError)`.
fn read_error(py: Python<'_>) -> PyResult<Bound<'_, PyType>> {
    with_builtin(
        py,
        &READ_ERROR,
        "ReadError",
        "A document (the check-ins log) that could not be read.",
        py.get_type::<PyOSError>(),
    )
}

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
    m.add("NotFoundError", not_found(py)?)?;
    m.add("UnknownRuleError", py.get_type::<UnknownRuleError>())?;
    m.add("InvalidArgumentError", invalid_argument(py)?)?;
    m.add("ReadError", read_error(py)?)?;
    Ok(())
}

/// The exception for one core error, chosen by its code alone, with its attributes set.
fn exception(py: Python<'_>, e: &Error) -> PyErr {
    let message = e.to_string();
    let err = match e.code() {
        ErrorCode::Syntax => ParseError::new_err(message),
        ErrorCode::Limit => LimitError::new_err(message),
        ErrorCode::UnknownField => UnknownFieldError::new_err(message),
        ErrorCode::Schema => SchemaError::new_err(message),
        ErrorCode::DuplicateId => DuplicateIdError::new_err(message),
        ErrorCode::ZeroRange => ZeroRangeError::new_err(message),
        ErrorCode::DirectionMismatch => DirectionMismatchError::new_err(message),
        ErrorCode::DateOrder => DateOrderError::new_err(message),
        ErrorCode::InvalidValue => ValidationError::new_err(message),
        ErrorCode::Policy => PolicyError::new_err(message),
        ErrorCode::UnknownReference => UnknownReferenceError::new_err(message),
        ErrorCode::Cycle => CycleError::new_err(message),
        ErrorCode::NotFound => match not_found(py) {
            Ok(cls) => PyErr::from_type(cls, message),
            Err(failed) => failed,
        },
        ErrorCode::UnknownRule => UnknownRuleError::new_err(message),
        ErrorCode::InvalidArgument => match invalid_argument(py) {
            Ok(cls) => PyErr::from_type(cls, message),
            Err(failed) => failed,
        },
        ErrorCode::Io => match read_error(py) {
            Ok(cls) => PyErr::from_type(cls, message),
            Err(failed) => failed,
        },
    };
    let value = err.value(py);
    let info = ErrorInfo::from(e);
    let set = || -> PyResult<()> {
        value.setattr("code", info.code.as_str())?;
        value.setattr("kind", info.code.as_str())?;
        value.setattr("message", &info.message)?;
        value.setattr("document", info.document.as_str())?;
        value.setattr("path", &info.path)?;
        value.setattr("line", info.line)?;
        value.setattr("column", info.column)?;
        value.setattr("ids", &info.ids)?;
        // The file, when the error came from reading one (`okr.load`).
        value.setattr("file", py.None())?;
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

/// [`raise_all`] for problems found reading the plan file at `plan`: each exception's
/// `file` is the file it points into (the plan or its check-ins log), and the message
/// starts with it, as a compiler's would.
pub fn raise_in_file(py: Python<'_>, errors: &[Error], plan: &std::path::Path) -> PyErr {
    let err = raise_all(py, errors);
    let value = err.value(py);
    let name = |e: &Error| okr_core::fs::file_of(plan, e).map(|f| f.display().to_string());
    let attach = || -> PyResult<()> {
        if let Some(first) = errors.first() {
            let file = name(first);
            value.setattr("file", file.clone())?;
            if let Some(file) = file {
                let text: String = value.str()?.extract()?;
                value.setattr("args", (format!("{file}: {text}"),))?;
            }
        }
        if let Ok(all) = value.getattr("errors") {
            for (e, each) in errors.iter().zip(all.try_iter()?) {
                each?.setattr("file", name(e))?;
            }
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

impl<T> IntoPy<T> for Result<T, Problems> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise_all(py, &e))
    }
}
