//! Scorecards: an evaluation joined with the plan's text, plus forecasts and grades.

use super::chance::{Chances, Prior, ValueInterval};
use super::compile::{Engine, NO_WINDOW};
use super::evaluate::{Evaluation, KrEval};
use super::forecast::{Forecast, fit_line};
use super::grade::{Grade, grade};
use super::kinds::{Kind, decode_value, progress};
use super::status::{EPSILON, Status};
use super::time::AsOf;
use crate::error::{Error, Location};
use crate::model::{
    Commitment, DAY_MS, KrKind, KrType, Moment, ObjectiveState, Plan, Value, millis_to_date,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Scores of a whole plan as of one moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Scorecard {
    /// The moment scored.
    pub as_of: Moment,
    /// Every objective, in document order, each with its key results.
    pub objectives: Vec<ObjectiveScore>,
}

impl Scorecard {
    /// The objective `id`.
    pub fn objective(&self, id: &str) -> Option<&ObjectiveScore> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// The key result `id`.
    pub fn key_result(&self, id: &str) -> Option<&KeyResultScore> {
        self.objectives
            .iter()
            .flat_map(|o| o.key_results.iter())
            .find(|k| k.id == id)
    }
}

/// One objective scored: rolled-up progress, status, forecast and grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ObjectiveScore {
    /// The objective's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its owner.
    pub owner: Option<String>,
    /// Its org unit.
    pub unit: Option<String>,
    /// Its cycle.
    pub cycle: Option<String>,
    /// Committed or aspirational, when set.
    #[serde(rename = "type")]
    pub commitment: Option<Commitment>,
    /// Draft, active, closed or cancelled.
    pub state: ObjectiveState,
    /// Always `None`: objectives have no value of their own. Present so that objective
    /// and key-result records share their field names.
    pub value: Option<Value>,
    /// Weighted mean of the items' scores; `None` when no item can be scored.
    pub progress: Option<f64>,
    /// Progress before clamping.
    pub raw_progress: Option<f64>,
    /// Progress expected by now.
    pub expected: Option<f64>,
    /// The worst status of its items.
    pub status: Status,
    /// Mean of the key results' latest confidences.
    pub confidence: Option<f64>,
    /// Projected progress at the due dates, when its key results have forecasts.
    pub forecast: Option<ObjectiveForecast>,
    /// The probability that its progress at the due dates reaches 0.7
    /// ([`GOOD_PROGRESS`](super::GOOD_PROGRESS)), its key results drawn from their
    /// models and rolled up with its aligned children; `None` when nothing under it is
    /// uncertain (closed, past due, or no key result the model reads).
    #[serde(default)]
    pub probability: Option<f64>,
    /// The grade, when the cycle has ended or a final score is set.
    pub grade: Option<Grade>,
    /// Objectives this one aligns to (directly, or through one of their key results).
    pub parents: Vec<String>,
    /// Objectives aligned to this one.
    pub children: Vec<String>,
    /// Its key results, scored.
    pub key_results: Vec<KeyResultScore>,
}

/// An objective's forecast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ObjectiveForecast {
    /// Weighted mean of the key results' projected progress at their due dates.
    pub projected_progress: f64,
}

