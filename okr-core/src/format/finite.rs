//! Finds a number that JSON cannot hold. serde_json writes NaN and ±infinity as `null`,
//! which reads back as "no value": a plan that holds one (parsed from YAML's `.nan`
//! without validation, or built in code) would lose it silently. The JSON writers ask
//! here first and refuse such a plan with the number's path instead.

use serde::Serialize;
use serde::ser;
use std::fmt;

/// The document path and value of the first non-finite number in `value`, if any.
pub(crate) fn first_non_finite(value: &impl Serialize) -> Option<(String, f64)> {
    // Tracking the path costs more than the walk; only a plan that fails is walked again.
    value.serialize(Probe).err()?;
    match serde_path_to_error::serialize(value, Probe) {
        Ok(()) => None,
        Err(e) => match *e.inner() {
            Stop::NonFinite(x) => Some((super::serde_error::clean_path(&e.path().to_string()), x)),
            // Not a number: the writer itself meets and reports the same failure.
            Stop::Other => None,
        },
    }
}

/// A serializer that writes nothing and fails on the first non-finite float.
struct Probe;

#[derive(Debug)]
enum Stop {
    NonFinite(f64),
    Other,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::NonFinite(x) => write!(f, "{x} is not a finite number"),
            Stop::Other => f.write_str("a value refused to serialize"),
        }
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop::Other
    }
}

type Done = Result<(), Stop>;

macro_rules! ignore_scalars {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method(self, _: $ty) -> Done {
            Ok(())
        }
    )*};
}

// A compound is walked by the probe itself, whatever its name and length.
macro_rules! open_compounds {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $arg),*) -> Result<Probe, Stop> {
            Ok(Probe)
        }
    )*};
}

impl ser::Serializer for Probe {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Probe;
    type SerializeTuple = Probe;
    type SerializeTupleStruct = Probe;
    type SerializeTupleVariant = Probe;
    type SerializeMap = Probe;
    type SerializeStruct = Probe;
    type SerializeStructVariant = Probe;

    fn serialize_f64(self, v: f64) -> Done {
        if v.is_finite() {
            Ok(())
        } else {
            Err(Stop::NonFinite(v))
        }
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    ignore_scalars!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_char: char,
        serialize_str: &str,
        serialize_bytes: &[u8],
        serialize_unit_struct: &'static str,
    );
    // Dates and times write themselves through `Display`; text holds no number.
    fn collect_str<T: ?Sized + fmt::Display>(self, _: &T) -> Done {
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    open_compounds!(
        serialize_seq(Option<usize>),
        serialize_tuple(usize),
        serialize_tuple_struct(&'static str, usize),
        serialize_tuple_variant(&'static str, u32, &'static str, usize),
        serialize_map(Option<usize>),
        serialize_struct(&'static str, usize),
        serialize_struct_variant(&'static str, u32, &'static str, usize),
    );
}

// Every element, field and map entry is walked the same way.
macro_rules! walk_compound {
    ($($trait:ident :: $method:ident ($($key:ty)?)),* $(,)?) => {$(
        impl ser::$trait for Probe {
            type Ok = ();
            type Error = Stop;
            fn $method<T: ?Sized + Serialize>(&mut self, $(_: $key,)? value: &T) -> Done {
                value.serialize(Probe)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

walk_compound!(
    SerializeSeq::serialize_element(),
    SerializeTuple::serialize_element(),
    SerializeTupleStruct::serialize_field(),
    SerializeTupleVariant::serialize_field(),
    SerializeStruct::serialize_field(&'static str),
    SerializeStructVariant::serialize_field(&'static str),
);

impl ser::SerializeMap for Probe {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Done {
        key.serialize(Probe)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(Probe)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::first_non_finite;
    use crate::{Document, LoadOptions, Plan, PlanFormat as Format};

    fn parse(text: &str, format: Format) -> Result<Plan, crate::Error> {
        Document::parse(text, &LoadOptions::new(format)).map(Document::into_plan)
    }

    fn write(plan: &Plan, format: Format) -> Result<String, crate::Error> {
        Document::from_plan(plan.clone()).write(format)
    }

    #[test]
    fn finds_the_path_of_a_non_finite_number() {
        let plan = parse(
            "schema_version: 1\nobjectives:\n  - id: o\n    title: T\n    key_results:\n      - {id: k, title: K, type: increase, start: 0, target: .inf}\n",
            Format::Yaml,
        )
        .unwrap();
        let (path, value) = first_non_finite(&plan).unwrap();
        assert_eq!(path, "objectives[0].key_results[0].target");
        assert_eq!(value, f64::INFINITY);
    }

    #[test]
    fn json_refuses_what_it_would_write_as_null_and_yaml_keeps_it() {
        let yaml = "schema_version: 1\nobjectives:\n  - id: o\n    title: T\n    key_results:\n      - {id: k, title: K, type: increase, start: -.inf, target: .nan}\n";
        let plan = parse(yaml, Format::Yaml).unwrap();
        let e = write(&plan, Format::Json).unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::InvalidValue);
        assert_eq!(
            e.location().map(|l| l.path.as_str()),
            Some("objectives[0].key_results[0].start")
        );
        assert!(
            e.to_string().contains("-inf cannot be written as JSON"),
            "{e}"
        );
        let back = parse(&write(&plan, Format::Yaml).unwrap(), Format::Yaml).unwrap();
        assert_eq!(format!("{back:?}"), format!("{plan:?}"));
    }

    #[test]
    fn a_plan_of_finite_numbers_passes() {
        let plan = parse(
            "schema_version: 1\nobjectives:\n  - id: o\n    title: T\n    weight: 2.5\n    key_results:\n      - {id: k, title: K, type: increase, start: 0, target: 10}\n",
            Format::Yaml,
        )
        .unwrap();
        assert_eq!(first_non_finite(&plan), None);
    }
}
