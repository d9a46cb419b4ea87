//! Reading and writing plans: JSON, YAML, CSV, the check-ins log, the JSON Schema.

pub mod check_in_log;
pub(crate) mod csv;
pub(crate) mod csv_index;
mod finite;
pub mod json;
mod placed;
pub mod pretty;
mod schema;
pub(crate) mod serde_error;
pub(crate) mod source_index;
pub(crate) mod text_value;
mod unknown_fields;
pub(crate) mod yaml;

pub use schema::json_schema;
pub use unknown_fields::unknown_fields;

use crate::document::PlanFormat;
use crate::error::{Error, Location, Result};
use crate::model::Plan;

/// Parses a plan from `text` in `format`, without semantic checks.
pub(crate) fn parse(text: &str, format: PlanFormat, limits: &Limits) -> Result<Plan> {
    match format {
        PlanFormat::Json => json::parse(text, limits),
        PlanFormat::Yaml => yaml::parse(text, limits),
        PlanFormat::Csv => csv::parse(text, limits),
    }
    .map_err(|e| placed::better_placed(e, text, format))
}

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
    /// Most text aliases may repeat, counting every repeat (default 16 MiB): a 1 KB
    /// description reused 1,000 times is fine; a megabyte anchored and aliased
    /// thousands of times is a bomb.
    pub max_yaml_alias_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 1 << 30,
            max_depth: 64,
            max_yaml_aliases: 10_000,
            max_yaml_alias_events: 100_000,
            max_yaml_alias_bytes: 16 << 20,
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
