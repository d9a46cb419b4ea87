//! The plan document and its org units, cycles and KPIs.

use super::{CheckIn, LoggedCheckIn, Metadata, Objective};
use crate::policy::PolicyConfig;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the document format this library reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Company,
    Department,
    Team,
    Individual,
}

/// A node of the org tree: company, department, team or person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

/// A period objectives are set for. Dates are inclusive; a year may hold quarters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// A health metric: tracked like a key result, but not an objective's goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckIn>,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

/// One OKR document: units, cycles, objectives with their key results, KPIs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "OKR plan")]
pub struct Plan {
    /// Must be 1.
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Cycle>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    /// Scoring, status and grading rules; unset fields take the preset's (or default) value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyConfig>,
    /// Lint configuration: profile, rule selection, severities, rule settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<crate::lint::LintConfig>,
    /// An append-only JSON Lines file of check-ins, relative to this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_ins_file: Option<String>,
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
    /// Check-ins read from `check_ins_file`. Scoring merges them with the document's
    /// own; saving the plan never writes them back into the document.
    #[serde(skip)]
    #[schemars(skip)]
    pub logged_check_ins: Vec<LoggedCheckIn>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            schema_version: SCHEMA_VERSION,
            name: None,
            units: Vec::new(),
            cycles: Vec::new(),
            objectives: Vec::new(),
            kpis: Vec::new(),
            policy: None,
            lint: None,
            check_ins_file: None,
            metadata: Metadata::new(),
            logged_check_ins: Vec::new(),
        }
    }
}
