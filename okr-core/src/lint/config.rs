//! Lint configuration: from the plan's `lint:` section, a separate file, and the
//! command line, merged in that order. The section's types are the model's
//! ([`crate::model::LintConfig`]); this is what the linter makes of them.

use super::diagnostic::Severity;
use crate::error::{Error, Location};
use crate::model::Settings;
use crate::model::{Level, LintConfig};

impl Level {
    /// The severity this level sets; `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

impl LintConfig {
    /// Reads a lint configuration file (YAML or JSON; the shape of a plan's `lint:`
    /// section). Errors point into the configuration document.
    pub fn parse(text: &str, format: crate::PlanFormat) -> Result<LintConfig, Error> {
        let parsed = match format {
            crate::PlanFormat::Json => crate::format::json::parse_value(text),
            crate::PlanFormat::Yaml => crate::format::yaml::parse_value(text),
            crate::PlanFormat::Csv => Err(Error::Schema {
                message: "a lint configuration is YAML or JSON, not CSV".into(),
                location: Location::at(""),
            }),
        };
        parsed.map_err(|mut e| {
            if let Some(l) = e.location_mut() {
                l.document = crate::error::DocumentKind::Config;
            }
            e
        })
    }

    /// The profile's settings with this configuration's settings laid over them.
    pub fn resolved_settings(&self) -> Settings {
        Settings::for_profile(self.profile.unwrap_or_default()).with(&self.settings)
    }
}
