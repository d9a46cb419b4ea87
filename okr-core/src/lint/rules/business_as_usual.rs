use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::lint::text::{business_as_usual, business_as_usual_phrase};
use crate::model::KrKind;

declare_rule! {
    /// ## What it does
    /// Flags an objective worded as keeping things as they are: it opens with maintain,
    /// keep, continue, sustain, preserve, uphold, stay or remain, or says "business as
    /// usual", "day-to-day", "keep the lights on", "support existing" or "ensure
    /// compliance"; or its key results are all thresholds to hold (stay above/below,
    /// within). A title that opens with such a verb but names a change as well ("Keep
    /// customers' money safe as we grow tenfold", "Keep pages fast as traffic
    /// doubles") is not flagged for its verb: it keeps something while it changes.
    ///
    /// ## Why is this bad?
    /// That is a KPI dressed as an OKR: it describes health to protect, not a change to make,
    /// and it takes a slot from a real objective.
    ///
    /// ## Example
    /// "Maintain support quality" with "Keep the backlog below 50".
    ///
    /// ## Use instead
    /// Track it as a KPI (`kpis:`) and use the objective for something to improve.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Accuracy
    /// Measured on the labelled corpus in `fixtures/corpus` (673 key results and 184
    /// objectives from published plans and written examples; `scripts/corpus` prints the
    /// table): precision 0.93, recall 0.96 (25 flagged rightly, 2 wrongly, 1 missed).
    /// The corpus is the one the rule was developed on; expect a few points less on
    /// text it has not seen.
    ///
    /// ## Sources
    /// The seeds (KPIs turned into OKRs); Radical Focus (health metrics).
    pub struct BusinessAsUsual { code: "OKR210", name: "business-as-usual", category: Advice }
}

impl Rule for BusinessAsUsual {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, _cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let (i, o) = (at.index, at.objective);
        let all_hold = !o.key_results.is_empty()
            && o.key_results.iter().all(|k| {
                matches!(
                    k.kind,
                    KrKind::StayAbove { .. } | KrKind::StayBelow { .. } | KrKind::Within { .. }
                )
            });
        let verb = if at.text.opens_with_upkeep_verb() && !at.text.names_a_change() {
            business_as_usual(&o.title)
        } else {
            None
        };
        let why = match (verb, all_hold) {
            (Some(verb), _) => format!("its title starts with \"{verb}\""),
            (None, true) => "all its key results only hold a level".to_owned(),
            (None, false) => match business_as_usual_phrase(&o.title, at.text) {
                Some(phrase) => format!("its title says \"{phrase}\""),
                None => return,
            },
        };
        out.push(Finding::new(
            At::objective(i),
            ids([&o.id]),
            format!("objective `{}` looks like business as usual: {why}", o.id),
            "track it as a KPI and use the objective for a change to make",
        ));
    }
}
