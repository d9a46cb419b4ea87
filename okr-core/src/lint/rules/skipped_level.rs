use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use std::collections::HashSet;

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

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // A unit with no objectives of its own offers nothing to align through.
        let with_objectives: HashSet<&str> = cx
            .plan
            .objectives
            .iter()
            .filter_map(|o| o.unit.as_deref())
            .collect();
        for (i, a) in cx.alignment.objectives.iter().enumerate() {
            for skip in &a.skipped_levels {
                if !skip
                    .skipped_units
                    .iter()
                    .any(|u| with_objectives.contains(u.as_str()))
                {
                    continue;
                }
                out.push(Finding::new(
                    format!("objectives[{i}].aligns_to"),
                    vec![a.id.clone(), skip.parent.clone()],
                    format!(
                        "objective `{}` aligns to `{}`, skipping {}",
                        a.id,
                        skip.parent,
                        skip.skipped_units
                            .iter()
                            .map(|u| format!("`{u}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    "align through the objectives of the units in between",
                ));
            }
        }
    }
}
