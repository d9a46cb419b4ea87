//! [`Document`]: the one front door. A plan read from text (or a value, or built in
//! code), with what every caller does to it: validate, score, lint, align, tabulate,
//! report, write, edit, and prepare check-ins for the log. The CLI and every binding
//! stand on it, so they all read the check-ins log, locate problems and cache the
//! compiled engine the same way.

mod check_in;
mod locate;
mod options;
mod what_if;

pub use check_in::PreparedCheckIn;
pub use locate::ItemAt;
pub(crate) use options::null_as_empty;
pub use options::{
    CheckInRequest, LintOptions, LoadOptions, PlanFormat, ReportFormat, ReportOptions,
    ScoreOptions, TableKind,
};
pub use what_if::{ChangeKind, ScoreChange, Supposed, WhatIf};

use crate::alignment::AlignmentReport;
use crate::calibration::{Calibration, CalibrationOptions};
use crate::engine::{AsOf, Engine, Evaluation, Scorecard, Scores};
use crate::error::{Error, Location, Problems, Result};
use crate::lint::Diagnostic;
use crate::model::{LoggedCheckIn, Plan};
use crate::policy::{Policy, PolicyConfig};
use crate::table::Table;
use locate::{LogIndex, Source};
use std::sync::{Arc, OnceLock};

/// A plan document with its source text (when it came from text), the check-ins log it
/// names, and what is computed from them, each computed once: the located validation
/// problems, the index that finds a path's line, and the compiled engine. An edit
/// drops what it makes stale.
///
/// ```
/// use okr_core::{AsOf, Document, LintOptions, LoadOptions, PlanFormat};
/// let yaml = "\
/// schema_version: 1
/// cycles: [{id: q1, name: Q1, start: 2026-01-01, end: 2026-03-31}]
/// objectives:
///   - id: o1
///     title: Delight new customers
///     cycle: q1
///     key_results:
///       - id: k1
///         title: Raise activation from 20% to 40%
///         type: increase
///         start: 20
///         target: 40
///         check_ins: [{at: 2026-02-14, value: 30}]
/// ";
/// let doc = Document::parse(yaml, &LoadOptions::new(PlanFormat::Yaml))?;
/// assert!(doc.problems().is_empty());
/// let as_of = AsOf::parse("2026-02-14")?;
/// let card = doc.score(as_of)?;
/// assert_eq!(card.key_result("k1").and_then(|k| k.progress), Some(0.5));
/// let findings = doc.lint(&LintOptions::as_of(as_of))?;
/// assert!(findings.iter().all(|d| d.line.is_some()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Document {
    plan: Plan,
    source: Option<Source>,
    log: Option<LogIndex>,
    problems: OnceLock<Vec<Error>>,
    engine: OnceLock<Arc<Engine>>,
}

impl PartialEq for Document {
    /// Two documents are equal when their plans (and logs) are.
    fn eq(&self, other: &Self) -> bool {
        self.plan == other.plan
    }
}

impl Document {
    fn with(plan: Plan, source: Option<Source>) -> Document {
        Document {
            plan,
            source,
            log: None,
            problems: OnceLock::new(),
            engine: OnceLock::new(),
        }
    }

    /// An empty plan (schema version 1, no items), to build with the `add_*` calls.
    pub fn new(name: Option<String>) -> Document {
        Document::from_plan(Plan {
            name,
            ..Plan::default()
        })
    }

    /// A plan built in code. Its problems are found when asked for, as for text.
    pub fn from_plan(plan: Plan) -> Document {
        Document::with(plan, None)
    }

    /// Parses `text` (without its check-ins log). Text that is not well-formed, or
    /// is of the wrong shape, is an error with its line and column; problems of
    /// meaning (references, numbers, dates) are found by [`Document::problems`].
    pub fn parse(text: impl Into<String>, options: &LoadOptions) -> Result<Document> {
        let mut text = text.into();
        // A byte-order mark (Windows editors write one) is no part of any format.
        if text.starts_with('\u{FEFF}') {
            text.drain(..'\u{FEFF}'.len_utf8());
        }
        let plan = crate::format::parse(&text, options.format, &options.limits)?;
        Ok(Document::with(
            plan,
            Some(Source::new(text, options.format)),
        ))
    }

