//! Alignment analysis (DESIGN §5): the tree, orphans, depth, skipped levels, line of
//! sight to the top, and how well each parent's key results are covered by children.
//!
//! Runs on any plan; unknown ids are ignored (validation reports them) and walks are
//! iterative with a step bound, so neither depth nor a loop can overflow or hang.

use crate::engine::Engine;
use crate::graph::post_order;
use crate::model::{Plan, UnitKind};
use crate::name_map::NameMap;
use foldhash::{HashMap, HashSet};
use serde::Serialize;

/// The alignment analysis of a plan (DESIGN §5).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignmentReport {
    /// Objectives with no parent, in document order: the tops of the tree.
    pub roots: Vec<String>,
    /// Non-company objectives with no parent.
    pub orphans: Vec<String>,
    /// Every objective, in document order, with its place in the graph.
    pub objectives: Vec<AlignedObjective>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

/// One objective's place in the alignment graph.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AlignedObjective {
    /// The objective's id.
    pub id: String,
    /// Its org unit, when it names one.
    pub unit: Option<String>,
    /// Objectives this one aligns to (directly or through one of their key results).
    pub parents: Vec<String>,
    /// Objectives aligned to this one.
    pub children: Vec<String>,
    /// Links up to a root along first parents (0 for a root).
    pub depth: usize,
    /// A non-company objective that aligns to nothing.
    pub orphan: bool,
    /// Alignments that jump over units of the org tree.
    pub skipped_levels: Vec<SkippedLevel>,
    /// How many of this objective's key results children contribute to; `None` when
    /// nothing aligns to it.
    pub coverage: Option<Coverage>,
}

/// An alignment that jumps over a level of the unit tree (a team straight to the company).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SkippedLevel {
    /// The parent objective aligned to.
    pub parent: String,
    /// The units between this objective's unit and the parent's, nearest first.
    pub skipped_units: Vec<String>,
}

/// How much of an objective's key results the objectives below contribute to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Coverage {
    /// How many key results the objective has.
    pub key_results: usize,
    /// Key results at least one child objective aligns to.
    pub covered: usize,
    /// The share of them with at least one contributing child (0–1).
    pub share: f64,
    /// The ids of those with none.
    pub uncovered: Vec<String>,
}

impl AlignmentReport {
    /// The analysis of the objective `id`.
    pub fn objective(&self, id: &str) -> Option<&AlignedObjective> {
        self.index.get(id).map(|&i| &self.objectives[i])
    }

    /// The path from `id` up to the top along first parents, `id` first ("line of
    /// sight"). Computed on demand: kept for every objective, paths would take space
    /// quadratic in the depth of the tree.
    pub fn line_of_sight(&self, id: &str) -> Vec<String> {
        let mut path = Vec::new();
        let mut at = self.objective(id);
        while let Some(o) = at {
            if path.len() > self.objectives.len() {
                break;
            }
            path.push(o.id.clone());
            at = o.parents.first().and_then(|p| self.objective(p));
        }
        path
    }
}

/// The alignment graph over dense indices (objectives and units by position in the
/// plan), which the report and the lint rules both read.
#[derive(Debug)]
pub(crate) struct Graph {
    parent_offsets: Vec<usize>,
    parent_list: Vec<usize>,
    child_offsets: Vec<usize>,
    child_list: Vec<usize>,
    /// Each objective's unit, when it names one that exists.
    pub unit: Vec<Option<usize>>,
    pub unit_parent: Vec<Option<usize>>,
    pub unit_kind: Vec<UnitKind>,
}

impl Graph {
    /// The graph of `plan`; `engine`, compiled from it, has the links resolved already.
    pub fn build(plan: &Plan, engine: Option<&Engine>) -> Graph {
        let unit_index: NameMap<&str, usize> = unit_index(plan);
        let unit = plan
            .objectives
            .iter()
            .map(|o| o.unit.as_deref().and_then(|u| unit_index.get(u).copied()))
            .collect();
        Graph::with_units(plan, engine, unit, &unit_index)
    }

