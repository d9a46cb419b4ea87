//! What rules read: the plan, the settings, the moment, and what is worth computing
//! once (indexes, the evaluation, the alignment report).

pub(crate) use super::at::KrPath;
use super::facts::Facts;
use super::text::Features;
use crate::alignment::Graph;
use crate::engine::{AsOf, Engine, Evaluation};
use crate::error::Error;
use crate::model::Settings;
use crate::model::{Cycle, KeyResult, Plan};
use crate::name_map::NameMap;
use foldhash::HashMap;
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub settings: &'a Settings,
    pub as_of: AsOf,
    pub cycles: NameMap<&'a str, &'a Cycle>,
    /// The engine and its evaluation as of the moment, when the plan compiles.
    pub scored: Option<(&'a Engine, &'a Evaluation)>,
    /// Load problems that lint rules report themselves (direction, alignment loops).
    pub load_problems: Vec<Error>,
    alignment: OnceLock<Graph>,
    /// Handle of each objective's first key result, and the total at the end.
    kr_starts: OnceLock<Vec<usize>>,
    units_with_objectives: OnceLock<Vec<bool>>,
    facts: OnceLock<Facts<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        settings: &'a Settings,
        as_of: AsOf,
        load_problems: Vec<Error>,
        scored: Option<(&'a Engine, &'a Evaluation)>,
    ) -> Self {
        Context {
            plan,
            settings,
            as_of,
            cycles: plan.cycles.iter().map(|c| (c.id.as_str(), c)).collect(),
            scored,
            alignment: OnceLock::new(),
            kr_starts: OnceLock::new(),
            units_with_objectives: OnceLock::new(),
            load_problems,
            facts: OnceLock::new(),
        }
    }

    /// Handle of each objective's first key result, and the total at the end (from the
    /// facts when they are gathered, so that no objective is read again).
    fn kr_starts(&self) -> &[usize] {
        if let Some(facts) = self.gathered() {
            return &facts.kr_start;
        }
        self.kr_starts.get_or_init(|| {
            let mut starts = Vec::with_capacity(self.plan.objectives.len() + 1);
            let mut h = 0;
            for o in &self.plan.objectives {
                starts.push(h);
                h += o.key_results.len();
            }
            starts.push(h);
            starts
        })
    }

    /// The handles of objective `i`'s key results.
    pub fn key_results_of(&self, i: usize) -> std::ops::Range<usize> {
        let starts = self.kr_starts();
        starts[i]..starts[i + 1]
    }

    /// How many key results the plan has.
    pub fn key_result_count(&self) -> usize {
        self.kr_starts().last().copied().unwrap_or(0)
    }

    /// Key result `h`'s document path.
    pub fn kr_path(&self, h: usize) -> KrPath {
        let starts = self.kr_starts();
        let i = starts.partition_point(|&s| s <= h) - 1;
        KrPath {
            objective: i,
            key_result: h - starts[i],
        }
    }

    /// Objective `i`'s id. Read from the compiled engine when there is one: its ids
    /// sit side by side, where the plan's are spread among everything else.
    pub fn objective_id(&self, i: usize) -> &'a str {
        match self.scored {
            Some((engine, _)) => engine.objective_ids.get(i),
            None => &self.plan.objectives[i].id,
        }
    }

    /// Key result `h`'s id (from the engine when there is one, as [`Self::objective_id`]).
    pub fn kr_id(&self, h: usize) -> &'a str {
        match self.scored {
            Some((engine, _)) => engine.kr_ids.get(h),
            None => &self.key_result(h).1.id,
        }
    }

    /// Key result `h` and its objective's index.
    pub fn key_result(&self, h: usize) -> (usize, &'a KeyResult) {
        let p = self.kr_path(h);
        (
            p.objective,
            &self.plan.objectives[p.objective].key_results[p.key_result],
        )
    }

    /// The alignment graph, built the first time a rule asks for it (from the facts'
    /// units when they are gathered, so no unit name is read again).
    pub(crate) fn alignment(&self) -> &Graph {
        self.alignment.get_or_init(|| {
            let engine = self.scored.map(|(engine, _)| engine);
            match self.gathered() {
                Some(facts) => {
                    let units = (0..self.plan.objectives.len())
                        .map(|i| facts.unit_of(i))
                        .collect();
                    Graph::with_units(self.plan, engine, units, &facts.unit_index)
                }
                None => Graph::build(self.plan, engine),
            }
        })
    }

    /// Whether some objective belongs to unit `u` (by position in `units`).
    pub(crate) fn unit_has_objectives(&self, u: usize) -> bool {
        let with = self.units_with_objectives.get_or_init(|| {
            let mut with = vec![false; self.plan.units.len()];
            for u in self.alignment().unit.iter().flatten() {
                with[*u] = true;
            }
            with
        });
        with[u]
    }

    /// Names, titles and owners of every item, read once per run.
    pub fn facts(&self) -> &Facts<'a> {
        self.facts.get_or_init(|| Facts::gather(self.plan))
    }

    /// The facts, if they have been gathered.
    pub(super) fn gathered(&self) -> Option<&Facts<'a>> {
        self.facts.get()
    }

    /// Keeps facts gathered elsewhere (by the walk) for the rules that come after.
    pub(super) fn keep_facts(&self, facts: Facts<'a>) {
        // Set once: the walk gathers only when nothing has yet.
        let _ = self.facts.set(facts);
    }

    /// What the text heuristics make of key result `h`'s title.
    pub fn kr_text(&self, h: usize) -> &Features {
        &self.facts().kr_text[h]
    }
}

