//! Ids: each registered once per kind (a second use is a duplicate), and references
//! resolved against them.

use super::{Validator, loc};
use crate::error::{Entity, Error};
use crate::model::Plan;
use foldhash::HashMap;

/// Where each id is first used.
#[derive(Default)]
pub(super) struct Ids<'a> {
    pub(super) units: HashMap<&'a str, usize>,
    pub(super) cycles: HashMap<&'a str, usize>,
    pub(super) objectives: HashMap<&'a str, usize>,
    /// Key result id → (objective index, key result index).
    pub(super) key_results: HashMap<&'a str, (usize, usize)>,
    pub(super) kpis: HashMap<&'a str, usize>,
}

impl<'a> Ids<'a> {
    /// Just the key result (or KPI) a log entry names, found by a scan.
    pub(super) fn for_entry(plan: &'a Plan, id: &str) -> Ids<'a> {
        let mut ids = Ids::default();
        let kr = plan.objectives.iter().enumerate().find_map(|(a, o)| {
            let b = o.key_results.iter().position(|k| k.id == id)?;
            Some((o.key_results[b].id.as_str(), (a, b)))
        });
        if let Some((key, place)) = kr {
            ids.key_results.insert(key, place);
        }
        if let Some(k) = plan.kpis.iter().position(|k| k.id == id) {
            ids.kpis.insert(plan.kpis[k].id.as_str(), k);
        }
        ids
    }
}

impl<'a> Validator<'a> {
    /// Checks an id; `path` (made only for an error) is where its record is.
    pub(super) fn id(&mut self, path: &dyn Fn() -> String, id: &str) -> bool {
        if id.trim().is_empty() {
            self.invalid(format!("{}.id", path()), "id must not be empty");
            return false;
        }
        if let Some((at, c)) = crate::safe_text::first_hidden(id) {
            self.invalid(
                format!("{}.id", path()),
                format!(
                    "id `{}` holds the invisible character U+{:04X} at character {}; ids may \
                     not hold control, bidirectional or zero-width characters (two ids \
                     that look the same must be the same)",
                    crate::safe_text::for_terminal(id),
                    c as u32,
                    at + 1
                ),
            );
            return false;
        }
        self.text(|| format!("{}.id", path()), Some(id));
        true
    }

    pub(super) fn register<T: Copy>(
        errors: &mut Vec<Error>,
        map: &mut HashMap<&'a str, T>,
        id: &'a str,
        value: T,
        entity: Entity,
        path: &dyn Fn() -> String,
        first: impl Fn(T) -> String,
    ) {
        if let Some(prev) = map.get(id) {
            errors.push(Error::DuplicateId {
                entity,
                id: id.to_owned(),
                first: first(*prev),
                location: loc(format!("{}.id", path())),
            });
        } else {
            map.insert(id, value);
        }
    }

    /// Registers the ids of the top-level list `list` (`units`, `cycles`, `kpis`) in
    /// the map `map` picks.
    fn register_list(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a str>,
        entity: Entity,
        map: for<'m> fn(&'m mut Ids<'a>) -> &'m mut HashMap<&'a str, usize>,
    ) {
        for (i, id) in ids.enumerate() {
            // Paths are made only for an error: a valid plan of 100,000 objectives
            // would otherwise build half a million strings here.
            let path = || format!("{list}[{i}]");
            if self.id(&path, id) {
                Self::register(
                    &mut self.errors,
                    map(&mut self.ids),
                    id,
                    i,
                    entity,
                    &path,
                    |p| format!("{list}[{p}]"),
                );
            }
        }
    }

    pub(super) fn collect_ids(&mut self) {
        let plan = self.plan;
        let units = plan.units.iter().map(|u| u.id.as_str());
        self.register_list("units", units, Entity::Unit, |ids| &mut ids.units);
        let cycles = plan.cycles.iter().map(|c| c.id.as_str());
        self.register_list("cycles", cycles, Entity::Cycle, |ids| &mut ids.cycles);
        let kpis = plan.kpis.iter().map(|k| k.id.as_str());
        self.register_list("kpis", kpis, Entity::Kpi, |ids| &mut ids.kpis);
        let mut initiatives: HashMap<&str, String> = HashMap::default();
        for (i, o) in plan.objectives.iter().enumerate() {
            let opath = || format!("objectives[{i}]");
            if self.id(&opath, &o.id) {
                Self::register(
                    &mut self.errors,
                    &mut self.ids.objectives,
                    &o.id,
                    i,
                    Entity::Objective,
                    &opath,
                    |p| format!("objectives[{p}]"),
                );
            }
            for (j, kr) in o.key_results.iter().enumerate() {
                let kpath = || format!("objectives[{i}].key_results[{j}]");
                if !self.id(&kpath, &kr.id) {
                    continue;
                }
                if let Some(&k) = self.ids.kpis.get(kr.id.as_str()) {
                    self.errors.push(Error::DuplicateId {
                        entity: Entity::KeyResult,
                        id: kr.id.clone(),
                        first: format!("kpis[{k}]"),
                        location: loc(format!("{}.id", kpath())),
                    });
                    continue;
                }
                Self::register(
                    &mut self.errors,
                    &mut self.ids.key_results,
                    &kr.id,
                    (i, j),
                    Entity::KeyResult,
                    &kpath,
                    |(a, b)| format!("objectives[{a}].key_results[{b}]"),
                );
                for (n, ini) in kr.initiatives.iter().enumerate() {
                    let p = format!("{}.initiatives[{n}]", kpath());
                    if self.id(&|| p.clone(), &ini.id) {
                        Self::register_path(&mut self.errors, &mut initiatives, &ini.id, p);
                    }
                }
            }
            for (n, ini) in o.initiatives.iter().enumerate() {
                let p = format!("{}.initiatives[{n}]", opath());
                if self.id(&|| p.clone(), &ini.id) {
                    Self::register_path(&mut self.errors, &mut initiatives, &ini.id, p);
                }
            }
        }
    }

    pub(super) fn register_path(
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

    pub(super) fn reference(
        &mut self,
        path: impl FnOnce() -> String,
        entity: Entity,
        id: Option<&str>,
    ) {
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
                // A near id is looked for among the first problems only: each look
                // is a pass over every id, and a plan with thousands of broken
                // references must still be checked in moments.
                _ if self.errors.len() < 50 => {
                    let ids: Vec<&str> = match entity {
                        Entity::Unit => self.ids.units.keys().copied().collect(),
                        Entity::Cycle => self.ids.cycles.keys().copied().collect(),
                        Entity::Objective => self.ids.objectives.keys().copied().collect(),
                        Entity::KeyResult => self.ids.key_results.keys().copied().collect(),
                        Entity::Kpi => self.ids.kpis.keys().copied().collect(),
                        _ => Vec::new(),
                    };
                    // Sorted, so that of two equally near ids the same one is named
                    // on every run.
                    let mut ids = ids;
                    ids.sort_unstable();
                    crate::suggest::closest(id, ids).map(|near| format!("did you mean `{near}`?"))
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
}
