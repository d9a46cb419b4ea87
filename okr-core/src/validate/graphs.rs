//! Loops in the four graphs a plan holds: units and their parents, cycles and theirs,
//! objectives aligned up to objectives or key results, and aggregate key results over
//! their children. Each is one call of [`Validator::report_loop`].

use super::{Validator, loc};
use crate::error::{CycleKind, Error};
use crate::graph::find_cycle;
use crate::model::KrKind;
use foldhash::HashMap;

impl Validator<'_> {
    /// Reports the first loop of the graph whose node `v` links to `edges[v]`: a
    /// `kind` cycle naming every node's id, at the path of the node it starts from.
    fn report_loop(
        &mut self,
        kind: CycleKind,
        edges: &[Vec<usize>],
        id: impl Fn(usize) -> String,
        at: impl Fn(usize) -> String,
    ) {
        if let Some(cycle) = find_cycle(edges.len(), |v| &edges[v]) {
            self.errors.push(Error::Cycle {
                kind,
                ids: cycle.iter().map(|&v| id(v)).collect(),
                location: loc(at(cycle[0])),
            });
        }
    }

    pub(super) fn check_unit_tree(&mut self) {
        let units = &self.plan.units;
        let parents = parent_edges(units, |u| u.parent.as_deref(), &self.ids.units);
        self.report_loop(
            CycleKind::UnitTree,
            &parents,
            |v| units[v].id.clone(),
            |v| format!("units[{v}].parent"),
        );
    }

    pub(super) fn check_cycle_tree(&mut self) {
        let cycles = &self.plan.cycles;
        let parents = parent_edges(cycles, |c| c.parent.as_deref(), &self.ids.cycles);
        self.report_loop(
            CycleKind::CycleParent,
            &parents,
            |v| cycles[v].id.clone(),
            |v| format!("cycles[{v}].parent"),
        );
    }

    pub(super) fn check_alignment_cycle(&mut self) {
        let objectives = &self.plan.objectives;
        let parents: Vec<Vec<usize>> = objectives
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
        self.report_loop(
            CycleKind::Alignment,
            &parents,
            |v| objectives[v].id.clone(),
            |v| format!("objectives[{v}].aligns_to"),
        );
    }

    pub(super) fn check_aggregate_cycle(&mut self) {
        let objectives = &self.plan.objectives;
        let all: Vec<(usize, usize)> = objectives
            .iter()
            .enumerate()
            .flat_map(|(i, o)| (0..o.key_results.len()).map(move |j| (i, j)))
            .collect();
        let handle: HashMap<(usize, usize), usize> =
            all.iter().enumerate().map(|(h, &p)| (p, h)).collect();
        let children: Vec<Vec<usize>> = all
            .iter()
            .map(|&(i, j)| match &objectives[i].key_results[j].kind {
                KrKind::Aggregate { of, .. } => of
                    .iter()
                    .filter_map(|c| self.ids.key_results.get(c.as_str()))
                    .filter_map(|p| handle.get(p).copied())
                    .filter(|&h| all[h] != (i, j))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        self.report_loop(
            CycleKind::Aggregate,
            &children,
            |h| objectives[all[h].0].key_results[all[h].1].id.clone(),
            |h| format!("objectives[{}].key_results[{}].of", all[h].0, all[h].1),
        );
    }
}

/// Each item's edge to the parent it names, when the plan has that parent.
fn parent_edges<'p, T>(
    items: &'p [T],
    parent: impl Fn(&'p T) -> Option<&'p str>,
    ids: &HashMap<&str, usize>,
) -> Vec<Vec<usize>> {
    items
        .iter()
        .map(|item| {
            parent(item)
                .and_then(|p| ids.get(p))
                .copied()
                .into_iter()
                .collect()
        })
        .collect()
}
