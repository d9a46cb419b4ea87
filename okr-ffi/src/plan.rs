//! `Plan`: a document of the core behind an `Arc`, immutable once made. Each method
//! converts its arguments, calls one `Document` method and returns what it returns;
//! edits return a new plan, so one plan can be read from many threads at once.

use crate::error::{OkrError, guard};
use crate::options::{LintOptions, score_options};
use okr_core::alignment::AlignedObjective;
use okr_core::{
    AsOf, Calibration, CalibrationOptions, CheckInRequest, Counts, Diagnostic, Document, ErrorInfo,
    LoadOptions, PlanFormat, Preset, ReportFormat, Scorecard, Supposed, WhatIf,
};
use std::sync::Arc;

/// A plan read from text (with its check-ins log), ready to score, lint, report and
/// edit. Safe to share between threads: nothing changes it after it is made.
#[derive(Debug, uniffi::Object)]
pub struct Plan(Document);

/// The alignment analysis: the tops of the tree, the orphans, and every objective's
/// place in it.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Alignment {
    /// Objectives with no parent, in document order.
    pub roots: Vec<String>,
    /// Non-company objectives with no parent.
    pub orphans: Vec<String>,
    /// Every objective, in document order.
    pub objectives: Vec<AlignedObjective>,
}

/// A check-in ready to keep: the line to append to the check-ins log, and the plan
/// with the check-in in it.
#[derive(Debug, uniffi::Record)]
pub struct PreparedCheckIn {
    /// The JSON Lines line, newline included.
    pub line: String,
    /// The plan with the check-in added to its log.
    pub plan: Arc<Plan>,
}

fn new(document: Document) -> Arc<Plan> {
    Arc::new(Plan(document))
}

#[uniffi::export]
impl Plan {
    /// Reads a plan from `text` in `format`, with the text of its check-ins log when it
    /// has one. With `validate` (the default) a plan with problems is refused, all of
    /// them in the error's `problems`; without, `problems()` lists them and
    /// `lint` still runs.
    #[uniffi::constructor(default(log = None, validate = true))]
    pub fn load(
        text: String,
        format: PlanFormat,
        log: Option<String>,
        validate: bool,
    ) -> Result<Arc<Plan>, OkrError> {
        guard(|| {
            let mut document = Document::parse(text, &LoadOptions::new(format))?;
            if let Some(log) = log {
                document.attach_log(&log)?;
            }
            if validate {
                document = document.checked()?;
            }
            Ok(new(document))
        })
    }

    /// Reads a validated plan from its canonical JSON.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Plan>, OkrError> {
        Plan::load(json, PlanFormat::Json, None, true)
    }

    /// Every problem validation found, in document order; empty for a valid plan.
    pub fn problems(&self) -> Vec<ErrorInfo> {
        self.0.problems().iter().map(ErrorInfo::from).collect()
    }

    /// How many objectives, key results and check-ins the plan holds.
    pub fn counts(&self) -> Counts {
        self.0.counts()
    }

    /// Every objective and key result scored as of `as_of` (`YYYY-MM-DD` or an RFC
    /// 3339 timestamp; `null` is now), under `preset` instead of the plan's own
    /// policy when given.
    #[uniffi::method(default(as_of = None, preset = None))]
    pub fn score(
        &self,
        as_of: Option<String>,
        preset: Option<Preset>,
    ) -> Result<Scorecard, OkrError> {
        guard(|| Ok(self.0.score_with(&score_options(as_of, preset)?)?))
    }

    /// `text` read as a value of key result `key_result`'s kind, as `okr score
    /// --what-if` reads it (a number; true/false or done for a milestone; a zone name;
    /// comma-separated finished steps), ready for [`Plan::what_if`].
    pub fn suppose(&self, key_result: String, text: String) -> Result<Supposed, OkrError> {
        guard(|| Ok(self.0.suppose(&key_result, &text)?))
    }

    /// The scores as of `as_of` as if each supposed key result had reported its value
    /// then, and every objective and key result whose progress, status or chance
    /// moves. The plan is not changed.
    #[uniffi::method(default(as_of = None, preset = None))]
    pub fn what_if(
        &self,
        supposed: Vec<Supposed>,
        as_of: Option<String>,
        preset: Option<Preset>,
    ) -> Result<WhatIf, OkrError> {
        guard(|| Ok(self.0.what_if(&score_options(as_of, preset)?, &supposed)?))
    }

    /// How the confidence stated at check-ins compared with how key results ended, as
    /// of `as_of` (a date or timestamp; `null` is now): for everyone and per owner,
    /// unit and cycle, the Brier score, the gap between stated confidence and the share
    /// that hit, a reliability table and a verdict. `hit_at` counts reaching that
    /// progress as a hit; the judgement fields default to the plan's lint settings.
    #[uniffi::method(default(
        as_of = None,
        hit_at = None,
        min_key_results = None,
        min_cycles = None,
        max_gap = None
    ))]
    pub fn calibration(
        &self,
        as_of: Option<String>,
        hit_at: Option<f64>,
        min_key_results: Option<u32>,
        min_cycles: Option<u32>,
        max_gap: Option<f64>,
    ) -> Result<Calibration, OkrError> {
        guard(|| {
            let options = CalibrationOptions {
                as_of: AsOf::parse_or_now(as_of.as_deref())?,
                hit_at,
                min_key_results,
                min_cycles,
                max_gap,
            };
            Ok(self.0.calibration(&options)?)
        })
    }

    /// What the lint rules find, configured by `options` over the plan's own
    /// `lint:` section.
    #[uniffi::method(default(options))]
    pub fn lint(&self, options: LintOptions) -> Result<Vec<Diagnostic>, OkrError> {
        guard(|| Ok(self.0.lint(&options.to_core()?)?))
    }

    /// The alignment analysis.
    pub fn alignment(&self) -> Result<Alignment, OkrError> {
        guard(|| {
            let report = self.0.alignment();
            Ok(Alignment {
                roots: report.roots,
                orphans: report.orphans,
                objectives: report.objectives,
            })
        })
    }

    /// The path from objective `id` up to the top of the alignment tree along first
    /// parents, `id` first.
    pub fn line_of_sight(&self, id: String) -> Result<Vec<String>, OkrError> {
        guard(|| {
            let report = self.0.alignment();
            if report.objective(&id).is_none() {
                return Err(okr_core::Error::NotFound {
                    entity: okr_core::Entity::Objective,
                    id,
                }
                .into());
            }
            Ok(report.line_of_sight(&id))
        })
    }

    /// The status report (scores, alignment and findings) in `format`, with the lint
    /// findings configured by `options`.
    #[uniffi::method(default(options))]
    pub fn report(&self, format: ReportFormat, options: LintOptions) -> Result<String, OkrError> {
        guard(|| Ok(self.0.report(format, &options.to_core()?)?))
    }

    /// The plan as text in `format`: lossless for JSON and YAML.
    pub fn write(&self, format: PlanFormat) -> Result<String, OkrError> {
        guard(|| Ok(self.0.write(format)?))
    }

    /// A new plan with the objective `json` (the plan format's object) added.
    pub fn with_objective(&self, json: String) -> Result<Arc<Plan>, OkrError> {
        self.edit(|doc| doc.add_objective(value(&json)?))
    }

    /// A new plan with the key result `json` added to the objective `objective`.
    pub fn with_key_result(&self, objective: String, json: String) -> Result<Arc<Plan>, OkrError> {
        self.edit(|doc| doc.add_key_result(&objective, value(&json)?))
    }

    /// A new plan with the org unit `json` added.
    pub fn with_unit(&self, json: String) -> Result<Arc<Plan>, OkrError> {
        self.edit(|doc| doc.add_unit(value(&json)?))
    }

    /// A new plan with the cycle `json` added.
    pub fn with_cycle(&self, json: String) -> Result<Arc<Plan>, OkrError> {
        self.edit(|doc| doc.add_cycle(value(&json)?))
    }

    /// Reads a check-in as a person types it (the value for its key result's kind)
    /// and checks it as the log's next entry: the line to append to the check-ins
    /// log, and the plan with the check-in. Errors point at the entry
    /// (`check_ins_file[n].value`).
    pub fn check_in(&self, request: CheckInRequest) -> Result<PreparedCheckIn, OkrError> {
        guard(|| {
            let prepared = self.0.prepare_check_in(&request)?;
            let mut document = self.0.clone();
            document.push_log_entry(prepared.entry);
            Ok(PreparedCheckIn {
                line: prepared.line,
                plan: new(document),
            })
        })
    }
}

