//! Each key-result kind's own fields (DESIGN §4): ranges, thresholds, ranges of
//! values, checklists, zones, baselines. The range check is shared with the lint
//! rules `zero-range` and `direction-mismatch`, so both judge a range the same way.

use super::{Validator, loc};
use crate::engine::kinds::MAX_STEPS;
use crate::error::{CycleKind, Entity, Error};
use crate::model::{KeyResult, KrKind, KrType, Step};
use crate::policy::ZeroRange;
use foldhash::HashMap;

/// What is wrong with the range of an increase, decrease or aggregate key result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum RangeProblem {
    /// Start equals target (an unset start is 0): nothing to move.
    Zero { value: f64 },
    /// An increase whose target is below its start, or a decrease above.
    Backwards {
        kr_type: KrType,
        start: f64,
        target: f64,
    },
}

impl RangeProblem {
    /// What to write instead of a backwards range.
    pub(crate) fn help(start: f64, target: f64) -> &'static str {
        if target < start {
            "use type `decrease`, or swap start and target"
        } else {
            "use type `increase`, or swap start and target"
        }
    }
}

/// The problem of `kind`'s range, if it has a range with a target and both ends are
/// finite numbers (a number that is not is reported on its own).
pub(crate) fn range_problem(kind: &KrKind) -> Option<RangeProblem> {
    let (start, Some(target)) = kind.range()? else {
        return None;
    };
    let start = start.unwrap_or(0.0);
    if !target.is_finite() || !start.is_finite() {
        return None;
    }
    let kr_type = kind.kr_type();
    if target == start {
        Some(RangeProblem::Zero { value: target })
    } else if (kr_type == KrType::Increase && target < start)
        || (kr_type == KrType::Decrease && target > start)
    {
        Some(RangeProblem::Backwards {
            kr_type,
            start,
            target,
        })
    } else {
        None
    }
}

