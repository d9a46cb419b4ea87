//! Check-ins, the plan's own and the log's entries.

use super::{Validator, loc};
use crate::engine::kinds::encode_value;
use crate::error::{Entity, Error};
use crate::model::{CheckIn, KrKind, LoggedCheckIn};

/// Check-ins must fall between these years.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

impl Validator<'_> {
    pub(super) fn check_in(&mut self, path: &dyn Fn() -> String, ci: &CheckIn, kind: &KrKind) {
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
        self.text(|| format!("{}.note", path()), ci.note.as_deref());
        if let Err(message) = encode_value(kind, &ci.value) {
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
        let path = format!("check_ins_file[{n}]");
        let kind = if let Some(&(a, b)) = self.ids.key_results.get(l.key_result.as_str()) {
            let kr = &plan.objectives[a].key_results[b];
            if matches!(kr.kind, KrKind::Aggregate { .. }) || kr.kpi.is_some() {
                self.errors.push(Error::Schema {
                    message: format!(
                        "key result `{}` takes its values from elsewhere; it cannot have check-ins",
                        kr.id
                    ),
                    location: loc(format!("{path}.key_result")),
                });
                return;
            }
            kr.kind.clone()
        } else if self.ids.kpis.contains_key(l.key_result.as_str()) {
            KrKind::Baseline { start: None }
        } else {
            self.errors.push(Error::UnknownReference {
                entity: Entity::KeyResult,
                id: l.key_result.clone(),
                hint: None,
                location: loc(format!("{path}.key_result")),
            });
            return;
        };
        self.check_in(&|| path.clone(), &l.check_in(), &kind);
    }
}
