use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::rule::{Finding, ObjectiveAt, Rule, RuleMeta, Visits, declare_rule, ids};

declare_rule! {
    /// ## What it does
    /// Flags an objective title that is too short or too long (in words), or is template text
    /// ("TBD", "Objective 1", "Untitled").
    ///
    /// ## Why is this bad?
    /// A two-word objective ("Improve sales") does not say what better looks like; a
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
        let stem = o
            .title
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let template = ["tbd", "todo", "untitled", "objective", "new objective"]
            .iter()
            .any(|t| stem.eq_ignore_ascii_case(t));
        let why = if template {
            "it is template text".to_owned()
        } else if words < min {
            format!(
                "{words} word{} say too little",
                if words == 1 { "" } else { "s" }
            )
        } else if words > max {
            format!("{words} words are more than people remember")
        } else {
            return;
        };
        out.push(Finding::new(
            At::objective_field(i, "title"),
            ids([&o.id]),
            format!("objective `{}` is vague: {why}", o.id),
            format!("write one sentence of {min}–{max} words that says what and why"),
        ));
    }
}
