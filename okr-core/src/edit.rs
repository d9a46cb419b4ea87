//! Building a plan item by item, as the bindings' `add_*` calls do. Each call checks
//! what can be checked on one item: its shape (read from a JSON value with the same
//! rules as a file: unknown fields refused, type-specific fields only where they
//! apply), a free id, and that the item it goes into exists. References to other items
//! (units, cycles, alignments) may point forward, so they are checked by
//! [`Plan::validate`] and when the plan is scored, like everything else in a file.

use crate::error::{Entity, Error, Location, Result};
use crate::format::serde_error::{classify, clean_path, with_hint};
use crate::model::{CheckIn, Cycle, KeyResult, Objective, Plan, Unit};
use serde::de::DeserializeOwned;

/// Reads one item from a JSON value; errors point at `at` plus the path inside it.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value, at: &str) -> Result<T> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let inner = clean_path(&e.path().to_string());
        let path = match (at.is_empty(), inner.is_empty()) {
            (_, true) => at.to_owned(),
            (true, false) => inner,
            (false, false) if inner.starts_with('[') => format!("{at}{inner}"),
            (false, false) => format!("{at}.{inner}"),
        };
        with_hint(classify(
            crate::error::Format::Json,
            &e.into_inner().to_string(),
            Location::at(path),
        ))
    })
}

fn duplicate(entity: Entity, id: &str, first: String, at: String) -> Error {
    Error::DuplicateId {
        entity,
        id: id.to_owned(),
        first,
        location: Location::at(at),
    }
}

impl Plan {
    /// Appends a unit; its id must be free.
    pub fn add_unit(&mut self, unit: Unit) -> Result<()> {
        let at = format!("units[{}]", self.units.len());
        if let Some(i) = self.units.iter().position(|u| u.id == unit.id) {
            return Err(duplicate(Entity::Unit, &unit.id, format!("units[{i}]"), at));
        }
        self.units.push(unit);
        Ok(())
    }

    /// Appends a cycle; its id must be free.
    pub fn add_cycle(&mut self, cycle: Cycle) -> Result<()> {
        let at = format!("cycles[{}]", self.cycles.len());
        if let Some(i) = self.cycles.iter().position(|c| c.id == cycle.id) {
            return Err(duplicate(
                Entity::Cycle,
                &cycle.id,
                format!("cycles[{i}]"),
                at,
            ));
        }
        self.cycles.push(cycle);
        Ok(())
    }

    /// Adds an objective (with any key results it already holds).
    pub fn add_objective(&mut self, objective: Objective) -> Result<()> {
        let at = format!("objectives[{}]", self.objectives.len());
        if let Some(i) = self.objectives.iter().position(|o| o.id == objective.id) {
            return Err(duplicate(
                Entity::Objective,
                &objective.id,
                format!("objectives[{i}]"),
                at,
            ));
        }
        for (j, k) in objective.key_results.iter().enumerate() {
            if let Some(first) = self.key_result_path(&k.id) {
                return Err(duplicate(
                    Entity::KeyResult,
                    &k.id,
                    first,
                    format!("{at}.key_results[{j}]"),
                ));
            }
        }
        self.objectives.push(objective);
        Ok(())
    }

    /// Adds a key result to the objective with id `objective`.
    pub fn add_key_result(&mut self, objective: &str, key_result: KeyResult) -> Result<()> {
        let Some(i) = self.objectives.iter().position(|o| o.id == objective) else {
            return Err(Error::NotFound {
                entity: Entity::Objective,
                id: objective.to_owned(),
            });
        };
        let at = format!(
            "objectives[{i}].key_results[{}]",
            self.objectives[i].key_results.len()
        );
        if let Some(first) = self.key_result_path(&key_result.id) {
            return Err(duplicate(Entity::KeyResult, &key_result.id, first, at));
        }
        self.objectives[i].key_results.push(key_result);
        Ok(())
    }

    /// Adds a check-in to the key result with id `key_result`, in time order.
    pub fn add_check_in(&mut self, key_result: &str, check_in: CheckIn) -> Result<()> {
        let kr = self
            .objectives
            .iter_mut()
            .flat_map(|o| o.key_results.iter_mut())
            .find(|k| k.id == key_result)
            .ok_or_else(|| Error::NotFound {
                entity: Entity::KeyResult,
                id: key_result.to_owned(),
            })?;
        let t = check_in.at.millis();
        let at = kr.check_ins.partition_point(|c| c.at.millis() <= t);
        kr.check_ins.insert(at, check_in);
        Ok(())
    }

    /// Finds an objective by id.
    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    fn key_result_path(&self, id: &str) -> Option<String> {
        self.objectives.iter().enumerate().find_map(|(i, o)| {
            o.key_results
                .iter()
                .position(|k| k.id == id)
                .map(|j| format!("objectives[{i}].key_results[{j}]"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;
    use serde_json::json;

    fn plan() -> Plan {
        crate::Document::parse(
            r#"{"schema_version": 1, "objectives": [{"id": "o1", "title": "Grow"}]}"#,
            &crate::LoadOptions::new(crate::PlanFormat::Json),
        )
        .expect("parses")
        .into_plan()
    }

    #[test]
    fn key_results_are_read_with_the_file_rules() {
        let mut p = plan();
        let k: KeyResult = from_value(
            json!({"id": "k1", "title": "Sign 10", "type": "increase", "start": 0, "target": 10}),
            "objectives[0].key_results[0]",
        )
        .expect("reads");
        p.add_key_result("o1", k).expect("adds");
        let wrong = from_value::<KeyResult>(
            json!({"id": "k2", "title": "x", "type": "milestone", "target": 3}),
            "objectives[0].key_results[1]",
        )
        .expect_err("target does not apply to a milestone");
        assert_eq!(wrong.code(), ErrorCode::Schema);
        assert!(wrong.path().starts_with("objectives[0].key_results[1]"));
        let typo = from_value::<KeyResult>(
            json!({"id": "k2", "title": "x", "type": "milestone", "tagret": 3}),
            "objectives[0].key_results[1]",
        )
        .expect_err("unknown field");
        assert_eq!(typo.code(), ErrorCode::UnknownField);
    }

    #[test]
    fn ids_stay_unique_and_containers_must_exist() {
        let mut p = plan();
        let k = |id: &str| -> KeyResult {
            from_value(json!({"id": id, "title": "t", "type": "milestone"}), "").expect("reads")
        };
        p.add_key_result("o1", k("k1")).expect("adds");
        let dup = p.add_key_result("o1", k("k1")).expect_err("duplicate");
        assert_eq!(dup.code(), ErrorCode::DuplicateId);
        assert_eq!(dup.path(), "objectives[0].key_results[1]");
        let missing = p.add_key_result("nope", k("k9")).expect_err("no objective");
        assert_eq!(missing.code(), ErrorCode::NotFound);
        let c: CheckIn = from_value(json!({"at": "2026-02-01", "value": true}), "").expect("reads");
        let early: CheckIn =
            from_value(json!({"at": "2026-01-01", "value": false}), "").expect("reads");
        p.add_check_in("k1", c).expect("adds");
        p.add_check_in("k1", early).expect("adds");
        let kr = p.key_result("k1").expect("exists");
        assert!(kr.check_ins[0].at.millis() < kr.check_ins[1].at.millis());
    }
}
