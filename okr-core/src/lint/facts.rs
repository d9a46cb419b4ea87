//! What rules read of every objective and key result, gathered in one pass over the
//! plan.
//!
//! The grouping rules (too many objectives per owner, key results per owner, moonshots
//! per unit, churn per unit and cycle) and the wording rules each used to read the
//! names and titles of every item. Each of those is a small heap block of its own, so
//! each pass cost a cache miss per item. Here each is read once: names become small
//! integers (equal names, equal numbers), titles become [`Features`].

use super::at::{KrPath, Suppressed};
use super::text::{Features, ObjectiveTitle};
use crate::model::{Commitment, Cycle, Objective, ObjectiveState, Plan};
use crate::name_map::NameMap;

/// How many objectives are touched ahead of reading them ([`touch`]).
pub(super) const BATCH: usize = 8;

/// Reads the first byte of every name in `batch`, the first and last bytes of every
/// title (a title is read whole, and may cross into a second cache line), and the
/// lines of the key results' records that rules read, so that their cache misses
/// overlap: each is a heap block of its own, and read one after another, each miss
/// would wait for the one before.
pub(super) fn touch(batch: &[Objective]) {
    let first = |s: Option<&str>| s.and_then(|s| s.as_bytes().first().copied()).unwrap_or(0);
    let ends = |s: &str| first(Some(s)) ^ s.as_bytes().last().copied().unwrap_or(0);
    let mut seen = 0u8;
    for o in batch {
        seen ^= ends(&o.title)
            ^ first(o.owner.as_deref())
            ^ first(o.unit.as_deref())
            ^ first(o.cycle.as_deref());
        for k in &o.key_results {
            seen ^= ends(&k.title) ^ first(k.owner.as_deref());
            // The record's other lines the rules read: its kind, due date, check-ins
            // and `lint_ignore`.
            seen ^= u8::from(matches!(k.kind, crate::model::KrKind::Milestone))
                ^ u8::from(k.due.is_some())
                ^ k.check_ins.len() as u8
                ^ k.lint_ignore.len() as u8;
        }
    }
    std::hint::black_box(seen);
}

/// Adds (place, rule) for every `lint_ignore` entry of objective `i`, `o`, and of its
/// key results.
fn ignored<'a>(out: &mut Vec<(Suppressed, &'a str)>, i: usize, o: &'a Objective) {
    out.extend(
        o.lint_ignore
            .iter()
            .map(|s| (Suppressed::Objective(i), s.rule.as_str())),
    );
    for (j, k) in o.key_results.iter().enumerate() {
        let path = KrPath {
            objective: i,
            key_result: j,
        };
        out.extend(
            k.lint_ignore
                .iter()
                .map(|s| (Suppressed::KeyResult(path), s.rule.as_str())),
        );
    }
}

/// (place, rule) for every `lint_ignore` entry of `plan`, for when no walk gathered
/// them.
pub(super) fn suppressions(plan: &Plan) -> Vec<(Suppressed, &str)> {
    let mut out = Vec::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        ignored(&mut out, i, o);
    }
    out
}

/// The number of no name.
pub const NONE: u32 = u32::MAX;

/// Names interned in first-seen order: `names[n]` is the name numbered `n`.
///
/// The name numbered last is remembered: plans list an owner's, a unit's and a
/// cycle's objectives together, so most names are the one just seen, and comparing
/// with it costs less than a lookup in a table as large as the plan's owners.
#[derive(Debug, Default)]
pub struct Names<'a> {
    pub names: Vec<&'a str>,
    numbers: NameMap<&'a str, u32>,
    last: Option<(&'a str, u32)>,
}

impl<'a> Names<'a> {
    /// The name numbered `n` (`None` for [`NONE`]).
    #[cfg(test)]
    pub fn name(&self, n: u32) -> Option<&'a str> {
        self.names.get(n as usize).copied()
    }

    fn number(&mut self, name: Option<&'a str>) -> u32 {
        let Some(name) = name else {
            return NONE;
        };
        if let Some((last, n)) = self.last
            && last == name
        {
            return n;
        }
        let next = self.names.len() as u32;
        let n = *self.numbers.get_or_insert(name, next);
        if n == next {
            self.names.push(name);
        }
        self.last = Some((name, n));
        n
    }
}

#[derive(Debug)]
pub struct Facts<'a> {
    /// Per objective, by position.
    pub objective_text: Vec<Features>,
    pub objective_title: Vec<ObjectiveTitle>,
    pub objective_owner: Vec<u32>,
    pub objective_unit: Vec<u32>,
    pub objective_cycle: Vec<u32>,
    pub objective_state: Vec<ObjectiveState>,
    pub objective_commitment: Vec<Option<Commitment>>,
    /// Handle of each objective's first key result, and the total at the end.
    pub kr_start: Vec<usize>,
    /// Per key result, by handle (document order).
    pub kr_text: Vec<Features>,
    /// The key result's owner, or its objective's when it names none.
    pub kr_owner: Vec<u32>,
    pub owners: Names<'a>,
    pub units: Names<'a>,
    pub cycles: Names<'a>,
    /// The plan's cycle of each cycle number (`None` for a name no cycle has).
    pub cycle_defs: Vec<Option<&'a Cycle>>,
    /// The position in the plan's `units` of each unit number (`None` for a name no
    /// unit has).
    pub unit_defs: Vec<Option<usize>>,
    /// The position of each unit in `units`, by id.
    pub(crate) unit_index: NameMap<&'a str, usize>,
    /// (place, rule) for every `lint_ignore` entry.
    pub(crate) suppressed: Vec<(Suppressed, &'a str)>,
}

