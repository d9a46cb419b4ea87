//! What an editor holds: a plan's format, its check-ins log and the lint options, and
//! a [`Workspace::check`] of the whole text on every change that answers everything an
//! editor shows. The web package's `Workspace` and the `okr lsp` language server are
//! this, converted; neither decides what a check means.

use crate::document::{CheckInLog, Document, LintOptions, LoadOptions, PlanFormat, ScoreOptions};
use crate::engine::{AsOf, Scorecard};
use crate::error::Error;
use crate::lint::Diagnostic;

/// An editor's session.
#[derive(Clone, Debug)]
pub struct Workspace {
    format: PlanFormat,
    /// Read once when set, not on every check: the editor changes the plan, not the
    /// log. A log that cannot be read is every check's problem.
    log: Option<Result<CheckInLog, Error>>,
    lint: LintOptions,
    /// `None`: score and lint as of the moment of each check.
    as_of: Option<AsOf>,
}

/// Everything a check of one text found.
#[derive(Debug)]
pub struct Checked {
    /// What stops the plan from being scored: the one error of text that cannot be
    /// read as a plan, else its validation problems, else what stopped linting (an
    /// unknown rule in its `lint:` section). Empty when the plan is sound.
    pub problems: Vec<Error>,
    /// The lint findings (empty while there are problems that stop linting).
    pub diagnostics: Vec<Diagnostic>,
    /// The scores, when there are no problems.
    pub scores: Option<Scorecard>,
    /// The plan read, when the text could be read as one (for [`Document::item_at`]).
    pub document: Option<Document>,
}

/// A change to the text that removes a problem with certainty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the change does, as an editor lists it.
    pub title: String,
    /// 1-based line where `insert` goes, before the character at `column`.
    pub line: u32,
    /// 1-based character column.
    pub column: u32,
    /// The text to insert.
    pub insert: String,
}

impl Workspace {
    /// A session for plans in `format`, with no log, linted with `lint`'s
    /// configuration; `as_of`, when given, is the moment every check scores and lints
    /// at, else the moment of each check.
    pub fn new(format: PlanFormat, lint: LintOptions, as_of: Option<AsOf>) -> Workspace {
        Workspace {
            format,
            log: None,
            lint,
            as_of,
        }
    }

    /// Replaces the check-ins log (JSON Lines text); `None` for none.
    pub fn set_log(&mut self, log: Option<&str>) {
        self.log = log.map(CheckInLog::parse);
    }

    /// Scores and lints as of `as_of` from now on; `None` for the moment of each check.
    pub fn set_as_of(&mut self, as_of: Option<AsOf>) {
        self.as_of = as_of;
    }

    /// The format texts are read in.
    pub fn format(&self) -> PlanFormat {
        self.format
    }

    /// Everything an editor shows for `text`. Text that cannot be read as a plan is
    /// not an `Err`: it is the one problem, located.
    pub fn check(&self, text: &str) -> Checked {
        let mut lint = self.lint.clone();
        lint.as_of = self.as_of.unwrap_or_else(AsOf::now);
        let doc = match self.read(text) {
            Ok(doc) => doc,
            Err(e) => {
                return Checked {
                    problems: vec![e],
                    diagnostics: Vec::new(),
                    scores: None,
                    document: None,
                };
            }
        };
        let mut problems: Vec<Error> = doc.problems().to_vec();
        let diagnostics = match doc.lint(&lint) {
            Ok(found) => found,
            Err(errors) => {
                if problems.is_empty() {
                    problems = errors.into_vec();
                }
                Vec::new()
            }
        };
        let scores = if problems.is_empty() {
            doc.score_with(&ScoreOptions::as_of(lint.as_of)).ok()
        } else {
            None
        };
        Checked {
            problems,
            diagnostics,
            scores,
            document: Some(doc),
        }
    }

    /// The plan in `text`, with the log attached when the plan names one.
    fn read(&self, text: &str) -> Result<Document, Error> {
        let mut doc = Document::parse(text, &LoadOptions::new(self.format))?;
        if doc.check_ins_file().is_some() {
            match &self.log {
                Some(Ok(log)) => doc.attach_parsed_log(log),
                Some(Err(e)) => return Err(e.clone()),
                None => {}
            }
        }
        Ok(doc)
    }
}

/// The changes that certainly remove `error` from a plan in `format`: today, a missing
/// `schema_version` (the only version there is).
pub fn fixes(error: &Error, format: PlanFormat) -> Vec<Fix> {
    let missing_version = matches!(error, Error::Schema { .. })
        && error.path().is_empty()
        && error.message().contains("`schema_version`");
    match format {
        PlanFormat::Yaml if missing_version => vec![Fix {
            title: "Add `schema_version: 1`".into(),
            line: 1,
            column: 1,
            insert: format!("schema_version: {}\n", crate::model::SCHEMA_VERSION),
        }],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ItemAt;

    const PLAN: &str = "schema_version: 1\ncycles: [{id: q, name: Q, start: 2026-01-01, end: 2026-03-31}]\nobjectives:\n  - id: grow\n    title: Delight new customers\n    cycle: q\n    key_results:\n      - id: act\n        title: Raise activation from 20% to 40%\n        type: increase\n        start: 20\n        target: 40\n        check_ins: [{at: 2026-02-14, value: 30}]\n";

    fn workspace() -> Workspace {
        let as_of = AsOf::parse("2026-02-14").expect("a date");
        Workspace::new(PlanFormat::Yaml, LintOptions::as_of(as_of), Some(as_of))
    }

    #[test]
    fn a_sound_plan_is_scored_and_linted() {
        let checked = workspace().check(PLAN);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        let scores = checked.scores.expect("scored");
        assert_eq!(scores.key_result("act").and_then(|k| k.progress), Some(0.5));
        let doc = checked.document.expect("read");
        assert_eq!(doc.item_at(4, 5), Some(ItemAt::Objective("grow".into())));
        assert_eq!(doc.item_at(9, 12), Some(ItemAt::KeyResult("act".into())));
        assert_eq!(doc.item_at(1, 1), None);
    }

    #[test]
    fn text_that_cannot_be_read_is_the_one_problem() {
        let checked = workspace().check(&PLAN.replace("schema_version: 1\n", ""));
        assert_eq!(checked.problems.len(), 1);
        assert!(checked.scores.is_none() && checked.document.is_none());
        let fixes = fixes(&checked.problems[0], PlanFormat::Yaml);
        assert_eq!(fixes.len(), 1);
        let fixed = format!(
            "{}{}",
            fixes[0].insert,
            PLAN.replace("schema_version: 1\n", "")
        );
        assert!(workspace().check(&fixed).problems.is_empty());
    }

    #[test]
    fn an_unknown_rule_in_the_plan_stops_linting_and_scoring() {
        let text = format!("{PLAN}lint:\n  select: [no-such-rule]\n");
        let checked = workspace().check(&text);
        assert_eq!(checked.problems.len(), 1, "{:?}", checked.problems);
        assert!(checked.scores.is_none());
    }
}
