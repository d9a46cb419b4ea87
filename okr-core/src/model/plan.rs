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
/// A level of the org tree.
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The whole company.
    Company,
    /// A department.
    Department,
    /// A team.
    Team,
    /// One person.
    Individual,
}

/// A node of the org tree: company, department, team or person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The unit's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its level.
    pub kind: UnitKind,
    /// The unit above it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Free-form fields, kept by every format.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

/// A period objectives are set for. Dates are inclusive; a year may hold quarters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    /// The cycle's id.
    pub id: String,
    /// Its name (`Q1 2026`).
    pub name: String,
    /// Its first day.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::date_text::optional_date"
    )]
    pub start: Option<NaiveDate>,
    /// Its last day (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::date_text::optional_date"
    )]
    pub end: Option<NaiveDate>,
    /// The cycle holding it (a year holding quarters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Free-form fields, kept by every format.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

/// Which way a KPI should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher values are better.
    HigherIsBetter,
    /// Lower values are better.
    LowerIsBetter,
}

/// A health metric: tracked like a key result, but not an objective's goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// The KPI's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Who watches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The org unit it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What it is measured in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Which way is better.
    pub direction: Direction,
    /// The value it must stay on the right side of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// Its values over time.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact::check_ins"
    )]
    pub check_ins: Vec<CheckIn>,
    /// Free-form fields, kept by every format.
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
    /// The plan's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The org units, company down to individuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// The cycles (periods).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Cycle>,
    /// The objectives, each with its key results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// Health metrics tracked beside the OKRs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    /// Scoring, status and grading rules; unset fields take the preset's (or default) value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyConfig>,
    /// Lint configuration: profile, rule selection, severities, rule settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<super::LintConfig>,
    /// An append-only JSON Lines file of check-ins, relative to this document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_ins_file: Option<String>,
    /// Free-form fields, kept by every format.
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
