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
    fn serialize_bool(self, _: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Done {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Done {
        Ok(())
    }
    // Dates and times write themselves through `Display`; text holds no number.
    fn collect_str<T: ?Sized + fmt::Display>(self, _: &T) -> Done {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
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
    fn serialize_unit_struct(self, _: &'static str) -> Done {
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
    fn serialize_seq(self, _: Option<usize>) -> Result<Probe, Stop> {
        Ok(Probe)
    }
    fn serialize_tuple(self, _: usize) -> Result<Probe, Stop> {
        Ok(Probe)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Probe, Stop> {
        Ok(Probe)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Probe, Stop> {
        Ok(Probe)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Probe, Stop> {
        Ok(Probe)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Probe, Stop> {
        Ok(Probe)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Probe, Stop> {
        Ok(Probe)
    }
}

impl ser::SerializeSeq for Probe {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(Probe)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeTuple for Probe {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(Probe)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Probe {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(Probe)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Probe {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Done {
        value.serialize(Probe)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

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

impl ser::SerializeStruct for Probe {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(Probe)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Probe {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(Probe)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::first_non_finite;
    use crate::{Format, parse};

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
        let e = crate::write(&plan, Format::Json).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::InvalidValue);
        assert_eq!(
            e.location().map(|l| l.path.as_str()),
            Some("objectives[0].key_results[0].start")
        );
        assert!(
            e.to_string().contains("-inf cannot be written as JSON"),
            "{e}"
        );
        let back = parse(&crate::write(&plan, Format::Yaml).unwrap(), Format::Yaml).unwrap();
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
