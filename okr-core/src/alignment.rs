//! Alignment analysis (DESIGN §5): the tree, orphans, depth, skipped levels, line of
//! sight to the top, and how well each parent's key results are covered by children.
//!
//! Runs on any plan; unknown ids are ignored (validation reports them) and walks are
//! iterative with a step bound, so neither depth nor a loop can overflow or hang.

use crate::graph::post_order;
use crate::model::{Plan, UnitKind};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignmentReport {
    /// Objectives with no parent, in document order: the tops of the tree.
    pub roots: Vec<String>,
    /// Non-company objectives with no parent.
    pub orphans: Vec<String>,
    pub objectives: Vec<AlignedObjective>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignedObjective {
    pub id: String,
    pub unit: Option<String>,
    /// Objectives this one aligns to (directly or through one of their key results).
    pub parents: Vec<String>,
    /// Objectives aligned to this one.
    pub children: Vec<String>,
    /// Links up to a root along first parents (0 for a root).
    pub depth: usize,
    pub orphan: bool,
    /// Alignments that jump over units of the org tree.
    pub skipped_levels: Vec<SkippedLevel>,
    /// How many of this objective's key results children contribute to; `None` when
    /// nothing aligns to it.
    pub coverage: Option<Coverage>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkippedLevel {
    /// The parent objective aligned to.
    pub parent: String,
    /// The units between this objective's unit and the parent's, nearest first.
    pub skipped_units: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    pub key_results: usize,
    /// Key results at least one child objective aligns to.
    pub covered: usize,
    pub share: f64,
    pub uncovered: Vec<String>,
}

impl AlignmentReport {
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

pub fn analyze(plan: &Plan) -> AlignmentReport {
    let n = plan.objectives.len();
    let objective_index: HashMap<&str, usize> = plan
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let kr_owner: HashMap<&str, usize> = plan
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(i, o)| o.key_results.iter().map(move |k| (k.id.as_str(), i)))
        .collect();
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut kr_children: HashMap<&str, usize> = HashMap::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        for a in &o.aligns_to {
            let parent = match (&a.objective, &a.key_result) {
                (Some(p), _) => objective_index.get(p.as_str()).copied(),
                (None, Some(k)) => {
                    *kr_children.entry(k.as_str()).or_default() += 1;
                    kr_owner.get(k.as_str()).copied()
                }
                _ => None,
            };
            if let Some(p) = parent {
                if p != i && !parents[i].contains(&p) {
                    parents[i].push(p);
                    children[p].push(i);
                }
            }
        }
    }

    // Parents before children, so a depth is known before it is needed.
    let order = post_order(n, |v| &parents[v][..]).unwrap_or_else(|| (0..n).collect());
    let mut depth = vec![0usize; n];
    for &o in &order {
        if let Some(&p) = parents[o].first() {
            depth[o] = depth[p] + 1;
        }
    }

    let units: HashMap<&str, (UnitKind, Option<&str>)> = plan
        .units
        .iter()
        .map(|u| (u.id.as_str(), (u.kind, u.parent.as_deref())))
        .collect();
    let unit_chain = |start: &str| -> Vec<&str> {
        let mut chain = Vec::new();
        let mut at = units.get(start).and_then(|u| u.1);
        while let Some(u) = at {
            if chain.len() > units.len() {
                break;
            }
            chain.push(u);
            at = units.get(u).and_then(|x| x.1);
        }
        chain
    };

    let mut report = AlignmentReport {
        roots: Vec::new(),
        orphans: Vec::new(),
        objectives: Vec::with_capacity(n),
        index: plan
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect(),
    };
    for (i, o) in plan.objectives.iter().enumerate() {
        let is_company = o
            .unit
            .as_deref()
            .and_then(|u| units.get(u))
            .is_some_and(|u| u.0 == UnitKind::Company);
        let orphan = parents[i].is_empty() && !is_company;
        if parents[i].is_empty() {
            report.roots.push(o.id.clone());
        }
        if orphan {
            report.orphans.push(o.id.clone());
        }
        let mut skipped_levels = Vec::new();
        if let Some(unit) = o.unit.as_deref() {
            let chain = unit_chain(unit);
            for &p in &parents[i] {
                let Some(parent_unit) = plan.objectives[p].unit.as_deref() else {
                    continue;
                };
                if let Some(pos) = chain.iter().position(|u| *u == parent_unit) {
                    if pos > 0 {
                        skipped_levels.push(SkippedLevel {
                            parent: plan.objectives[p].id.clone(),
                            skipped_units: chain[..pos].iter().map(|u| (*u).to_owned()).collect(),
                        });
                    }
                }
            }
        }
        let coverage = (!children[i].is_empty() && !o.key_results.is_empty()).then(|| {
            let uncovered: Vec<String> = o
                .key_results
                .iter()
                .filter(|k| !kr_children.contains_key(k.id.as_str()))
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
            parents: parents[i]
                .iter()
                .map(|&p| plan.objectives[p].id.clone())
                .collect(),
            children: children[i]
                .iter()
                .map(|&c| plan.objectives[c].id.clone())
                .collect(),
            depth: depth[i],
            orphan,
            skipped_levels,
            coverage,
        });
    }
    report
}
