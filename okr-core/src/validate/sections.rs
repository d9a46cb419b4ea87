//! The plan's own settings, and what they make of the numbers: the `policy:` and
//! `lint:` sections, the check-ins log's name, objectives that roll up children whose
//! weights are all 0. Each of these was once accepted and then scored or linted
//! wrongly (or refused only by `lint`), so `validate` refuses them first.

use super::{Validator, loc};
use crate::error::Error;
use crate::model::ProgressFrom;
use crate::policy::{GradingPolicy, StatusRule, Zones};

impl Validator<'_> {
    pub(super) fn check_sections(&mut self) {
        if let Some(name) = &self.plan.check_ins_file {
            if name.trim().is_empty() {
                self.invalid(
                    "check_ins_file",
                    "the check-ins log needs a file name, e.g. `okrs.check-ins.jsonl`; \
                     leave the field out for a plan without a log",
                );
            }
        }
        if let Some(policy) = &self.plan.policy {
            if let Some(zones) = &policy.zones {
                self.check_policy_zones(zones);
            }
            if let Some(rule) = &policy.status {
                self.check_status_rule(rule);
            }
            if let Some(grading) = &policy.grading {
                self.check_grading(grading);
            }
        }
        self.check_lint_section();
    }

    fn policy_error(&mut self, path: &str, message: String) {
        self.errors.push(Error::Policy {
            message,
            location: loc(format!("policy.{path}")),
        });
    }

    /// Each value finite; `at` and `score` as a list that must not go down.
    fn ordered(&mut self, section: &str, values: &[(&str, f64)], unit: bool) {
        for &(name, v) in values {
            if !v.is_finite() || (unit && !(0.0..=1.0).contains(&v)) {
                let domain = if unit {
                    "between 0 and 1"
                } else {
                    "a finite number"
                };
                self.policy_error(
                    &format!("{section}.{name}"),
                    format!("`{name}` must be {domain}, not {v}"),
                );
                return;
            }
        }
        for pair in values.windows(2) {
            let ((a, x), (b, y)) = (pair[0], pair[1]);
            if x > y {
                self.policy_error(
                    &format!("{section}.{b}"),
                    format!("`{b}` ({y}) is below `{a}` ({x}); they must not go down"),
                );
            }
        }
    }

    fn check_policy_zones(&mut self, z: &Zones) {
        self.ordered(
            "zones",
            &[("commit_at", z.commit_at), ("target_at", z.target_at)],
            true,
        );
        self.ordered(
            "zones",
            &[
                ("commit_score", z.commit_score),
                ("target_score", z.target_score),
                ("stretch_score", z.stretch_score),
            ],
            false,
        );
    }

    fn check_status_rule(&mut self, rule: &StatusRule) {
        // Gap: on track up to `behind`, then behind up to `at_risk`: behind ≤ at_risk.
        // Lead and ratio count the other way: at_risk ≤ behind.
        let (behind, at_risk, gap) = match *rule {
            StatusRule::Gap { behind, at_risk } => (behind, at_risk, true),
            StatusRule::Lead { behind, at_risk } | StatusRule::Ratio { behind, at_risk } => {
                (behind, at_risk, false)
            }
        };
        if gap {
            self.ordered("status", &[("behind", behind), ("at_risk", at_risk)], false);
        } else {
            self.ordered("status", &[("at_risk", at_risk), ("behind", behind)], false);
        }
    }

    fn check_grading(&mut self, g: &GradingPolicy) {
        self.ordered(
            "grading",
            &[("yellow_from", g.yellow_from), ("green_from", g.green_from)],
            true,
        );
        self.ordered(
            "grading",
            &[("committed_expectation", g.committed_expectation)],
            true,
        );
        self.ordered(
            "grading",
            &[("aspirational_expectation", g.aspirational_expectation)],
            true,
        );
    }

    /// Rule names in `lint:` are checked here, not first by `okr lint`: a plan that
    /// validates must lint.
    fn check_lint_section(&mut self) {
        let Some(lint) = &self.plan.lint else { return };
        for (path, rule) in crate::lint::unknown_rules(lint) {
            self.errors.push(Error::UnknownRule {
                rule,
                location: loc(format!("lint.{path}")),
            });
        }
    }

    /// An objective that takes its progress from the objectives aligned to it, all of
    /// whose links weigh 0, has no progress; refused as all-zero key-result weights are.
    pub(super) fn check_rollup_weights(&mut self) {
        let plan = self.plan;
        let mut weights: Vec<Vec<f64>> = vec![Vec::new(); plan.objectives.len()];
        for o in &plan.objectives {
            for a in &o.aligns_to {
                let parent = match (&a.objective, &a.key_result) {
                    (Some(p), _) => self.ids.objectives.get(p.as_str()).copied(),
                    (None, Some(k)) => self.ids.key_results.get(k.as_str()).map(|&(p, _)| p),
                    _ => None,
                };
                if let Some(p) = parent {
                    weights[p].push(a.weight.unwrap_or(1.0) * o.weight());
                }
            }
        }
        for (i, o) in plan.objectives.iter().enumerate() {
            let children = &weights[i];
            if o.progress_from == Some(ProgressFrom::Children)
                && !children.is_empty()
                && children.iter().all(|w| *w == 0.0)
            {
                self.invalid(
                    format!("objectives[{i}].progress_from"),
                    format!(
                        "objective `{}` takes its progress from the objectives aligned to it, \
                         but every one of them has weight 0, so it has no progress; give a \
                         link or an objective a weight above 0",
                        o.id
                    ),
                );
            }
        }
    }
}
