//! Semantic checks of a parsed plan (DESIGN §10): ids, references, numbers, dates,
//! key-result shapes and loops. Every problem is reported with its document path.
//!
//! One [`Validator`] walks the plan in document order; each concern has its file:
//! ids and references (`ids`), units, cycles and KPIs (`structure`), objectives and
//! key results (`objective`), each key-result kind's own fields (`kinds`), check-ins
//! and the log (`check_in`), the plan's settings and roll-up weights (`sections`), and
//! loops in the four graphs (`graphs`).

mod check_in;
mod graphs;
mod ids;
mod kinds;
mod objective;
mod sections;
mod structure;

pub(crate) use kinds::{RangeProblem, range_problem};

use crate::error::{Error, Location};
use crate::model::{LoggedCheckIn, Plan, SCHEMA_VERSION};
use crate::policy::Policy;
use ids::Ids;

/// Longest text accepted in a title, description, note or other free-text field.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// All problems of `plan` under `policy`, in document order. Empty means valid.
pub(crate) fn validate(plan: &Plan, policy: &Policy) -> Vec<Error> {
    let mut v = Validator {
        plan,
        policy,
        errors: Vec::new(),
        ids: Ids::default(),
    };
    v.run();
    v.errors
}

/// The problems of `entry` as entry `n` of the plan's check-ins log, found without
/// validating the rest of the plan again (a check-in is recorded against a plan that
/// was valid when read).
pub(crate) fn validate_log_entry(plan: &Plan, entry: &LoggedCheckIn, n: usize) -> Vec<Error> {
    let policy = plan.policy();
    let mut v = Validator {
        plan,
        policy: &policy,
        errors: Vec::new(),
        ids: Ids::for_entry(plan, &entry.key_result),
    };
    v.check_log_entry(n, entry);
    v.mark_in_log(0);
    v.errors
}

struct Validator<'a> {
    plan: &'a Plan,
    policy: &'a Policy,
    errors: Vec<Error>,
    ids: Ids<'a>,
}

/// Where a record is, written out as its document path only when an error needs it: a
/// valid plan of 100,000 objectives would otherwise format a path for every record.
#[derive(Clone, Copy, Debug)]
pub(super) enum Place {
    /// `objectives[i]`.
    Objective(usize),
    /// `objectives[i].key_results[j]`.
    KeyResult(usize, usize),
    /// `objectives[i].aligns_to[n]`.
    Link(usize, usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Objective(i) => write!(f, "objectives[{i}]"),
            Place::KeyResult(i, j) => write!(f, "objectives[{i}].key_results[{j}]"),
            Place::Link(i, n) => write!(f, "objectives[{i}].aligns_to[{n}]"),
        }
    }
}

fn loc(path: impl Into<String>) -> Location {
    Location::at(path)
}

impl Validator<'_> {
    pub(super) fn run(&mut self) {
        if self.plan.schema_version != SCHEMA_VERSION {
            self.invalid(
                "schema_version",
                format!(
                    "schema_version {} is not supported; this library reads version {SCHEMA_VERSION}",
                    self.plan.schema_version
                ),
            );
        }
        self.text(|| "name".into(), self.plan.name.as_deref());
        self.collect_ids();
        self.check_units();
        self.check_unit_tree();
        self.check_cycles();
        self.check_cycle_tree();
        self.check_kpis();
        for (i, _) in self.plan.objectives.iter().enumerate() {
            self.check_objective(i);
        }
        self.check_logged_check_ins();
        self.check_sections();
        self.check_rollup_weights();
        self.check_alignment_cycle();
        self.check_aggregate_cycle();
    }

    pub(super) fn invalid(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Error::InvalidValue {
            message: message.into(),
            location: loc(path),
        });
    }

    // Paths are built by closures, only when a check fails: a large plan has millions
    // of fields and almost never an error in them.
    pub(super) fn text(&mut self, path: impl FnOnce() -> String, text: Option<&str>) {
        if let Some(t) = text {
            if t.len() > MAX_TEXT_BYTES {
                self.errors.push(Error::Limit {
                    message: format!(
                        "text of {} bytes is longer than the {MAX_TEXT_BYTES}-byte limit",
                        t.len()
                    ),
                    location: loc(path()),
                });
            }
        }
    }

    /// A name or title the format requires: within the length limit and not blank (a
    /// blank one reads in CSV as a cell left empty, which means "not set").
    pub(super) fn required_text(&mut self, path: impl FnOnce() -> String, text: &str) {
        if text.trim().is_empty() {
            let path = path();
            let field = path.rsplit('.').next().unwrap_or("text").to_owned();
            self.invalid(
                path,
                format!("`{field}` must not be blank; write what it is"),
            );
        } else {
            self.text(path, Some(text));
        }
    }

    pub(super) fn number(&mut self, path: impl FnOnce() -> String, value: Option<f64>) {
        if let Some(x) = value {
            if !x.is_finite() {
                self.invalid(path(), format!("must be a finite number, not {x}"));
            }
        }
    }

    pub(super) fn weight(&mut self, path: impl FnOnce() -> String, value: Option<f64>) {
        match value {
            Some(w) if !w.is_finite() => {
                self.invalid(path(), format!("weight must be a finite number, not {w}"))
            }
            Some(w) if w < 0.0 => {
                self.invalid(path(), format!("weight must not be negative ({w})"))
            }
            _ => {}
        }
    }
}