/// An item's position (objective index or key result handle) and its id, copied.
pub type WithId = (usize, super::Id);

/// The groups of more than `limit` items, by key order; each group's items in the
/// order given. Keys are numbers below `keys` (from [`super::facts::Facts`], or made
/// of them), so groups are counted in an array, and only the groups over the limit get
/// a vector of their own (most groups are small, and a vector each would cost more
/// than the counting). When keys are many more than the items (several numbers
/// multiplied together), they are first numbered in a table, so that memory stays in
/// proportion to the items.
///
/// `f` makes each kept item what the group holds, in the order given: that order is
/// usually the plan's, in which what `f` reads lies side by side.
pub fn groups_over<T, U>(
    items: impl IntoIterator<Item = (usize, T)>,
    keys: usize,
    limit: usize,
    mut f: impl FnMut(T) -> U,
) -> Vec<(usize, Vec<U>)> {
    let mut tagged: Vec<(usize, T)> = items.into_iter().collect();
    let mut key_of: Vec<usize> = Vec::new();
    let slots = if keys <= 4 * tagged.len() + 1024 {
        keys
    } else {
        let mut number: HashMap<usize, usize> = HashMap::default();
        for (key, _) in &mut tagged {
            *key = *number.entry(*key).or_insert_with(|| {
                key_of.push(*key);
                key_of.len() - 1
            });
        }
        key_of.len()
    };
    let mut counts = vec![0usize; slots];
    for (key, _) in &tagged {
        counts[*key] += 1;
    }
    // The position in `over` of each group over the limit.
    let mut at = vec![usize::MAX; slots];
    let mut over: Vec<(usize, Vec<U>)> = Vec::new();
    for (key, &n) in counts.iter().enumerate() {
        if n > limit {
            at[key] = over.len();
            over.push((
                key_of.get(key).copied().unwrap_or(key),
                Vec::with_capacity(n),
            ));
        }
    }
    for (key, item) in tagged {
        if let Some(group) = over.get_mut(at[key]) {
            group.1.push(f(item));
        }
    }
    if !key_of.is_empty() {
        over.sort_unstable_by_key(|g| g.0);
    }
    over
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_over_keeps_large_groups_in_key_order() {
        let items = [(1, 'b'), (0, 'a'), (1, 'c'), (2, 'd'), (0, 'e'), (1, 'f')];
        assert_eq!(
            groups_over(items, 4, 1, |c| c),
            vec![(0, vec!['a', 'e']), (1, vec!['b', 'c', 'f'])]
        );
        assert_eq!(
            groups_over(items, 4, 2, |c| c),
            vec![(1, vec!['b', 'c', 'f'])]
        );
        assert_eq!(groups_over(items, 4, 3, |c| c), vec![]);
        // Keys far more than the items are numbered first; the groups are the same.
        let far = items.map(|(k, c)| (k * 1_000_000_007, c));
        assert_eq!(
            groups_over(far, 3_000_000_021, 1, |c| c),
            vec![(0, vec!['a', 'e']), (1_000_000_007, vec!['b', 'c', 'f'])]
        );
    }
}