    /// [`Document::parse`], then reads the check-ins log the plan names (its
    /// `check_ins_file`) through `read_log`, which gets the name as written and returns
    /// the log's text, `None` when there is no such log yet, or the error that kept it
    /// from being read (an [`Error::Io`] in the log, say). The core does no file I/O: the CLI reads a file beside the plan, a web
    /// page might fetch it.
    ///
    /// ```
    /// use okr_core::{Document, DocumentKind, LoadOptions, PlanFormat};
    /// let plan = "schema_version: 1\ncheck_ins_file: q1.jsonl\nobjectives:\n  - id: o\n    title: Grow the business\n    key_results: [{id: k, title: Sign 10 deals, type: increase, start: 0, target: 10}]\n";
    /// let log = r#"{"key_result": "k", "at": "2026-02-01", "value": 4}"#;
    /// let doc = Document::parse_with_log(plan, &LoadOptions::new(PlanFormat::Yaml), |name| {
    ///     assert_eq!(name, "q1.jsonl");
    ///     Ok(Some(log.to_owned()))
    /// })?;
    /// assert_eq!(doc.counts().check_ins, 1);
    ///
    /// let bad = r#"{"key_result": "k", "at": "2026-02-01", "value": 4, "confidence": 7}"#;
    /// let doc = Document::parse_with_log(plan, &LoadOptions::new(PlanFormat::Yaml), |_| {
    ///     Ok(Some(bad.to_owned()))
    /// })?;
    /// let problem = &doc.problems()[0];
    /// assert_eq!(problem.document(), DocumentKind::Log);
    /// assert_eq!(problem.path(), "check_ins_file[0].confidence");
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn parse_with_log(
        text: impl Into<String>,
        options: &LoadOptions,
        read_log: impl FnOnce(&str) -> Result<Option<String>>,
    ) -> Result<Document> {
        let mut doc = Document::parse(text, options)?;
        // An empty name is a problem validation reports; there is nothing to read.
        if let Some(name) = doc
            .plan
            .check_ins_file
            .clone()
            .filter(|n| !n.trim().is_empty())
        {
            if let Some(log) = read_log(&name)? {
                doc.attach_log(&log)?;
            }
        }
        Ok(doc)
    }

    /// A plan from a value shaped like the JSON document (a Python dict, a JS object).
    /// Shape errors name the path; problems of meaning are found by
    /// [`Document::problems`].
    ///
    /// ```
    /// use okr_core::{Document, ErrorCode};
    /// let value = serde_json::json!({"schema_version": 1, "objectives": [{"id": "o", "title": "Grow", "wieght": 2}]});
    /// let e = Document::from_value(value).unwrap_err();
    /// assert_eq!((e.code(), e.path()), (ErrorCode::UnknownField, "objectives[0].wieght"));
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<Document> {
        crate::edit::from_value(value, "").map(Document::from_plan)
    }

    /// The document as a checked plan: `Ok` when it has no problems, else every
    /// problem, located.
    pub fn checked(self) -> Result<Document, Problems> {
        self.check()?;
        Ok(self)
    }

    /// Reads a check-ins log (JSON Lines) into the plan, replacing any read before;
    /// scoring merges its entries with the plan's own check-ins in time order.
    pub fn attach_log(&mut self, text: &str) -> Result<()> {
        let CheckInLog { entries, index } = CheckInLog::parse(text)?;
        self.plan.logged_check_ins = entries;
        self.log = Some(index);
        self.changed();
        Ok(())
    }

