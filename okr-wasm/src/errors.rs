//! Every failure crosses into JavaScript as one kind of object: an `Error` named
//! `OkrError` (the package's `OkrError` class recognises it with `instanceof`) with the
//! core's stable `code`, where it happened (`document`, `path`, `line`, `column`), the
//! `ids` involved, and `errors`: every problem of the call, each with the same fields.

use crate::convert::to_js;
use js_sys::Reflect;
use okr_core::{Error, ErrorInfo, Problems};
use wasm_bindgen::JsValue;

/// The thrown value for `errors` (at least one): the first gives the error's own
/// fields, and all are listed in `errors`.
pub fn okr_error(errors: &[Error]) -> JsValue {
    let infos: Vec<ErrorInfo> = errors.iter().map(ErrorInfo::from).collect();
    let Some(first) = infos.first() else {
        return internal("an error was raised without a cause");
    };
    let mut message = match first.line {
        Some(line) => format!("{} (line {line})", first.message),
        None => first.message.clone(),
    };
    if infos.len() > 1 {
        message.push_str(&format!(" (and {} more problems)", infos.len() - 1));
    }
    let error = js_sys::Error::new(&message);
    error.set_name("OkrError");
    let fields = to_js(first).unwrap_or(JsValue::NULL);
    for key in ["code", "document", "path", "line", "column", "ids"] {
        let value = Reflect::get(&fields, &key.into()).unwrap_or(JsValue::NULL);
        let _ = Reflect::set(&error, &key.into(), &value);
    }
    let _ = Reflect::set(
        &error,
        &"errors".into(),
        &to_js(&infos).unwrap_or(JsValue::NULL),
    );
    error.into()
}

/// An `OkrError` with code `internal`: a failure of the binding itself, not of the
/// input (a value the engine produced that JavaScript could not take).
pub fn internal(message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("OkrError");
    let _ = Reflect::set(&error, &"code".into(), &"internal".into());
    let _ = Reflect::set(&error, &"errors".into(), &js_sys::Array::new());
    error.into()
}

/// Conversion of the core's results into JavaScript results.
pub trait IntoJs<T> {
    /// The value, or the error thrown as an `OkrError`.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for Result<T, Error> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(|e| okr_error(std::slice::from_ref(&e)))
    }
}

impl<T> IntoJs<T> for Result<T, Problems> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(|p| okr_error(&p))
    }
}
