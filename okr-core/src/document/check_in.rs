//! Preparing a check-in for the log: the value read for the key result's kind, the
//! entry checked against the plan, and the line to append.

use super::{CheckInRequest, Document};
use crate::error::{Entity, Error, Location, Problems, Result};
use crate::format::text_value::{parse_confidence, parse_value};
use crate::model::{CheckIn, KrKind, LoggedCheckIn, Moment};

/// A check-in ready for the log: the entry, and its line (newline included) to append.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedCheckIn {
    /// The entry, as it reads back from the log.
    pub entry: LoggedCheckIn,
    /// The JSON Lines line to append, newline included.
    pub line: String,
}

impl Document {
    /// Reads `request` for its key result's kind (a KPI takes a number) and checks the
    /// entry as the log's next line, without changing the document. Errors point at
    /// the entry in the log (`check_ins_file[n].value`).
    ///
    /// ```
    /// use okr_core::{CheckInRequest, Document, LoadOptions, PlanFormat};
    /// let plan = "schema_version: 1\nobjectives:\n  - id: o\n    title: Ship the beta\n    key_results: [{id: beta, title: Beta in customers' hands, type: milestone}]\n";
    /// let doc = Document::parse(plan, &LoadOptions::new(PlanFormat::Yaml))?;
    /// let request = CheckInRequest {
    ///     key_result: "beta".into(),
    ///     value: "done".into(),
    ///     at: Some("2026-02-01".into()),
    ///     confidence: Some("9/10".into()),
    ///     ..CheckInRequest::default()
    /// };
    /// let prepared = doc.prepare_check_in(&request)?;
    /// assert_eq!(
    ///     prepared.line,
    ///     "{\"key_result\":\"beta\",\"at\":\"2026-02-01\",\"value\":true,\"confidence\":0.9}\n"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn prepare_check_in(&self, request: &CheckInRequest) -> Result<PreparedCheckIn, Problems> {
        let n = self.plan.logged_check_ins.len();
        let at_field = |field: &str| Location::in_log(format!("check_ins_file[{n}].{field}"));
        let kind = match self.plan.key_result(&request.key_result) {
            Some(kr) => kr.kind.clone(),
            None if self.plan.kpis.iter().any(|k| k.id == request.key_result) => {
                KrKind::Baseline { start: None }
            }
            None => {
                return Err(Problems::from(Error::NotFound {
                    entity: Entity::KeyResult,
                    id: request.key_result.clone(),
                }));
            }
        };
        let invalid = |field: &str, message: String| {
            Problems::from(Error::InvalidValue {
                message,
                location: at_field(field),
            })
        };
        let value = parse_value(&kind, &request.value).map_err(|m| invalid("value", m))?;
        let at = match request.at.as_deref() {
            Some(t) => Moment::parse(t).map_err(|m| invalid("at", m))?,
            None => Moment::now(),
        };
        let mut check_in = CheckIn::new(at, value);
        check_in.confidence = request
            .confidence
            .as_deref()
            .map(parse_confidence)
            .transpose()
            .map_err(|m| invalid("confidence", m))?;
        check_in.note = request.note.as_deref().map(Into::into);
        check_in.author = request.author.as_deref().map(Into::into);
        let entry = LoggedCheckIn::new(request.key_result.clone(), check_in);
        let problems = crate::validate::validate_log_entry(&self.plan, &entry, n);
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let line = line(&entry).map_err(Problems::from)?;
        Ok(PreparedCheckIn { entry, line })
    }
}

fn line(entry: &LoggedCheckIn) -> Result<String> {
    crate::format::check_in_log::line(entry)
}