    /// [`Document::attach_log`] with a log read before, for a caller that reads many
    /// versions of one plan against the same log (an editor, on every keystroke).
    ///
    /// ```
    /// use okr_core::{CheckInLog, Document, LoadOptions, PlanFormat};
    /// let log = CheckInLog::parse(r#"{"key_result": "k", "at": "2026-02-01", "value": 4}"#)?;
    /// for target in [10, 20] {
    ///     let text = format!("schema_version: 1\nobjectives:\n  - id: o\n    title: Grow the business\n    key_results: [{{id: k, title: Sign deals, type: increase, start: 0, target: {target}}}]\n");
    ///     let mut doc = Document::parse(text, &LoadOptions::new(PlanFormat::Yaml))?;
    ///     doc.attach_parsed_log(&log);
    ///     assert_eq!(doc.counts().check_ins, 1);
    /// }
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn attach_parsed_log(&mut self, log: &CheckInLog) {
        self.plan.logged_check_ins = log.entries.clone();
        self.log = Some(log.index.clone());
        self.changed();
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan, taken out of the document.
    pub fn into_plan(self) -> Plan {
        self.plan
    }

    /// The text the plan was read from, when it was.
    pub fn source_text(&self) -> Option<&str> {
        self.source.as_ref().map(Source::text)
    }

    /// The name the plan gives its check-ins log, when it names one.
    pub fn check_ins_file(&self) -> Option<&str> {
        self.plan.check_ins_file.as_deref()
    }

    /// The scoring policy in force: the plan's `policy:` section over the defaults.
    pub fn policy(&self) -> Policy {
        self.plan.policy()
    }

    /// How many objectives, key results and check-ins (the plan's and the log's).
    pub fn counts(&self) -> Counts {
        let krs = self.plan.objectives.iter().flat_map(|o| &o.key_results);
        Counts {
            objectives: self.plan.objectives.len(),
            key_results: krs.clone().count(),
            check_ins: krs.map(|k| k.check_ins.len()).sum::<usize>()
                + self.plan.logged_check_ins.len(),
        }
    }

    /// Every problem of the plan under its own policy, in document order, each with
    /// its document (plan or log), path, line and column. Found once.
    pub fn problems(&self) -> &[Error] {
        self.problems.get_or_init(|| {
            let mut errors = crate::validate::validate(&self.plan, &self.plan.policy());
            self.locate_errors(&mut errors);
            errors
        })
    }

    /// `Ok` when the plan has no problems, else every problem, located.
    pub fn check(&self) -> Result<(), Problems> {
        match self.problems() {
            [] => Ok(()),
            problems => Err(Problems(problems.to_vec())),
        }
    }

    /// The compiled engine of the plan under its own policy, compiled on first use.
    pub fn engine(&self) -> Result<Arc<Engine>, Problems> {
        if let Some(engine) = self.engine.get() {
            return Ok(engine.clone());
        }
        self.check()?;
        let engine = Engine::compile_validated(&self.plan, self.plan.policy());
        Ok(self.engine.get_or_init(|| Arc::new(engine)).clone())
    }

    /// Every objective and key result scored, rolled up and forecast as of `as_of`.
    pub fn score(&self, as_of: AsOf) -> Result<Scorecard, Problems> {
        self.score_with(&ScoreOptions::as_of(as_of))
    }

    /// [`Document::score`] with options (a peer tool's policy).
    pub fn score_with(&self, options: &ScoreOptions) -> Result<Scorecard, Problems> {
        Ok(self.scores(options)?.to_scorecard())
    }

    /// The scores of [`Document::score_with`], made one objective at a time as they are
    /// read or serialized instead of held: a large plan's answer streams in constant
    /// memory. Serializing it writes the [`Scorecard`]'s JSON, byte for byte.
    ///
    /// ```
    /// use okr_core::{AsOf, Document, LoadOptions, PlanFormat, ScoreOptions};
    /// let text = "schema_version: 1\nobjectives:\n  - id: o\n    title: Grow the business\n    key_results: [{id: k, title: Sign 10 deals, type: increase, start: 0, target: 10, check_ins: [{at: 2026-02-01, value: 4}]}]\n";
    /// let doc = Document::parse(text, &LoadOptions::new(PlanFormat::Yaml))?;
    /// let options = ScoreOptions::as_of(AsOf::parse("2026-02-14")?);
    /// let scores = doc.scores(&options)?;
    /// assert_eq!(scores.objectives().next().unwrap().progress, Some(0.4));
    /// assert_eq!(
    ///     serde_json::to_string(&scores).unwrap(),
    ///     serde_json::to_string(&doc.score_with(&options)?).unwrap()
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scores(&self, options: &ScoreOptions) -> Result<Scores<'_>, Problems> {
        let engine = self.engine_for(options)?;
        let eval = engine.evaluate(options.as_of);
        Scores::new(engine, &self.plan, eval).map_err(Problems::from)
    }

