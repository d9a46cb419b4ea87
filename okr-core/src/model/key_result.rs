//! Key results and their kinds.
//!
//! In documents a key result is one flat mapping with a `type` and the fields that type
//! uses; in Rust the kind is an enum, so a milestone cannot carry a `threshold`. The
//! conversion between the two refuses fields that do not belong to the type.

use super::{CheckIn, Initiative, LintIgnore, Metadata};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The type tag of a key result, as written in `type:`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum KrType {
    /// Move a number up, from start to target.
    #[default]
    Increase,
    /// Move a number down, from start to target.
    Decrease,
    /// Keep a number above a threshold.
    StayAbove,
    /// Keep a number below a threshold.
    StayBelow,
    /// Keep a number inside a range.
    Within,
    /// Get something done.
    Milestone,
    /// Finish a list of steps.
    Checklist,
    /// Reach a zone: commit, target, stretch.
    Zones,
    /// Find a baseline: no target yet.
    Baseline,
    /// Roll child key results up with sum, mean, min or max.
    Aggregate,
}

impl KrType {
    /// Every type, in the order the docs list them.
    pub const ALL: [KrType; 10] = [
        KrType::Increase,
        KrType::Decrease,
        KrType::StayAbove,
        KrType::StayBelow,
        KrType::Within,
        KrType::Milestone,
        KrType::Checklist,
        KrType::Zones,
        KrType::Baseline,
        KrType::Aggregate,
    ];

    /// The type as written: `increase`, `stay_above`, …
    pub fn as_str(self) -> &'static str {
        match self {
            KrType::Increase => "increase",
            KrType::Decrease => "decrease",
            KrType::StayAbove => "stay_above",
            KrType::StayBelow => "stay_below",
            KrType::Within => "within",
            KrType::Milestone => "milestone",
            KrType::Checklist => "checklist",
            KrType::Zones => "zones",
            KrType::Baseline => "baseline",
            KrType::Aggregate => "aggregate",
        }
    }

    /// The type with this name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

/// How an aggregate key result combines its children's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AggregateOp {
    /// The sum of the children's values.
    Sum,
    /// Their mean.
    Mean,
    /// The least of them.
    Min,
    /// The greatest of them.
    Max,
}

impl AggregateOp {
    /// The operation as written: `sum`, `mean`, `min`, `max`.
    pub fn as_str(self) -> &'static str {
        match self {
            AggregateOp::Sum => "sum",
            AggregateOp::Mean => "mean",
            AggregateOp::Min => "min",
            AggregateOp::Max => "max",
        }
    }
}

/// One step of a checklist key result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The step's id, unique in its checklist.
    pub id: String,
    /// What the step is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Share of the checklist this step carries; default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

impl Step {
    /// Its weight (1 unless set).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }
}

/// A planned value at a date: the expected path is interpolated between phases instead of
/// running straight from start to target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// The date of the planned value.
    #[serde(deserialize_with = "super::date_text::date")]
    pub at: NaiveDate,
    /// The value planned for that date.
    pub target: f64,
}