/// One key result scored: value, progress, status, confidence and forecast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KeyResultScore {
    /// The key result's id.
    pub id: String,
    /// The id of its objective.
    pub objective_id: String,
    /// Its title.
    pub title: String,
    /// Its owner.
    pub owner: Option<String>,
    /// Its type.
    #[serde(rename = "type")]
    pub kr_type: KrType,
    /// What it is measured in (`%`, `USD`).
    pub measure: Option<String>,
    /// Its weight in the objective.
    pub weight: f64,
    /// Its due date (the cycle's end unless set).
    pub due: Option<NaiveDate>,
    /// The value as of the moment: the last check-in at or before it (for aggregates,
    /// the op over the children), else the start. `None` when there is neither.
    pub value: Option<Value>,
    /// Progress under the scoring policy (clamped by default); `None` when not scorable.
    pub progress: Option<f64>,
    /// Unclamped progress.
    pub raw_progress: Option<f64>,
    /// Progress expected by now: elapsed share of the period, or the phased plan.
    pub expected: Option<f64>,
    /// expected − progress.
    pub gap: Option<f64>,
    /// On track, behind, at risk, not started, done, …
    pub status: Status,
    /// Latest confidence at or before the moment.
    pub confidence: Option<f64>,
    /// High confidence while at risk, or low confidence while on track or done.
    pub confidence_divergence: bool,
    /// The least-squares projection to the due date, with two check-ins or more.
    pub forecast: Option<Forecast>,
    /// The probability that the value at the due date hits: reaches the target, or for
    /// a threshold or range, is on its right side. From the key result's check-ins and
    /// the plan's other key results (docs/forecasting.md); 0 or 1 once the due date has
    /// passed; `None` for kinds without a numeric target, aggregates, and thresholds
    /// before their first check-in.
    #[serde(default)]
    pub probability: Option<f64>,
    /// Where the value is likely to be at the due date: the model's central 80 %.
    #[serde(default)]
    pub value_interval: Option<ValueInterval>,
    /// Check-ins at or before the moment.
    pub check_ins: usize,
    /// The date of the last check-in at or before the moment.
    pub last_check_in: Option<NaiveDate>,
}

impl Engine {
    /// Scores every objective and key result of `plan` (the plan this engine was
    /// compiled from) as of `as_of`.
    pub fn score(&self, plan: &Plan, as_of: AsOf) -> Result<Scorecard, Error> {
        self.scorecard(plan, &self.evaluate(as_of))
    }

    /// Joins an evaluation with the plan's text, and adds forecasts and grades.
    pub fn scorecard(&self, plan: &Plan, eval: &Evaluation) -> Result<Scorecard, Error> {
        self.check_compiled_from(plan)?;
        Ok(Scorecard {
            as_of: eval.as_of.moment,
            objectives: self
                .objective_scores(plan, eval, &self.chances(eval))
                .collect(),
        })
    }

