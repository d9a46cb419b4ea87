//! Evaluating a compiled plan as of a moment: one pass over flat arrays for every key
//! result, aggregate and objective, and an incremental update after one check-in that
//! recomputes only what the check-in can change.

use super::compile::{Engine, NO_WINDOW, Rec};
use super::kinds::{Kind, Progress, encode, progress};
use super::status::{EPSILON, Status, StatusFold, grade_gap};
use super::time::{AsOf, elapsed_fraction, interpolate};
use crate::error::{Entity, Error, Location};
use crate::model::{AggregateOp, DAY_MS, KrType, Moment, ProgressFrom, Value};
use foldhash::HashSet;

/// Where one key result stands as of the evaluation's moment. `NaN` means "none".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KrEval {
    /// Encoded value (last check-in, or the aggregate's op); NaN before any check-in.
    pub value: f64,
    /// Progress clamped by the policy (NaN when not scorable).
    pub progress: f64,
    /// Progress before clamping (NaN when not scorable).
    pub raw: f64,
    /// Progress expected by now (NaN without dates).
    pub expected: f64,
    /// On track, behind, at risk, …
    pub status: Status,
    /// The last confidence given (NaN when none was).
    pub confidence: f32,
    /// Check-ins at or before the moment.
    pub count: u32,
    /// Time of the last of them (ms), or `i64::MIN`.
    pub last: i64,
}

/// One objective evaluated as of a moment: rolled-up progress and status.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ObjectiveEval {
    /// Rolled-up progress, clamped (NaN when nothing is scorable).
    pub progress: f64,
    /// Rolled-up progress before clamping.
    pub raw: f64,
    /// Progress expected by now.
    pub expected: f64,
    /// The worst status of its items.
    pub status: Status,
    /// The mean confidence of its key results (NaN when none gave one).
    pub confidence: f64,
}

/// Every key result and objective of an engine as of one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The moment evaluated.
    pub as_of: AsOf,
    /// Every key result, by handle (document order).
    pub key_results: Vec<KrEval>,
    /// Every objective, by handle (document order).
    pub objectives: Vec<ObjectiveEval>,
}

/// Six decimals: what people wrote of a confidence kept as `f32`, and all that an
/// estimate (a probability, a calibration figure) can say.
pub(crate) fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn opt(x: f64) -> Option<f64> {
    (!x.is_nan()).then_some(x)
}

impl KrEval {
    /// Progress, or `None` when not scorable.
    pub fn progress(&self) -> Option<f64> {
        opt(self.progress)
    }
    /// Progress before clamping, or `None`.
    pub fn raw_progress(&self) -> Option<f64> {
        opt(self.raw)
    }
    /// Expected progress, or `None`.
    pub fn expected(&self) -> Option<f64> {
        opt(self.expected)
    }
    /// The latest confidence, as the decimal it was written as (stored as `f32`).
    pub fn confidence(&self) -> Option<f64> {
        (!self.confidence.is_nan()).then(|| round6(f64::from(self.confidence)))
    }
}

impl ObjectiveEval {
    /// Progress, or `None` when not scorable.
    pub fn progress(&self) -> Option<f64> {
        opt(self.progress)
    }
    /// Progress before clamping, or `None`.
    pub fn raw_progress(&self) -> Option<f64> {
        opt(self.raw)
    }
    /// Expected progress, or `None`.
    pub fn expected(&self) -> Option<f64> {
        opt(self.expected)
    }
    /// Mean confidence, or `None`.
    pub fn confidence(&self) -> Option<f64> {
        opt(self.confidence).map(round6)
    }
}

/// How many of the sorted times `t` are at or before `cutoff`. Short series (the usual
/// weekly quarter is 13) are counted without branches, which the compiler vectorises;
/// a binary search on them mispredicts about every other step.
pub(crate) fn count_up_to(t: &[i64], cutoff: i64) -> usize {
    if t.len() <= 32 {
        t.iter().map(|&x| usize::from(x <= cutoff)).sum()
    } else {
        t.partition_point(|&x| x <= cutoff)
    }
}