    /// The engine under `options`' preset: the cached one for the plan's own policy,
    /// else one compiled for the preset (after validating under it).
    fn engine_for(&self, options: &ScoreOptions) -> Result<Arc<Engine>, Problems> {
        match options.preset {
            None => self.engine(),
            Some(preset) => {
                let policy = preset.policy();
                let mut problems = crate::validate::validate(&self.plan, &policy);
                if !problems.is_empty() {
                    self.locate_errors(&mut problems);
                    return Err(Problems(problems));
                }
                Ok(Arc::new(Engine::compile_validated(&self.plan, policy)))
            }
        }
    }

    /// The engine and its evaluation as of `as_of`: for callers that then ask the
    /// engine for more (incremental check-ins, a table).
    pub fn evaluate(&self, as_of: AsOf) -> Result<(Arc<Engine>, Evaluation), Problems> {
        let engine = self.engine()?;
        let eval = engine.evaluate(as_of);
        Ok((engine, eval))
    }

    /// Lints the plan, each diagnostic with its line and column when the plan came
    /// from text. A plan with problems is linted too, as far as it can be read as
    /// meant; problems that stop that (a dangling reference, a bad value) are the
    /// error, located. An unknown rule in the configuration is an
    /// [`Error::UnknownRule`].
    pub fn lint(&self, options: &LintOptions) -> Result<Vec<Diagnostic>, Problems> {
        crate::lint::known_rules(&options.config).map_err(Problems)?;
        let mut found = if self.problems().is_empty() {
            let (engine, eval) = self.evaluate(options.as_of)?;
            crate::lint::lint_scored(&self.plan, &engine, &eval, &options.config)
        } else {
            crate::lint::lint(&self.plan, &options.config, options.as_of)
        }
        .map_err(|mut errors| {
            self.locate_errors(&mut errors);
            Problems(errors)
        })?;
        self.locate_diagnostics(&mut found);
        Ok(found)
    }

    /// How the confidence people stated at check-ins compared with how their key
    /// results ended, as of `options.as_of`: for everyone and per owner, unit and cycle,
    /// the Brier score, the gap between stated confidence and the share that hit, a
    /// reliability table and a verdict (judged by the options, else by the plan's lint
    /// settings). See [`crate::calibration`].
    pub fn calibration(&self, options: &CalibrationOptions) -> Result<Calibration, Problems> {
        options.check().map_err(|e| Problems(vec![e]))?;
        let engine = self.engine()?;
        let settings = self
            .plan
            .lint
            .clone()
            .unwrap_or_default()
            .resolved_settings();
        Ok(crate::calibration::calibrate(
            &self.plan, &engine, options, &settings,
        ))
    }

    /// The alignment analysis: roots, orphans, and per objective its parents,
    /// children, depth, skipped levels and coverage.
    pub fn alignment(&self) -> AlignmentReport {
        crate::alignment::analyze(&self.plan)
    }

    /// One of the tables data frames are built from. `Scores` is scored as of
    /// `lint.as_of`, and `Diagnostics` linted with `lint`.
    pub fn table(&self, kind: TableKind, lint: &LintOptions) -> Result<Table, Problems> {
        Ok(match kind {
            TableKind::Objectives => crate::table::objectives(&self.plan),
            TableKind::KeyResults => crate::table::key_results(&self.plan),
            TableKind::CheckIns => crate::table::check_ins(&self.plan),
            TableKind::Scores => {
                let (engine, eval) = self.evaluate(lint.as_of)?;
                crate::table::scores(&self.plan, &engine, &eval).map_err(Problems::from)?
            }
            TableKind::Diagnostics => crate::table::diagnostics(&self.lint(lint)?),
        })
    }

    /// How key result `key_result` moved through its period: a row every `step_days`
    /// (value, progress, expected, status), for burn-up charts.
    pub fn history(&self, key_result: &str, step_days: u32) -> Result<Table, Problems> {
        let engine = self.engine()?;
        crate::table::history(&self.plan, &engine, key_result, step_days).map_err(Problems::from)
    }

    /// The report (grades per unit, the alignment tree, scores and forecasts, lint
    /// findings by objective) as of `lint.as_of`, linted with `lint`.
    pub fn report(&self, format: ReportFormat, lint: &LintOptions) -> Result<String, Problems> {
        self.report_with(format, &ReportOptions::new(lint.clone()))
    }

