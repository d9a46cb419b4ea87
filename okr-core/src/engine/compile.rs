//! Compiles a plan into flat arrays indexed by dense handles, once, so that scoring at
//! any moment is a pass over numbers.
//!
//! Memory per key result is a few fixed-size records (no text: titles stay in the plan)
//! and each check-in is one 24-byte [`Rec`]. Check-ins live in one array, sliced per key
//! result (CSR); a key result that receives a check-in after compilation moves its
//! series to a vector of its own, so adding one never shifts the big array.

use super::kinds::{Kind, Shape, encode_value};
use super::rows::{IdList, Rows};
use crate::error::Error;
use crate::graph::post_order;
use crate::model::{
    AggregateOp, DAY_MS, KrKind, KrType, ObjectiveState, Plan, ProgressFrom, Step,
    date_start_millis,
};
use crate::name_map::NameMap;
use crate::policy::Policy;
use crate::validate::validate;
use chrono::NaiveDate;
use foldhash::HashMap;

/// One check-in: time (ms since the epoch), encoded value, confidence (NaN when unset).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rec {
    pub t: i64,
    pub v: f64,
    pub c: f32,
}

/// Check-ins of one or many key results as parallel columns: scoring binary-searches
/// the times alone, and reads a value and a confidence only where the search lands.
#[derive(Clone, Debug, Default)]
pub(crate) struct Columns {
    pub t: Vec<i64>,
    pub v: Vec<f64>,
    pub c: Vec<f32>,
}

impl Columns {
    fn push(&mut self, r: Rec) {
        self.t.push(r.t);
        self.v.push(r.v);
        self.c.push(r.c);
    }

    fn insert(&mut self, at: usize, r: Rec) {
        self.t.insert(at, r.t);
        self.v.insert(at, r.v);
        self.c.insert(at, r.c);
    }

    fn slice(&self, range: std::ops::Range<usize>) -> Series<'_> {
        Series {
            t: &self.t[range.clone()],
            v: &self.v[range.clone()],
            c: &self.c[range],
        }
    }

    fn heap_bytes(&self) -> usize {
        self.t.capacity() * 8 + self.v.capacity() * 8 + self.c.capacity() * 4
    }
}

/// A view of one key result's check-ins, in time order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Series<'a> {
    pub t: &'a [i64],
    pub v: &'a [f64],
    pub c: &'a [f32],
}

/// What scoring needs to know of an objective besides its items.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ObjectiveInfo {
    /// Closed or cancelled: everything in it scores as `closed`.
    pub closed: bool,
    pub from: ProgressFrom,
}

/// Half-open time window `[start, end)` in ms: a cycle's start to the end of the due day.
pub(crate) const NO_WINDOW: (i64, i64) = (i64::MIN, i64::MIN);

