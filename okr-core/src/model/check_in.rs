//! Check-ins: the values reported against a key result (or KPI) over time.

use super::{Metadata, Moment};
use schemars::JsonSchema;
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The value of one check-in. Which shape is valid depends on the key result's type:
/// a number for numeric kinds, a boolean for milestones, a zone name (`fail`, `commit`,
/// `target`, `stretch`) for ordinal zones, and the ids of the finished steps for checklists.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Value {
    /// A number (increase, decrease, thresholds, numeric zones, baselines).
    Number(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] f64),
    /// Done or not (milestones).
    Bool(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] bool),
    /// A zone name (`fail`, `commit`, `target`, `stretch`).
    Text(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] String),
    /// The ids of the finished steps (checklists).
    Steps(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] Vec<String>),
}

impl Value {
    /// The value as a number, when it is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A short name of the shape, for error messages.
    pub fn shape(&self) -> &'static str {
        match self {
            Value::Number(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Text(_) => "a text",
            Value::Steps(_) => "a list of step ids",
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Text(t) => f.write_str(t),
            Value::Steps(s) => write!(f, "[{}]", s.join(", ")),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) => s.serialize_f64(*n),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Text(t) => s.serialize_str(t),
            Value::Steps(v) => v.serialize(s),
        }
    }
}

// A hand-written visitor instead of `#[serde(untagged)]`: untagged enums buffer every value
// and report "did not match any variant", while this says what was expected.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, a boolean, a zone name or a list of step ids")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::Text(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut steps = Vec::new();
                while let Some(step) = seq.next_element::<String>()? {
                    steps.push(step);
                }
                Ok(Value::Steps(steps))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CheckInValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number (numeric kinds), a boolean (milestone), a zone name (ordinal zones) or the ids of finished steps (checklist).",
            "anyOf": [
                {"type": "number"},
                {"type": "boolean"},
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}}
            ]
        })
    }
}

/// One reported value, with how sure the reporter is of reaching the target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// When the value was observed.
    pub at: Moment,
    /// The value observed.
    pub value: Value,
    /// 0.0 (no chance) to 1.0 (certain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    // `Box<str>` rather than `String` here and in `author`: a plan holds millions of
    // check-ins, and each saves 8 bytes.
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
    /// Who checked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Box<str>>,
    /// Free-form fields, kept by every format.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

impl CheckIn {
    /// A check-in of `value` at `at`, with nothing else set.
    pub fn new(at: Moment, value: Value) -> Self {
        CheckIn {
            at,
            value,
            confidence: None,
            note: None,
            author: None,
            metadata: Metadata::new(),
        }
    }
}

/// A line of a check-ins log (JSON Lines): a check-in plus the key result or KPI it is for.
///
/// The fields are spelled out rather than flattened: serde cannot refuse unknown fields
/// through `flatten`, and a typo in a log line must not vanish.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoggedCheckIn {
    /// Id of the key result (or KPI) the value is for.
    pub key_result: String,
    /// When the value was observed.
    pub at: Moment,
    /// The value observed.
    pub value: Value,
    /// How likely the target is reached, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    // `Box<str>` rather than `String` here and in `author`: a plan holds millions of
    // check-ins, and each saves 8 bytes.
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
    /// Who checked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Box<str>>,
    /// Free-form fields, kept by the log.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

impl LoggedCheckIn {
    /// The log entry of `check_in` for `key_result`.
    pub fn new(key_result: impl Into<String>, check_in: CheckIn) -> Self {
        let CheckIn {
            at,
            value,
            confidence,
            note,
            author,
            metadata,
        } = check_in;
        LoggedCheckIn {
            key_result: key_result.into(),
            at,
            value,
            confidence,
            note,
            author,
            metadata,
        }
    }

    /// The entry as a check-in of its key result.
    pub fn check_in(&self) -> CheckIn {
        CheckIn {
            at: self.at,
            value: self.value.clone(),
            confidence: self.confidence,
            note: self.note.clone(),
            author: self.author.clone(),
            metadata: self.metadata.clone(),
        }
    }
}