    /// [`Document::report`] with the findings left out or kept, and what changed since
    /// an earlier moment (`options.since`); the HTML page draws each key result's
    /// course as a sparkline.
    pub fn report_with(
        &self,
        format: ReportFormat,
        options: &ReportOptions,
    ) -> Result<String, Problems> {
        let as_of = options.lint.as_of;
        let (engine, eval) = self.evaluate(as_of)?;
        let card = engine
            .scorecard(&self.plan, &eval)
            .map_err(Problems::from)?;
        let diagnostics = if options.findings {
            Some(self.lint(&options.lint)?)
        } else {
            None
        };
        let calibration = self.calibration(&CalibrationOptions::as_of(as_of))?;
        let inputs = crate::report::Inputs::new(
            &self.plan,
            &engine,
            &card,
            as_of,
            diagnostics.as_deref(),
            calibration,
            options,
        )
        .map_err(Problems::from)?;
        Ok(match format {
            ReportFormat::Markdown => crate::report::markdown(&inputs),
            ReportFormat::Html => crate::report::html(&inputs),
        })
    }

    /// The plan written in `format`: pretty JSON, YAML or CSV. Every field is kept
    /// (CSV keeps what its columns hold). A NaN or infinity, which JSON cannot hold,
    /// is an error naming its path.
    pub fn write(&self, format: PlanFormat) -> Result<String> {
        match format {
            PlanFormat::Json => crate::format::json::to_string(&self.plan),
            PlanFormat::Yaml => crate::format::yaml::to_string(&self.plan),
            PlanFormat::Csv => crate::format::csv::to_string(&self.plan),
        }
    }

    /// What writing the plan in `format` would leave out, one line per kind of thing
    /// ("3 KPI(s)", "the `policy:` section"): CSV's missing columns, and in every
    /// format the comments of a plan read from YAML (a plan is written from its data,
    /// not its text). JSON and YAML keep every field. A caller converting says so
    /// before it loses anything.
    ///
    /// ```
    /// use okr_core::{Document, LoadOptions, PlanFormat};
    /// let yaml = "schema_version: 1\nname: Q1\nobjectives:\n  - id: o\n    title: Grow\n    key_results: [{id: k, title: Ship it, type: milestone, check_ins: [{at: 2026-01-05, value: true}]}]\n";
    /// let doc = Document::parse(yaml, &LoadOptions::new(PlanFormat::Yaml))?;
    /// assert!(doc.left_out_of(PlanFormat::Yaml).is_empty());
    /// assert_eq!(doc.left_out_of(PlanFormat::Csv).len(), 2); // the check-in, the name
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn left_out_of(&self, format: PlanFormat) -> Vec<String> {
        let mut out = match format {
            PlanFormat::Csv => crate::format::csv::left_out(&self.plan),
            PlanFormat::Json | PlanFormat::Yaml => Vec::new(),
        };
        if let Some(source) = &self.source
            && source.format() == PlanFormat::Yaml
        {
            let comments = crate::format::yaml::comment_lines(source.text());
            if comments > 0 {
                out.push(format!(
                    "the comments ({comments} line{}): a plan is written from its data",
                    if comments == 1 { "" } else { "s" }
                ));
            }
        }
        out
    }

    /// The plan as compact JSON (no indentation): for machines, and big plans.
    pub fn write_compact_json(&self) -> Result<String> {
        crate::format::json::to_string_compact(&self.plan)
    }

    /// The plan as a JSON value (what bindings hand to their language as dicts or
    /// objects).
    pub fn to_value(&self) -> Result<serde_json::Value> {
        crate::format::json::to_value(&self.plan)
    }

    /// The attached log, one JSON Lines line per entry (newline included).
    pub fn log_lines(&self) -> Result<Vec<String>> {
        self.plan
            .logged_check_ins
            .iter()
            .map(crate::format::check_in_log::line)
            .collect()
    }

