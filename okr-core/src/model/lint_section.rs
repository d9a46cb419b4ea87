//! The plan's `lint:` section: which rules run, how loud, with which settings. The
//! linter reads it (see [`crate::lint`]); it is part of the document, so it lives
//! with the model.

use crate::error::{Error, Result};
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
    pub fn parse(name: &str) -> Result<Level> {
        match name {
            "off" => Ok(Level::Off),
            "info" => Ok(Level::Info),
            "warn" | "warning" => Ok(Level::Warn),
            "error" => Ok(Level::Error),
            _ => Err(Error::unknown_choice(
                "severity",
                name,
                &["off", "info", "warn", "error"],
            )),
        }
    }
}

/// `default` follows the common advice (≤ 5 objectives, ≤ 5 key results, check in
/// within two weeks); `strict` takes the seeds' tighter counts (≤ 3 and ≤ 3, weekly).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// The common advice.
    #[default]
    Default,
    /// The seeds' tighter counts.
    Strict,
}

impl Profile {
    /// `default` or `strict`; anything else is an invalid argument naming them.
    pub fn parse(name: &str) -> Result<Profile> {
        match name {
            "default" => Ok(Profile::Default),
            "strict" => Ok(Profile::Strict),
            _ => Err(Error::unknown_choice(
                "lint profile",
                name,
                &["default", "strict"],
            )),
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
    /// Rule settings laid over the profile's (see [`Settings`](super::Settings) for
    /// names and defaults).
    #[serde(default, skip_serializing_if = "super::SettingsOverride::is_unset")]
    pub settings: super::SettingsOverride,
}

impl LintConfig {
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
        out.settings = out.settings.merged(&over.settings);
        out
    }
}