    /// Every objective of `plan` scored, in document order, each made when reached.
    fn objective_scores<'a>(
        &'a self,
        plan: &'a Plan,
        eval: &'a Evaluation,
        chances: &'a Chances,
    ) -> impl Iterator<Item = ObjectiveScore> + 'a {
        let mut h = 0;
        (0..plan.objectives.len()).map(move |o| {
            let score = self.objective_score(plan, eval, chances, o, h);
            h += plan.objectives[o].key_results.len();
            score
        })
    }

    /// Objective `o` scored, its key results (`h` the handle of its first) included.
    fn objective_score(
        &self,
        plan: &Plan,
        eval: &Evaluation,
        chances: &Chances,
        o: usize,
        h: usize,
    ) -> ObjectiveScore {
        let doc = &plan.objectives[o];
        let mut key_results = Vec::with_capacity(doc.key_results.len());
        let (mut proj_sum, mut proj_w) = (0.0, 0.0);
        for (h, kr) in (h..).zip(&doc.key_results) {
            let e = &eval.key_results[h];
            let forecast = self.forecast(h, &eval.as_of);
            if let Some(p) = forecast.as_ref().and_then(|f| f.projected_progress) {
                if self.weight[h] > 0.0 {
                    proj_sum += self.weight[h] * p;
                    proj_w += self.weight[h];
                }
            }
            let status = e.status;
            let confidence = e.confidence();
            let policy = &self.policy.status;
            let value = self.value_of(h, &kr.kind, e);
            key_results.push(KeyResultScore {
                id: kr.id.clone(),
                objective_id: doc.id.clone(),
                title: kr.title.clone(),
                owner: kr.owner.clone().or_else(|| doc.owner.clone()),
                kr_type: self.kr_type[h],
                measure: kr.measure.clone(),
                weight: self.weight[h],
                due: self.due[h],
                value,
                progress: e.progress(),
                raw_progress: e.raw_progress(),
                expected: e.expected(),
                gap: match (e.expected(), e.progress()) {
                    (Some(x), Some(p)) => Some(x - p),
                    _ => None,
                },
                status,
                confidence,
                confidence_divergence: confidence.is_some_and(|c| {
                    (status == Status::AtRisk && c >= policy.high_confidence - EPSILON)
                        || (matches!(status, Status::OnTrack | Status::Done)
                            && c <= policy.low_confidence + EPSILON)
                }),
                forecast,
                probability: chances.key_result(h),
                value_interval: chances.interval(h),
                check_ins: e.count as usize,
                last_check_in: (e.last != i64::MIN)
                    .then(|| millis_to_date(e.last))
                    .flatten(),
            });
        }
        let mut children: Vec<String> = Vec::new();
        for &(c, _) in self.children.row(o) {
            let id = &plan.objectives[c as usize].id;
            if !children.contains(id) {
                children.push(id.clone());
            }
        }
        let e = &eval.objectives[o];
        let manual = self.manual_score[o];
        ObjectiveScore {
            id: doc.id.clone(),
            title: doc.title.clone(),
            owner: doc.owner.clone(),
            unit: doc.unit.clone(),
            cycle: doc.cycle.clone(),
            commitment: doc.commitment,
            state: doc.state(),
            value: None,
            progress: e.progress(),
            raw_progress: e.raw_progress(),
            expected: e.expected(),
            status: e.status,
            confidence: e.confidence(),
            forecast: (proj_w > 0.0).then(|| ObjectiveForecast {
                projected_progress: proj_sum / proj_w,
            }),
            probability: chances.objective(o),
            grade: grade(
                e.progress(),
                (!manual.is_nan()).then_some(manual),
                doc.commitment,
                &self.policy.grading,
            ),
            parents: self
                .parents
                .row(o)
                .iter()
                .map(|&p| plan.objectives[p as usize].id.clone())
                .collect(),
            children,
            key_results,
        }
    }

    /// An error unless `plan` has the shape this engine was compiled from.
    pub fn check_compiled_from(&self, plan: &Plan) -> Result<(), Error> {
        let krs: usize = plan.objectives.iter().map(|o| o.key_results.len()).sum();
        if plan.objectives.len() != self.objective_ids.len() || krs != self.kr_ids.len() {
            return Err(Error::InvalidValue {
                message: "the plan has changed since this engine was compiled from it".into(),
                location: Location::default(),
            });
        }
        Ok(())
    }

    /// Key result `h`'s current value: its last check-in, or before any, its start.
    pub fn value_of(&self, h: usize, kind: &KrKind, e: &KrEval) -> Option<Value> {
        if e.value.is_nan() {
            match self.kind[h] {
                Kind::Linear { start, .. } | Kind::Untargeted { start }
                    if kind.start().is_some() =>
                {
                    Some(Value::Number(start))
                }
                Kind::ZonesNumeric { baseline, .. } => Some(Value::Number(baseline)),
                _ => None,
            }
        } else {
            Some(decode_value(kind, e.value))
        }
    }

    /// Key result `h`'s weight within its objective, as compiled.
    pub fn weight_of(&self, h: usize) -> f64 {
        self.weight[h]
    }

    /// Least-squares line through the KR's check-ins of the period so far, projected to
    /// its due date.
    fn forecast(&self, h: usize, as_of: &AsOf) -> Option<Forecast> {
        let kind = &self.kind[h];
        let numeric = matches!(
            kind,
            Kind::Linear { .. }
                | Kind::Untargeted { .. }
                | Kind::Above { .. }
                | Kind::Below { .. }
                | Kind::Within { .. }
                | Kind::ZonesNumeric { .. }
        );
        if !numeric || self.kr_type[h] == KrType::Aggregate || self.window[h] == NO_WINDOW {
            return None;
        }
        let (start, end) = self.window[h];
        let s = self.series(h);
        let points: Vec<(f64, f64)> =
            s.t.iter()
                .zip(s.v)
                .filter(|(t, _)| **t >= start && **t <= as_of.cutoff)
                .map(|(t, v)| ((t - start) as f64 / DAY_MS as f64, *v))
                .collect();
        let (slope, intercept) = fit_line(&points)?;
        let due_x = (end - start) as f64 / DAY_MS as f64;
        let projected_value = slope * due_x + intercept;
        let projected = progress(
            kind,
            projected_value,
            &self.step_weights,
            &self.policy.scoring,
        );
        let goal = match *kind {
            Kind::Linear { target, .. } => Some(target),
            Kind::ZonesNumeric { target, .. } => Some(target),
            _ => None,
        };
        let baseline = kind.initial();
        let target_date = goal.and_then(|g| {
            if (g - baseline) * slope <= 0.0 {
                return None;
            }
            let ms = start as f64 + (g - intercept) / slope * DAY_MS as f64;
            (ms.is_finite() && ms.abs() < 1e15)
                .then(|| millis_to_date(ms.floor() as i64))
                .flatten()
        });
        Some(Forecast {
            projected_value,
            projected_progress: projected.map(|p| p.score),
            projected_raw_progress: projected.map(|p| p.raw),
            target_date,
            slope_per_day: slope,
            points: points.len(),
        })
    }
}

