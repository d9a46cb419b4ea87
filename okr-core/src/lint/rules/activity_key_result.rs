use crate::lint::context::Context;
use crate::lint::rule::{Finding, KeyResultAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::lint::text::{Deliverable, quoted};
use crate::model::KrKind;

declare_rule! {
    /// ## What it does
    /// Flags a key result that is work rather than a result: it opens with a verb of work
    /// (launch, build, add, establish, track, train, post, review, onboard, set up, roll
    /// out, …) and states no measured result, or it names a deliverable without a verb,
    /// as a thing ("Streaming API", "Three blog posts by the engineering team") or as work
    /// done ("The API spec exists and is complete", "Pipeline automated").
    ///
    /// A number alone does not make work a result: "Post 20 times on social media"
    /// counts posts. A number does when it measures a result: a percentage or an amount
    /// ("…and convert 5% of visitors"), a bound ("…in <10 seconds per place"), a change
    /// ("…from 25 to 8 minutes"), a duration ("…within 24 hours"), or a count of
    /// customers, users, hires or orders.
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
    /// ## Accuracy
    /// Measured on the labelled corpus in `fixtures/corpus` (673 key results and 184
    /// objectives from published plans and written examples; `scripts/corpus` prints the
    /// table): precision 0.99, recall 0.97 (337 flagged rightly, 3 wrongly, 11 missed).
    /// The corpus is the one the rule was developed on; expect a few points less on
    /// text it has not seen.
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
        // A baseline key result's work is measuring: "Establish a baseline for …" says
        // what it is, not a task in place of a result.
        if !text.is_activity() || matches!(k.kind, KrKind::Baseline { .. }) {
            return;
        }
        let (what, help) = match (text.activity_verb(), text.deliverable()) {
            (Some(verb), _) => (
                format!("an activity (\"{verb}…\")"),
                format!(
                    "once {} is done, what should be different? Measure that (e.g. 'Raise <metric> from A to B') and keep the work as an initiative",
                    quoted(&k.title)
                ),
            ),
            (None, Some(Deliverable::EndState)) => (
                "work described as done".to_owned(),
                "what changes for customers once it is done? Measure that (e.g. 'Raise <metric> from A to B') and keep the work as an initiative".to_owned(),
            ),
            (None, _) => (
                "a deliverable".to_owned(),
                format!(
                    "what should change once {} exists? Measure that (e.g. 'Raise <metric> from A to B') and keep the work as an initiative",
                    quoted(&k.title)
                ),
            ),
        };
        out.push(Finding::new(
            path.field("title"),
            ids([&k.id]),
            format!(
                "key result `{}` is {what}, not a result: \"{}\"",
                k.id, k.title
            ),
            help,
        ));
    }
}