/// What a key result measures and how its progress is computed (DESIGN §4).
#[derive(Clone, Debug, PartialEq)]
pub enum KrKind {
    /// Progress `(v − start) / (target − start)`, target above start.
    Increase {
        /// The value at the start of the cycle.
        start: Option<f64>,
        /// The value to reach.
        target: Option<f64>,
    },
    /// Progress `(start − v) / (start − target)`, target below start.
    Decrease {
        /// The value at the start of the cycle.
        start: Option<f64>,
        /// The value to reach.
        target: Option<f64>,
    },
    /// Met (1) while the value is above the threshold. A value inside `band` above the
    /// threshold is met but reported as behind.
    StayAbove {
        /// The value to stay above.
        threshold: f64,
        /// A warning band on the safe side of the threshold.
        band: Option<f64>,
    },
    /// Met (1) while the value is below the threshold.
    StayBelow {
        /// The value to stay below.
        threshold: f64,
        /// A warning band on the safe side of the threshold.
        band: Option<f64>,
    },
    /// Met (1) while `low ≤ v ≤ high`.
    Within {
        /// The lowest value in range.
        low: f64,
        /// The highest value in range.
        high: f64,
    },
    /// Done or not: check-ins carry `true`/`false`.
    Milestone,
    /// Weighted share of the steps finished; check-ins carry the finished step ids.
    Checklist {
        /// The steps, each with its weight.
        steps: Vec<Step>,
    },
    /// Scored by zone: fail, commit, target, stretch. With numbers (`start` is the
    /// baseline) a value is placed between them; without, check-ins name the zone.
    Zones {
        /// The baseline (fail below commit).
        start: Option<f64>,
        /// The value that makes the commit zone.
        commit: Option<f64>,
        /// The value that makes the target zone.
        target: Option<f64>,
        /// The value that makes the stretch zone.
        stretch: Option<f64>,
    },
    /// "Find a baseline": values are collected, no progress is computed.
    Baseline {
        /// A first value, when one is known.
        start: Option<f64>,
    },
    /// The value is `op` over the children's values, then scored from start to target.
    Aggregate {
        /// The ids of the child key results.
        of: Vec<String>,
        /// How their values combine.
        op: AggregateOp,
        /// The combined value at the start.
        start: Option<f64>,
        /// The combined value to reach.
        target: Option<f64>,
    },
}

impl KrKind {
    /// The kind's type.
    pub fn kr_type(&self) -> KrType {
        match self {
            KrKind::Increase { .. } => KrType::Increase,
            KrKind::Decrease { .. } => KrType::Decrease,
            KrKind::StayAbove { .. } => KrType::StayAbove,
            KrKind::StayBelow { .. } => KrType::StayBelow,
            KrKind::Within { .. } => KrType::Within,
            KrKind::Milestone => KrType::Milestone,
            KrKind::Checklist { .. } => KrType::Checklist,
            KrKind::Zones { .. } => KrType::Zones,
            KrKind::Baseline { .. } => KrType::Baseline,
            KrKind::Aggregate { .. } => KrType::Aggregate,
        }
    }

    /// The value a key result has before any check-in, when the kind has one.
    pub fn start(&self) -> Option<f64> {
        match self {
            KrKind::Increase { start, .. }
            | KrKind::Decrease { start, .. }
            | KrKind::Zones { start, .. }
            | KrKind::Baseline { start }
            | KrKind::Aggregate { start, .. } => *start,
            _ => None,
        }
    }

    /// `(start, target)` of a kind that moves from one to the other (increase, decrease,
    /// aggregate); `None` for every other kind.
    pub fn range(&self) -> Option<(Option<f64>, Option<f64>)> {
        match self {
            KrKind::Increase { start, target }
            | KrKind::Decrease { start, target }
            | KrKind::Aggregate { start, target, .. } => Some((*start, *target)),
            _ => None,
        }
    }

    /// Whether check-in values are plain numbers.
    pub fn is_numeric(&self) -> bool {
        match self {
            KrKind::Milestone | KrKind::Checklist { .. } => false,
            KrKind::Zones { start, stretch, .. } => start.is_some() && stretch.is_some(),
            _ => true,
        }
    }
}

