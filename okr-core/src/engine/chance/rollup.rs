//! Objectives' probabilities, by Monte Carlo through the compiled rollup. Each sample
//! draws every uncertain key result's value at its due date, scores it as scoring does,
//! and rolls the scores up as evaluation does (weights, initiatives, aligned children);
//! an objective's probability is the share of samples in which its progress reaches
//! [`GOOD_PROGRESS`]. Key results move independently of each other in the model, and
//! the draws come from a fixed stratified table, so the result is the same on every run
//! and platform.
//!
//! A milestone or checklist has no series to model. One not yet done whose owner gave a
//! confidence is drawn as done with that probability: the owner's word is the only
//! evidence there is (and calibration can check it). Without a confidence it keeps its
//! current progress, as do aggregates and named zones.
//!
//! The loops run objective by objective with the samples innermost, so that each key
//! result is read once and its scores for all samples are a short loop the compiler
//! vectorises; an objective's samples are kept (as `f32`) only until its parents have
//! read them.

use super::GOOD_PROGRESS;
use super::model::Outlook;
use super::normal::{cdf, offset, stratified};
use crate::engine::compile::{Engine, NO_WINDOW};
use crate::engine::evaluate::Evaluation;
use crate::engine::kinds::{Kind, progress};
use crate::model::ProgressFrom;
use crate::policy::{Backslide, Overshoot};

/// Samples per plan: an objective's probability is a multiple of 1/128, within about
/// 0.045 of the model's exact value (one standard error at 0.5).
pub(crate) const SAMPLES: usize = 128;

/// How a drawn key result's score follows the standard normal draw `z`.
#[derive(Clone, Copy, Debug)]
enum Curve {
    /// `clamp(a + b·z, lo, hi)`: increase and decrease.
    Ramp { a: f64, b: f64, lo: f64, hi: f64 },
    /// 1 when `z ≥ cut` (`up`) or `z ≤ cut`, else 0: thresholds.
    Step { cut: f64, up: bool },
    /// 1 when `lo ≤ z ≤ hi`, else 0: ranges.
    Window { lo: f64, hi: f64 },
    /// Scored through [`progress`] at `mean + sd·z`: numeric zones.
    Value { mean: f64, sd: f64 },
    /// 1 (done) when the draw's uniform falls below `confidence`, else `otherwise`.
    Done { confidence: f64, otherwise: f64 },
}

struct Drawn {
    h: usize,
    curve: Curve,
    offset: usize,
}

impl Engine {
    fn curve(&self, h: usize, o: &Outlook) -> Curve {
        let z = |x: f64| (x - o.mean) / o.sd;
        match self.kind[h] {
            Kind::Linear { start, target } => {
                let scoring = &self.policy.scoring;
                let span = target - start;
                Curve::Ramp {
                    a: (o.mean - start) / span,
                    b: o.sd / span,
                    lo: match scoring.backslide {
                        Backslide::Clamp => 0.0,
                        Backslide::Keep => f64::NEG_INFINITY,
                    },
                    hi: match scoring.overshoot {
                        Overshoot::Clamp => 1.0,
                        Overshoot::Keep => f64::INFINITY,
                    },
                }
            }
            Kind::Above { threshold, .. } => Curve::Step {
                cut: z(threshold),
                up: true,
            },
            Kind::Below { threshold, .. } => Curve::Step {
                cut: z(threshold),
                up: false,
            },
            Kind::Within { low, high } => Curve::Window {
                lo: z(low),
                hi: z(high),
            },
            _ => Curve::Value {
                mean: o.mean,
                sd: o.sd,
            },
        }
    }

    /// What each key result contributes to the draws: its curve, or nothing when it
    /// keeps its current progress.
    fn drawn(&self, eval: &Evaluation, outlooks: &[Option<Outlook>]) -> Vec<Drawn> {
        let instant = eval.as_of.instant_millis();
        (0..outlooks.len())
            .filter_map(|h| {
                let k = &eval.key_results[h];
                let curve = match &outlooks[h] {
                    Some(o) if o.sd > 0.0 => self.curve(h, o),
                    None if matches!(self.kind[h], Kind::Milestone | Kind::Checklist { .. })
                        && k.progress < 1.0
                        && !k.confidence.is_nan()
                        && self.window[h] != NO_WINDOW
                        && instant < self.window[h].1 =>
                    {
                        Curve::Done {
                            confidence: f64::from(k.confidence),
                            otherwise: k.progress,
                        }
                    }
                    _ => return None,
                };
                Some(Drawn {
                    h,
                    curve,
                    offset: offset(h, SAMPLES),
                })
            })
            .collect()
    }