    /// The graph, given each objective's unit (by position in `units`) already found,
    /// and the units' positions by id ([`unit_index`]).
    pub fn with_units(
        plan: &Plan,
        engine: Option<&Engine>,
        unit: Vec<Option<usize>>,
        unit_index: &NameMap<&str, usize>,
    ) -> Graph {
        let n = plan.objectives.len();
        let (parent_offsets, parent_list) = match engine {
            Some(engine) => parents_from_engine(engine, n),
            None => parents_from_plan(plan),
        };
        // Children grouped by parent, each group in document order (a counting sort).
        let mut child_offsets = vec![0usize; n + 1];
        for &p in &parent_list {
            child_offsets[p + 1] += 1;
        }
        for i in 0..n {
            child_offsets[i + 1] += child_offsets[i];
        }
        let mut fill = child_offsets.clone();
        let mut child_list = vec![0usize; parent_list.len()];
        for c in 0..n {
            for &p in &parent_list[parent_offsets[c]..parent_offsets[c + 1]] {
                child_list[fill[p]] = c;
                fill[p] += 1;
            }
        }

        Graph {
            parent_offsets,
            parent_list,
            child_offsets,
            child_list,
            unit,
            unit_parent: plan
                .units
                .iter()
                .map(|u| u.parent.as_deref().and_then(|p| unit_index.get(p).copied()))
                .collect(),
            unit_kind: plan.units.iter().map(|u| u.kind).collect(),
        }
    }

    /// Links up to a root along first parents, per objective (what the report shows;
    /// the lint rules do not need it, so it is not part of building the graph).
    pub fn depths(&self) -> Vec<usize> {
        let n = self.unit.len();
        let mut depth = vec![0usize; n];
        // Parents before children, so a depth is known before it is needed.
        let order = post_order(n, |v| self.parents(v)).unwrap_or_else(|| (0..n).collect());
        for o in order {
            if let Some(&p) = self.parents(o).first() {
                depth[o] = depth[p] + 1;
            }
        }
        depth
    }

    /// Objectives `i` aligns to, first-named first.
    pub fn parents(&self, i: usize) -> &[usize] {
        &self.parent_list[self.parent_offsets[i]..self.parent_offsets[i + 1]]
    }

    /// Objectives aligned to `i`, in document order.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.child_list[self.child_offsets[i]..self.child_offsets[i + 1]]
    }

    pub fn is_company(&self, i: usize) -> bool {
        self.unit[i].is_some_and(|u| self.unit_kind[u] == UnitKind::Company)
    }

    /// The units strictly between objective `i`'s unit and its parent `p`'s, nearest
    /// first, when `p`'s unit is an ancestor more than one level up.
    pub fn skipped_units(&self, i: usize, p: usize) -> Option<Vec<usize>> {
        let (Some(unit), Some(target)) = (self.unit[i], self.unit[p]) else {
            return None;
        };
        let mut between = Vec::new();
        let mut at = self.unit_parent[unit];
        while let Some(u) = at {
            if u == target {
                return (!between.is_empty()).then_some(between);
            }
            if between.len() >= self.unit_parent.len() {
                return None;
            }
            between.push(u);
            at = self.unit_parent[u];
        }
        None
    }
}

/// Parents of each objective as a compiled engine resolved them (the same links, in the
/// same order; a plan that compiled has no self-alignment).
fn parents_from_engine(engine: &Engine, n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut offsets = Vec::with_capacity(n + 1);
    let mut list = Vec::with_capacity(n);
    offsets.push(0);
    for i in 0..n {
        list.extend(engine.parents.row(i).iter().map(|&p| p as usize));
        offsets.push(list.len());
    }
    (offsets, list)
}

/// The position of each unit in `units`, by id.
pub(crate) fn unit_index(plan: &Plan) -> NameMap<&str, usize> {
    plan.units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect()
}