/// The elapsed fraction of the last window asked for: key results of one objective
/// share their window, so one division serves them all (same value, computed once).
#[derive(Clone, Copy, Debug)]
struct Elapsed {
    window: (i64, i64),
    e: f64,
}

impl Elapsed {
    fn none() -> Elapsed {
        Elapsed {
            window: (i64::MAX, i64::MAX),
            e: f64::NAN,
        }
    }

    fn of(&mut self, window: (i64, i64), instant: i64) -> f64 {
        if self.window != window {
            *self = Elapsed {
                window,
                e: elapsed_fraction(window.0, window.1, instant),
            };
        }
        self.e
    }
}

/// Weighted sums over an objective's items, and the worst status among them.
#[derive(Clone, Copy, Debug, Default)]
struct Partial {
    w_p: f64,
    s_p: f64,
    w_r: f64,
    s_r: f64,
    w_e: f64,
    s_e: f64,
    status: StatusFold,
    conf_sum: f64,
    conf_n: u32,
}

impl Partial {
    fn confidence(&mut self, k: &KrEval) {
        // Unrounded here (rounding is a libm call on baseline x86-64); the mean is
        // rounded when read.
        if !k.confidence.is_nan() {
            self.conf_sum += f64::from(k.confidence);
            self.conf_n += 1;
        }
    }

    fn take(&mut self, w: f64, p: f64, r: f64, e: f64, status: Option<Status>) {
        if !p.is_nan() {
            self.w_p += w;
            self.s_p += w * p;
        }
        if !r.is_nan() {
            self.w_r += w;
            self.s_r += w * r;
        }
        if !e.is_nan() {
            self.w_e += w;
            self.s_e += w * e;
        }
        if let Some(st) = status {
            self.status.add(st);
        }
    }
}

const EMPTY_KR: KrEval = KrEval {
    value: f64::NAN,
    progress: f64::NAN,
    raw: f64::NAN,
    expected: f64::NAN,
    status: Status::NotStarted,
    confidence: f32::NAN,
    count: 0,
    last: i64::MIN,
};

const EMPTY_OBJECTIVE: ObjectiveEval = ObjectiveEval {
    progress: f64::NAN,
    raw: f64::NAN,
    expected: f64::NAN,
    status: Status::NotStarted,
    confidence: f64::NAN,
};

impl Engine {
    /// Progress, expected progress and status of every key result and objective as of
    /// `as_of`, rolled up through aggregates and alignment in one topological pass.
    pub fn evaluate(&self, as_of: AsOf) -> Evaluation {
        let n = self.kr_ids.len();
        let n_objectives = self.objective_ids.len();
        let mut key_results = Vec::with_capacity(n);
        // Each objective's own sums are taken while its key results are scored: they are
        // contiguous, so this reads every result once. Objectives holding an aggregate
        // are summed again once aggregates are known. Each accumulator adds the same
        // terms in the same order as `own_items`, so the numbers are identical.
        let mut partials = Vec::with_capacity(n_objectives);
        let mut elapsed = Elapsed::none();
        for o in 0..n_objectives {
            let mut acc = Partial::default();
            let rolls_own = self.objective_info[o].from != ProgressFrom::Children;
            for h in self.kr_start[o] as usize..self.kr_start[o + 1] as usize {
                let k = if self.kr_type[h] == KrType::Aggregate {
                    EMPTY_KR
                } else {
                    self.eval_series_kr(h, &as_of, &mut elapsed)
                };
                acc.confidence(&k);
                if rolls_own && self.weight[h] > 0.0 {
                    acc.take(
                        self.weight[h],
                        k.progress,
                        k.raw,
                        k.expected,
                        Some(k.status),
                    );
                }
                key_results.push(k);
            }
            if rolls_own {
                for &(w, p) in self.initiatives.row(o) {
                    acc.take(w, p, p, f64::NAN, None);
                }
            }
            partials.push(acc);
        }
        for &h in &self.aggregate_order {
            key_results[h as usize] = self.eval_aggregate(h as usize, &key_results, &as_of);
        }
        for &h in &self.aggregate_order {
            let o = self.kr_objective[h as usize] as usize;
            partials[o] = self.own_items(o, &key_results);
        }
        let mut objectives = vec![EMPTY_OBJECTIVE; n_objectives];
        for &o in &self.objective_order {
            objectives[o as usize] = self.combine(o as usize, partials[o as usize], &objectives);
        }
        Evaluation {
            as_of,
            key_results,
            objectives,
        }
    }