/// A measurable outcome that shows an objective was reached.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "KeyResultDoc", into = "KeyResultDoc")]
pub struct KeyResult {
    /// The key result's id, unique in the plan.
    pub id: String,
    /// What it measures, with its numbers.
    pub title: String,
    /// The one person accountable.
    pub owner: Option<String>,
    /// What it measures and how progress is computed.
    pub kind: KrKind,
    /// Unit of measure (`%`, `USD`, `ms`).
    pub measure: Option<String>,
    /// Org unit that owns this KR when it is not the objective's unit.
    pub unit: Option<String>,
    /// Weight within the objective; `None` means 1.
    pub weight: Option<f64>,
    /// Defaults to the end of the objective's cycle.
    pub due: Option<NaiveDate>,
    /// Planned values at dates, for an expected path that is not a straight line.
    pub phases: Vec<Phase>,
    /// A KPI whose check-ins are this KR's values.
    pub kpi: Option<String>,
    /// Values observed over time, in time order.
    pub check_ins: Vec<CheckIn>,
    /// The work that moves it.
    pub initiatives: Vec<Initiative>,
    /// Lint rules switched off for it, each with a reason.
    pub lint_ignore: Vec<LintIgnore>,
    /// Free-form fields, kept by every format.
    pub metadata: Metadata,
}

impl KeyResult {
    /// A copy without its check-ins, for comparing what is written about it (`diff`)
    /// without copying thousands of values. Every field is named, so a new one cannot
    /// be left out.
    pub(crate) fn without_check_ins(&self) -> KeyResult {
        let KeyResult {
            id,
            title,
            owner,
            kind,
            measure,
            unit,
            weight,
            due,
            phases,
            kpi,
            check_ins: _,
            initiatives,
            lint_ignore,
            metadata,
        } = self;
        KeyResult {
            id: id.clone(),
            title: title.clone(),
            owner: owner.clone(),
            kind: kind.clone(),
            measure: measure.clone(),
            unit: unit.clone(),
            weight: *weight,
            due: *due,
            phases: phases.clone(),
            kpi: kpi.clone(),
            check_ins: Vec::new(),
            initiatives: initiatives.clone(),
            lint_ignore: lint_ignore.clone(),
            metadata: metadata.clone(),
        }
    }

    /// A key result of `kind` with an id and a title, and nothing else set.
    pub fn new(id: impl Into<String>, title: impl Into<String>, kind: KrKind) -> Self {
        KeyResult {
            id: id.into(),
            title: title.into(),
            owner: None,
            kind,
            measure: None,
            unit: None,
            weight: None,
            due: None,
            phases: Vec::new(),
            kpi: None,
            check_ins: Vec::new(),
            initiatives: Vec::new(),
            lint_ignore: Vec::new(),
            metadata: Metadata::new(),
        }
    }

    /// Its weight (1 unless set).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }
}

/// The flat document shape of a key result: what JSON, YAML and the JSON Schema see.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "KeyResult", title = "KeyResult")]
pub struct KeyResultDoc {
    /// The key result's id, unique in the plan.
    pub id: String,
    /// What it measures, with its numbers.
    pub title: String,
    /// The one person accountable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Its type, which decides the fields below that apply.
    #[serde(rename = "type")]
    pub kr_type: KrType,
    /// increase, decrease, zones (baseline), baseline, aggregate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<f64>,
    /// increase, decrease, zones, aggregate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// stay_above, stay_below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// stay_above, stay_below: warning band on the safe side of the threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<f64>,
    /// within.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// within.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// zones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<f64>,
    /// zones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stretch: Option<f64>,
    /// checklist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<Step>>,
    /// aggregate: ids of the child key results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Vec<String>>,
    /// aggregate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<AggregateOp>,
    /// What it is measured in: `%`, `USD`, `ms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The org unit that owns it, when another team does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Its weight in the objective (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Its due date (default: the cycle's end).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::date_text::optional_date"
    )]
    pub due: Option<NaiveDate>,
    /// Planned values at dates, for an expected path that is not a straight line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// A KPI whose values it takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<String>,
    /// Values observed over time.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::exact::check_ins"
    )]
    pub check_ins: Vec<CheckIn>,
    /// The work that moves it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<Initiative>,
    /// Lint rules switched off for this key result, each with a reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<LintIgnore>,
    /// Free-form fields, kept by every format.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
}

impl TryFrom<KeyResultDoc> for KeyResult {
    type Error = String;

