//! Objectives and key results: texts, weights, references, dates, phases, initiatives.

use super::{Place, Validator, loc};
use crate::error::{Entity, Error};
use crate::model::{KeyResult, KrKind};
use chrono::NaiveDate;
use std::fmt::Display;

impl Validator<'_> {
    pub(super) fn check_objective(&mut self, i: usize) {
        let o = &self.plan.objectives[i];
        let path = Place::Objective(i);
        self.required_text(|| format!("{path}.title"), &o.title);
        self.text(|| format!("{path}.description"), o.description.as_deref());
        self.text(|| format!("{path}.closing_note"), o.closing_note.as_deref());
        self.reference(|| format!("{path}.unit"), Entity::Unit, o.unit.as_deref());
        self.reference(
            || format!("{path}.cycle"),
            Entity::Cycle,
            o.cycle.as_deref(),
        );
        self.weight(|| format!("{path}.weight"), o.weight);
        match o.score {
            Some(s) if !s.is_finite() || s < 0.0 => self.invalid(
                format!("{path}.score"),
                format!("score must be a finite number of at least 0, not {s}"),
            ),
            _ => {}
        }
        if self.policy.alignment.single_parent && o.aligns_to.len() > 1 {
            self.errors.push(Error::Schema {
                message: format!(
                    "objective `{}` has {} parents, but the policy allows one (single_parent)",
                    o.id,
                    o.aligns_to.len()
                ),
                location: loc(format!("{path}.aligns_to[1]")),
            });
        }
        for (n, a) in o.aligns_to.iter().enumerate() {
            let apath = Place::Link(i, n);
            self.weight(|| format!("{apath}.weight"), a.weight);
            match (&a.objective, &a.key_result) {
                (Some(obj), None) => self.reference(
                    || format!("{apath}.objective"),
                    Entity::Objective,
                    Some(obj),
                ),
                (None, Some(kr)) => self.reference(
                    || format!("{apath}.key_result"),
                    Entity::KeyResult,
                    Some(kr),
                ),
                _ => self.errors.push(Error::Schema {
                    message: "an alignment link names exactly one of `objective` or `key_result`"
                        .into(),
                    location: loc(apath.to_string()),
                }),
            }
        }
        for (n, ini) in o.initiatives.iter().enumerate() {
            self.initiative(&format!("{path}.initiatives[{n}]"), ini);
        }
        let weights: Vec<f64> = o.key_results.iter().map(KeyResult::weight).collect();
        if !weights.is_empty() && weights.iter().all(|w| *w == 0.0) {
            self.invalid(
                format!("{path}.key_results"),
                format!(
                    "every key result of objective `{}` has weight 0, so it has no progress",
                    o.id
                ),
            );
        }
        let cycle = self.cycle_dates(o.cycle.as_deref());
        for j in 0..o.key_results.len() {
            self.check_key_result(&Place::KeyResult(i, j), &o.key_results[j], cycle);
        }
    }

    pub(super) fn initiative(&mut self, path: &dyn Display, ini: &crate::model::Initiative) {
        self.required_text(|| format!("{path}.title"), &ini.title);
        self.weight(|| format!("{path}.weight"), ini.weight);
        if let Some(p) = ini.progress {
            if !(0.0..=1.0).contains(&p) {
                self.invalid(
                    format!("{path}.progress"),
                    format!("progress is a share from 0 to 1, not {p}"),
                );
            }
        }
    }

    pub(super) fn check_key_result(
        &mut self,
        path: &dyn Display,
        kr: &KeyResult,
        cycle: (Option<NaiveDate>, Option<NaiveDate>),
    ) {
        self.required_text(|| format!("{path}.title"), &kr.title);
        self.weight(|| format!("{path}.weight"), kr.weight);
        self.reference(|| format!("{path}.unit"), Entity::Unit, kr.unit.as_deref());
        self.reference(|| format!("{path}.kpi"), Entity::Kpi, kr.kpi.as_deref());
        self.check_kind(path, kr);
        if let (Some(due), Some(start)) = (kr.due, cycle.0) {
            if due < start {
                self.errors.push(Error::DateOrder {
                    message: format!(
                        "key result `{}` is due ({due}) before its cycle starts ({start})",
                        kr.id
                    ),
                    location: loc(format!("{path}.due")),
                });
            }
        }
        for (n, ph) in kr.phases.iter().enumerate() {
            let ppath = format!("{path}.phases[{n}]");
            self.number(|| format!("{ppath}.target"), Some(ph.target));
            if n > 0 && ph.at <= kr.phases[n - 1].at {
                self.errors.push(Error::DateOrder {
                    message: format!(
                        "phases must be in date order: {} does not come after {}",
                        ph.at,
                        kr.phases[n - 1].at
                    ),
                    location: loc(format!("{ppath}.at")),
                });
            }
        }
        if !kr.phases.is_empty()
            && !matches!(
                kr.kind,
                KrKind::Increase { .. } | KrKind::Decrease { .. } | KrKind::Aggregate { .. }
            )
        {
            self.errors.push(Error::Schema {
                message: format!(
                    "phased targets apply to increase, decrease and aggregate key results, not {}",
                    kr.kind.kr_type().as_str()
                ),
                location: loc(format!("{path}.phases")),
            });
        }
        for (n, ini) in kr.initiatives.iter().enumerate() {
            self.initiative(&format!("{path}.initiatives[{n}]"), ini);
        }
        if matches!(kr.kind, KrKind::Aggregate { .. }) && !kr.check_ins.is_empty() {
            self.errors.push(Error::Schema {
                message: format!("aggregate key result `{}` takes its values from `of`; it cannot have check-ins", kr.id),
                location: loc(format!("{path}.check_ins")),
            });
        } else if kr.kpi.is_some() && !kr.check_ins.is_empty() {
            self.errors.push(Error::Schema {
                message: format!("key result `{}` takes its values from KPI `{}`; it cannot have check-ins of its own", kr.id, kr.kpi.as_deref().unwrap_or_default()),
                location: loc(format!("{path}.check_ins")),
            });
        } else {
            for (n, ci) in kr.check_ins.iter().enumerate() {
                self.check_in(&|| format!("{path}.check_ins[{n}]"), ci.into(), &kr.kind);
            }
        }
    }
}
