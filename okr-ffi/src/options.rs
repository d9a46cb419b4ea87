//! The options of `score` and `lint` as records with defaults, read by the core's own
//! option parsers, so names, dates and settings are checked (and misspellings located)
//! exactly as in Python and JavaScript.

use crate::error::OkrError;
use okr_core::{AsOf, Preset, ScoreOptions};
use std::collections::HashMap;

/// How to lint: the fields of a plan's `lint:` section, laid over the plan's own, and
/// the moment (rules such as `stale-check-in` need one).
#[derive(Clone, Debug, Default, PartialEq, uniffi::Record)]
pub struct LintOptions {
    /// `YYYY-MM-DD` or an RFC 3339 timestamp; `null` is now.
    #[uniffi(default)]
    pub as_of: Option<String>,
    /// `default` or `strict`.
    #[uniffi(default)]
    pub profile: Option<String>,
    /// Only these rules (codes such as `OKR202`, or names); empty runs all.
    #[uniffi(default)]
    pub select: Vec<String>,
    /// Never these rules.
    #[uniffi(default)]
    pub ignore: Vec<String>,
    /// Severity per rule: `error`, `warn`, `info` or `off`.
    #[uniffi(default)]
    pub severity: HashMap<String, String>,
    /// Rule settings by name (`max_key_results` = 4.0); every setting is a number.
    #[uniffi(default)]
    pub settings: HashMap<String, f64>,
}

impl LintOptions {
    pub(crate) fn to_core(&self) -> Result<okr_core::LintOptions, OkrError> {
        let settings: serde_json::Map<String, serde_json::Value> = self
            .settings
            .iter()
            .map(|(name, &value)| (name.clone(), number(value)))
            .collect();
        let value = serde_json::json!({
            "as_of": self.as_of,
            "profile": self.profile,
            "select": self.select,
            "ignore": self.ignore,
            "severity": self.severity,
            "settings": settings,
        });
        Ok(okr_core::LintOptions::from_value(value)?)
    }
}

/// A setting as JSON: whole numbers as integers, since counts are read as integers.
fn number(value: f64) -> serde_json::Value {
    // 2^53: every whole f64 below it is exactly an i64.
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Value::from(value)
    }
}

/// Scoring as of `as_of` (now when `None`) under `preset` (the plan's own policy
/// when `None`).
pub(crate) fn score_options(
    as_of: Option<String>,
    preset: Option<Preset>,
) -> Result<ScoreOptions, OkrError> {
    Ok(ScoreOptions {
        as_of: AsOf::parse_or_now(as_of.as_deref())?,
        preset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_reach_the_core_and_a_misspelt_one_is_located() {
        let mut options = LintOptions {
            as_of: Some("2026-02-14".into()),
            ..LintOptions::default()
        };
        options.settings.insert("max_key_results".into(), 4.0);
        options.settings.insert("high_confidence".into(), 0.8);
        let core = options.to_core().expect("valid");
        assert_eq!(core.config.settings.max_key_results, Some(4));
        assert_eq!(core.config.settings.high_confidence, Some(0.8));

        options.settings.insert("max_krs".into(), 4.0);
        let e = options.to_core().unwrap_err();
        assert_eq!(e.code(), "unknown_field");
        assert!(matches!(&e, OkrError::Schema { path, .. } if path == "settings.max_krs"));
    }

    #[test]
    fn a_bad_date_is_an_invalid_argument() {
        let e = score_options(Some("14/02/2026".into()), None).unwrap_err();
        assert_eq!(e.code(), "invalid_argument");
    }
}
