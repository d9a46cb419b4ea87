use crate::error::{CycleKind, Error};
use crate::lint::Id;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a loop in the alignment graph: objectives that, link by link, align to themselves.
    ///
    /// ## Why is this bad?
    /// Progress cannot roll up a loop, and the tree has no top. The plan does not load for
    /// scoring until it is broken.
    ///
    /// ## Example
    /// `a` aligns to `b`, `b` to `c`, `c` to `a`.
    ///
    /// ## Use instead
    /// Remove the link that points back down the tree.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// This library's validation (DESIGN §5).
    pub struct AlignmentCycle { code: "OKR303", name: "alignment-cycle", category: Correctness }
}

impl Rule for AlignmentCycle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for e in &cx.load_problems {
            if let Error::Cycle {
                kind,
                ids,
                location,
            } = e
            {
                if *kind == CycleKind::Alignment {
                    out.push(Finding::new(
                        location.path.clone(),
                        ids.iter().map(Id::from).collect(),
                        format!("alignment loop: {}", ids.join(" → ")),
                        "remove the link that points back down the tree",
                    ));
                }
            }
        }
    }
}