    fn eval_series_kr(&self, h: usize, as_of: &AsOf, elapsed: &mut Elapsed) -> KrEval {
        let s = self.series(h);
        let count = count_up_to(s.t, as_of.cutoff);
        let (value, last) = if count > 0 {
            (s.v[count - 1], s.t[count - 1])
        } else {
            (f64::NAN, i64::MIN)
        };
        let confidence = s.c[..count]
            .iter()
            .rev()
            .copied()
            .find(|c| !c.is_nan())
            .unwrap_or(f32::NAN);
        let seen = KrEval {
            value,
            count: count as u32,
            last,
            confidence,
            ..EMPTY_KR
        };
        self.finish_kr(h, seen, as_of, elapsed)
    }

    fn eval_aggregate(&self, h: usize, krs: &[KrEval], as_of: &AsOf) -> KrEval {
        let op = self
            .aggregate_op
            .get(&(h as u32))
            .copied()
            .unwrap_or(AggregateOp::Sum);
        let children = self.aggregate_children.row(h);
        let mut acc = match op {
            AggregateOp::Sum | AggregateOp::Mean => 0.0,
            AggregateOp::Min => f64::INFINITY,
            AggregateOp::Max => f64::NEG_INFINITY,
        };
        let (mut count, mut last) = (0u32, i64::MIN);
        for &c in children {
            let child = &krs[c as usize];
            let v = if child.value.is_nan() {
                self.kind[c as usize].initial()
            } else {
                child.value
            };
            acc = match op {
                AggregateOp::Sum | AggregateOp::Mean => acc + v,
                AggregateOp::Min => acc.min(v),
                AggregateOp::Max => acc.max(v),
            };
            count += child.count;
            last = last.max(child.last);
        }
        if op == AggregateOp::Mean && !children.is_empty() {
            acc /= children.len() as f64;
        }
        let value = if count > 0 && !children.is_empty() {
            acc
        } else {
            f64::NAN
        };
        let seen = KrEval {
            value,
            count,
            last,
            ..EMPTY_KR
        };
        self.finish_kr(h, seen, as_of, &mut Elapsed::none())
    }

    /// Progress, expected and status of KR `h` from what was seen as of the moment
    /// (`seen` has the value, count, last time and confidence filled in).
    fn finish_kr(&self, h: usize, seen: KrEval, as_of: &AsOf, elapsed: &mut Elapsed) -> KrEval {
        let KrEval {
            value,
            count,
            last,
            confidence,
            ..
        } = seen;
        let kind = &self.kind[h];
        let scoring = &self.policy.scoring;
        let p: Option<Progress> = match (value.is_nan(), kind) {
            (true, _) => progress(kind, kind.initial(), &self.step_weights, scoring),
            (false, _) => progress(kind, value, &self.step_weights, scoring),
        };
        let expected = self.expected(h, as_of, elapsed);
        let objective = self.kr_objective[h] as usize;
        let status = if self.objective_info[objective].closed {
            Status::Closed
        } else if p.is_none() {
            if count == 0 {
                Status::NotStarted
            } else {
                Status::NoTarget
            }
        } else if count == 0 {
            Status::NotStarted
        } else if p.is_some_and(|p| self.is_done(kind, p)) {
            Status::Done
        } else if self.is_stale(h, last, as_of) {
            Status::Stale
        } else {
            let score = p.map(|p| p.score).unwrap_or(0.0);
            match *kind {
                Kind::Above { threshold, band } | Kind::Below { threshold, band } => {
                    if score < 0.5 {
                        Status::AtRisk
                    } else if (value - threshold).abs() < band {
                        Status::Behind
                    } else {
                        Status::OnTrack
                    }
                }
                Kind::Within { .. } => {
                    if score < 0.5 {
                        Status::AtRisk
                    } else {
                        Status::OnTrack
                    }
                }
                _ if expected.is_nan() => Status::OnTrack,
                _ => grade_gap(score, expected, &self.policy.status.rule),
            }
        };
        KrEval {
            value,
            progress: p.map(|p| p.score).unwrap_or(f64::NAN),
            raw: p.map(|p| p.raw).unwrap_or(f64::NAN),
            expected,
            status,
            confidence,
            count,
            last,
        }
    }

