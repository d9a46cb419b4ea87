//! Typed rule settings, with the defaults of each profile.

use crate::model::Profile;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Every rule setting. Unset fields in a configuration keep the profile's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// too-many-objectives: most objectives per owner, and per unit, in one cycle (default 5, strict 3).
    pub max_objectives: usize,
    /// too-many-key-results: most key results per objective (default 5, strict 3).
    pub max_key_results: usize,
    /// too-few-key-results: fewest key results per objective (default 2).
    pub min_key_results: usize,
    /// owner-overload: most open key results one person owns (default 4, strict 3).
    pub max_key_results_per_owner: usize,
    /// moonshot-overload: most aspirational objectives per unit and cycle (default 1).
    pub max_aspirational_per_unit: usize,
    /// stale-check-in: days without a check-in before a key result is stale (default 14, strict 7).
    pub stale_after_days: u32,
    /// not-started-late: days after the cycle start by which a first check-in is due (default 7).
    pub first_check_in_within_days: u32,
    /// vague-objective: fewest and most words in an objective title (default 3 and 20).
    pub objective_min_words: usize,
    /// vague-objective: most words in an objective title (default 20).
    pub objective_max_words: usize,
    /// sandbagging: an aspirational score at or above this counts as "too easy" (default 0.9)…
    pub sandbagging_score: f64,
    /// …in at least this many cycles (default 2).
    pub sandbagging_cycles: usize,
    /// sandbagging: a single closed aspirational objective above this is noted (default 0.8).
    pub aspirational_closed_above: f64,
    /// confidence-divergence: confidence at or above this while at risk (default 0.7)…
    pub high_confidence: f64,
    /// …or at or below this while on track or done (default 0.3).
    pub low_confidence: f64,
    /// cycle-too-long: longest cycle in days (default 366).
    pub max_cycle_days: i64,
    /// objective-churn: cycles a unit must have objectives in before churn is judged (default 3).
    pub churn_min_cycles: usize,
}

impl Settings {
    /// The settings `profile` starts from.
    pub fn for_profile(profile: Profile) -> Settings {
        let mut s = Settings {
            max_objectives: 5,
            max_key_results: 5,
            min_key_results: 2,
            max_key_results_per_owner: 4,
            max_aspirational_per_unit: 1,
            stale_after_days: 14,
            first_check_in_within_days: 7,
            objective_min_words: 3,
            objective_max_words: 20,
            sandbagging_score: 0.9,
            sandbagging_cycles: 2,
            aspirational_closed_above: 0.8,
            high_confidence: 0.7,
            low_confidence: 0.3,
            max_cycle_days: 366,
            churn_min_cycles: 3,
        };
        if profile == Profile::Strict {
            s.max_objectives = 3;
            s.max_key_results = 3;
            s.max_key_results_per_owner = 3;
            s.stale_after_days = 7;
        }
        s
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::for_profile(Profile::Default)
    }
}