impl Plan {
    /// A copy of the document with `change` made, or the error and this plan as it was.
    fn edit(
        &self,
        change: impl FnOnce(&mut Document) -> okr_core::Result<()>,
    ) -> Result<Arc<Plan>, OkrError> {
        guard(|| {
            let mut document = self.0.clone();
            change(&mut document)?;
            Ok(new(document))
        })
    }

    /// The core document, for Rust callers of this crate.
    pub fn document(&self) -> &Document {
        &self.0
    }
}

/// JSON text as a value, a syntax error located in it.
fn value(json: &str) -> okr_core::Result<serde_json::Value> {
    okr_core::format::json::parse_value(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "schema_version: 1\nobjectives:\n  - id: o\n    title: Ship the beta to customers\n    key_results:\n      - {id: k, title: Reach 40 beta customers, type: increase, start: 0, target: 40}\n";

    fn plan() -> Arc<Plan> {
        Plan::load(PLAN.into(), PlanFormat::Yaml, None, true).expect("valid")
    }

    #[test]
    fn plans_cross_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Plan>();
        assert_send_sync::<OkrError>();
    }

    #[test]
    fn a_failed_edit_leaves_the_plan_as_it_was() {
        let plan = plan();
        let before = plan.write(PlanFormat::Json).expect("writes");
        let e = plan
            .with_key_result(
                "o".into(),
                r#"{"id": "k", "title": "Again", "type": "milestone"}"#.into(),
            )
            .unwrap_err();
        assert_eq!(e.code(), "duplicate_id");
        assert_eq!(plan.write(PlanFormat::Json).expect("writes"), before);
    }

    #[test]
    fn a_check_in_gives_its_line_and_a_plan_that_scores_it() {
        let plan = plan();
        let request = CheckInRequest {
            key_result: "k".into(),
            value: "10".into(),
            at: Some("2026-02-01".into()),
            ..CheckInRequest::default()
        };
        let prepared = plan.check_in(request).expect("valid");
        assert!(
            prepared
                .line
                .starts_with(r#"{"key_result":"k","at":"2026-02-01","value":10"#)
        );
        let card = prepared
            .plan
            .score(Some("2026-02-02".into()), None)
            .expect("scores");
        assert_eq!(card.key_result("k").and_then(|k| k.progress), Some(0.25));
        assert_eq!(plan.counts().check_ins, 0);
    }

    #[test]
    fn an_unknown_objective_has_no_line_of_sight() {
        let e = plan().line_of_sight("nope".into()).unwrap_err();
        assert!(matches!(e, OkrError::NotFound { .. }), "{e:?}");
    }
}