/// A plan compiled for scoring under one policy. Owns its data, holds no text but ids,
/// is `Send + Sync`, and is cheap to evaluate at any moment.
#[derive(Debug, Clone)]
pub struct Engine {
    pub(crate) policy: Policy,
    // Objectives, by handle (document order).
    pub(crate) objective_ids: IdList,
    pub(crate) objective_info: Vec<ObjectiveInfo>,
    pub(crate) manual_score: Vec<f64>,
    /// Key results of objective `o` are handles `kr_start[o]..kr_start[o + 1]`.
    pub(crate) kr_start: Vec<u32>,
    /// (child objective, link weight × child weight) per objective.
    pub(crate) children: Rows<(u32, f64)>,
    /// Parent objectives per objective (for incremental updates).
    pub(crate) parents: Rows<u32>,
    /// (weight, progress) of initiatives that drive progress, per objective.
    pub(crate) initiatives: Rows<(f64, f64)>,
    /// Objectives, children before parents; and each objective's place in that order.
    pub(crate) objective_order: Vec<u32>,
    pub(crate) objective_rank: Vec<u32>,
    // Key results, by handle (document order across objectives).
    pub(crate) kr_ids: IdList,
    pub(crate) kr_objective: Vec<u32>,
    pub(crate) kr_type: Vec<KrType>,
    pub(crate) kind: Vec<Kind>,
    pub(crate) weight: Vec<f64>,
    pub(crate) window: Vec<(i64, i64)>,
    pub(crate) due: Vec<Option<NaiveDate>>,
    /// Planned (time, value) points per KR; empty when expectation is linear in time.
    pub(crate) path: Rows<(i64, f64)>,
    pub(crate) step_weights: Vec<f64>,
    /// Step ids of checklists, to read check-ins added after compilation.
    pub(crate) step_ids: HashMap<u32, Vec<Step>>,
    /// Children of aggregates, and the aggregates each KR feeds.
    pub(crate) aggregate_children: Rows<u32>,
    pub(crate) aggregate_parents: Rows<u32>,
    pub(crate) aggregate_op: HashMap<u32, AggregateOp>,
    /// Aggregate KRs, children first; and each KR's place in that order.
    pub(crate) aggregate_order: Vec<u32>,
    pub(crate) aggregate_rank: Vec<u32>,
    /// Check-ins, in time order per KR: KR `h` has `check_ins[ci_start[h]..ci_start[h + 1]]`.
    pub(crate) ci_start: Vec<u32>,
    pub(crate) check_ins: Columns,
    /// KRs whose series grew after compilation: index into `moved_series`, or `u32::MAX`.
    pub(crate) moved: Vec<u32>,
    pub(crate) moved_series: Vec<Columns>,
    pub(crate) kr_by_id: NameMap<Box<str>, u32>,
}

impl Engine {
    /// Validates `plan` under its own policy (the `policy:` section) and compiles it.
    pub fn new(plan: &Plan) -> Result<Engine, Vec<Error>> {
        Engine::with_policy(plan, plan.policy())
    }

    /// Validates `plan` under `policy` and compiles it.
    pub fn with_policy(plan: &Plan, policy: Policy) -> Result<Engine, Vec<Error>> {
        let errors = validate(plan, &policy);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(compile(plan, policy))
    }

    /// Compiles a plan the caller has already validated under `policy`.
    pub(crate) fn compile_validated(plan: &Plan, policy: Policy) -> Engine {
        compile(plan, policy)
    }

    /// The policy the engine scores under.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// How many objectives the engine holds.
    pub fn objective_count(&self) -> usize {
        self.objective_ids.len()
    }

    /// How many key results the engine holds.
    pub fn key_result_count(&self) -> usize {
        self.kr_ids.len()
    }

    /// How many check-ins the engine holds (the plan's and the log's).
    pub fn check_in_count(&self) -> usize {
        (0..self.kr_ids.len()).map(|h| self.series(h).t.len()).sum()
    }

    /// Whether `as_of` falls within KR `h`'s period (true when it has none).
    pub fn in_period(&self, h: usize, as_of: &super::AsOf) -> bool {
        let (start, end) = self.window[h];
        (start, end) == NO_WINDOW
            || (as_of.instant_millis() >= start && as_of.instant_millis() <= end)
    }

    /// Start of KR `h`'s period (its cycle's first day, ms), when it has one.
    pub fn period_start(&self, h: usize) -> Option<i64> {
        (self.window[h] != NO_WINDOW).then_some(self.window[h].0)
    }

    /// KR `h`'s period (its cycle's first day to its due moment, ms), when it has one.
    pub fn period(&self, h: usize) -> Option<(i64, i64)> {
        (self.window[h] != NO_WINDOW).then_some(self.window[h])
    }

    /// Handle of the key result `id`.
    pub fn key_result_handle(&self, id: &str) -> Option<usize> {
        self.kr_by_id.get(id).map(|&h| h as usize)
    }

