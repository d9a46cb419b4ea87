//! Values between Rust and JavaScript. Results go out as JSON text read by the engine's
//! own `JSON.parse` (faster, for large answers, than building objects one property at
//! a time across the boundary), with the record fields renamed to camelCase as
//! JavaScript spells them (`raw_progress` → `rawProgress`). Inputs come in as plain
//! objects, read into the JSON values the core's `from_value` constructors take.

use crate::errors::internal;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JavaScript value, record fields in camelCase.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    parse_json(&camel_case_json(&to_json(value)?))
}

/// `value` as compact JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| internal(&e.to_string()))
}

/// `value` as a plain JavaScript value, field names kept (a plan document, whose
/// fields are the file format's).
pub fn to_js_verbatim<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    parse_json(&serde_json::to_string(value).map_err(|e| internal(&e.to_string()))?)
}

pub fn parse_json(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text)
        .map_err(|_| internal("the engine produced JSON JavaScript could not read"))
}

/// A JavaScript value (an options object, a plan as an object) as JSON. `undefined`
/// is `null`.
pub fn from_js(value: &JsValue) -> Result<serde_json::Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(serde_json::Value::Null);
    }
    serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        crate::errors::okr_error(&[okr_core::Error::InvalidArgument {
            argument: "value".into(),
            message: format!("not a JSON-like value: {e}"),
        }])
    })
}

/// An options object as JSON: a field left `undefined` (or `null`), as in
/// `{ select: undefined }`, is a field not given.
pub fn options_from_js(value: &JsValue) -> Result<serde_json::Value, JsValue> {
    let mut options = from_js(value)?;
    if let Some(fields) = options.as_object_mut() {
        fields.retain(|_, v| !v.is_null());
    }
    Ok(options)
}

/// Compact JSON text with every object key in camelCase: one pass over the text, no
/// tree built (a scorecard of 10,000 objectives is 25 MB of JSON).
pub fn camel_case_json(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    // Whether each open container is an object, and whether a key comes next.
    let mut objects: Vec<bool> = Vec::new();
    let mut key_next = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                objects.push(true);
                key_next = true;
            }
            b'[' => {
                objects.push(false);
                key_next = false;
            }
            b'}' | b']' => {
                objects.pop();
                key_next = false;
            }
            b',' => key_next = objects.last() == Some(&true),
            b':' => key_next = false,
            b'"' => {
                let start = i + 1;
                let mut end = start;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let inner = &bytes[start..end.min(bytes.len())];
                out.push(b'"');
                if key_next {
                    let mut upper = false;
                    for (n, &c) in inner.iter().enumerate() {
                        if c == b'_' && n > 0 {
                            upper = true;
                        } else {
                            out.push(if upper { c.to_ascii_uppercase() } else { c });
                            upper = false;
                        }
                    }
                } else {
                    out.extend_from_slice(inner);
                }
                out.push(b'"');
                i = end + 1;
                continue;
            }
            _ => {}
        }
        out.push(b);
        i += 1;
    }
    // Only ASCII bytes were changed, and only ASCII letters to ASCII letters.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_pass_renames_keys_only_at_every_depth() {
        let v = serde_json::json!({
            "raw_progress": 0.5,
            "key_results": [{"last_check_in": "a_b", "ids": ["k_1", {"x_y": "\"q_r\""}]}],
            "e_mpty": {}, "l_ist": [], "n_ested": [[{"a_b": [1, {"c_d": null}]}]]
        });
        let text = serde_json::to_string(&v).unwrap();
        let renamed: serde_json::Value = serde_json::from_str(&camel_case_json(&text)).unwrap();
        let expected = serde_json::json!({
            "rawProgress": 0.5,
            "keyResults": [{"lastCheckIn": "a_b", "ids": ["k_1", {"xY": "\"q_r\""}]}],
            "eMpty": {}, "lIst": [], "nEsted": [[{"aB": [1, {"cD": null}]}]]
        });
        assert_eq!(renamed, expected);
        assert_eq!(renamed["keyResults"][0]["ids"][1]["xY"], "\"q_r\"");
        assert_eq!(camel_case_json(r#"{"_private":1}"#), r#"{"_private":1}"#);
    }
}