/// A plan's scores as of one moment, made one objective at a time as they are read:
/// what [`Scorecard`] holds, without holding it. Serializing it writes exactly the
/// JSON of the [`Scorecard`], in constant memory, so a large plan's answer can be
/// streamed.
pub struct Scores<'a> {
    engine: Arc<Engine>,
    plan: &'a Plan,
    eval: Evaluation,
    chances: Chances,
}

impl<'a> Scores<'a> {
    /// The scores of `plan` (the plan `engine` was compiled from) in `eval`.
    pub fn new(engine: Arc<Engine>, plan: &'a Plan, eval: Evaluation) -> Result<Self, Error> {
        let prior = engine.prior(&eval.as_of);
        Scores::under(engine, plan, eval, &prior)
    }

    /// [`Scores::new`] with the chances under `prior` (see `Engine::chances_under`).
    pub(crate) fn under(
        engine: Arc<Engine>,
        plan: &'a Plan,
        eval: Evaluation,
        prior: &Prior,
    ) -> Result<Self, Error> {
        engine.check_compiled_from(plan)?;
        let chances = engine.chances_under(&eval, prior);
        Ok(Scores {
            engine,
            plan,
            eval,
            chances,
        })
    }

    /// The moment scored.
    pub fn as_of(&self) -> Moment {
        self.eval.as_of.moment
    }

    /// Every objective scored, in document order, each made when it is reached.
    pub fn objectives(&self) -> impl Iterator<Item = ObjectiveScore> + '_ {
        self.engine
            .objective_scores(self.plan, &self.eval, &self.chances)
    }

    /// All the scores, held.
    pub fn to_scorecard(&self) -> Scorecard {
        Scorecard {
            as_of: self.as_of(),
            objectives: self.objectives().collect(),
        }
    }
}

impl std::fmt::Debug for Scores<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scores")
            .field("as_of", &self.as_of())
            .field("objectives", &self.plan.objectives.len())
            .finish_non_exhaustive()
    }
}

impl Serialize for Scores<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// The objectives as a sequence, each serialized and dropped in turn.
        struct Objectives<'s, 'a>(&'s Scores<'a>);
        impl Serialize for Objectives<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.objectives())
            }
        }
        let mut card = s.serialize_struct("Scorecard", 2)?;
        card.serialize_field("as_of", &self.as_of())?;
        card.serialize_field("objectives", &Objectives(self))?;
        card.end()
    }
}
