//! Compiles a plan into flat arrays indexed by dense handles, once, so that scoring at
//! any moment is a pass over numbers.

use super::kinds::encode_value;
use crate::error::Error;
use crate::graph::post_order;
use crate::model::{
    Commitment, DAY_MS, KrKind, KrType, ObjectiveState, Plan, ProgressFrom, date_start_millis,
};
use crate::policy::Policy;
use crate::validate::validate;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Half-open time window `[start, end)` in ms: a cycle start to the end of the due day.
pub(crate) type Window = (i64, i64);

#[derive(Debug, Clone)]
pub(crate) struct ObjectiveInfo {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub unit: Option<String>,
    pub cycle: Option<String>,
    pub commitment: Option<Commitment>,
    pub state: ObjectiveState,
    pub manual_score: Option<f64>,
    pub progress_from: ProgressFrom,
    pub key_results: std::ops::Range<usize>,
    /// (weight, progress) of initiatives that drive progress.
    pub initiatives: Vec<(f64, f64)>,
    /// (child objective, link weight × child weight).
    pub children: Vec<(usize, f64)>,
}

#[derive(Debug, Clone)]
pub(crate) struct KrInfo {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub measure: Option<String>,
    pub objective: usize,
    pub kind: KrKind,
    pub weight: f64,
    pub window: Option<Window>,
    pub due: Option<NaiveDate>,
    /// Planned path (time, value) from start through phases to target; empty when the
    /// expectation is linear in time.
    pub path: Vec<(i64, f64)>,
    /// Children of an aggregate.
    pub children: Vec<usize>,
}

/// A plan compiled for scoring. Owns its data; `Send + Sync`; cheap to score repeatedly.
#[derive(Debug, Clone)]
pub struct Engine {
    pub(crate) policy: Policy,
    pub(crate) objectives: Vec<ObjectiveInfo>,
    pub(crate) krs: Vec<KrInfo>,
    /// Check-ins of KR `h` are `ci_time[ci_offsets[h]..ci_offsets[h + 1]]`, in time order.
    pub(crate) ci_offsets: Vec<usize>,
    pub(crate) ci_time: Vec<i64>,
    pub(crate) ci_value: Vec<f64>,
    /// NaN when the check-in has no confidence.
    pub(crate) ci_confidence: Vec<f32>,
    /// Aggregate KRs, children before parents.
    pub(crate) aggregate_order: Vec<usize>,
    /// Objectives, children before parents.
    pub(crate) objective_order: Vec<usize>,
    pub(crate) kr_by_id: HashMap<String, usize>,
}

impl Engine {
    /// Validates `plan` under its own policy (the `policy:` section) and compiles it.
    pub fn new(plan: &Plan) -> Result<Engine, Vec<Error>> {
        let policy = plan
            .policy
            .as_ref()
            .map(|p| p.resolve())
            .unwrap_or_default();
        Engine::with_policy(plan, policy)
    }

