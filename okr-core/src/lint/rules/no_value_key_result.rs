use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::model::KrKind;

declare_rule! {
    /// ## What it does
    /// Flags an objective whose key results are all work or milestones: none measures a
    /// value that changes. A key result measures one when it is not an activity (see
    /// `activity-key-result`) and has a numeric type or states a quantity in its title
    /// ("Late deliveries halved", "No customer churns in their first 90 days").
    ///
    /// ## Why is this bad?
    /// Every objective needs at least one value-based key result; otherwise finishing the
    /// tasks counts as success whether or not anything improved.
    ///
    /// ## Example
    /// An objective whose key results are "Develop offline mode", "Create the design system"
    /// and "Implement widgets".
    ///
    /// ## Use instead
    /// Add one key result that measures the outcome those deliver (crash-free sessions,
    /// rating, retention).
    ///
    /// ## Options
    /// None.
    ///
    /// ## Accuracy
    /// Measured on the labelled corpus in `fixtures/corpus` (673 key results and 184
    /// objectives from published plans and written examples; `scripts/corpus` prints the
    /// table): precision 1.00, recall 0.93 (43 flagged rightly, 0 wrongly, 3 missed).
    /// The corpus is the one the rule was developed on; expect a few points less on
    /// text it has not seen.
    ///
    /// ## Sources
    /// The seeds (at least one value key result per objective).
    pub struct NoValueKeyResult { code: "OKR203", name: "no-value-key-result", category: Practice }
}

impl Rule for NoValueKeyResult {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let i = at.index;
        let o = at.objective;
        if o.key_results.is_empty() {
            return;
        }
        let valued = o
            .key_results
            .iter()
            .zip(at.key_result_text)
            .any(|(k, text)| {
                let numeric = !matches!(k.kind, KrKind::Milestone | KrKind::Checklist { .. })
                    && k.kind.is_numeric();
                (numeric || text.has_quantity()) && !text.is_activity()
            });
        if !valued {
            out.push(Finding::new(
                At::objective_field(i, "key_results"),
                ids([&o.id]),
                format!("objective `{}` has no value-based key result: all {} are activities or milestones", o.id, o.key_results.len()),
                "add one key result that measures the outcome these deliver",
            ));
        }
    }
}