    /// A copy of the document under another policy: `config` is a `policy:` section
    /// (a `preset` name and/or fields such as `overshoot`, `zero_range`, `status`).
    /// A section that cannot be read is an [`Error::Policy`]; problems the new policy
    /// brings (start equal to target under `zero_range: error`) are returned located.
    pub fn with_policy(&self, config: serde_json::Value) -> Result<Document, Problems> {
        let config: PolicyConfig = crate::edit::from_value(config, "policy").map_err(|e| {
            Problems::from(Error::Policy {
                message: e.message(),
                location: e
                    .location()
                    .cloned()
                    .unwrap_or_else(|| Location::at("policy")),
            })
        })?;
        let mut doc = self.clone();
        doc.plan.policy = Some(config);
        doc.changed();
        doc.check()?;
        Ok(doc)
    }

    /// Appends a unit read from `value` (the shape of an entry of `units`).
    pub fn add_unit(&mut self, value: serde_json::Value) -> Result<()> {
        let at = format!("units[{}]", self.plan.units.len());
        self.edit(&at, value, Plan::add_unit)
    }

    /// Appends a cycle read from `value` (the shape of an entry of `cycles`).
    pub fn add_cycle(&mut self, value: serde_json::Value) -> Result<()> {
        let at = format!("cycles[{}]", self.plan.cycles.len());
        self.edit(&at, value, Plan::add_cycle)
    }

    /// Appends an objective read from `value` (with any key results it holds).
    pub fn add_objective(&mut self, value: serde_json::Value) -> Result<()> {
        let at = format!("objectives[{}]", self.plan.objectives.len());
        self.edit(&at, value, Plan::add_objective)
    }

    /// Appends a key result read from `value` to the objective `objective`.
    pub fn add_key_result(&mut self, objective: &str, value: serde_json::Value) -> Result<()> {
        let Some(i) = self.plan.objectives.iter().position(|o| o.id == objective) else {
            return Err(Error::NotFound {
                entity: crate::error::Entity::Objective,
                id: objective.to_owned(),
            });
        };
        let at = format!(
            "objectives[{i}].key_results[{}]",
            self.plan.objectives[i].key_results.len()
        );
        self.edit(&at, value, |plan, kr| plan.add_key_result(objective, kr))
    }

    /// Adds a check-in read from `value` (`at`, `value`, `confidence`, `note`,
    /// `author`) to the key result `key_result`, in time order.
    pub fn add_check_in(&mut self, key_result: &str, value: serde_json::Value) -> Result<()> {
        let at = format!("check-in of {key_result}");
        self.edit(&at, value, |plan, check_in| {
            plan.add_check_in(key_result, check_in)
        })
    }

    /// Reads an item from `value` (errors point at `at` plus the path inside it), adds
    /// it to the plan with `add`, and drops what the edit makes stale.
    fn edit<T: serde::de::DeserializeOwned>(
        &mut self,
        at: &str,
        value: serde_json::Value,
        add: impl FnOnce(&mut Plan, T) -> Result<()>,
    ) -> Result<()> {
        add(&mut self.plan, crate::edit::from_value(value, at)?)?;
        self.changed();
        Ok(())
    }

    /// Appends an entry to the attached log, as if its line had been read from it.
    pub fn push_log_entry(&mut self, entry: LoggedCheckIn) {
        self.plan.logged_check_ins.push(entry);
        self.changed();
    }

    /// Drops what an edit makes stale. Edits append, so the paths (and lines) of
    /// what was read stay true, and the source index is kept.
    fn changed(&mut self) {
        self.problems = OnceLock::new();
        self.engine = OnceLock::new();
    }
}

/// A check-ins log (JSON Lines) read once, to attach to any number of documents with
/// [`Document::attach_parsed_log`]; its problems stay located at their lines.
#[derive(Clone, Debug)]
pub struct CheckInLog {
    entries: Vec<LoggedCheckIn>,
    index: LogIndex,
}

impl CheckInLog {
    /// Reads a log; a line that is not a check-in is the error, located in the log.
    pub fn parse(text: &str) -> Result<CheckInLog> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        Ok(CheckInLog {
            entries: crate::format::check_in_log::parse(text)?,
            index: LogIndex::new(text),
        })
    }

    /// Its entries, in the order written.
    pub fn entries(&self) -> &[LoggedCheckIn] {
        &self.entries
    }
}

/// How big a plan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Counts {
    /// Objectives.
    pub objectives: usize,
    /// Key results.
    pub key_results: usize,
    /// Check-ins, the plan's and the log's.
    pub check_ins: usize,
}

#[cfg(test)]
mod tests;
