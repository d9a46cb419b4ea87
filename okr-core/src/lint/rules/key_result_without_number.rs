use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::model::KrKind;

declare_rule! {
    /// ## What it does
    /// Flags a key result whose type carries no number (milestone, checklist, named zones) and
    /// whose title states none.
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
        if numberless_kind && !at.text.has_number {
            out.push(Finding::new(
                path.field("title"),
                ids([&k.id]),
                format!("key result `{}` has no number: \"{}\"", k.id, k.title),
                "state the result as a number to move from and to (type increase/decrease with start and target)",
            ));
        }
    }
}