    fn is_done(&self, kind: &Kind, p: Progress) -> bool {
        match kind {
            Kind::Above { .. }
            | Kind::Below { .. }
            | Kind::Within { .. }
            | Kind::Untargeted { .. } => false,
            Kind::ZonesNamed => p.score >= self.policy.scoring.zones.stretch_score - EPSILON,
            _ => p.raw >= 1.0 - EPSILON,
        }
    }

    fn is_stale(&self, h: usize, last: i64, as_of: &AsOf) -> bool {
        let (_, end) = self.window[h];
        let in_period = end == NO_WINDOW.1 || as_of.instant <= end;
        let limit = i64::from(self.policy.status.stale_after_days) * DAY_MS;
        in_period && last != i64::MIN && as_of.instant - last > limit
    }

    fn expected(&self, h: usize, as_of: &AsOf, elapsed: &mut Elapsed) -> f64 {
        let (start, end) = self.window[h];
        if (start, end) == NO_WINDOW {
            return f64::NAN;
        }
        let e = elapsed.of((start, end), as_of.instant);
        match self.kind[h] {
            Kind::Linear {
                start: s,
                target: g,
            } => {
                let path = self.path.row(h);
                if path.is_empty() || g == s {
                    e
                } else {
                    ((interpolate(path, as_of.instant) - s) / (g - s)).clamp(0.0, 1.0)
                }
            }
            Kind::Untargeted { .. } => f64::NAN,
            Kind::ZonesNumeric { .. } | Kind::ZonesNamed | Kind::Checklist { .. } => e,
            Kind::Milestone => {
                if as_of.instant >= end {
                    1.0
                } else {
                    0.0
                }
            }
            Kind::Above { .. } | Kind::Below { .. } | Kind::Within { .. } => 1.0,
        }
    }

    /// An objective's own items (its key results and weighted initiatives), summed.
    fn own_items(&self, o: usize, krs: &[KrEval]) -> Partial {
        let mut acc = Partial::default();
        let rolls_own = self.objective_info[o].from != ProgressFrom::Children;
        let first = self.kr_start[o] as usize;
        for (h, k) in krs[first..self.kr_start[o + 1] as usize]
            .iter()
            .enumerate()
            .map(|(i, k)| (first + i, k))
        {
            acc.confidence(k);
            if rolls_own && self.weight[h] > 0.0 {
                acc.take(
                    self.weight[h],
                    k.progress,
                    k.raw,
                    k.expected,
                    Some(k.status),
                );
            }
        }
        if rolls_own {
            for &(w, p) in self.initiatives.row(o) {
                acc.take(w, p, p, f64::NAN, None);
            }
        }
        acc
    }