    fn try_from(doc: KeyResultDoc) -> Result<Self, String> {
        let kr_type = doc.kr_type;
        let kind = kind_from_doc(&doc, kr_type)?;
        Ok(KeyResult {
            id: doc.id,
            title: doc.title,
            owner: doc.owner,
            kind,
            measure: doc.measure,
            unit: doc.unit,
            weight: doc.weight,
            due: doc.due,
            phases: doc.phases,
            kpi: doc.kpi,
            check_ins: doc.check_ins,
            initiatives: doc.initiatives,
            lint_ignore: doc.lint_ignore,
            metadata: doc.metadata,
        })
    }
}

fn kind_from_doc(doc: &KeyResultDoc, kr_type: KrType) -> Result<KrKind, String> {
    let present: [(&str, bool); 10] = [
        ("start", doc.start.is_some()),
        ("target", doc.target.is_some()),
        ("threshold", doc.threshold.is_some()),
        ("band", doc.band.is_some()),
        ("low", doc.low.is_some()),
        ("high", doc.high.is_some()),
        ("commit", doc.commit.is_some()),
        ("stretch", doc.stretch.is_some()),
        ("steps", doc.steps.is_some()),
        ("of", doc.of.is_some() || doc.op.is_some()),
    ];
    let allowed: &[&str] = match kr_type {
        KrType::Increase | KrType::Decrease => &["start", "target"],
        KrType::StayAbove | KrType::StayBelow => &["threshold", "band"],
        KrType::Within => &["low", "high"],
        KrType::Milestone => &[],
        KrType::Checklist => &["steps"],
        KrType::Zones => &["start", "commit", "target", "stretch"],
        KrType::Baseline => &["start"],
        KrType::Aggregate => &["of", "start", "target"],
    };
    if let Some((field, _)) = present
        .iter()
        .find(|(name, set)| *set && !allowed.contains(name))
    {
        let field = if *field == "of" && doc.of.is_none() {
            "op"
        } else {
            field
        };
        return Err(format!(
            "key result `{}`: field `{field}` does not apply to type {}{}",
            doc.id,
            kr_type.as_str(),
            if allowed.is_empty() {
                String::new()
            } else {
                format!(" (it takes {})", allowed.join(", "))
            }
        ));
    }
    let need = |value: Option<f64>, field: &str| {
        value.ok_or_else(|| {
            format!(
                "key result `{}` of type {} needs `{field}`",
                doc.id,
                kr_type.as_str()
            )
        })
    };
    Ok(match kr_type {
        KrType::Increase => KrKind::Increase {
            start: doc.start,
            target: doc.target,
        },
        KrType::Decrease => KrKind::Decrease {
            start: doc.start,
            target: doc.target,
        },
        KrType::StayAbove => KrKind::StayAbove {
            threshold: need(doc.threshold, "threshold")?,
            band: doc.band,
        },
        KrType::StayBelow => KrKind::StayBelow {
            threshold: need(doc.threshold, "threshold")?,
            band: doc.band,
        },
        KrType::Within => KrKind::Within {
            low: need(doc.low, "low")?,
            high: need(doc.high, "high")?,
        },
        KrType::Milestone => KrKind::Milestone,
        KrType::Checklist => KrKind::Checklist {
            steps: doc.steps.clone().ok_or_else(|| {
                format!("key result `{}` of type checklist needs `steps`", doc.id)
            })?,
        },
        KrType::Zones => KrKind::Zones {
            start: doc.start,
            commit: doc.commit,
            target: doc.target,
            stretch: doc.stretch,
        },
        KrType::Baseline => KrKind::Baseline { start: doc.start },
        KrType::Aggregate => KrKind::Aggregate {
            of: doc.of.clone().ok_or_else(|| {
                format!(
                    "key result `{}` of type aggregate needs `of` (child key result ids)",
                    doc.id
                )
            })?,
            op: doc.op.ok_or_else(|| {
                format!(
                    "key result `{}` of type aggregate needs `op` (sum, mean, min or max)",
                    doc.id
                )
            })?,
            start: doc.start,
            target: doc.target,
        },
    })
}

