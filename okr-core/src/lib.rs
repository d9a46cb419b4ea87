//! # okr-core
//!
//! The OKR engine: a typed model of objectives and key results, every key-result kind,
//! explicit scoring policies (with presets that reproduce peer tools), time-aware status
//! and forecasts, Google-style grading, and lossless JSON/YAML/CSV formats.
//!
//! ```
//! use okr_core::{AsOf, Format, load};
//! let yaml = r#"
//! schema_version: 1
//! cycles: [{id: q1, name: Q1, start: 2026-01-01, end: 2026-03-31}]
//! objectives:
//!   - id: o1
//!     title: Delight new customers
//!     cycle: q1
//!     key_results:
//!       - id: k1
//!         title: Raise activation from 20% to 40%
//!         type: increase
//!         start: 20
//!         target: 40
//!         check_ins: [{at: 2026-02-14, value: 30}]
//! "#;
//! let plan = load(yaml, Format::Yaml).unwrap();
//! let card = plan.score(AsOf::parse("2026-02-14").unwrap()).unwrap();
//! let kr = card.key_result("k1").unwrap();
//! assert_eq!(kr.progress, Some(0.5));
//! assert_eq!(kr.expected, Some(0.5));
//! ```
//!
//! Every entry point takes and returns owned data, and every value is `Send + Sync`, so
//! the bindings (Python, WebAssembly, Kotlin/Swift) wrap it without lifetimes.

pub mod alignment;
mod bytes;
pub mod edit;
pub mod engine;
pub mod error;
pub mod format;
#[cfg(feature = "generate")]
pub mod generate;
mod graph;
pub mod lint;
pub mod model;
pub mod name_map;
pub mod policy;
pub mod report;
pub mod table;
mod validate;

pub use engine::{AsOf, Engine, KeyResultScore, ObjectiveScore, Scorecard, Status};
pub use error::{Entity, Error, ErrorKind, Format, Location, Result};
pub use format::{Limits, json_schema};
pub use lint::{Diagnostic, LintConfig, Severity, lint};
pub use model::*;
pub use policy::{Policy, PolicyConfig, Preset};
pub use validate::{MAX_TEXT_BYTES, validate};

/// Parses `text` without semantic checks (ids, references, numbers, dates).
pub fn parse(text: &str, format: Format) -> Result<Plan> {
    parse_with(text, format, &Limits::default())
}

pub fn parse_with(text: &str, format: Format, limits: &Limits) -> Result<Plan> {
    match format {
        Format::Json => format::json::parse(text, limits),
        Format::Yaml => format::yaml::parse(text, limits),
        Format::Csv => format::csv::parse(text, limits),
        Format::JsonLines => Err(Error::Schema {
            message: "a JSON Lines file holds check-ins, not a plan; name it in the plan's `check_ins_file`".into(),
            location: Location::default(),
        }),
    }
}

/// Parses and validates `text`; the first problem is returned, with its line and column.
pub fn load(text: &str, format: Format) -> Result<Plan> {
    check(text, format).map_err(|mut errors| errors.swap_remove(0))
}

/// Parses and validates `text`, returning every problem found (each with its line and
/// column), or the plan when there is none.
pub fn check(text: &str, format: Format) -> std::result::Result<Plan, Vec<Error>> {
    let plan = parse(text, format).map_err(|e| vec![e])?;
    let errors = plan.validate();
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(locate_all(text, format, errors))
    }
}

/// Parses `text`, merges the check-ins log the plan names (its text, when the caller
/// found the file), and validates the whole. Every problem is returned, each with its
/// line and column; problems in the log have paths starting with `check_ins_file`.
pub fn check_with_log(
    text: &str,
    format: Format,
    log: Option<&str>,
) -> std::result::Result<Plan, Vec<Error>> {
    check_reading_log(text, format, |_| log.map(str::to_owned))
}

/// [`check_with_log`], asking `read_log` for the log's text by the name the plan gives
/// it (`None`: there is no such log), so the plan is parsed once.
pub fn check_reading_log(
    text: &str,
    format: Format,
    read_log: impl FnOnce(&str) -> Option<String>,
) -> std::result::Result<Plan, Vec<Error>> {
    let mut plan = parse(text, format).map_err(|e| vec![e])?;
    if let Some(log) = plan.check_ins_file.clone().and_then(|name| read_log(&name)) {
        plan.attach_check_in_log(&log).map_err(|e| vec![e])?;
    }
    let errors = plan.validate();
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(locate_all(text, format, errors))
    }
}

/// Fills in line and column of errors that only know their document path.
pub fn locate_all(text: &str, format: Format, mut errors: Vec<Error>) -> Vec<Error> {
    if matches!(format, Format::Json | Format::Yaml) {
        for e in &mut errors {
            if let Some(loc) = e.location_mut() {
                if loc.line.is_none() && !loc.path.starts_with("check_ins_file") {
                    if let Some((line, column)) = format::source_map::locate(text, &loc.path) {
                        loc.line = Some(line);
                        loc.column = Some(column);
                    }
                }
            }
        }
    }
    errors
}

/// Writes `plan` in `format` (JSON, YAML or CSV).
pub fn write(plan: &Plan, format: Format) -> Result<String> {
    match format {
        Format::Json => format::json::to_string(plan),
        Format::Yaml => format::yaml::to_string(plan),
        Format::Csv => format::csv::to_string(plan),
        Format::JsonLines => Err(Error::Schema {
            message: "a plan is written as JSON, YAML or CSV".into(),
            location: Location::default(),
        }),
    }
}

impl Plan {
    /// The policy the plan asks for in its `policy:` section (defaults otherwise).
    pub fn policy(&self) -> Policy {
        self.policy
            .as_ref()
            .map(PolicyConfig::resolve)
            .unwrap_or_default()
    }

    /// Every problem of the plan under its own policy, in document order.
    pub fn validate(&self) -> Vec<Error> {
        validate(self, &self.policy())
    }

    /// Reads a check-ins log (JSON Lines) into the plan; scoring merges it in time order.
    pub fn attach_check_in_log(&mut self, text: &str) -> Result<()> {
        self.logged_check_ins = format::check_in_log::parse(text)?;
        Ok(())
    }

    /// Validates and compiles the plan for repeated scoring. The first problem is returned.
    pub fn engine(&self) -> Result<Engine> {
        Engine::new(self).map_err(|mut e| e.swap_remove(0))
    }

    /// Scores the plan as of `as_of` under its own policy.
    pub fn score(&self, as_of: AsOf) -> Result<Scorecard> {
        self.engine()?.score(self, as_of)
    }

    /// Scores the plan as of `as_of` under `policy`.
    pub fn score_with(&self, as_of: AsOf, policy: Policy) -> Result<Scorecard> {
        let engine = Engine::with_policy(self, policy).map_err(|mut e| e.swap_remove(0))?;
        engine.score(self, as_of)
    }

    /// Finds a key result by id.
    pub fn key_result(&self, id: &str) -> Option<&KeyResult> {
        self.objectives
            .iter()
            .flat_map(|o| o.key_results.iter())
            .find(|k| k.id == id)
    }
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_values_cross_threads() {
        assert_send_sync::<super::Plan>();
        assert_send_sync::<super::Engine>();
        assert_send_sync::<super::Scorecard>();
        assert_send_sync::<super::Error>();
        assert_send_sync::<super::Policy>();
    }
}