    pub(crate) fn series(&self, h: usize) -> Series<'_> {
        match self.moved[h] {
            u32::MAX => self
                .check_ins
                .slice(self.ci_start[h] as usize..self.ci_start[h + 1] as usize),
            m => {
                let m = &self.moved_series[m as usize];
                m.slice(0..m.t.len())
            }
        }
    }

    /// Adds `rec` to KR `h`'s series, after any check-in at the same instant. The first
    /// addition copies the KR's series out of the shared columns.
    pub(crate) fn insert(&mut self, h: usize, rec: Rec) {
        if self.moved[h] == u32::MAX {
            let s = self.series(h);
            let own = Columns {
                t: s.t.to_vec(),
                v: s.v.to_vec(),
                c: s.c.to_vec(),
            };
            self.moved[h] = self.moved_series.len() as u32;
            self.moved_series.push(own);
        }
        let series = &mut self.moved_series[self.moved[h] as usize];
        let at = series.t.partition_point(|&t| t <= rec.t);
        series.insert(at, rec);
    }

    pub(crate) fn shape(&self, h: usize) -> Shape<'_> {
        match self.kind[h] {
            Kind::Milestone => Shape::Milestone,
            Kind::Checklist { .. } => Shape::Checklist(
                self.step_ids
                    .get(&(h as u32))
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
            ),
            Kind::ZonesNamed => Shape::NamedZones,
            _ => Shape::Numeric(self.kr_type[h]),
        }
    }

    /// Bytes held by the engine's arrays and tables (not counting allocator overhead).
    pub fn heap_bytes(&self) -> usize {
        let ids = self.kr_ids.heap_bytes() + self.objective_ids.heap_bytes();
        let kr = self.kr_ids.len()
            * (std::mem::size_of::<u32>() * 3
                + std::mem::size_of::<KrType>()
                + std::mem::size_of::<Kind>()
                + 8
                + 16
                + std::mem::size_of::<Option<NaiveDate>>());
        // A packed id and its handle per entry, and a control byte.
        let map = self.kr_by_id.capacity() * (16 + 4 + 1);
        ids + kr
            + map
            + self.check_ins.heap_bytes()
            + self.ci_start.capacity() * 4
            + self.path.heap_bytes()
            + self.children.heap_bytes()
            + self.parents.heap_bytes()
            + self.aggregate_children.heap_bytes()
            + self.aggregate_parents.heap_bytes()
            + self.objective_ids.len() * (std::mem::size_of::<ObjectiveInfo>() + 8 + 4 * 4)
            + self.step_weights.capacity() * 8
    }
}

fn window(start: Option<NaiveDate>, due: Option<NaiveDate>) -> (i64, i64) {
    match (start, due) {
        (Some(s), Some(d)) => (date_start_millis(s), date_start_millis(d) + DAY_MS),
        _ => NO_WINDOW,
    }
}

fn rec(at: &crate::model::Moment, v: f64, c: Option<f64>) -> Rec {
    Rec {
        t: at.millis(),
        v,
        c: c.map(|c| c as f32).unwrap_or(f32::NAN),
    }
}