impl From<KeyResult> for KeyResultDoc {
    fn from(kr: KeyResult) -> Self {
        let mut doc = KeyResultDoc {
            id: kr.id,
            title: kr.title,
            owner: kr.owner,
            kr_type: kr.kind.kr_type(),
            measure: kr.measure,
            unit: kr.unit,
            weight: kr.weight,
            due: kr.due,
            phases: kr.phases,
            kpi: kr.kpi,
            check_ins: kr.check_ins,
            initiatives: kr.initiatives,
            lint_ignore: kr.lint_ignore,
            metadata: kr.metadata,
            ..KeyResultDoc::default()
        };
        match kr.kind {
            KrKind::Increase { start, target } | KrKind::Decrease { start, target } => {
                doc.start = start;
                doc.target = target;
            }
            KrKind::StayAbove { threshold, band } | KrKind::StayBelow { threshold, band } => {
                doc.threshold = Some(threshold);
                doc.band = band;
            }
            KrKind::Within { low, high } => {
                doc.low = Some(low);
                doc.high = Some(high);
            }
            KrKind::Milestone => {}
            KrKind::Checklist { steps } => doc.steps = Some(steps),
            KrKind::Zones {
                start,
                commit,
                target,
                stretch,
            } => {
                doc.start = start;
                doc.commit = commit;
                doc.target = target;
                doc.stretch = stretch;
            }
            KrKind::Baseline { start } => doc.start = start,
            KrKind::Aggregate {
                of,
                op,
                start,
                target,
            } => {
                doc.of = Some(of);
                doc.op = Some(op);
                doc.start = start;
                doc.target = target;
            }
        }
        doc
    }
}

impl JsonSchema for KeyResult {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        KeyResultDoc::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        KeyResultDoc::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kr_type: KrType) -> KeyResultDoc {
        KeyResultDoc {
            id: "k".into(),
            title: "t".into(),
            kr_type,
            ..KeyResultDoc::default()
        }
    }

    #[test]
    fn refuses_fields_of_another_type() {
        let mut d = doc(KrType::Milestone);
        d.threshold = Some(3.0);
        let err = KeyResult::try_from(d).unwrap_err();
        assert!(
            err.contains("`threshold` does not apply to type milestone"),
            "{err}"
        );
    }

    #[test]
    fn names_the_missing_field() {
        let err = KeyResult::try_from(doc(KrType::Within)).unwrap_err();
        assert!(err.contains("needs `low`"), "{err}");
    }

    #[test]
    fn every_kind_survives_the_flat_shape() {
        let kinds = [
            KrKind::Increase {
                start: Some(1.0),
                target: Some(2.0),
            },
            KrKind::Decrease {
                start: Some(2.0),
                target: None,
            },
            KrKind::StayAbove {
                threshold: 3.0,
                band: Some(0.5),
            },
            KrKind::StayBelow {
                threshold: 3.0,
                band: None,
            },
            KrKind::Within {
                low: 1.0,
                high: 2.0,
            },
            KrKind::Milestone,
            KrKind::Checklist {
                steps: vec![Step {
                    id: "a".into(),
                    title: None,
                    weight: Some(2.0),
                }],
            },
            KrKind::Zones {
                start: Some(1.0),
                commit: None,
                target: Some(3.0),
                stretch: Some(4.0),
            },
            KrKind::Baseline { start: None },
            KrKind::Aggregate {
                of: vec!["x".into()],
                op: AggregateOp::Sum,
                start: Some(0.0),
                target: Some(9.0),
            },
        ];
        for kind in kinds {
            let kr = KeyResult::new("k", "t", kind);
            let back = KeyResult::try_from(KeyResultDoc::from(kr.clone()));
            assert_eq!(back, Ok(kr));
        }
    }
}
