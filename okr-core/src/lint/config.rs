//! Lint configuration: from the plan's `lint:` section, a separate file, and the
//! command line, merged in that order.

use super::diagnostic::Severity;
use super::settings::{Profile, Settings};
use crate::error::{Error, Location};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A severity set for a rule, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The rule does not run.
    Off,
    /// Report as info.
    Info,
    /// Report as a warning.
    Warn,
    /// Report as an error.
    Error,
}

impl Level {
    /// `off`, `info`, `warn` or `error`; anything else is an invalid argument naming them.
    pub fn parse(name: &str) -> Result<Level, Error> {
        match name {
            "off" => Ok(Level::Off),
            "info" => Ok(Level::Info),
            "warn" | "warning" => Ok(Level::Warn),
            "error" => Ok(Level::Error),
            _ => Err(crate::document::choice_error(
                "severity",
                name,
                &["off", "info", "warn", "error"],
            )),
        }
    }

    /// The severity this level sets; `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warn),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// How to lint: a profile, the rules to run or skip, their severities and settings.
/// The shape of a plan's `lint:` section and of `okr lint --config`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    /// `default` or `strict`: the counts rules start from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// Only these rules (codes or names); empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub select: Vec<String>,
    /// Never these rules (codes or names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Severity per rule (code or name): `error`, `warn`, `info` or `off`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Level>,
    /// Rule settings laid over the profile's (see `Settings` for names and defaults).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub settings: serde_json::Map<String, serde_json::Value>,
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

    /// `self` with `over` laid on top: a later profile, selection or setting wins.
    pub fn merged(&self, over: &LintConfig) -> LintConfig {
        let mut out = self.clone();
        if over.profile.is_some() {
            out.profile = over.profile;
        }
        if !over.select.is_empty() {
            out.select = over.select.clone();
        }
        out.ignore.extend(over.ignore.iter().cloned());
        out.severity
            .extend(over.severity.iter().map(|(k, v)| (k.clone(), *v)));
        out.settings
            .extend(over.settings.iter().map(|(k, v)| (k.clone(), v.clone())));
        out
    }

    /// The profile's settings with this configuration's settings laid over them.
    pub fn resolved_settings(&self) -> Result<Settings, Error> {
        let base = Settings::for_profile(self.profile.unwrap_or_default());
        let mut value = serde_json::to_value(&base).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            for (k, v) in &self.settings {
                map.insert(k.clone(), v.clone());
            }
        }
        serde_json::from_value(value).map_err(|e| Error::Schema {
            message: format!("lint settings: {e}"),
            location: Location::at("lint.settings"),
        })
    }
}
