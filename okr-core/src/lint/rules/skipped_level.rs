use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an alignment that jumps over a level of the unit tree: a team objective aligned
    /// straight to a company objective, past a department that has objectives of its own.
    ///
    /// ## Why is this bad?
    /// The skipped unit loses sight of work done in its name, and its own objectives may not
    /// account for it.
    ///
    /// ## Example
    /// A team in Sales aligning to a company key result while Sales has objectives of its own.
    ///
    /// ## Use instead
    /// Align to the department's objective, which aligns to the company's.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// Perdoo and Viva Goals (alignment hierarchy); the seeds.
    pub struct SkippedLevel { code: "OKR302", name: "skipped-level", category: Advice }
}

impl Rule for SkippedLevel {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    // A plan-wide check rather than one per objective: the graph it reads is built
    // from the units the walk has gathered for every objective.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let graph = cx.alignment();
        for i in 0..cx.plan.objectives.len() {
            for &p in graph.parents(i) {
                let Some(skipped) = graph.skipped_units(i, p) else {
                    continue;
                };
                // A unit with no objectives of its own offers nothing to align through.
                if !skipped.iter().any(|&u| cx.unit_has_objectives(u)) {
                    continue;
                }
                let (id, parent) = (cx.objective_id(i), cx.objective_id(p));
                out.push(Finding::new(
                    At::objective_field(i, "aligns_to"),
                    ids([id, parent]),
                    format!(
                        "objective `{id}` aligns to `{parent}`, skipping {}",
                        skipped
                            .iter()
                            .map(|&u| format!("`{}`", cx.plan.units[u].id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    "align through the objectives of the units in between",
                ));
            }
        }
    }
}
