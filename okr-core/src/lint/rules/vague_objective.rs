use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};
use crate::lint::rules::objective_with_metric::is_metric;
use crate::lint::text::business_as_usual_phrase;

declare_rule! {
    /// ## What it does
    /// Flags an objective title that says nothing specific: template text ("TBD",
    /// "Objective 1", "Untitled"), too few words, only generic words ("Build a better
    /// product", "Stable and future proof", "Drive growth and efficiency"), or a theme
    /// named without a change ("Core Platform Stability & Contributor Readiness"). Also
    /// flags a title too long to remember (`objective_max_words`).
    ///
    /// A long title that is specific is not vague, and a title that is a metric or
    /// upkeep is left to `objective-with-metric` or `business-as-usual`, so that one
    /// flaw draws one finding.
    ///
    /// ## Why is this bad?
    /// "Be better" does not say what better looks like, for whom, or why now; a
    /// paragraph is not remembered. Either way, people cannot rally around it.
    ///
    /// ## Example
    /// "Growth".
    ///
    /// ## Use instead
    /// One memorable sentence that says what and why: "Make North America our strongest
    /// region".
    ///
    /// ## Options
    ///
    /// ## Accuracy
    /// Measured on the labelled corpus in `fixtures/corpus` (673 key results and 184
    /// objectives from published plans and written examples; `scripts/corpus` prints the
    /// table): precision 1.00, recall 0.94 (30 flagged rightly, 0 wrongly, 2 missed).
    /// The corpus is the one the rule was developed on; expect a few points less on
    /// text it has not seen.
    ///
    /// ## Sources
    /// The seeds; Radical Focus; Tability's plan score.
    pub struct VagueObjective { code: "OKR212", name: "vague-objective", category: Advice }
}

impl Rule for VagueObjective {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn visits(&self) -> Visits {
        Visits::OBJECTIVES
    }

    fn check_objective(&self, cx: &Context<'_>, at: &ObjectiveAt<'_>, out: &mut Vec<Finding>) {
        let (min, max) = (
            cx.settings.objective_min_words,
            cx.settings.objective_max_words,
        );
        let i = at.index;
        let o = at.objective;
        let words = at.title.words as usize;
        let specific = usize::from(at.text.specific_words);
        let stem = o
            .title
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let template = ["tbd", "todo", "untitled", "objective", "new objective"]
            .iter()
            .any(|t| stem.eq_ignore_ascii_case(t));
        // One flaw, one finding: a metric, upkeep or a placeholder has its own rule.
        let other_flaw = is_metric(at)
            || at.text.placeholder().is_some()
            || at.text.opens_with_upkeep_verb()
            || business_as_usual_phrase(&o.title, at.text).is_some();
        let why = if template {
            "it is template text".to_owned()
        } else if words > max {
            format!("{words} words are more than people remember")
        } else if other_flaw {
            return;
        } else if words < min {
            format!(
                "{words} word{} say too little",
                if words == 1 { "" } else { "s" }
            )
        } else if specific == 0 || (specific == 1 && words <= 3) {
            "its words could head any team's plan: it names no customer, product, place or change"
                .to_owned()
        } else if !at.text.opens_with_verb() && specific <= 2 {
            "it names a theme, not a change to make".to_owned()
        } else {
            return;
        };
        out.push(Finding::new(
            At::objective_field(i, "title"),
            ids([&o.id]),
            format!("objective `{}` is vague: {why}", o.id),
            format!("write one sentence of {min}–{max} words that says what should change, for whom, and why"),
        ));
    }
}
