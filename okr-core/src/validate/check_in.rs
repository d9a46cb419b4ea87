//! Check-ins, the plan's own and the log's entries.

use super::{Validator, loc};
use crate::engine::kinds::encode_value;
use crate::error::{Entity, Error};
use crate::model::{CheckIn, KrKind, LoggedCheckIn, Moment, Value};

/// Check-ins must fall between these years.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// What validation reads of a check-in, the plan's own or a log entry's, borrowed: a
/// log of thousands of entries is validated on every keystroke of an editor, and
/// copying each entry into a [`CheckIn`] first cost more than the checks.
pub(super) struct Reading<'c> {
    at: &'c Moment,
    value: &'c Value,
    confidence: Option<f64>,
    note: Option<&'c str>,
}

impl<'c> From<&'c CheckIn> for Reading<'c> {
    fn from(ci: &'c CheckIn) -> Self {
        Reading {
            at: &ci.at,
            value: &ci.value,
            confidence: ci.confidence,
            note: ci.note.as_deref(),
        }
    }
}

impl<'c> From<&'c LoggedCheckIn> for Reading<'c> {
    fn from(l: &'c LoggedCheckIn) -> Self {
        Reading {
            at: &l.at,
            value: &l.value,
            confidence: l.confidence,
            note: l.note.as_deref(),
        }
    }
}

impl Validator<'_> {
    pub(super) fn check_in(&mut self, path: &dyn Fn() -> String, ci: Reading<'_>, kind: &KrKind) {
        let year = chrono::Datelike::year(&ci.at.date());
        if !YEARS.contains(&year) {
            self.invalid(
                format!("{}.at", path()),
                format!(
                    "check-in date {} is outside the years {}–{}",
                    ci.at,
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
        if let Some(c) = ci.confidence {
            if !(0.0..=1.0).contains(&c) {
                self.invalid(format!("{}.confidence", path()), format!("confidence is a share from 0 to 1, not {c} (a 0–10 score s is written s/10)"));
            }
        }
        self.text(|| format!("{}.note", path()), ci.note);
        if let Err(message) = encode_value(kind, ci.value) {
            self.errors.push(Error::InvalidValue {
                message,
                location: loc(format!("{}.value", path())),
            });
        }
    }

    pub(super) fn check_logged_check_ins(&mut self) {
        let first = self.errors.len();
        for (n, l) in self.plan.logged_check_ins.iter().enumerate() {
            self.check_log_entry(n, l);
        }
        self.mark_in_log(first);
    }

    /// Everything found from error `first` on points into the log, not the plan.
    pub(super) fn mark_in_log(&mut self, first: usize) {
        for e in &mut self.errors[first..] {
            if let Some(l) = e.location_mut() {
                l.document = crate::error::DocumentKind::Log;
            }
        }
    }

    pub(super) fn check_log_entry(&mut self, n: usize, l: &LoggedCheckIn) {
        let plan = self.plan;
        // Made only for an error: most entries have none.
        let path = || format!("check_ins_file[{n}]");
        let kpi_kind = KrKind::Baseline { start: None };
        let kind = if let Some(&(a, b)) = self.ids.key_results.get(l.key_result.as_str()) {
            let kr = &plan.objectives[a].key_results[b];
            if matches!(kr.kind, KrKind::Aggregate { .. }) || kr.kpi.is_some() {
                self.errors.push(Error::Schema {
                    message: format!(
                        "key result `{}` takes its values from elsewhere; it cannot have check-ins",
                        kr.id
                    ),
                    location: loc(format!("{}.key_result", path())),
                });
                return;
            }
            &kr.kind
        } else if self.ids.kpis.contains_key(l.key_result.as_str()) {
            &kpi_kind
        } else {
            self.errors.push(Error::UnknownReference {
                entity: Entity::KeyResult,
                id: l.key_result.clone(),
                hint: None,
                location: loc(format!("{}.key_result", path())),
            });
            return;
        };
        self.check_in(&path, l.into(), kind);
    }
}
