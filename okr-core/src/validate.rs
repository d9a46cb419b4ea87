//! Semantic checks of a parsed plan (DESIGN §10): ids, references, numbers, dates,
//! key-result shapes and cycles. Every problem is reported with its document path.

use crate::engine::kinds::{MAX_STEPS, encode_value};
use crate::error::{Entity, Error, Location};
use crate::graph::find_cycle;
use crate::model::{CheckIn, KeyResult, KrKind, LoggedCheckIn, Plan, SCHEMA_VERSION};
use crate::policy::{Policy, ZeroRange};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Longest text accepted in a title, description, note or other free-text field.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Check-ins must fall between these years.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// All problems of `plan` under `policy`, in document order. Empty means valid.
pub fn validate(plan: &Plan, policy: &Policy) -> Vec<Error> {
    let mut v = Validator {
        plan,
        policy,
        errors: Vec::new(),
        ids: Ids::default(),
    };
    v.run();
    v.errors
}

/// The problems of `entry` as entry `n` of the plan's check-ins log, found without
/// validating the rest of the plan again (a check-in is recorded against a plan that
/// was valid when read).
pub(crate) fn validate_log_entry(plan: &Plan, entry: &LoggedCheckIn, n: usize) -> Vec<Error> {
    let policy = plan.policy();
    let mut v = Validator {
        plan,
        policy: &policy,
        errors: Vec::new(),
        ids: Ids::default(),
    };
    let id = entry.key_result.as_str();
    let kr = plan.objectives.iter().enumerate().find_map(|(a, o)| {
        let b = o.key_results.iter().position(|k| k.id == id)?;
        Some((o.key_results[b].id.as_str(), (a, b)))
    });
    if let Some((key, place)) = kr {
        v.ids.key_results.insert(key, place);
    }
    if let Some(k) = plan.kpis.iter().position(|k| k.id == id) {
        v.ids.kpis.insert(plan.kpis[k].id.as_str(), k);
    }
    v.check_log_entry(n, entry);
    v.mark_in_log(0);
    v.errors
}

#[derive(Default)]
struct Ids<'a> {
    units: HashMap<&'a str, usize>,
    cycles: HashMap<&'a str, usize>,
    objectives: HashMap<&'a str, usize>,
    /// Key result id → (objective index, key result index).
    key_results: HashMap<&'a str, (usize, usize)>,
    kpis: HashMap<&'a str, usize>,
}

struct Validator<'a> {
    plan: &'a Plan,
    policy: &'a Policy,
    errors: Vec<Error>,
    ids: Ids<'a>,
}

fn loc(path: impl Into<String>) -> Location {
    Location::at(path)
}

impl<'a> Validator<'a> {
    fn run(&mut self) {
        if self.plan.schema_version != SCHEMA_VERSION {
            self.invalid(
                "schema_version",
                format!(
                    "schema_version {} is not supported; this library reads version {SCHEMA_VERSION}",
                    self.plan.schema_version
                ),
            );
        }
        self.text(|| "name".into(), self.plan.name.as_deref());
        self.collect_ids();
        self.check_units();
        self.check_cycles();
        self.check_kpis();
        for (i, _) in self.plan.objectives.iter().enumerate() {
            self.check_objective(i);
        }
        self.check_logged_check_ins();
        self.check_alignment_cycle();
        self.check_aggregate_cycle();
    }

