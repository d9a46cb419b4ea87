use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{
    Finding, KeyResultAt, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids,
};
use crate::lint::text::placeholder;

declare_rule! {
    /// ## What it does
    /// Flags template text left in titles and descriptions: "from X to Y", "$N", "$M",
    /// "N%", numbered blanks ("from N1 to N2"), a letter for a number ("M+", "below N"), a
    /// lone capital X ("Launch X", "X reaches 100k users"; "on X", the network, is not
    /// one), "TBD", "XXX", "ZZZ", "???", "[insert …]", lorem ipsum, and values still to be
    /// decided ("to be set with the new team", "needs baseline and targets").
    ///
    /// ## Why is this bad?
    /// A placeholder means the number was never decided, so the key result cannot be scored
    /// and nobody agreed what success is.
    ///
    /// ## Example
    /// `Increase revenue from X to Y`.
    ///
    /// ## Use instead
    /// Fill in the numbers (`start`, `target`) and say them in the title.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Accuracy
    /// Measured on the labelled corpus in `fixtures/corpus` (673 key results and 184
    /// objectives from published plans and written examples; `scripts/corpus` prints the
    /// table): precision 1.00, recall 1.00 (24 flagged rightly, 0 wrongly, 0 missed).
    /// The corpus is the one the rule was developed on; expect a few points less on
    /// text it has not seen.
    ///
    /// ## Sources
    /// The seeds; Tability's plan score (unfinished key results).
    pub struct PlaceholderValues { code: "OKR204", name: "placeholder-values", category: Practice }
}

impl Rule for PlaceholderValues {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::ALL
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let (i, o) = (at.index, at.objective);
        for (field, found) in [
            ("title", at.text.placeholder()),
            (
                "description",
                o.description.as_deref().and_then(placeholder),
            ),
        ] {
            if let Some(found) = found {
                out.push(Finding::new(
                    At::objective_field(i, field),
                    ids([&o.id]),
                    format!("objective `{}` still has placeholder text ({found})", o.id),
                    "replace the placeholder with the real numbers",
                ));
            }
        }
    }

    fn check_key_result(&self, _cx: &Context<'_>, at: &KeyResultAt<'_>, out: &mut Vec<Finding>) {
        let KeyResultAt {
            key_result: k,
            path,
            ..
        } = *at;
        if let Some(found) = at.text.placeholder() {
            out.push(Finding::new(
                path.field("title"),
                ids([&k.id]),
                format!(
                    "key result `{}` still has placeholder text ({found}): \"{}\"",
                    k.id, k.title
                ),
                "replace the placeholder with the real numbers and set `start` and `target`",
            ));
        }
    }
}