    /// Adds the aligned children (when the objective rolls them up) to its own items.
    fn combine(&self, o: usize, mut acc: Partial, objectives: &[ObjectiveEval]) -> ObjectiveEval {
        let info = &self.objective_info[o];
        if info.from != ProgressFrom::KeyResults {
            for &(child, w) in self.children.row(o) {
                if w > 0.0 {
                    let c = &objectives[child as usize];
                    acc.take(w, c.progress, c.raw, c.expected, Some(c.status));
                }
            }
        }
        let status = if info.closed {
            Status::Closed
        } else {
            acc.status.finish()
        };
        let mean = |s: f64, w: f64| if w > 0.0 { s / w } else { f64::NAN };
        ObjectiveEval {
            progress: mean(acc.s_p, acc.w_p),
            raw: mean(acc.s_r, acc.w_r),
            expected: mean(acc.s_e, acc.w_e),
            status,
            confidence: if acc.conf_n > 0 {
                acc.conf_sum / f64::from(acc.conf_n)
            } else {
                f64::NAN
            },
        }
    }

    /// Records a check-in on key result `id` and brings `eval` up to date by
    /// recomputing only that key result, the aggregates it feeds and the objectives
    /// above them. The result equals a full [`Engine::evaluate`] (a property test
    /// holds it to that).
    pub fn add_check_in(
        &mut self,
        eval: &mut Evaluation,
        id: &str,
        at: Moment,
        value: &Value,
        confidence: Option<f64>,
    ) -> Result<(), Error> {
        let h = self.key_result_handle(id).ok_or_else(|| Error::NotFound {
            entity: Entity::KeyResult,
            id: id.to_owned(),
        })?;
        if self.kr_type[h] == KrType::Aggregate {
            return Err(Error::Schema {
                message: format!("aggregate key result `{id}` takes its values from its children"),
                location: Location::default(),
            });
        }
        let v = encode(self.shape(h), value).map_err(|message| Error::InvalidValue {
            message,
            location: Location::at("value"),
        })?;
        if let Some(c) = confidence {
            if !(0.0..=1.0).contains(&c) {
                return Err(Error::InvalidValue {
                    message: format!("confidence is a share from 0 to 1, not {c}"),
                    location: Location::at("confidence"),
                });
            }
        }
        self.insert(
            h,
            Rec {
                t: at.millis(),
                v,
                c: confidence.map(|c| c as f32).unwrap_or(f32::NAN),
            },
        );
        self.refresh(eval, h);
        Ok(())
    }

    fn refresh(&self, eval: &mut Evaluation, h: usize) {
        let as_of = eval.as_of;
        eval.key_results[h] = self.eval_series_kr(h, &as_of, &mut Elapsed::none());
        // Aggregates above h, in the order they are evaluated in.
        let mut aggregates: Vec<u32> = Vec::new();
        let mut seen = HashSet::default();
        let mut stack: Vec<u32> = self.aggregate_parents.row(h).to_vec();
        while let Some(a) = stack.pop() {
            if seen.insert(a) {
                aggregates.push(a);
                stack.extend_from_slice(self.aggregate_parents.row(a as usize));
            }
        }
        aggregates.sort_unstable_by_key(|&a| self.aggregate_rank[a as usize]);
        for &a in &aggregates {
            eval.key_results[a as usize] =
                self.eval_aggregate(a as usize, &eval.key_results, &as_of);
        }
        // Objectives holding a changed KR, and every objective above them.
        let mut objectives: Vec<u32> = Vec::new();
        let mut stack: Vec<u32> = std::iter::once(self.kr_objective[h])
            .chain(aggregates.iter().map(|&a| self.kr_objective[a as usize]))
            .collect();
        let mut seen = HashSet::default();
        while let Some(o) = stack.pop() {
            if seen.insert(o) {
                objectives.push(o);
                stack.extend_from_slice(self.parents.row(o as usize));
            }
        }
        objectives.sort_unstable_by_key(|&o| self.objective_rank[o as usize]);
        for &o in &objectives {
            let own = self.own_items(o as usize, &eval.key_results);
            eval.objectives[o as usize] = self.combine(o as usize, own, &eval.objectives);
        }
    }
}
