//! Reading and writing plans: JSON, YAML, CSV, the check-ins log, the JSON Schema.

pub mod check_in_log;
pub mod csv;
mod finite;
pub mod json;
mod schema;
pub(crate) mod serde_error;
pub mod source_map;
pub mod text_value;
pub mod yaml;

pub use schema::json_schema;

use crate::error::{Error, Format, Location, Result};

/// Safety limits on input. The defaults accept any realistic plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 1 GiB).
    pub max_input_bytes: usize,
    /// Deepest nesting of YAML collections (default 64; JSON stops at 128).
    pub max_depth: usize,
    /// Most alias uses in a YAML document (default 10,000).
    pub max_yaml_aliases: usize,
    /// Most parser events replayed through aliases (default 100,000): what stops an
    /// alias bomb.
    pub max_yaml_alias_events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 1 << 30,
            max_depth: 64,
            max_yaml_aliases: 10_000,
            max_yaml_alias_events: 100_000,
        }
    }
}

pub(crate) fn check_size(len: usize, limits: &Limits) -> Result<()> {
    if len > limits.max_input_bytes {
        return Err(Error::Limit {
            message: format!(
                "input of {len} bytes is larger than the {}-byte limit",
                limits.max_input_bytes
            ),
            location: Location::default(),
        });
    }
    Ok(())
}

impl Format {
    /// The format a file name implies: `.json`, `.yaml`/`.yml`, `.csv`, `.jsonl`.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }

    pub fn parse_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "csv" => Some(Format::Csv),
            "jsonl" | "json-lines" => Some(Format::JsonLines),
            _ => None,
        }
    }
}
