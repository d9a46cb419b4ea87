//! Scoring a compiled plan as of a moment: value, progress, expected progress, status,
//! forecast, confidence and grade of every key result and objective.

use super::compile::{Engine, KrInfo};
use super::forecast::{Forecast, fit_line};
use super::grade::{Grade, grade};
use super::kinds::{decode_value, initial_value, progress, zone_cuts};
use super::status::{EPSILON, Status, grade_gap};
use super::time::{AsOf, elapsed_fraction, interpolate};
use crate::model::{
    AggregateOp, Commitment, DAY_MS, KrKind, KrType, Moment, ObjectiveState, ProgressFrom, Value,
    millis_to_date,
};
use chrono::NaiveDate;
use serde::Serialize;

/// Scores of a whole plan as of one moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scorecard {
    pub as_of: Moment,
    pub objectives: Vec<ObjectiveScore>,
}

impl Scorecard {
    pub fn objective(&self, id: &str) -> Option<&ObjectiveScore> {
        self.objectives.iter().find(|o| o.id == id)
    }

    pub fn key_result(&self, id: &str) -> Option<&KeyResultScore> {
        self.objectives
            .iter()
            .flat_map(|o| o.key_results.iter())
            .find(|k| k.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObjectiveScore {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub unit: Option<String>,
    pub cycle: Option<String>,
    #[serde(rename = "type")]
    pub commitment: Option<Commitment>,
    pub state: ObjectiveState,
    /// Always `None`: objectives have no value of their own. Present so that objective
    /// and key-result records share their field names.
    pub value: Option<Value>,
    /// Weighted mean of the items' scores; `None` when no item can be scored.
    pub progress: Option<f64>,
    pub raw_progress: Option<f64>,
    pub expected: Option<f64>,
    pub status: Status,
    /// Mean of the key results' latest confidences.
    pub confidence: Option<f64>,
    pub forecast: Option<ObjectiveForecast>,
    pub grade: Option<Grade>,
    pub key_results: Vec<KeyResultScore>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObjectiveForecast {
    /// Weighted mean of the key results' projected progress at their due dates.
    pub projected_progress: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyResultScore {
    pub id: String,
    pub objective_id: String,
    pub title: String,
    pub owner: Option<String>,
    #[serde(rename = "type")]
    pub kr_type: KrType,
    pub measure: Option<String>,
    pub weight: f64,
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
    pub status: Status,
    /// Latest confidence at or before the moment.
    pub confidence: Option<f64>,
    /// High confidence while at risk, or low confidence while on track or done.
    pub confidence_divergence: bool,
    pub forecast: Option<Forecast>,
    /// Check-ins at or before the moment.
    pub check_ins: usize,
    pub last_check_in: Option<NaiveDate>,
}

/// One thing an objective's progress is the weighted mean of: a key result, an
/// initiative with a weight, or an aligned child objective.
struct Item {
    weight: f64,
    progress: Option<f64>,
    raw: Option<f64>,
    expected: Option<f64>,
    status: Status,
    projected: Option<f64>,
}

struct KrState {
    value: Option<f64>,
    last_time: Option<i64>,
    count: usize,
    confidence: Option<f64>,
}

impl Engine {
    /// Scores every objective and key result as of `as_of`.
    pub fn score(&self, as_of: AsOf) -> Scorecard {
        let states = self.kr_states(&as_of);
        let kr_scores: Vec<KeyResultScore> = (0..self.krs.len())
            .map(|h| self.score_kr(h, &states[h], &as_of))
            .collect();
        let mut objective_scores: Vec<Option<ObjectiveScore>> = vec![None; self.objectives.len()];
        for &oi in &self.objective_order {
            let score = self.score_objective(oi, &kr_scores, &objective_scores);
            objective_scores[oi] = Some(score);
        }
        Scorecard {
            as_of: as_of.moment,
            objectives: objective_scores.into_iter().flatten().collect(),
        }
    }

    fn series(&self, h: usize) -> std::ops::Range<usize> {
        self.ci_offsets[h]..self.ci_offsets[h + 1]
    }

    fn kr_states(&self, as_of: &AsOf) -> Vec<KrState> {
        let mut states: Vec<KrState> = (0..self.krs.len())
            .map(|h| {
                let range = self.series(h);
                let times = &self.ci_time[range.clone()];
                let count = times.partition_point(|&t| t <= as_of.cutoff);
                let last = (count > 0).then(|| range.start + count - 1);
                let confidence = (range.start..range.start + count)
                    .rev()
                    .map(|i| self.ci_confidence[i])
                    .find(|c| !c.is_nan())
                    .map(round_f32);
                KrState {
                    value: last.map(|i| self.ci_value[i]),
                    last_time: last.map(|i| self.ci_time[i]),
                    count,
                    confidence,
                }
            })
            .collect();
        for &h in &self.aggregate_order {
            let KrKind::Aggregate { op, .. } = &self.krs[h].kind else {
                continue;
            };
            let children = &self.krs[h].children;
            let values: Vec<f64> = children
                .iter()
                .map(|&c| {
                    states[c]
                        .value
                        .unwrap_or_else(|| initial_value(&self.krs[c].kind))
                })
                .collect();
            let started = children.iter().any(|&c| states[c].count > 0);
            states[h].value = (started && !values.is_empty()).then(|| aggregate(*op, &values));
            states[h].last_time = children.iter().filter_map(|&c| states[c].last_time).max();
            states[h].count = children.iter().map(|&c| states[c].count).sum();
        }
        states
    }

    fn score_kr(&self, h: usize, state: &KrState, as_of: &AsOf) -> KeyResultScore {
        let kr = &self.krs[h];
        let objective = &self.objectives[kr.objective];
        let policy = &self.policy;
        let current = state.value.or_else(|| kr.kind.start());
        let p = match (state.value, &kr.kind) {
            (None, KrKind::Baseline { .. }) => None,
            (None, _) => progress(&kr.kind, initial_value(&kr.kind), &policy.scoring),
            (Some(v), _) => progress(&kr.kind, v, &policy.scoring),
        };
        let expected = self.expected(kr, as_of);
        let closed = matches!(
            objective.state,
            ObjectiveState::Closed | ObjectiveState::Cancelled
        );
        let status = if closed {
            Status::Closed
        } else if p.is_none() {
            if state.count == 0 {
                Status::NotStarted
            } else {
                Status::NoTarget
            }
        } else if state.count == 0 {
            Status::NotStarted
        } else if p.is_some_and(|p| is_done(&kr.kind, p.raw, p.score, policy)) {
            Status::Done
        } else if self.is_stale(kr, state, as_of) {
            Status::Stale
        } else {
            let p = p.map(|p| p.score).unwrap_or(0.0);
            match &kr.kind {
                KrKind::StayAbove { threshold, band } | KrKind::StayBelow { threshold, band } => {
                    let v = state.value.unwrap_or(0.0);
                    let margin = (v - threshold).abs();
                    if p < 0.5 {
                        Status::AtRisk
                    } else if band.is_some_and(|b| margin < b) {
                        Status::Behind
                    } else {
                        Status::OnTrack
                    }
                }
                KrKind::Within { .. } => {
                    if p < 0.5 {
                        Status::AtRisk
                    } else {
                        Status::OnTrack
                    }
                }
                _ => match expected {
                    Some(e) => grade_gap(p, e, &policy.status.rule),
                    None => Status::OnTrack,
                },
            }
        };
        let confidence_divergence = state.confidence.is_some_and(|c| {
            (status == Status::AtRisk && c >= policy.status.high_confidence - EPSILON)
                || (matches!(status, Status::OnTrack | Status::Done)
                    && c <= policy.status.low_confidence + EPSILON)
        });
        KeyResultScore {
            id: kr.id.clone(),
            objective_id: objective.id.clone(),
            title: kr.title.clone(),
            owner: kr.owner.clone(),
            kr_type: kr.kind.kr_type(),
            measure: kr.measure.clone(),
            weight: kr.weight,
            due: kr.due,
            value: current.map(|v| {
                if state.value.is_some() {
                    decode_value(&kr.kind, v)
                } else {
                    Value::Number(v)
                }
            }),
            progress: p.map(|p| p.score),
            raw_progress: p.map(|p| p.raw),
            expected,
            gap: match (expected, p) {
                (Some(e), Some(p)) => Some(e - p.score),
                _ => None,
            },
            status,
            confidence: state.confidence,
            confidence_divergence,
            forecast: self.forecast(h, as_of),
            check_ins: state.count,
            last_check_in: state.last_time.and_then(millis_to_date),
        }
    }

    fn is_stale(&self, kr: &KrInfo, state: &KrState, as_of: &AsOf) -> bool {
        let in_period = kr.window.is_none_or(|(_, end)| as_of.instant <= end);
        let limit = i64::from(self.policy.status.stale_after_days) * DAY_MS;
        in_period && state.last_time.is_some_and(|t| as_of.instant - t > limit)
    }

    fn expected(&self, kr: &KrInfo, as_of: &AsOf) -> Option<f64> {
        let (start, end) = kr.window?;
        let e = elapsed_fraction(start, end, as_of.instant);
        match &kr.kind {
            KrKind::Increase {
                start: s,
                target: Some(g),
            }
            | KrKind::Decrease {
                start: s,
                target: Some(g),
            }
            | KrKind::Aggregate {
                start: s,
                target: Some(g),
                ..
            } => {
                if kr.path.is_empty() {
                    Some(e)
                } else {
                    let s = s.unwrap_or(0.0);
                    let planned = interpolate(&kr.path, as_of.instant);
                    Some(if g == &s {
                        e
                    } else {
                        ((planned - s) / (g - s)).clamp(0.0, 1.0)
                    })
                }
            }
            KrKind::Increase { .. } | KrKind::Decrease { .. } | KrKind::Aggregate { .. } => None,
            KrKind::Zones { .. } | KrKind::Checklist { .. } => Some(e),
            KrKind::Milestone => Some(if as_of.instant >= end { 1.0 } else { 0.0 }),
            KrKind::StayAbove { .. } | KrKind::StayBelow { .. } | KrKind::Within { .. } => {
                Some(1.0)
            }
            KrKind::Baseline { .. } => None,
        }
    }

    fn forecast(&self, h: usize, as_of: &AsOf) -> Option<Forecast> {
        let kr = &self.krs[h];
        if !kr.kind.is_numeric() || kr.kind.kr_type() == KrType::Aggregate {
            return None;
        }
        let (start, end) = kr.window?;
        let range = self.series(h);
        let points: Vec<(f64, f64)> = range
            .filter(|&i| self.ci_time[i] >= start && self.ci_time[i] <= as_of.cutoff)
            .map(|i| {
                (
                    (self.ci_time[i] - start) as f64 / DAY_MS as f64,
                    self.ci_value[i],
                )
            })
            .collect();
        let (slope, intercept) = fit_line(&points)?;
        let due_x = (end - start) as f64 / DAY_MS as f64;
        let projected_value = slope * due_x + intercept;
        let projected = progress(&kr.kind, projected_value, &self.policy.scoring);
        let goal = match &kr.kind {
            KrKind::Increase { target, .. } | KrKind::Decrease { target, .. } => *target,
            KrKind::Zones {
                start: Some(b),
                commit,
                target,
                stretch: Some(s),
            } => Some(zone_cuts(*b, *commit, *target, *s, &self.policy.scoring).1),
            _ => None,
        };
        let baseline = kr.kind.start().unwrap_or(0.0);
        let target_date = goal.and_then(|g| {
            let toward = (g - baseline) * slope > 0.0;
            if !toward {
                return None;
            }
            let x = (g - intercept) / slope;
            let ms = start as f64 + x * DAY_MS as f64;
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

    fn score_objective(
        &self,
        oi: usize,
        krs: &[KeyResultScore],
        done: &[Option<ObjectiveScore>],
    ) -> ObjectiveScore {
        let o = &self.objectives[oi];
        let mut items: Vec<Item> = Vec::new();
        if o.progress_from != ProgressFrom::Children {
            for k in &krs[o.key_results.clone()] {
                if k.weight > 0.0 {
                    items.push(Item {
                        weight: k.weight,
                        progress: k.progress,
                        raw: k.raw_progress,
                        expected: k.expected,
                        status: k.status,
                        projected: k.forecast.as_ref().and_then(|f| f.projected_progress),
                    });
                }
            }
            for &(weight, p) in &o.initiatives {
                items.push(Item {
                    weight,
                    progress: Some(p),
                    raw: Some(p),
                    expected: None,
                    status: Status::NoTarget,
                    projected: None,
                });
            }
        }
        if o.progress_from != ProgressFrom::KeyResults {
            for &(child, weight) in &o.children {
                if let (Some(c), true) = (&done[child], weight > 0.0) {
                    items.push(Item {
                        weight,
                        progress: c.progress,
                        raw: c.raw_progress,
                        expected: c.expected,
                        status: c.status,
                        projected: c.forecast.as_ref().map(|f| f.projected_progress),
                    });
                }
            }
        }
        let mean = |pick: fn(&Item) -> Option<f64>| {
            let (mut sum, mut weight) = (0.0, 0.0);
            for item in &items {
                if let Some(x) = pick(item) {
                    sum += item.weight * x;
                    weight += item.weight;
                }
            }
            (weight > 0.0).then(|| sum / weight)
        };
        let progress = mean(|i| i.progress);
        let closed = matches!(o.state, ObjectiveState::Closed | ObjectiveState::Cancelled);
        let status = if closed {
            Status::Closed
        } else {
            Status::worst(items.iter().map(|i| i.status))
        };
        let confidences: Vec<f64> = krs[o.key_results.clone()]
            .iter()
            .filter_map(|k| k.confidence)
            .collect();
        ObjectiveScore {
            id: o.id.clone(),
            title: o.title.clone(),
            owner: o.owner.clone(),
            unit: o.unit.clone(),
            cycle: o.cycle.clone(),
            commitment: o.commitment,
            state: o.state,
            value: None,
            progress,
            raw_progress: mean(|i| i.raw),
            expected: mean(|i| i.expected),
            status,
            confidence: (!confidences.is_empty())
                .then(|| confidences.iter().sum::<f64>() / confidences.len() as f64),
            forecast: mean(|i| i.projected).map(|p| ObjectiveForecast {
                projected_progress: p,
            }),
            grade: grade(progress, o.manual_score, o.commitment, &self.policy.grading),
            key_results: krs[o.key_results.clone()].to_vec(),
        }
    }

    /// Id → handle of a key result, for callers that hold ids.
    pub fn key_result_handle(&self, id: &str) -> Option<usize> {
        self.kr_by_id.get(id).copied()
    }
}

fn is_done(kind: &KrKind, raw: f64, score: f64, policy: &crate::policy::Policy) -> bool {
    match kind {
        KrKind::StayAbove { .. }
        | KrKind::StayBelow { .. }
        | KrKind::Within { .. }
        | KrKind::Baseline { .. } => false,
        KrKind::Zones { .. } if !kind.is_numeric() => {
            score >= policy.scoring.zones.stretch_score - EPSILON
        }
        _ => raw >= 1.0 - EPSILON,
    }
}

fn aggregate(op: AggregateOp, values: &[f64]) -> f64 {
    match op {
        AggregateOp::Sum => values.iter().sum(),
        AggregateOp::Mean => values.iter().sum::<f64>() / values.len() as f64,
        AggregateOp::Min => values.iter().copied().fold(f64::INFINITY, f64::min),
        AggregateOp::Max => values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

/// Confidence is stored as f32; give it back as the decimal people wrote.
fn round_f32(c: f32) -> f64 {
    (f64::from(c) * 1e6).round() / 1e6
}
