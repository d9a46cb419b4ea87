//! Objectives, their alignment links and initiatives.

use super::{KeyResult, Metadata};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Google's two kinds of objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Commitment {
    /// Expected to be met in full (score 1.0).
    Committed,
    /// Ambitious; around 0.7 is a good result.
    Aspirational,
}

/// Where an objective is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ObjectiveState {
    /// Being written; not yet committed to.
    Draft,
    /// Being worked on (the default).
    #[default]
    Active,
    /// Ended, with a final score.
    Closed,
    /// Abandoned.
    Cancelled,
}

impl Commitment {
    /// The state as text.
    pub fn as_str(self) -> &'static str {
        match self {
            Commitment::Committed => "committed",
            Commitment::Aspirational => "aspirational",
        }
    }
}

impl ObjectiveState {
    /// The type as text: `committed` or `aspirational`.
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectiveState::Draft => "draft",
            ObjectiveState::Active => "active",
            ObjectiveState::Closed => "closed",
            ObjectiveState::Cancelled => "cancelled",
        }
    }
}

/// Where an objective's progress comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgressFrom {
    /// Weighted mean of its key results.
    #[default]
    KeyResults,
    /// Weighted mean of the objectives aligned to it.
    Children,
    /// Key results and aligned objectives pooled, each child one item.
    Both,
}

/// A link from an objective up to what it contributes to: a parent objective or a
/// parent key result. Exactly one of the two is set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alignment {
    /// The parent objective's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// The parent key result's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_result: Option<String>,
    /// Contribution weight of this link; `None` means 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

/// Work done to move a key result. It does not drive progress unless given a weight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// The initiative's id.
    pub id: String,
    /// What will be done.
    pub title: String,
    /// Who does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Planned, in progress, done or dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InitiativeState>,
    /// 0.0–1.0; when unset, a done initiative counts 1 and any other 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Weight in its objective's progress; `None` means 0 (does not count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// A link to where the work is tracked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Free-form fields, kept by every format.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

impl Initiative {
    /// Its weight in its key result's progress (0 unless set: work does not drive progress).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(0.0)
    }

    /// Its own progress: as recorded, else 1 when done and 0 otherwise.
    pub fn progress(&self) -> f64 {
        self.progress.unwrap_or(match self.state {
            Some(InitiativeState::Done) => 1.0,
            _ => 0.0,
        })
    }
}

/// Where an initiative is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeState {
    /// Not started.
    Planned,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Abandoned.
    Dropped,
}

/// Switches a lint rule off for one objective (and its key results) or one key result,
/// with the reason recorded next to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintIgnore {
    /// Rule code (`OKR202`) or name (`activity-key-result`).
    pub rule: String,
    /// Why the rule does not apply here.
    pub reason: String,
}

/// A qualitative goal with the key results that measure it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// The objective's id, unique among objectives.
    pub id: String,
    /// What the objective wants, in words (qualitative: no numbers).
    pub title: String,
    /// A longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The one person accountable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The org unit this objective belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The cycle (quarter, year) it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<String>,
    /// `committed` or `aspirational`; unset is allowed (and linted).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<Commitment>,
    /// Weight among siblings in a rollup; `None` means 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Draft, active, closed or cancelled (unset: active).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ObjectiveState>,
    /// Final score set by hand when the cycle closes; kept over the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Why a committed objective closed below 1.0, or anything learned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_note: Option<String>,
    /// What it contributes to: parent objectives or key results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aligns_to: Vec<Alignment>,
    /// Where its progress comes from: its key results (default), its children, or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_from: Option<ProgressFrom>,
    /// The key results that measure it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_results: Vec<KeyResult>,
    /// The work that moves it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<Initiative>,
    /// Lint rules switched off here, each with a reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<LintIgnore>,
    /// Free-form fields, kept by every format.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

impl Objective {
    /// A copy without its key results, for comparing what is written about the
    /// objective itself (`diff`). Every field is named, so a new one cannot be left out.
    pub(crate) fn without_key_results(&self) -> Objective {
        let Objective {
            id,
            title,
            description,
            owner,
            unit,
            cycle,
            commitment,
            weight,
            state,
            score,
            closing_note,
            aligns_to,
            progress_from,
            key_results: _,
            initiatives,
            lint_ignore,
            metadata,
        } = self;
        Objective {
            id: id.clone(),
            title: title.clone(),
            description: description.clone(),
            owner: owner.clone(),
            unit: unit.clone(),
            cycle: cycle.clone(),
            commitment: *commitment,
            weight: *weight,
            state: *state,
            score: *score,
            closing_note: closing_note.clone(),
            aligns_to: aligns_to.clone(),
            progress_from: *progress_from,
            key_results: Vec::new(),
            initiatives: initiatives.clone(),
            lint_ignore: lint_ignore.clone(),
            metadata: metadata.clone(),
        }
    }

    /// An objective with an id and a title, and nothing else set.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Objective {
            id: id.into(),
            title: title.into(),
            description: None,
            owner: None,
            unit: None,
            cycle: None,
            commitment: None,
            weight: None,
            state: None,
            score: None,
            closing_note: None,
            aligns_to: Vec::new(),
            progress_from: None,
            key_results: Vec::new(),
            initiatives: Vec::new(),
            lint_ignore: Vec::new(),
            metadata: Metadata::new(),
        }
    }

    /// Its weight (1 unless set).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// Its state (active unless set).
    pub fn state(&self) -> ObjectiveState {
        self.state.unwrap_or_default()
    }
}
