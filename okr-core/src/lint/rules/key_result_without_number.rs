use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::lint::text::quoted;
use crate::model::KrKind;

declare_rule! {
    /// ## What it does
    /// Flags a key result whose type carries no number (milestone, checklist, named zones) and
    /// whose title states a result but no quantity: "Improve the sales process", "Customers
    /// trust us again". Quantities in words count ("zero", "every", "halved", "no known
    /// issues"). A number-less deliverable ("Launch the pricing page") is an activity, and
    /// only `activity-key-result` reports it.
    ///
    /// ## Why is this bad?
    /// "If it doesn't have a number, it's not a key result." Without a quantity there is no
    /// way to tell how far along it is, or whether it was reached.
    ///
    /// ## Example
    /// `Improve the sales process` as a milestone.
    ///
    /// ## Use instead
    /// State the measurable result: `Shorten the median sales cycle from 60 to 45 days`
    /// (`type: decrease`, `start: 60`, `target: 45`).
    ///
    /// ## Options
    /// None.
    ///
    /// ## Accuracy
    /// Measured on the labelled corpus in `fixtures/corpus` (673 key results and 184
    /// objectives from published plans and written examples; `scripts/corpus` prints the
    /// table): precision 0.95, recall 0.97 (38 flagged rightly, 2 wrongly, 1 missed).
    /// The corpus is the one the rule was developed on; expect a few points less on
    /// text it has not seen.
    ///
    /// ## Sources
    /// The seeds (numbers in every key result); Marissa Mayer via Google's OKR playbook.
    pub struct KeyResultWithoutNumber { code: "OKR201", name: "key-result-without-number", category: Practice }
}

impl Rule for KeyResultWithoutNumber {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::KEY_RESULTS
    }

    fn check_key_result(&self, _cx: &Context<'_>, at: &KeyResultAt<'_>, out: &mut Vec<Finding>) {
        let KeyResultAt {
            key_result: k,
            path,
            ..
        } = *at;
        let numberless_kind = matches!(k.kind, KrKind::Milestone | KrKind::Checklist { .. })
            || (matches!(k.kind, KrKind::Zones { .. }) && !k.kind.is_numeric());
        let text = at.text;
        // A number-less deliverable is an activity; that rule says so, once.
        if numberless_kind
            && !text.has_quantity()
            && !text.is_activity()
            && text.placeholder().is_none()
        {
            out.push(Finding::new(
                path.field("title"),
                ids([&k.id]),
                format!("key result `{}` has no number: \"{}\"", k.id, k.title),
                format!(
                    "what number would show that {} happened? State it as a value to move from and to (type increase or decrease, with start and target)",
                    quoted(&k.title)
                ),
            ));
        }
    }
}