impl<'a> Facts<'a> {
    /// The facts of every item of `plan`.
    pub fn gather(plan: &'a Plan) -> Facts<'a> {
        let mut facts = Facts::with_capacity_for(plan);
        for batch in plan.objectives.chunks(BATCH) {
            touch(batch);
            facts.add(plan, batch);
        }
        facts
    }

    /// No facts yet, with room for those of `plan`.
    pub(super) fn with_capacity_for(plan: &'a Plan) -> Facts<'a> {
        let objectives = plan.objectives.len();
        let key_results: usize = plan.objectives.iter().map(|o| o.key_results.len()).sum();
        Facts {
            objective_text: Vec::with_capacity(objectives),
            objective_title: Vec::with_capacity(objectives),
            objective_owner: Vec::with_capacity(objectives),
            objective_unit: Vec::with_capacity(objectives),
            objective_cycle: Vec::with_capacity(objectives),
            objective_state: Vec::with_capacity(objectives),
            objective_commitment: Vec::with_capacity(objectives),
            kr_start: {
                let mut starts = Vec::with_capacity(objectives + 1);
                starts.push(0);
                starts
            },
            kr_text: Vec::with_capacity(key_results),
            kr_owner: Vec::with_capacity(key_results),
            owners: Names::default(),
            units: Names::default(),
            cycles: Names::default(),
            cycle_defs: Vec::new(),
            unit_defs: Vec::new(),
            unit_index: crate::alignment::unit_index(plan),
            suppressed: Vec::new(),
        }
    }

    /// Adds the facts of `batch`, the next objectives of `plan`, and of their key
    /// results.
    ///
    /// Names are numbered for the whole batch first: each lookup may miss the cache
    /// (a large plan has as many owners as objectives), and lookups made one after
    /// another overlap their misses, where one per objective, between readings of
    /// titles, would each wait alone.
    pub(super) fn add(&mut self, plan: &'a Plan, batch: &'a [Objective]) {
        for o in batch {
            let owner = self.owners.number(o.owner.as_deref());
            self.objective_owner.push(owner);
            let unit = self.units.number(o.unit.as_deref());
            self.objective_unit.push(unit);
            if let Some(&name) = self.units.names.get(self.unit_defs.len()) {
                self.unit_defs.push(self.unit_index.get(name).copied());
            }
            let cycle = self.cycles.number(o.cycle.as_deref());
            self.objective_cycle.push(cycle);
            if let Some(&name) = self.cycles.names.get(self.cycle_defs.len()) {
                self.cycle_defs
                    .push(plan.cycles.iter().find(|c| c.id == name));
            }
            for k in &o.key_results {
                let own = match k.owner.as_deref() {
                    Some(name) => self.owners.number(Some(name)),
                    None => owner,
                };
                self.kr_owner.push(own);
            }
        }
        for o in batch {
            self.objective_text.push(Features::of(&o.title));
            self.objective_title.push(ObjectiveTitle::of(&o.title));
            self.objective_state.push(o.state());
            self.objective_commitment.push(o.commitment);
            let i = self.objective_state.len() - 1;
            ignored(&mut self.suppressed, i, o);
            for k in &o.key_results {
                self.kr_text.push(Features::of(&k.title));
            }
            self.kr_start.push(self.kr_text.len());
        }
    }

    /// How many values [`Facts::cycle_slot`] takes.
    pub fn cycle_slots(&self) -> usize {
        self.cycles.names.len() + 1
    }

    /// A cycle number as a dense key: 0 for no cycle, 1 + the number otherwise.
    pub fn cycle_slot(cycle: u32) -> usize {
        cycle.wrapping_add(1) as usize
    }

    /// The unit objective `i` belongs to (by position in `units`), when it names one the
    /// plan has.
    pub fn unit_of(&self, i: usize) -> Option<usize> {
        self.unit_defs
            .get(self.objective_unit[i] as usize)
            .copied()
            .flatten()
    }

    /// The cycle objective `i` belongs to, when it names one the plan has.
    pub fn cycle_of(&self, i: usize) -> Option<&'a Cycle> {
        self.cycle_defs
            .get(self.objective_cycle[i] as usize)
            .copied()
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{KeyResult, KrKind, Objective};

    #[test]
    fn names_are_numbered_once_and_key_results_inherit_owners() {
        let mut plan = Plan::default();
        for (id, owner, unit) in [
            ("a", Some("ann"), "sales"),
            ("b", None, "sales"),
            ("c", Some("ann"), "eng"),
        ] {
            let mut o = Objective::new(id, format!("Objective {id}"));
            o.owner = owner.map(str::to_owned);
            o.unit = Some(unit.to_owned());
            let mut own = KeyResult::new(format!("{id}1"), "Sign 5 deals", KrKind::Milestone);
            own.owner = Some("bo".to_owned());
            o.key_results = vec![
                KeyResult::new(format!("{id}0"), "Sign 5 deals", KrKind::Milestone),
                own,
            ];
            plan.objectives.push(o);
        }
        let facts = Facts::gather(&plan);
        assert_eq!(facts.owners.names, ["ann", "bo"]);
        assert_eq!(facts.objective_owner, [0, NONE, 0]);
        assert_eq!(facts.kr_owner, [0, 1, NONE, 1, 0, 1]);
        assert_eq!(facts.objective_unit, [0, 0, 1]);
        assert_eq!(facts.objective_cycle, [NONE; 3]);
        assert_eq!(facts.units.name(1), Some("eng"));
        assert_eq!(facts.units.name(NONE), None);
        assert_eq!(facts.kr_text[0], Features::of("Sign 5 deals"));
    }
}