/// Parents of each objective, resolved from the plan's ids: CSR offsets and list.
fn parents_from_plan(plan: &Plan) -> (Vec<usize>, Vec<usize>) {
    let n = plan.objectives.len();
    let objective_index: HashMap<&str, usize> = plan
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    // Only key results something aligns to need resolving to their objective.
    let mut kr_targets: HashMap<&str, Option<usize>> = HashMap::default();
    for o in &plan.objectives {
        for a in &o.aligns_to {
            if let (None, Some(k)) = (&a.objective, &a.key_result) {
                kr_targets.insert(k.as_str(), None);
            }
        }
    }
    if !kr_targets.is_empty() {
        for (i, o) in plan.objectives.iter().enumerate() {
            for k in &o.key_results {
                if let Some(owner) = kr_targets.get_mut(k.id.as_str()) {
                    owner.get_or_insert(i);
                }
            }
        }
    }

    let mut parent_offsets = Vec::with_capacity(n + 1);
    let mut parent_list = Vec::with_capacity(n);
    parent_offsets.push(0);
    for (i, o) in plan.objectives.iter().enumerate() {
        let start = parent_list.len();
        for a in &o.aligns_to {
            let parent = match (&a.objective, &a.key_result) {
                (Some(p), _) => objective_index.get(p.as_str()).copied(),
                (None, Some(k)) => kr_targets.get(k.as_str()).copied().flatten(),
                _ => None,
            };
            if let Some(p) = parent {
                if p != i && !parent_list[start..].contains(&p) {
                    parent_list.push(p);
                }
            }
        }
        parent_offsets.push(parent_list.len());
    }
    (parent_offsets, parent_list)
}

/// Analyses the alignment graph of `plan`: roots, orphans, depth, skipped levels, the
/// line of sight up to the top, and coverage of each objective's key results.
pub fn analyze(plan: &Plan) -> AlignmentReport {
    let graph = Graph::build(plan, None);
    let depth = graph.depths();
    let id = |i: usize| plan.objectives[i].id.clone();
    let mut report = AlignmentReport {
        roots: Vec::new(),
        orphans: Vec::new(),
        objectives: Vec::with_capacity(plan.objectives.len()),
        index: plan
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect(),
    };
    let aligned_to: HashSet<&str> = plan
        .objectives
        .iter()
        .flat_map(|o| &o.aligns_to)
        .filter(|a| a.objective.is_none())
        .filter_map(|a| a.key_result.as_deref())
        .collect();
    for (i, o) in plan.objectives.iter().enumerate() {
        let parents = graph.parents(i);
        let orphan = parents.is_empty() && !graph.is_company(i);
        if parents.is_empty() {
            report.roots.push(o.id.clone());
        }
        if orphan {
            report.orphans.push(o.id.clone());
        }
        let skipped_levels = parents
            .iter()
            .filter_map(|&p| {
                Some(SkippedLevel {
                    parent: id(p),
                    skipped_units: graph
                        .skipped_units(i, p)?
                        .into_iter()
                        .map(|u| plan.units[u].id.clone())
                        .collect(),
                })
            })
            .collect();
        let coverage = (!graph.children(i).is_empty() && !o.key_results.is_empty()).then(|| {
            let uncovered: Vec<String> = o
                .key_results
                .iter()
                .filter(|k| !aligned_to.contains(k.id.as_str()))
                .map(|k| k.id.clone())
                .collect();
            let covered = o.key_results.len() - uncovered.len();
            Coverage {
                key_results: o.key_results.len(),
                covered,
                share: covered as f64 / o.key_results.len() as f64,
                uncovered,
            }
        });
        report.objectives.push(AlignedObjective {
            id: o.id.clone(),
            unit: o.unit.clone(),
            parents: parents.iter().map(|&p| id(p)).collect(),
            children: graph.children(i).iter().map(|&c| id(c)).collect(),
            depth: depth[i],
            orphan,
            skipped_levels,
            coverage,
        });
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_links(plan: &Plan) {
        let engine = crate::Engine::new(plan).expect("compiles");
        let (from_plan, from_engine) =
            (Graph::build(plan, None), Graph::build(plan, Some(&engine)));
        for i in 0..plan.objectives.len() {
            assert_eq!(
                from_plan.parents(i),
                from_engine.parents(i),
                "parents of {i}"
            );
            assert_eq!(
                from_plan.children(i),
                from_engine.children(i),
                "children of {i}"
            );
        }
        assert_eq!(from_plan.depths(), from_engine.depths());
    }

    #[test]
    fn the_engine_and_the_plan_give_the_same_graph() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/acme.yaml");
        let text = std::fs::read_to_string(path).expect("example");
        let doc = crate::Document::parse(text, &crate::LoadOptions::new(crate::PlanFormat::Yaml))
            .and_then(|d| d.checked().map_err(|p| p.0[0].clone()))
            .expect("loads");
        same_links(doc.plan());
        #[cfg(feature = "generate")]
        same_links(&crate::generate::generate(
            crate::generate::Size::Objectives(2_000),
            7,
        ));
    }
}