    fn invalid(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Error::InvalidValue {
            message: message.into(),
            location: loc(path),
        });
    }

    // Paths are built by closures, only when a check fails: a large plan has millions
    // of fields and almost never an error in them.
    fn text(&mut self, path: impl FnOnce() -> String, text: Option<&str>) {
        if let Some(t) = text {
            if t.len() > MAX_TEXT_BYTES {
                self.errors.push(Error::Limit {
                    message: format!(
                        "text of {} bytes is longer than the {MAX_TEXT_BYTES}-byte limit",
                        t.len()
                    ),
                    location: loc(path()),
                });
            }
        }
    }

    fn number(&mut self, path: impl FnOnce() -> String, value: Option<f64>) {
        if let Some(x) = value {
            if !x.is_finite() {
                self.invalid(path(), format!("must be a finite number, not {x}"));
            }
        }
    }

    fn weight(&mut self, path: impl FnOnce() -> String, value: Option<f64>) {
        match value {
            Some(w) if !w.is_finite() => {
                self.invalid(path(), format!("weight must be a finite number, not {w}"))
            }
            Some(w) if w < 0.0 => {
                self.invalid(path(), format!("weight must not be negative ({w})"))
            }
            _ => {}
        }
    }

    fn id(&mut self, path: &str, id: &str) -> bool {
        if id.trim().is_empty() {
            self.invalid(format!("{path}.id"), "id must not be empty");
            return false;
        }
        self.text(|| format!("{path}.id"), Some(id));
        true
    }

    fn register<T: Copy>(
        errors: &mut Vec<Error>,
        map: &mut HashMap<&'a str, T>,
        id: &'a str,
        value: T,
        entity: Entity,
        path: String,
        first: impl Fn(T) -> String,
    ) {
        if let Some(prev) = map.get(id) {
            errors.push(Error::DuplicateId {
                entity,
                id: id.to_owned(),
                first: first(*prev),
                location: loc(format!("{path}.id")),
            });
        } else {
            map.insert(id, value);
        }
    }

    fn collect_ids(&mut self) {
        let plan = self.plan;
        for (i, u) in plan.units.iter().enumerate() {
            if self.id(&format!("units[{i}]"), &u.id) {
                Self::register(
                    &mut self.errors,
                    &mut self.ids.units,
                    &u.id,
                    i,
                    Entity::Unit,
                    format!("units[{i}]"),
                    |p| format!("units[{p}]"),
                );
            }
        }
        for (i, c) in plan.cycles.iter().enumerate() {
            if self.id(&format!("cycles[{i}]"), &c.id) {
                Self::register(
                    &mut self.errors,
                    &mut self.ids.cycles,
                    &c.id,
                    i,
                    Entity::Cycle,
                    format!("cycles[{i}]"),
                    |p| format!("cycles[{p}]"),
                );
            }
        }
        for (i, k) in plan.kpis.iter().enumerate() {
            if self.id(&format!("kpis[{i}]"), &k.id) {
                Self::register(
                    &mut self.errors,
                    &mut self.ids.kpis,
                    &k.id,
                    i,
                    Entity::Kpi,
                    format!("kpis[{i}]"),
                    |p| format!("kpis[{p}]"),
                );
            }
        }
        let mut initiatives: HashMap<&str, String> = HashMap::new();
        for (i, o) in plan.objectives.iter().enumerate() {
            let opath = format!("objectives[{i}]");
            if self.id(&opath, &o.id) {
                Self::register(
                    &mut self.errors,
                    &mut self.ids.objectives,
                    &o.id,
                    i,
                    Entity::Objective,
                    opath.clone(),
                    |p| format!("objectives[{p}]"),
                );
            }
            for (j, kr) in o.key_results.iter().enumerate() {
                let kpath = format!("{opath}.key_results[{j}]");
                if !self.id(&kpath, &kr.id) {
                    continue;
                }
                if let Some(&k) = self.ids.kpis.get(kr.id.as_str()) {
                    self.errors.push(Error::DuplicateId {
                        entity: Entity::KeyResult,
                        id: kr.id.clone(),
                        first: format!("kpis[{k}]"),
                        location: loc(format!("{kpath}.id")),
                    });
                    continue;
                }
                Self::register(
                    &mut self.errors,
                    &mut self.ids.key_results,
                    &kr.id,
                    (i, j),
                    Entity::KeyResult,
                    kpath.clone(),
                    |(a, b)| format!("objectives[{a}].key_results[{b}]"),
                );
                for (n, ini) in kr.initiatives.iter().enumerate() {
                    let p = format!("{kpath}.initiatives[{n}]");
                    if self.id(&p, &ini.id) {
                        Self::register_path(&mut self.errors, &mut initiatives, &ini.id, p);
                    }
                }
            }
            for (n, ini) in o.initiatives.iter().enumerate() {
                let p = format!("{opath}.initiatives[{n}]");
                if self.id(&p, &ini.id) {
                    Self::register_path(&mut self.errors, &mut initiatives, &ini.id, p);
                }
            }
        }
    }

    fn register_path(
        errors: &mut Vec<Error>,
        map: &mut HashMap<&'a str, String>,
        id: &'a str,
        path: String,
    ) {
        if let Some(first) = map.get(id) {
            errors.push(Error::DuplicateId {
                entity: Entity::Initiative,
                id: id.to_owned(),
                first: first.clone(),
                location: loc(format!("{path}.id")),
            });
        } else {
            map.insert(id, path);
        }
    }

    fn reference(&mut self, path: impl FnOnce() -> String, entity: Entity, id: Option<&str>) {
        let Some(id) = id else { return };
        let known = match entity {
            Entity::Unit => self.ids.units.contains_key(id),
            Entity::Cycle => self.ids.cycles.contains_key(id),
            Entity::Objective => self.ids.objectives.contains_key(id),
            Entity::KeyResult => self.ids.key_results.contains_key(id),
            Entity::Kpi => self.ids.kpis.contains_key(id),
            Entity::Step | Entity::Initiative | Entity::Rule => true,
        };
        if !known {
            let hint = match entity {
                Entity::KeyResult if self.ids.objectives.contains_key(id) => {
                    Some("that id is an objective".to_owned())
                }
                Entity::Objective if self.ids.key_results.contains_key(id) => {
                    Some("that id is a key result; use `key_result:`".to_owned())
                }
                _ => None,
            };
            self.errors.push(Error::UnknownReference {
                entity,
                id: id.to_owned(),
                hint,
                location: loc(path()),
            });
        }
    }

    fn check_units(&mut self) {
        let plan = self.plan;
        for (i, u) in plan.units.iter().enumerate() {
            self.text(|| format!("units[{i}].name"), Some(&u.name));
            self.reference(
                || format!("units[{i}].parent"),
                Entity::Unit,
                u.parent.as_deref(),
            );
        }
        let parents: Vec<Vec<usize>> = plan
            .units
            .iter()
            .map(|u| {
                u.parent
                    .as_deref()
                    .and_then(|p| self.ids.units.get(p))
                    .copied()
                    .into_iter()
                    .collect()
            })
            .collect();
        if let Some(cycle) = find_cycle(parents.len(), |v| &parents[v]) {
            self.errors.push(Error::Cycle {
                kind: crate::error::CycleKind::UnitTree,
                ids: cycle.iter().map(|&v| plan.units[v].id.clone()).collect(),
                location: loc(format!("units[{}].parent", cycle[0])),
            });
        }
    }

    fn check_cycles(&mut self) {
        let plan = self.plan;
        for (i, c) in plan.cycles.iter().enumerate() {
            let path = format!("cycles[{i}]");
            self.text(|| format!("{path}.name"), Some(&c.name));
            if let (Some(s), Some(e)) = (c.start, c.end) {
                if e < s {
                    self.errors.push(Error::DateOrder {
                        message: format!("cycle `{}` ends ({e}) before it starts ({s})", c.id),
                        location: loc(format!("{path}.end")),
                    });
                }
            }
            self.reference(
                || format!("{path}.parent"),
                Entity::Cycle,
                c.parent.as_deref(),
            );
        }
        let parents: Vec<Vec<usize>> = plan
            .cycles
            .iter()
            .map(|c| {
                c.parent
                    .as_deref()
                    .and_then(|p| self.ids.cycles.get(p))
                    .copied()
                    .into_iter()
                    .collect()
            })
            .collect();
        if let Some(cycle) = find_cycle(parents.len(), |v| &parents[v]) {
            self.errors.push(Error::Cycle {
                kind: crate::error::CycleKind::CycleParent,
                ids: cycle.iter().map(|&v| plan.cycles[v].id.clone()).collect(),
                location: loc(format!("cycles[{}].parent", cycle[0])),
            });
        }
    }

    fn check_kpis(&mut self) {
        let plan = self.plan;
        for (i, k) in plan.kpis.iter().enumerate() {
            let path = format!("kpis[{i}]");
            self.text(|| format!("{path}.name"), Some(&k.name));
            self.number(|| format!("{path}.threshold"), k.threshold);
            self.reference(|| format!("{path}.unit"), Entity::Unit, k.unit.as_deref());
            let numeric = KrKind::Baseline { start: None };
            for (n, ci) in k.check_ins.iter().enumerate() {
                self.check_in(&|| format!("{path}.check_ins[{n}]"), ci, &numeric);
            }
        }
    }

    fn cycle_dates(&self, cycle: Option<&str>) -> (Option<NaiveDate>, Option<NaiveDate>) {
        cycle
            .and_then(|c| self.ids.cycles.get(c))
            .map(|&i| (self.plan.cycles[i].start, self.plan.cycles[i].end))
            .unwrap_or((None, None))
    }

    fn check_objective(&mut self, i: usize) {
        let o = &self.plan.objectives[i];
        let path = format!("objectives[{i}]");
        self.text(|| format!("{path}.title"), Some(&o.title));
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
            let apath = format!("{path}.aligns_to[{n}]");
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
                    location: loc(apath),
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
            self.check_key_result(
                &format!("{path}.key_results[{j}]"),
                &o.key_results[j],
                cycle,
            );
        }
    }

    fn initiative(&mut self, path: &str, ini: &crate::model::Initiative) {
        self.text(|| format!("{path}.title"), Some(&ini.title));
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

    fn check_key_result(
        &mut self,
        path: &str,
        kr: &KeyResult,
        cycle: (Option<NaiveDate>, Option<NaiveDate>),
    ) {
        self.text(|| format!("{path}.title"), Some(&kr.title));
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
                self.check_in(&|| format!("{path}.check_ins[{n}]"), ci, &kr.kind);
            }
        }
    }

    fn check_kind(&mut self, path: &str, kr: &KeyResult) {
        let zero_range = self.policy.scoring.zero_range;
        match &kr.kind {
            KrKind::Increase { start, target }
            | KrKind::Decrease { start, target }
            | KrKind::Aggregate { start, target, .. } => {
                self.number(|| format!("{path}.start"), *start);
                self.number(|| format!("{path}.target"), *target);
                let (Some(g), s) = (*target, start.unwrap_or(0.0)) else {
                    return;
                };
                if !g.is_finite() || !s.is_finite() {
                    return;
                }
                let kr_type = kr.kind.kr_type();
                if g == s {
                    if zero_range == ZeroRange::Reject {
                        self.errors.push(Error::ZeroRange {
                            id: kr.id.clone(),
                            value: g,
                            location: loc(format!("{path}.target")),
                        });
                    }
                } else if (kr_type == crate::model::KrType::Increase && g < s)
                    || (kr_type == crate::model::KrType::Decrease && g > s)
                {
                    let help = if g < s {
                        "use type `decrease`, or swap start and target"
                    } else {
                        "use type `increase`, or swap start and target"
                    };
                    self.errors.push(Error::DirectionMismatch {
                        id: kr.id.clone(),
                        kr_type: kr_type.as_str().into(),
                        start: s,
                        target: g,
                        help: help.into(),
                        location: loc(format!("{path}.target")),
                    });
                }
                if let KrKind::Aggregate { of, .. } = &kr.kind {
                    if of.is_empty() {
                        self.invalid(
                            format!("{path}.of"),
                            "an aggregate needs at least one child key result",
                        );
                    }
                    for (n, child) in of.iter().enumerate() {
                        let cpath = format!("{path}.of[{n}]");
                        if child == &kr.id {
                            self.errors.push(Error::Cycle {
                                kind: crate::error::CycleKind::Aggregate,
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
                                    message: format!("aggregate children must have numeric values; `{child}` is a {} key result", ck.kr_type().as_str()),
                                    location: loc(cpath),
                                });
                            }
                        }
                    }
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
            KrKind::Checklist { steps } => {
                if steps.is_empty() {
                    self.invalid(
                        format!("{path}.steps"),
                        "a checklist needs at least one step",
                    );
                }
                if steps.len() > MAX_STEPS {
                    self.errors.push(Error::Limit {
                        message: format!("a checklist has at most {MAX_STEPS} steps, this one has {}; split it into several key results", steps.len()),
                        location: loc(format!("{path}.steps")),
                    });
                }
                let mut seen: HashMap<&str, usize> = HashMap::new();
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
            KrKind::Zones {
                start,
                commit,
                target,
                stretch,
            } => {
                for (name, v) in [
                    ("start", start),
                    ("commit", commit),
                    ("target", target),
                    ("stretch", stretch),
                ] {
                    self.number(|| format!("{path}.{name}"), *v);
                }
                match (start, stretch) {
                    (Some(b), Some(s)) => {
                        if b == s && zero_range == ZeroRange::Reject {
                            self.errors.push(Error::ZeroRange { id: kr.id.clone(), value: *b, location: loc(format!("{path}.stretch")) });
                        }
                        let values: Vec<f64> = [Some(*b), *commit, *target, Some(*s)].into_iter().flatten().collect();
                        let up = values.windows(2).all(|w| w[0] <= w[1]);
                        let down = values.windows(2).all(|w| w[0] >= w[1]);
                        if !up && !down {
                            self.invalid(path.to_owned(), "zone values must run in one direction: start, commit, target, stretch");
                        }
                    }
                    (None, None) if commit.is_none() && target.is_none() => {}
                    _ => self.errors.push(Error::Schema {
                        message: "a numeric zones key result needs both `start` (the baseline) and `stretch`; leave all four out for named zones".into(),
                        location: loc(path.to_owned()),
                    }),
                }
            }
            KrKind::Baseline { start } => self.number(|| format!("{path}.start"), *start),
        }
    }

    fn check_in(&mut self, path: &dyn Fn() -> String, ci: &CheckIn, kind: &KrKind) {
        let year = chrono::Datelike::year(&ci.at.date());
        if !YEARS.contains(&year) {
            self.invalid(
                format!("{}.at", path()),
                format!(
                    "check-in date {} is outside the years {}–{}",
                    ci.at,
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
        if let Some(c) = ci.confidence {
            if !(0.0..=1.0).contains(&c) {
                self.invalid(format!("{}.confidence", path()), format!("confidence is a share from 0 to 1, not {c} (a 0–10 score s is written s/10)"));
            }
        }
        self.text(|| format!("{}.note", path()), ci.note.as_deref());
        if let Err(message) = encode_value(kind, &ci.value) {
            self.errors.push(Error::InvalidValue {
                message,
                location: loc(format!("{}.value", path())),
            });
        }
    }

    fn check_logged_check_ins(&mut self) {
        let first = self.errors.len();
        for (n, l) in self.plan.logged_check_ins.iter().enumerate() {
            self.check_log_entry(n, l);
        }
        self.mark_in_log(first);
    }

    /// Everything found from error `first` on points into the log, not the plan.
    fn mark_in_log(&mut self, first: usize) {
        for e in &mut self.errors[first..] {
            if let Some(l) = e.location_mut() {
                l.document = crate::error::DocumentKind::Log;
            }
        }
    }

    fn check_log_entry(&mut self, n: usize, l: &LoggedCheckIn) {
        let plan = self.plan;
        let path = format!("check_ins_file[{n}]");
        let kind = if let Some(&(a, b)) = self.ids.key_results.get(l.key_result.as_str()) {
            let kr = &plan.objectives[a].key_results[b];
            if matches!(kr.kind, KrKind::Aggregate { .. }) || kr.kpi.is_some() {
                self.errors.push(Error::Schema {
                    message: format!(
                        "key result `{}` takes its values from elsewhere; it cannot have check-ins",
                        kr.id
                    ),
                    location: loc(format!("{path}.key_result")),
                });
                return;
            }
            kr.kind.clone()
        } else if self.ids.kpis.contains_key(l.key_result.as_str()) {
            KrKind::Baseline { start: None }
        } else {
            self.errors.push(Error::UnknownReference {
                entity: Entity::KeyResult,
                id: l.key_result.clone(),
                hint: None,
                location: loc(format!("{path}.key_result")),
            });
            return;
        };
        self.check_in(&|| path.clone(), &l.check_in(), &kind);
    }

    fn check_alignment_cycle(&mut self) {
        let plan = self.plan;
        let parents: Vec<Vec<usize>> = plan
            .objectives
            .iter()
            .map(|o| {
                o.aligns_to
                    .iter()
                    .filter_map(|a| match (&a.objective, &a.key_result) {
                        (Some(obj), _) => self.ids.objectives.get(obj.as_str()).copied(),
                        (None, Some(kr)) => {
                            self.ids.key_results.get(kr.as_str()).map(|&(oi, _)| oi)
                        }
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        if let Some(cycle) = find_cycle(parents.len(), |v| &parents[v]) {
            self.errors.push(Error::Cycle {
                kind: crate::error::CycleKind::Alignment,
                ids: cycle
                    .iter()
                    .map(|&v| plan.objectives[v].id.clone())
                    .collect(),
                location: loc(format!("objectives[{}].aligns_to", cycle[0])),
            });
        }
    }

    fn check_aggregate_cycle(&mut self) {
        let plan = self.plan;
        let all: Vec<(usize, usize)> = plan
            .objectives
            .iter()
            .enumerate()
            .flat_map(|(i, o)| (0..o.key_results.len()).map(move |j| (i, j)))
            .collect();
        let handle: HashMap<(usize, usize), usize> =
            all.iter().enumerate().map(|(h, &p)| (p, h)).collect();
        let children: Vec<Vec<usize>> = all
            .iter()
            .map(|&(i, j)| match &plan.objectives[i].key_results[j].kind {
                KrKind::Aggregate { of, .. } => of
                    .iter()
                    .filter_map(|c| self.ids.key_results.get(c.as_str()))
                    .filter_map(|p| handle.get(p).copied())
                    .filter(|&h| all[h] != (i, j))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        if let Some(cycle) = find_cycle(children.len(), |v| &children[v]) {
            let (i, j) = all[cycle[0]];
            self.errors.push(Error::Cycle {
                kind: crate::error::CycleKind::Aggregate,
                ids: cycle
                    .iter()
                    .map(|&h| plan.objectives[all[h].0].key_results[all[h].1].id.clone())
                    .collect(),
                location: loc(format!("objectives[{i}].key_results[{j}].of")),
            });
        }
    }
}
