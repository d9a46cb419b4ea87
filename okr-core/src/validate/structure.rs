//! The org tree, the cycles and the KPIs.

use super::{Validator, loc};
use crate::error::{Entity, Error};
use crate::model::KrKind;
use chrono::NaiveDate;

impl Validator<'_> {
    pub(super) fn check_units(&mut self) {
        let plan = self.plan;
        for (i, u) in plan.units.iter().enumerate() {
            self.required_text(|| format!("units[{i}].name"), &u.name);
            self.reference(
                || format!("units[{i}].parent"),
                Entity::Unit,
                u.parent.as_deref(),
            );
        }
    }

    pub(super) fn check_cycles(&mut self) {
        let plan = self.plan;
        for (i, c) in plan.cycles.iter().enumerate() {
            let path = format!("cycles[{i}]");
            self.required_text(|| format!("{path}.name"), &c.name);
            if let (Some(s), Some(e)) = (c.start, c.end) {
                if e < s {
                    self.errors.push(Error::DateOrder {
                        message: format!("cycle `{}` ends ({e}) before it starts ({s})", c.id),
                        location: loc(format!("{path}.end")),
                    });
                }
            }
            self.reference(
                || format!("{path}.parent"),
                Entity::Cycle,
                c.parent.as_deref(),
            );
        }
    }

    pub(super) fn check_kpis(&mut self) {
        let plan = self.plan;
        for (i, k) in plan.kpis.iter().enumerate() {
            let path = format!("kpis[{i}]");
            self.required_text(|| format!("{path}.name"), &k.name);
            self.number(|| format!("{path}.threshold"), k.threshold);
            self.reference(|| format!("{path}.unit"), Entity::Unit, k.unit.as_deref());
            let numeric = KrKind::Baseline { start: None };
            for (n, ci) in k.check_ins.iter().enumerate() {
                self.check_in(&|| format!("{path}.check_ins[{n}]"), ci.into(), &numeric);
            }
        }
    }

    pub(super) fn cycle_dates(
        &self,
        cycle: Option<&str>,
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        cycle
            .and_then(|c| self.ids.cycles.get(c))
            .map(|&i| (self.plan.cycles[i].start, self.plan.cycles[i].end))
            .unwrap_or((None, None))
    }
}
