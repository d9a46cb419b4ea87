//! Typed rule settings, each declared once: its name, type, rule, documentation, and
//! its defaults under each profile. The struct, the profiles' values and the rules'
//! "Options" sections (in `okr rules` and docs/rules) are all generated from the one
//! declaration, so they cannot disagree.

use super::Profile;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One setting as the rule documentation shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SettingDoc {
    /// The setting's name, as written in `lint.settings`.
    pub name: &'static str,
    /// The rule it tunes.
    pub rule: &'static str,
    /// What it sets (its doc comment).
    pub doc: &'static str,
    /// Its value under the default profile.
    pub default: &'static str,
    /// Its value under the strict profile, when that differs.
    pub strict: Option<&'static str>,
}

impl SettingDoc {
    /// One Markdown list item: the name, what it sets, its defaults.
    pub(crate) fn item(&self) -> String {
        let doc: Vec<&str> = self.doc.lines().map(str::trim).collect();
        let strict = self
            .strict
            .map(|s| format!(" (strict profile: {s})"))
            .unwrap_or_default();
        format!(
            "- `{}`: {} Default {}{strict}.",
            self.name,
            doc.join(" "),
            self.default
        )
    }
}

/// Declares the settings: `name: type = default [, strict value]; for "rule"`, each
/// with its doc comment.
macro_rules! declare_settings {
    ($(
        $(#[doc = $doc:literal])+
        $name:ident: $ty:ty = $default:literal $(, strict $strict:literal)?; for $rule:literal
    )*) => {
        /// Every rule setting, with the default profile's value of each. A configuration's
        /// `settings` are laid over the profile's; unset fields keep it.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Settings {
            $(
                #[doc = concat!(" ", $rule, ":")]
                $(#[doc = $doc])+
                #[doc = concat!(" Default ", stringify!($default) $(, "; strict profile ", stringify!($strict))?, ".")]
                pub $name: $ty,
            )*
        }

        /// The settings a configuration sets (a plan's `lint: settings:`); each one left
        /// unset keeps the profile's value. A name that is not a setting is an error
        /// that names it.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct SettingsOverride {
            $(
                #[doc = concat!(" ", $rule, ":")]
                $(#[doc = $doc])+
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $name: Option<$ty>,
            )*
        }

        impl SettingsOverride {
            /// Whether it sets nothing.
            pub fn is_unset(&self) -> bool {
                *self == SettingsOverride::default()
            }

            /// `self` with the settings `over` sets laid on top.
            pub fn merged(&self, over: &SettingsOverride) -> SettingsOverride {
                SettingsOverride {
                    $( $name: over.$name.or(self.$name), )*
                }
            }
        }

        impl Settings {
            /// These settings with the ones `over` sets laid on top.
            pub fn with(mut self, over: &SettingsOverride) -> Settings {
                $( if let Some(v) = over.$name { self.$name = v; } )*
                self
            }

            /// The settings `profile` starts from.
            pub fn for_profile(profile: Profile) -> Settings {
                let strict = profile == Profile::Strict;
                // `strict` is unread when no setting differs under the strict profile.
                let _ = strict;
                Settings {
                    $( $name: declare_settings!(@pick strict, $default $(, $strict)?), )*
                }
            }
        }

        /// Every setting, in declaration order, as the rule documentation shows it.
        pub(crate) const SETTINGS: &[SettingDoc] = &[
            $(
                SettingDoc {
                    name: stringify!($name),
                    rule: $rule,
                    doc: concat!($($doc, "\n"),+),
                    default: stringify!($default),
                    strict: declare_settings!(@strict $($strict)?),
                },
            )*
        ];
    };
    (@pick $strict:ident, $default:literal) => { $default };
    (@pick $strict:ident, $default:literal, $value:literal) => {
        if $strict { $value } else { $default }
    };
    (@strict) => { None };
    (@strict $value:literal) => { Some(stringify!($value)) };
}

declare_settings! {
    /// Most objectives per owner, and per unit, in one cycle.
    max_objectives: usize = 5, strict 3; for "too-many-objectives"
    /// Most key results per objective.
    max_key_results: usize = 5, strict 3; for "too-many-key-results"
    /// Fewest key results per objective.
    min_key_results: usize = 2; for "too-few-key-results"
    /// Most open key results one person owns.
    max_key_results_per_owner: usize = 4, strict 3; for "owner-overload"
    /// Most aspirational objectives per unit and cycle.
    max_aspirational_per_unit: usize = 1; for "moonshot-overload"
    /// Days without a check-in before a key result is stale.
    stale_after_days: u32 = 14, strict 7; for "stale-check-in"
    /// Days after the cycle start by which a first check-in is due.
    first_check_in_within_days: u32 = 7; for "not-started-late"
    /// Fewest words in an objective title.
    objective_min_words: usize = 3; for "vague-objective"
    /// Most words in an objective title (a long title is hard to remember, even when it
    /// is specific).
    objective_max_words: usize = 30; for "vague-objective"
    /// An aspirational score at or above this counts as too easy (see `sandbagging_cycles`).
    sandbagging_score: f64 = 0.9; for "sandbagging"
    /// In how many cycles an owner's aspirational scores must be too easy.
    sandbagging_cycles: usize = 2; for "sandbagging"
    /// A single closed aspirational objective above this is noted.
    aspirational_closed_above: f64 = 0.8; for "sandbagging"
    /// Confidence at or above this while at risk diverges.
    high_confidence: f64 = 0.7; for "confidence-divergence"
    /// Confidence at or below this while on track or done diverges.
    low_confidence: f64 = 0.3; for "confidence-divergence"
    /// Longest cycle, in days.
    max_cycle_days: i64 = 366; for "cycle-too-long"
    /// Cycles a unit must have objectives in before churn is judged.
    churn_min_cycles: usize = 3; for "objective-churn"
    /// Fewest settled key results with stated confidences an owner needs before their
    /// calibration is judged.
    calibration_min_key_results: u32 = 8; for "miscalibrated-confidence"
    /// Fewest cycles those key results must span.
    calibration_min_cycles: u32 = 2; for "miscalibrated-confidence"
    /// The largest gap between an owner's mean stated confidence and the share of their
    /// forecasts that hit that is not flagged.
    calibration_max_gap: f64 = 0.25; for "miscalibrated-confidence"
}

impl Default for Settings {
    fn default() -> Self {
        Settings::for_profile(Profile::Default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_names_a_rule_and_the_struct_serializes_each() {
        let fields = serde_json::to_value(Settings::default()).unwrap_or_default();
        assert_eq!(fields.as_object().map(|m| m.len()), Some(SETTINGS.len()));
        for s in SETTINGS {
            assert!(crate::lint::rule(s.rule).is_some(), "{}", s.rule);
            assert!(fields.get(s.name).is_some(), "{}", s.name);
        }
    }

    #[test]
    fn the_strict_profile_tightens_only_what_it_declares() {
        let (d, s) = (
            Settings::for_profile(Profile::Default),
            Settings::for_profile(Profile::Strict),
        );
        assert_eq!((d.max_objectives, s.max_objectives), (5, 3));
        assert_eq!((d.stale_after_days, s.stale_after_days), (14, 7));
        assert_eq!(d.min_key_results, s.min_key_results);
        let item = SETTINGS[0].item();
        assert_eq!(
            item,
            "- `max_objectives`: Most objectives per owner, and per unit, in one cycle. Default 5 (strict profile: 3)."
        );
    }
}