    /// Validates `plan` under `policy` and compiles it.
    pub fn with_policy(plan: &Plan, policy: Policy) -> Result<Engine, Vec<Error>> {
        let errors = validate(plan, &policy);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(compile(plan, policy))
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    pub fn key_result_count(&self) -> usize {
        self.krs.len()
    }

    pub fn check_in_count(&self) -> usize {
        self.ci_time.len()
    }
}

fn window(start: Option<NaiveDate>, due: Option<NaiveDate>) -> Option<Window> {
    Some((date_start_millis(start?), date_start_millis(due?) + DAY_MS))
}

fn compile(plan: &Plan, policy: Policy) -> Engine {
    let cycles: HashMap<&str, (Option<NaiveDate>, Option<NaiveDate>)> = plan
        .cycles
        .iter()
        .map(|c| (c.id.as_str(), (c.start, c.end)))
        .collect();
    let objective_index: HashMap<&str, usize> = plan
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();

    let mut krs = Vec::new();
    let mut objectives = Vec::with_capacity(plan.objectives.len());
    for (oi, o) in plan.objectives.iter().enumerate() {
        let (cstart, cend) = o
            .cycle
            .as_deref()
            .and_then(|c| cycles.get(c))
            .copied()
            .unwrap_or((None, None));
        let first = krs.len();
        for kr in &o.key_results {
            let due = kr.due.or(cend);
            let window = window(cstart, due);
            let path = match (&kr.kind, window) {
                (
                    KrKind::Increase {
                        start,
                        target: Some(g),
                    }
                    | KrKind::Decrease {
                        start,
                        target: Some(g),
                    }
                    | KrKind::Aggregate {
                        start,
                        target: Some(g),
                        ..
                    },
                    Some((ws, we)),
                ) if !kr.phases.is_empty() => {
                    let mut path = vec![(ws, start.unwrap_or(0.0))];
                    path.extend(
                        kr.phases
                            .iter()
                            .map(|p| (date_start_millis(p.at) + DAY_MS, p.target)),
                    );
                    path.push((we, *g));
                    path
                }
                _ => Vec::new(),
            };
            krs.push(KrInfo {
                id: kr.id.clone(),
                title: kr.title.clone(),
                owner: kr.owner.clone().or_else(|| o.owner.clone()),
                measure: kr.measure.clone(),
                objective: oi,
                kind: kr.kind.clone(),
                weight: kr.weight(),
                window,
                due,
                path,
                children: Vec::new(),
            });
        }
        objectives.push(ObjectiveInfo {
            id: o.id.clone(),
            title: o.title.clone(),
            owner: o.owner.clone(),
            unit: o.unit.clone(),
            cycle: o.cycle.clone(),
            commitment: o.commitment,
            state: o.state(),
            manual_score: o.score,
            progress_from: o.progress_from.unwrap_or_default(),
            key_results: first..krs.len(),
            initiatives: o
                .initiatives
                .iter()
                .chain(o.key_results.iter().flat_map(|k| k.initiatives.iter()))
                .filter(|i| i.weight() > 0.0)
                .map(|i| (i.weight(), i.progress()))
                .collect(),
            children: Vec::new(),
        });
    }
    let kr_by_id: HashMap<String, usize> = krs
        .iter()
        .enumerate()
        .map(|(h, k)| (k.id.clone(), h))
        .collect();

    for (oi, o) in plan.objectives.iter().enumerate() {
        for a in &o.aligns_to {
            let parent = match (&a.objective, &a.key_result) {
                (Some(p), _) => objective_index.get(p.as_str()).copied(),
                (None, Some(k)) => kr_by_id.get(k).map(|&h| krs[h].objective),
                _ => None,
            };
            if let Some(p) = parent {
                objectives[p]
                    .children
                    .push((oi, a.weight.unwrap_or(1.0) * o.weight()));
            }
        }
    }
    for kr in &mut krs {
        if let KrKind::Aggregate { of, .. } = &kr.kind {
            kr.children = of.iter().filter_map(|c| kr_by_id.get(c).copied()).collect();
        }
    }

    // Where each KR's values come from: its own check-ins and log lines, or its KPI's.
    let kpi_index: HashMap<&str, usize> = plan
        .kpis
        .iter()
        .enumerate()
        .map(|(i, k)| (k.id.as_str(), i))
        .collect();
    let mut own: Vec<Vec<(i64, f64, f32)>> = vec![Vec::new(); krs.len()];
    let mut kpi_values: Vec<Vec<(i64, f64, f32)>> = plan
        .kpis
        .iter()
        .map(|k| {
            k.check_ins
                .iter()
                .filter_map(|c| {
                    c.value
                        .as_number()
                        .map(|v| (c.at.millis(), v, conf(c.confidence)))
                })
                .collect()
        })
        .collect();
    let mut h = 0;
    for o in &plan.objectives {
        for kr in &o.key_results {
            own[h] = kr
                .check_ins
                .iter()
                .filter_map(|c| {
                    encode_value(&kr.kind, &c.value)
                        .ok()
                        .map(|v| (c.at.millis(), v, conf(c.confidence)))
                })
                .collect();
            h += 1;
        }
    }
    for l in &plan.logged_check_ins {
        if let Some(&h) = kr_by_id.get(&l.key_result) {
            if let Ok(v) = encode_value(&krs[h].kind, &l.value) {
                own[h].push((l.at.millis(), v, conf(l.confidence)));
            }
        } else if let (Some(&k), Some(v)) =
            (kpi_index.get(l.key_result.as_str()), l.value.as_number())
        {
            kpi_values[k].push((l.at.millis(), v, conf(l.confidence)));
        }
    }
    let mut kr_h = 0;
    for o in &plan.objectives {
        for kr in &o.key_results {
            if let Some(&k) = kr.kpi.as_deref().and_then(|k| kpi_index.get(k)) {
                own[kr_h] = kpi_values[k].clone();
            }
            kr_h += 1;
        }
    }

    let total: usize = own.iter().map(Vec::len).sum();
    let mut ci_offsets = Vec::with_capacity(krs.len() + 1);
    let mut ci_time = Vec::with_capacity(total);
    let mut ci_value = Vec::with_capacity(total);
    let mut ci_confidence = Vec::with_capacity(total);
    ci_offsets.push(0);
    for mut series in own {
        // Stable: of two check-ins at the same instant, the later-written one wins.
        series.sort_by_key(|c| c.0);
        for (t, v, c) in series {
            ci_time.push(t);
            ci_value.push(v);
            ci_confidence.push(c);
        }
        ci_offsets.push(ci_time.len());
    }

    let aggregate_children: Vec<Vec<usize>> = krs.iter().map(|k| k.children.clone()).collect();
    let aggregate_order = post_order(krs.len(), |v| &aggregate_children[v])
        .unwrap_or_default()
        .into_iter()
        .filter(|&h| krs[h].kind.kr_type() == KrType::Aggregate)
        .collect();
    let objective_children: Vec<Vec<usize>> = objectives
        .iter()
        .map(|o| o.children.iter().map(|c| c.0).collect())
        .collect();
    let objective_order =
        post_order(objectives.len(), |v| &objective_children[v]).unwrap_or_default();

    Engine {
        policy,
        objectives,
        krs,
        ci_offsets,
        ci_time,
        ci_value,
        ci_confidence,
        aggregate_order,
        objective_order,
        kr_by_id,
    }
}

fn conf(c: Option<f64>) -> f32 {
    c.map(|c| c as f32).unwrap_or(f32::NAN)
}