impl Validator<'_> {
    pub(super) fn check_kind(&mut self, path: &dyn std::fmt::Display, kr: &KeyResult) {
        match &kr.kind {
            KrKind::Increase { start, target }
            | KrKind::Decrease { start, target }
            | KrKind::Aggregate { start, target, .. } => {
                self.number(|| format!("{path}.start"), *start);
                self.number(|| format!("{path}.target"), *target);
                self.check_range(path, kr);
                if let KrKind::Aggregate { of, .. } = &kr.kind {
                    self.check_aggregate(path, kr, of);
                }
            }
            KrKind::StayAbove { threshold, band } | KrKind::StayBelow { threshold, band } => {
                self.number(|| format!("{path}.threshold"), Some(*threshold));
                if let Some(b) = band {
                    if !b.is_finite() || *b < 0.0 {
                        self.invalid(
                            format!("{path}.band"),
                            format!("band must be a finite number of at least 0, not {b}"),
                        );
                    }
                }
            }
            KrKind::Within { low, high } => {
                self.number(|| format!("{path}.low"), Some(*low));
                self.number(|| format!("{path}.high"), Some(*high));
                if low > high {
                    self.invalid(
                        format!("{path}.high"),
                        format!("high ({high}) is below low ({low})"),
                    );
                }
            }
            KrKind::Milestone => {}
            KrKind::Checklist { steps } => self.check_steps(path, steps),
            KrKind::Zones {
                start,
                commit,
                target,
                stretch,
            } => self.check_zones(path, kr, [*start, *commit, *target, *stretch]),
            KrKind::Baseline { start } => self.number(|| format!("{path}.start"), *start),
        }
    }

    fn check_range(&mut self, path: &dyn std::fmt::Display, kr: &KeyResult) {
        if let Some((start, Some(target))) = kr.kind.range() {
            self.too_wide(path, "target", start.unwrap_or(0.0), target);
        }
        match range_problem(&kr.kind) {
            Some(RangeProblem::Zero { value }) => {
                if self.policy.scoring.zero_range == ZeroRange::Reject {
                    self.errors.push(Error::ZeroRange {
                        id: kr.id.clone(),
                        value,
                        location: loc(format!("{path}.target")),
                    });
                }
            }
            Some(RangeProblem::Backwards {
                kr_type,
                start,
                target,
            }) => self.errors.push(Error::DirectionMismatch {
                id: kr.id.clone(),
                kr_type: kr_type.as_str().into(),
                start,
                target,
                help: RangeProblem::help(start, target).into(),
                location: loc(format!("{path}.target")),
            }),
            None => {}
        }
    }

    /// Progress divides by `end - start`; two finite ends can still be so far apart
    /// (−1.7e308 to 1.7e308) that the width overflows and every value scores 0.
    fn too_wide(&mut self, path: &dyn std::fmt::Display, field: &str, start: f64, end: f64) {
        if start.is_finite() && end.is_finite() && !(end - start).is_finite() {
            self.invalid(
                format!("{path}.{field}"),
                format!(
                    "the range from {start:e} to {end:e} is too wide to score (its width is past \
                     the largest number, about 1.8e308); write the values in a larger unit"
                ),
            );
        }
    }

    fn check_aggregate(&mut self, path: &dyn std::fmt::Display, kr: &KeyResult, of: &[String]) {
        if of.is_empty() {
            self.invalid(
                format!("{path}.of"),
                "an aggregate needs at least one child key result",
            );
        }
        for (n, child) in of.iter().enumerate() {
            let cpath = format!("{path}.of[{n}]");
            if let Some(first) = of[..n].iter().position(|c| c == child) {
                self.invalid(
                    cpath,
                    format!(
                        "`{child}` is listed twice in `of` (first as of[{first}]); an aggregate \
                         counts each child once, so list it once"
                    ),
                );
                continue;
            }
            if child == &kr.id {
                self.errors.push(Error::Cycle {
                    kind: CycleKind::Aggregate,
                    ids: vec![child.clone(), child.clone()],
                    location: loc(cpath),
                });
                continue;
            }
            self.reference(|| cpath.clone(), Entity::KeyResult, Some(child));
            if let Some(&(a, b)) = self.ids.key_results.get(child.as_str()) {
                let ck = &self.plan.objectives[a].key_results[b].kind;
                if !ck.is_numeric() {
                    self.errors.push(Error::Schema {
                        message: format!(
                            "aggregate children must have numeric values; `{child}` is a {} key result",
                            ck.kr_type().as_str()
                        ),
                        location: loc(cpath),
                    });
                }
            }
        }
    }

    fn check_steps(&mut self, path: &dyn std::fmt::Display, steps: &[Step]) {
        if steps.is_empty() {
            self.invalid(
                format!("{path}.steps"),
                "a checklist needs at least one step",
            );
        }
        if steps.len() > MAX_STEPS {
            self.errors.push(Error::Limit {
                message: format!(
                    "a checklist has at most {MAX_STEPS} steps, this one has {}; split it into several key results",
                    steps.len()
                ),
                location: loc(format!("{path}.steps")),
            });
        }
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for (n, s) in steps.iter().enumerate() {
            let spath = format!("{path}.steps[{n}]");
            self.weight(|| format!("{spath}.weight"), s.weight);
            self.text(|| format!("{spath}.title"), s.title.as_deref());
            if let Some(first) = seen.insert(&s.id, n) {
                self.errors.push(Error::DuplicateId {
                    entity: Entity::Step,
                    id: s.id.clone(),
                    first: format!("{path}.steps[{first}]"),
                    location: loc(format!("{spath}.id")),
                });
            }
        }
        if !steps.is_empty() && steps.iter().all(|s| s.weight() == 0.0) {
            self.invalid(
                format!("{path}.steps"),
                "every step has weight 0, so the checklist has no progress",
            );
        }
    }

    /// `values` are start (the baseline), commit, target and stretch.
    fn check_zones(
        &mut self,
        path: &dyn std::fmt::Display,
        kr: &KeyResult,
        values: [Option<f64>; 4],
    ) {
        let [start, commit, target, stretch] = values;
        for (name, v) in ["start", "commit", "target", "stretch"].iter().zip(values) {
            self.number(|| format!("{path}.{name}"), v);
        }
        match (start, stretch) {
            (Some(b), Some(s)) => {
                self.too_wide(path, "stretch", b, s);
                if b == s && self.policy.scoring.zero_range == ZeroRange::Reject {
                    self.errors.push(Error::ZeroRange {
                        id: kr.id.clone(),
                        value: b,
                        location: loc(format!("{path}.stretch")),
                    });
                }
                let set: Vec<f64> = values.into_iter().flatten().collect();
                let up = set.windows(2).all(|w| w[0] <= w[1]);
                let down = set.windows(2).all(|w| w[0] >= w[1]);
                if !up && !down {
                    self.invalid(
                        path.to_string(),
                        "zone values must run in one direction: start, commit, target, stretch",
                    );
                }
            }
            (None, None) if commit.is_none() && target.is_none() => {}
            _ => self.errors.push(Error::Schema {
                message: "a numeric zones key result needs both `start` (the baseline) and `stretch`; leave all four out for named zones".into(),
                location: loc(path.to_string()),
            }),
        }
    }
}