fn compile(plan: &Plan, policy: Policy) -> Engine {
    let cycles: HashMap<&str, (Option<NaiveDate>, Option<NaiveDate>)> = plan
        .cycles
        .iter()
        .map(|c| (c.id.as_str(), (c.start, c.end)))
        .collect();
    let objective_index: NameMap<&str, u32> = plan
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i as u32))
        .collect();
    let kr_total: usize = plan.objectives.iter().map(|o| o.key_results.len()).sum();

    let mut kr_ids = IdList::with_capacity(kr_total);
    let mut kr_objective = Vec::with_capacity(kr_total);
    let mut kr_type = Vec::with_capacity(kr_total);
    let mut kind = Vec::with_capacity(kr_total);
    let mut weight = Vec::with_capacity(kr_total);
    let mut windows = Vec::with_capacity(kr_total);
    let mut due = Vec::with_capacity(kr_total);
    let mut paths = Rows::default();
    let mut step_weights = Vec::new();
    let mut step_ids = HashMap::default();
    let mut aggregate_op = HashMap::default();
    let mut kr_start = Vec::with_capacity(plan.objectives.len() + 1);
    for (oi, o) in plan.objectives.iter().enumerate() {
        kr_start.push(kr_ids.len() as u32);
        let (cstart, cend) = o
            .cycle
            .as_deref()
            .and_then(|c| cycles.get(c))
            .copied()
            .unwrap_or((None, None));
        for kr in &o.key_results {
            let h = kr_ids.len() as u32;
            let kr_due = kr.due.or(cend);
            let w = window(cstart, kr_due);
            match (&kr.kind, w != NO_WINDOW) {
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
                    true,
                ) if !kr.phases.is_empty() => paths.push_row(
                    std::iter::once((w.0, start.unwrap_or(0.0)))
                        .chain(
                            kr.phases
                                .iter()
                                .map(|p| (date_start_millis(p.at) + DAY_MS, p.target)),
                        )
                        .chain([(w.1, *g)]),
                ),
                _ => paths.push_row([]),
            }
            match &kr.kind {
                KrKind::Checklist { steps } => {
                    step_ids.insert(h, steps.clone());
                }
                KrKind::Aggregate { op, .. } => {
                    aggregate_op.insert(h, *op);
                }
                _ => {}
            }
            kr_ids.push(&kr.id);
            kr_objective.push(oi as u32);
            kr_type.push(kr.kind.kr_type());
            kind.push(Kind::compile(&kr.kind, &policy.scoring, &mut step_weights));
            weight.push(kr.weight());
            windows.push(w);
            due.push(kr_due);
        }
    }
    kr_start.push(kr_ids.len() as u32);
    let krs = kr_ids.len();
    // One map from ids to handles, used while compiling and kept for check-ins added
    // later (ids of at most 15 bytes are packed into it, not allocated).
    let kr_by_id: NameMap<Box<str>, u32> = (0..krs)
        .map(|h| (Box::<str>::from(kr_ids.get(h)), h as u32))
        .collect();

    let mut child_pairs = Vec::new();
    let mut parent_pairs: Vec<(u32, u32)> = Vec::new();
    for (oi, o) in plan.objectives.iter().enumerate() {
        let first_parent = parent_pairs.len();
        for a in &o.aligns_to {
            let parent = match (&a.objective, &a.key_result) {
                (Some(p), _) => objective_index.get(p.as_str()).copied(),
                (None, Some(k)) => kr_by_id.get(k.as_str()).map(|&h| kr_objective[h as usize]),
                _ => None,
            };
            if let Some(p) = parent {
                child_pairs.push((p, (oi as u32, a.weight.unwrap_or(1.0) * o.weight())));
                if !parent_pairs[first_parent..].iter().any(|&(_, q)| q == p) {
                    parent_pairs.push((oi as u32, p));
                }
            }
        }
    }
    let children = Rows::from_pairs(plan.objectives.len(), &child_pairs);
    let parents = Rows::from_pairs(plan.objectives.len(), &parent_pairs);
    let mut aggregate_edges: Vec<(u32, u32)> = Vec::new();
    for (h, kr) in plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .enumerate()
    {
        if let KrKind::Aggregate { of, .. } = &kr.kind {
            for c in of.iter().filter_map(|c| kr_by_id.get(c.as_str())) {
                aggregate_edges.push((h as u32, *c));
            }
        }
    }
    let aggregate_children = Rows::from_pairs(krs, &aggregate_edges);
    let reversed: Vec<(u32, u32)> = aggregate_edges.iter().map(|&(h, c)| (c, h)).collect();
    let aggregate_parents = Rows::from_pairs(krs, &reversed);

    // Where each KR's values come from: its own check-ins and log lines, or its KPI's.
    let kpi_index: HashMap<&str, usize> = plan
        .kpis
        .iter()
        .enumerate()
        .map(|(i, k)| (k.id.as_str(), i))
        .collect();
    let mut kpi_series: Vec<Vec<Rec>> = plan
        .kpis
        .iter()
        .map(|k| {
            k.check_ins
                .iter()
                .filter_map(|c| c.value.as_number().map(|v| rec(&c.at, v, c.confidence)))
                .collect()
        })
        .collect();
    // The log's lines by key result, in log order.
    let mut logged = Vec::new();
    for (i, l) in plan.logged_check_ins.iter().enumerate() {
        if let Some(&h) = kr_by_id.get(l.key_result.as_str()) {
            logged.push((h, i as u32));
        } else if let (Some(&k), Some(v)) =
            (kpi_index.get(l.key_result.as_str()), l.value.as_number())
        {
            kpi_series[k].push(rec(&l.at, v, l.confidence));
        }
    }
    let logged = Rows::from_pairs(krs, &logged);
    let kpi_of = |kr: &crate::model::KeyResult| kr.kpi.as_deref().and_then(|k| kpi_index.get(k));
    let total: usize = plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .map(|kr| match kpi_of(kr) {
            Some(&k) => kpi_series[k].len(),
            None => kr.check_ins.len(),
        })
        .sum::<usize>()
        + plan.logged_check_ins.len();
    let mut check_ins = Columns {
        t: Vec::with_capacity(total),
        v: Vec::with_capacity(total),
        c: Vec::with_capacity(total),
    };
    let mut ci_start = Vec::with_capacity(krs + 1);
    // One key result's series at a time, sorted here and then appended to the columns.
    let mut series: Vec<Rec> = Vec::new();
    for (h, kr) in plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .enumerate()
    {
        ci_start.push(check_ins.t.len() as u32);
        series.clear();
        match kpi_of(kr) {
            Some(&k) => series.extend_from_slice(&kpi_series[k]),
            None => {
                let own = kr.check_ins.iter().map(|c| (&c.at, &c.value, c.confidence));
                let log = logged.row(h).iter().map(|&i| {
                    let l = &plan.logged_check_ins[i as usize];
                    (&l.at, &l.value, l.confidence)
                });
                series.extend(own.chain(log).filter_map(|(at, value, confidence)| {
                    encode_value(&kr.kind, value)
                        .ok()
                        .map(|v| rec(at, v, confidence))
                }));
            }
        }
        // Stable: of two check-ins at the same instant, the later-read one stays last.
        series.sort_by_key(|r| r.t);
        for r in &series {
            check_ins.push(*r);
        }
    }
    ci_start.push(check_ins.t.len() as u32);

    let aggregate_order: Vec<u32> = post_order(krs, |v| aggregate_children.row(v))
        .map(|order| {
            order
                .into_iter()
                .filter(|&h| kr_type[h] == KrType::Aggregate)
                .map(|h| h as u32)
                .collect()
        })
        .unwrap_or_default();
    let mut aggregate_rank = vec![u32::MAX; krs];
    for (rank, &h) in aggregate_order.iter().enumerate() {
        aggregate_rank[h as usize] = rank as u32;
    }
    let child_ids = children.map(|c| c.0);
    let objective_order: Vec<u32> = post_order(plan.objectives.len(), |v| child_ids.row(v))
        .unwrap_or_default()
        .into_iter()
        .map(|o| o as u32)
        .collect();
    let mut objective_rank = vec![0u32; plan.objectives.len()];
    for (rank, &o) in objective_order.iter().enumerate() {
        objective_rank[o as usize] = rank as u32;
    }

    Engine {
        policy,
        objective_ids: plan.objectives.iter().map(|o| o.id.as_str()).collect(),
        objective_info: plan
            .objectives
            .iter()
            .map(|o| ObjectiveInfo {
                closed: matches!(
                    o.state(),
                    ObjectiveState::Closed | ObjectiveState::Cancelled
                ),
                from: o.progress_from.unwrap_or_default(),
            })
            .collect(),
        manual_score: plan
            .objectives
            .iter()
            .map(|o| o.score.unwrap_or(f64::NAN))
            .collect(),
        kr_start,
        children,
        parents,
        initiatives: Rows::from_rows(plan.objectives.iter().map(|o| {
            o.initiatives
                .iter()
                .chain(o.key_results.iter().flat_map(|k| k.initiatives.iter()))
                .filter(|i| i.weight() > 0.0)
                .map(|i| (i.weight(), i.progress()))
                .collect::<Vec<_>>()
        })),
        objective_order,
        objective_rank,
        moved: vec![u32::MAX; krs],
        moved_series: Vec::new(),
        kr_ids,
        kr_objective,
        kr_type,
        kind,
        weight,
        window: windows,
        due,
        path: paths,
        step_weights,
        step_ids,
        aggregate_children,
        aggregate_parents,
        aggregate_op,
        aggregate_order,
        aggregate_rank,
        ci_start,
        check_ins,
        kr_by_id,
    }
}
