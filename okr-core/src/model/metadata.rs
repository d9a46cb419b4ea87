//! Free-form fields the library keeps but never interprets.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The map a [`Metadata`] holds: JSON values by key, in the order written.
pub type MetadataMap = serde_json::Map<String, serde_json::Value>;

/// Free-form data the library keeps but never interprets. Key order is preserved.
///
/// Almost every check-in, key result and objective has none, and a plan holds millions
/// of them: an empty `Metadata` is one null pointer (8 bytes, no allocation), where an
/// empty map would take 72.
///
/// ```
/// use okr_core::model::Metadata;
/// let mut m = Metadata::new();
/// assert!(m.is_empty());
/// m.insert("bonus".into(), true.into());
/// assert_eq!(m.get("bonus"), Some(&serde_json::Value::Bool(true)));
/// assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"bonus":true}"#);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata(Option<Box<MetadataMap>>);

impl Metadata {
    /// No fields.
    pub const fn new() -> Self {
        Metadata(None)
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|m| m.is_empty())
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |m| m.len())
    }

    /// The value of field `key`.
    pub fn get(&self, key: &str) -> Option<&serde_json::Value> {
        self.0.as_ref()?.get(key)
    }

    /// Sets field `key`, returning the value it had.
    pub fn insert(&mut self, key: String, value: serde_json::Value) -> Option<serde_json::Value> {
        self.0.get_or_insert_default().insert(key, value)
    }

    /// The fields, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &serde_json::Value)> {
        self.0.iter().flat_map(|m| m.iter())
    }

    /// The fields as a map, `None` when there are none.
    pub fn as_map(&self) -> Option<&MetadataMap> {
        self.0.as_deref()
    }

    /// The fields as a map.
    pub fn into_map(self) -> MetadataMap {
        self.0.map(|m| *m).unwrap_or_default()
    }
}

impl From<MetadataMap> for Metadata {
    fn from(map: MetadataMap) -> Self {
        Metadata((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl FromIterator<(String, serde_json::Value)> for Metadata {
    fn from_iter<I: IntoIterator<Item = (String, serde_json::Value)>>(iter: I) -> Self {
        MetadataMap::from_iter(iter).into()
    }
}

impl Serialize for Metadata {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(m) => m.serialize(s),
            None => MetadataMap::new().serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Metadata {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        MetadataMap::deserialize(d).map(Metadata::from)
    }
}

impl JsonSchema for Metadata {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        MetadataMap::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        MetadataMap::json_schema(generator)
    }
    fn inline_schema() -> bool {
        MetadataMap::inline_schema()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_holds_nothing_and_round_trips_as_an_empty_object() {
        assert_eq!(size_of::<Metadata>(), size_of::<usize>());
        let m: Metadata = serde_json::from_value(json!({})).unwrap();
        assert!(m.is_empty() && m.as_map().is_none());
        assert_eq!(serde_json::to_value(&m).unwrap(), json!({}));
    }

    #[test]
    fn keeps_key_order() {
        let m: Metadata = serde_json::from_str(r#"{"z": 1, "a": [2], "m": {"x": null}}"#).unwrap();
        let keys: Vec<_> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "a", "m"]);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"z":1,"a":[2],"m":{"x":null}}"#
        );
    }
}