    pub(crate) fn objective_chances(
        &self,
        eval: &Evaluation,
        outlooks: &[Option<Outlook>],
    ) -> Vec<Option<f64>> {
        let objectives = self.objective_ids.len();
        let drawn = self.drawn(eval, outlooks);
        let mut is_drawn = vec![false; outlooks.len()];
        for d in &drawn {
            is_drawn[d.h] = true;
        }
        let uncertain = self.uncertain(&is_drawn);
        if drawn.is_empty() || !uncertain.iter().any(|&u| u) {
            return vec![None; objectives];
        }
        // The table twice over, so that a key result's samples are one contiguous slice.
        let mut z = stratified(SAMPLES);
        z.extend_from_within(..);
        let u: Vec<f64> = z.iter().map(|&x| cdf(x)).collect();
        let scoring = &self.policy.scoring;
        let rolls_own = |o: usize| self.objective_info[o].from != ProgressFrom::Children;
        let rolls_children = |o: usize| self.objective_info[o].from != ProgressFrom::KeyResults;

        // Objective `o`'s drawn key results are `drawn[starts[o]..starts[o + 1]]` (both
        // are in document order); found once here rather than by a search per objective,
        // which at L's 100,000 objectives is a cache miss per step.
        let mut starts = Vec::with_capacity(objectives + 1);
        let mut next = 0;
        for o in 0..objectives {
            starts.push(next);
            let end = self.kr_start[o + 1] as usize;
            while next < drawn.len() && drawn[next].h < end {
                next += 1;
            }
        }
        starts.push(next);
        // Each uncertain objective's samples, by its slot.
        let mut slot = vec![u32::MAX; objectives];
        let mut kept: Vec<f32> =
            Vec::with_capacity(uncertain.iter().filter(|&&u| u).count() * SAMPLES);
        let mut out = vec![None; objectives];
        let mut sums = [0.0f64; SAMPLES];
        for &o in &self.objective_order {
            let o = o as usize;
            if !uncertain[o] {
                continue;
            }
            let (mut fixed, mut weight) = (0.0, 0.0);
            let mut take = |w: f64, p: f64| {
                if !p.is_nan() {
                    fixed += w * p;
                    weight += w;
                }
            };
            let krs = self.kr_start[o] as usize..self.kr_start[o + 1] as usize;
            let own = &drawn[starts[o]..starts[o + 1]];
            if rolls_own(o) {
                for &(w, p) in self.initiatives.row(o) {
                    take(w, p);
                }
                for h in krs {
                    if self.weight[h] > 0.0 && !is_drawn[h] {
                        take(self.weight[h], eval.key_results[h].progress);
                    }
                }
            }
            if rolls_children(o) {
                for &(c, w) in self.children.row(o) {
                    if w > 0.0 && !uncertain[c as usize] {
                        take(w, eval.objectives[c as usize].progress);
                    }
                }
            }
            sums.fill(fixed);
            if rolls_own(o) {
                for d in own.iter().filter(|d| self.weight[d.h] > 0.0) {
                    let w = self.weight[d.h];
                    weight += w;
                    let z = &z[d.offset..d.offset + SAMPLES];
                    let u = &u[d.offset..d.offset + SAMPLES];
                    add(&mut sums, w, d.curve, z, u, |v| {
                        progress(&self.kind[d.h], v, &self.step_weights, scoring)
                            .map_or(0.0, |p| p.score)
                    });
                }
            }
            if rolls_children(o) {
                for &(c, w) in self.children.row(o) {
                    let c = c as usize;
                    if w > 0.0 && uncertain[c] {
                        weight += w;
                        let from = slot[c] as usize * SAMPLES;
                        for (s, &p) in sums.iter_mut().zip(&kept[from..from + SAMPLES]) {
                            *s += w * f64::from(p);
                        }
                    }
                }
            }
            if weight <= 0.0 {
                continue;
            }
            let mut hits = 0u32;
            slot[o] = (kept.len() / SAMPLES) as u32;
            for s in &sums {
                let p = s / weight;
                // The same tolerance as grading's: 0.7 written as a sum of thirds counts.
                hits += u32::from(p >= GOOD_PROGRESS - 1e-9);
                kept.push(p as f32);
            }
            out[o] = Some(f64::from(hits) / SAMPLES as f64);
        }
        out
    }

    /// Which objectives have a drawn key result under them (their own, or one of an
    /// aligned child's that they roll up); closed objectives never do.
    fn uncertain(&self, is_drawn: &[bool]) -> Vec<bool> {
        let mut uncertain = vec![false; self.objective_ids.len()];
        for &o in &self.objective_order {
            let o = o as usize;
            let info = &self.objective_info[o];
            if info.closed {
                continue;
            }
            let own = info.from != ProgressFrom::Children
                && (self.kr_start[o] as usize..self.kr_start[o + 1] as usize)
                    .any(|h| self.weight[h] > 0.0 && is_drawn[h]);
            let children = info.from != ProgressFrom::KeyResults
                && self
                    .children
                    .row(o)
                    .iter()
                    .any(|&(c, w)| w > 0.0 && uncertain[c as usize]);
            uncertain[o] = own || children;
        }
        uncertain
    }
}

/// Adds `w` times a drawn key result's score in each sample to `sums`: `z` its normal
/// draws, `u` the same draws as uniforms, `score` for the curves scored one by one.
fn add(
    sums: &mut [f64; SAMPLES],
    w: f64,
    curve: Curve,
    z: &[f64],
    u: &[f64],
    score: impl Fn(f64) -> f64,
) {
    let hit = |b: bool| if b { w } else { 0.0 };
    match curve {
        Curve::Ramp { a, b, lo, hi } => {
            for (s, &z) in sums.iter_mut().zip(z) {
                *s += w * (a + b * z).max(lo).min(hi);
            }
        }
        Curve::Step { cut, up } => {
            for (s, &z) in sums.iter_mut().zip(z) {
                *s += hit(if up { z >= cut } else { z <= cut });
            }
        }
        Curve::Window { lo, hi } => {
            for (s, &z) in sums.iter_mut().zip(z) {
                *s += hit(lo <= z && z <= hi);
            }
        }
        Curve::Value { mean, sd } => {
            for (s, &z) in sums.iter_mut().zip(z) {
                *s += w * score(mean + sd * z);
            }
        }
        Curve::Done {
            confidence,
            otherwise,
        } => {
            for (s, &u) in sums.iter_mut().zip(u) {
                *s += w * if u < confidence { 1.0 } else { otherwise };
            }
        }
    }
}
