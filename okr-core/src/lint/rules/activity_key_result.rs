use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags a key result that opens with an output verb (launch, create, develop, deliver,
    /// build, implement, ship, migrate, …) and names no measured result.
    ///
    /// ## Why is this bad?
    /// Activities are the work, not the result: a team can launch, ship and deliver on time
    /// and still change nothing for customers. Key results measure the change.
    ///
    /// ## Example
    /// `Launch the new pricing page`.
    ///
    /// ## Use instead
    /// `Launch the pricing page and convert 5% of visitors to trials`, or measure only the
    /// result (`Raise visitor-to-trial conversion from 3% to 5%`) and keep the launch as an
    /// initiative.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// The seeds (activity vs value key results; tasks as key results); Radical Focus.
    pub struct ActivityKeyResult { code: "OKR202", name: "activity-key-result", category: Practice }
}

impl Rule for ActivityKeyResult {
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
        let text = at.text;
        if let Some(verb) = text.activity_verb() {
            if !text.outcome_clause {
                out.push(Finding::new(
                    path.field("title"),
                    ids([&k.id]),
                    format!("key result `{}` is an activity (\"{verb}…\"), not a result: \"{}\"", k.id, k.title),
                    "name the change the work should cause, and keep the work itself as an initiative",
                ));
            }
        }
    }
}
