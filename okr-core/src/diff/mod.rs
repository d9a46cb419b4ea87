//! What changed between two versions of a plan: objectives and key results added,
//! removed or edited (retitled, retargeted, re-weighted, re-aligned, …), and how each
//! one's score moved, as of one date. What a reviewer wants to read on a pull request
//! that edits `okrs.yaml`.
//!
//! Items are matched by id. A field counts as changed when its written value differs
//! (`800` and `800.0` are the same number); check-ins are not fields here, since new
//! ones arrive every week: what they change shows as the score.

mod render;

use crate::engine::{AsOf, Scorecard};
use crate::model::{KeyResult, Objective, Plan};
use crate::{Document, Problems};
use foldhash::HashMap;
use serde::Serialize;
use serde_json::Value;

/// Two scores closer than this are the same to a reader (scores print with two
/// decimals).
const SCORE_EPSILON: f64 = 0.005;

/// Whether an item is an objective or a key result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An objective.
    Objective,
    /// A key result.
    KeyResult,
}

/// What happened to an item between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemChange {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with fields written differently.
    Edited,
    /// In both, written the same, but scoring differently (new check-ins, say).
    Rescored,
}

/// One field written differently in the two versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's name as written in the plan (`target`, `weight`, `aligns_to`).
    pub field: String,
    /// What the change means to a reader: `retargeted`, `re-weighted`, `re-aligned`,
    /// `retitled`, `re-owned`, `retyped`, `rescheduled`, or `changed`.
    pub verb: &'static str,
    /// The old value (`null` when it was not written).
    pub before: Value,
    /// The new value (`null` when it is no longer written).
    pub after: Value,
}

/// One objective or key result that differs between the versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemDiff {
    /// Objective or key result.
    pub item: ItemKind,
    /// Its id.
    pub id: String,
    /// For a key result, the id of the objective it is under (in the new version when
    /// it is there).
    pub objective: Option<String>,
    /// Its title (the new one when both exist).
    pub title: String,
    /// Added, removed, edited or only rescored.
    pub change: ItemChange,
    /// The fields written differently, in the order the plan writes them.
    pub fields: Vec<FieldChange>,
    /// Its score (progress, 0–1) in the old version, when it has one there.
    pub score_before: Option<f64>,
    /// Its score in the new version, when it has one there.
    pub score_after: Option<f64>,
}

/// What changed between two versions of a plan, as of one date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanDiff {
    /// The date both versions were scored as of.
    pub as_of: String,
    /// Whether both versions could be scored; when not, scores are left out and the
    /// reason is in `unscored`.
    pub scored: bool,
    /// Why a version could not be scored, when one could not (its first problem).
    pub unscored: Option<String>,
    /// Every item that differs: the new version's order, then the removed ones in the
    /// old version's order.
    pub items: Vec<ItemDiff>,
}

impl PlanDiff {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many items were added, removed, edited and rescored.
    pub fn counts(&self) -> [(ItemChange, usize); 4] {
        [
            ItemChange::Added,
            ItemChange::Removed,
            ItemChange::Edited,
            ItemChange::Rescored,
        ]
        .map(|c| (c, self.items.iter().filter(|i| i.change == c).count()))
    }
}

/// The scorecard of `doc` as of `as_of`, or the first problem that stops it.
fn scorecard(doc: &Document, as_of: AsOf) -> Result<Scorecard, String> {
    doc.score(as_of)
        .map_err(|problems: Problems| problems.first().map(|e| e.to_string()).unwrap_or_default())
}

/// What changed from `old` to `new`, both scored as of `as_of`. Neither needs to be
/// valid: the fields are compared whatever they say, and scores are given only when
/// both versions can be scored.
pub fn diff(old: &Document, new: &Document, as_of: AsOf) -> PlanDiff {
    let (before, after) = (scorecard(old, as_of), scorecard(new, as_of));
    let unscored = match (&before, &after) {
        (Err(e), _) => Some(format!("the old version cannot be scored: {e}")),
        (_, Err(e)) => Some(format!("the new version cannot be scored: {e}")),
        _ => None,
    };
    let scores = match (before, after) {
        (Ok(b), Ok(a)) => Some((Progress::of(&b), Progress::of(&a))),
        _ => None,
    };
    let mut items = Vec::new();
    let (old_plan, new_plan) = (old.plan(), new.plan());
    let old_objectives = by_id(&old_plan.objectives, |o| &o.id);
    let old_key_results: HashMap<&str, (&Objective, &KeyResult)> = key_results(old_plan);
    let new_key_results: HashMap<&str, (&Objective, &KeyResult)> = key_results(new_plan);
    let objective_score = |p: &Progress, id: &str| p.objectives.get(id).copied().flatten();
    let kr_score = |p: &Progress, id: &str| p.key_results.get(id).copied().flatten();

    for objective in &new_plan.objectives {
        let was = old_objectives.get(objective.id.as_str()).copied();
        let (score_before, score_after) = match &scores {
            Some((b, a)) => (
                was.and_then(|_| objective_score(b, &objective.id)),
                objective_score(a, &objective.id),
            ),
            None => (None, None),
        };
        items.extend(item(
            ItemKind::Objective,
            &objective.id,
            None,
            &objective.title,
            was.map(objective_fields),
            Some(objective_fields(objective)),
            score_before,
            score_after,
        ));
        for kr in &objective.key_results {
            let was = old_key_results.get(kr.id.as_str());
            let (score_before, score_after) = match &scores {
                Some((b, a)) => (was.and_then(|_| kr_score(b, &kr.id)), kr_score(a, &kr.id)),
                None => (None, None),
            };
            items.extend(item(
                ItemKind::KeyResult,
                &kr.id,
                Some(&objective.id),
                &kr.title,
                was.map(|(_, k)| key_result_fields(k)),
                Some(key_result_fields(kr)),
                score_before,
                score_after,
            ));
        }
    }
    let new_objectives = by_id(&new_plan.objectives, |o| &o.id);
    for objective in &old_plan.objectives {
        if !new_objectives.contains_key(objective.id.as_str()) {
            let score = scores
                .as_ref()
                .and_then(|(b, _)| objective_score(b, &objective.id));
            items.extend(item(
                ItemKind::Objective,
                &objective.id,
                None,
                &objective.title,
                Some(objective_fields(objective)),
                None,
                score,
                None,
            ));
        }
        for kr in &objective.key_results {
            if !new_key_results.contains_key(kr.id.as_str()) {
                let score = scores.as_ref().and_then(|(b, _)| kr_score(b, &kr.id));
                items.extend(item(
                    ItemKind::KeyResult,
                    &kr.id,
                    Some(&objective.id),
                    &kr.title,
                    Some(key_result_fields(kr)),
                    None,
                    score,
                    None,
                ));
            }
        }
    }
    PlanDiff {
        as_of: as_of.moment.to_string(),
        scored: scores.is_some(),
        unscored,
        items,
    }
}

/// Every item's progress by id: a scorecard is a list, and a plan of 50,000 items
/// cannot be searched item by item.
struct Progress {
    objectives: HashMap<String, Option<f64>>,
    key_results: HashMap<String, Option<f64>>,
}

impl Progress {
    fn of(card: &Scorecard) -> Progress {
        let objectives = card
            .objectives
            .iter()
            .map(|o| (o.id.to_string(), o.progress))
            .collect();
        let key_results = card
            .objectives
            .iter()
            .flat_map(|o| &o.key_results)
            .map(|k| (k.id.to_string(), k.progress))
            .collect();
        Progress {
            objectives,
            key_results,
        }
    }
}

fn by_id<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashMap<&str, &T> {
    items.iter().map(|t| (id(t).as_str(), t)).collect()
}

fn key_results(plan: &Plan) -> HashMap<&str, (&Objective, &KeyResult)> {
    plan.objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(move |k| (k.id.as_str(), (o, k))))
        .collect()
}

/// An objective's fields as written, without its key results (compared one by one).
fn objective_fields(objective: &Objective) -> serde_json::Map<String, Value> {
    written(&objective.without_key_results())
}

/// A key result's fields as written, without its check-ins (they show as the score).
fn key_result_fields(kr: &KeyResult) -> serde_json::Map<String, Value> {
    written(&kr.without_check_ins())
}

fn written(item: &impl Serialize) -> serde_json::Map<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(map)) => map,
        // Every model item serializes to a map; anything else has no fields to compare.
        _ => serde_json::Map::new(),
    }
}

/// The diff of one item, or `None` when it is the same in both versions.
#[allow(clippy::too_many_arguments)]
fn item(
    kind: ItemKind,
    id: &str,
    objective: Option<&str>,
    title: &str,
    before: Option<serde_json::Map<String, Value>>,
    after: Option<serde_json::Map<String, Value>>,
    score_before: Option<f64>,
    score_after: Option<f64>,
) -> Option<ItemDiff> {
    let (change, fields) = match (&before, &after) {
        (None, _) => (ItemChange::Added, Vec::new()),
        (_, None) => (ItemChange::Removed, Vec::new()),
        (Some(b), Some(a)) => {
            let fields = changed_fields(b, a);
            if !fields.is_empty() {
                (ItemChange::Edited, fields)
            } else if rescored(score_before, score_after) {
                (ItemChange::Rescored, fields)
            } else {
                return None;
            }
        }
    };
    Some(ItemDiff {
        item: kind,
        id: id.to_owned(),
        objective: objective.map(str::to_owned),
        title: title.to_owned(),
        change,
        fields,
        score_before,
        score_after,
    })
}

fn rescored(before: Option<f64>, after: Option<f64>) -> bool {
    match (before, after) {
        (Some(b), Some(a)) => (a - b).abs() >= SCORE_EPSILON,
        (None, None) => false,
        _ => true,
    }
}

/// Fields written differently, in the new version's order, then those only the old
/// version writes.
fn changed_fields(
    before: &serde_json::Map<String, Value>,
    after: &serde_json::Map<String, Value>,
) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for (field, new) in after {
        let old = before.get(field).unwrap_or(&Value::Null);
        if !same(old, new) {
            changes.push(FieldChange {
                field: field.clone(),
                verb: verb(field),
                before: old.clone(),
                after: new.clone(),
            });
        }
    }
    for (field, old) in before {
        if !after.contains_key(field) {
            changes.push(FieldChange {
                field: field.clone(),
                verb: verb(field),
                before: old.clone(),
                after: Value::Null,
            });
        }
    }
    changes
}

/// Equal as written, numbers compared by value (`800` is `800.0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}

/// What a change to `field` means to a reader.
fn verb(field: &str) -> &'static str {
    match field {
        "start" | "target" | "threshold" | "band" | "low" | "high" | "commit" | "stretch"
        | "steps" | "of" | "op" | "measure" => "retargeted",
        "weight" => "re-weighted",
        "aligns_to" | "progress_from" => "re-aligned",
        "title" | "description" => "retitled",
        "owner" | "unit" => "re-owned",
        "type" => "retyped",
        "due" | "cycle" | "phases" => "rescheduled",
        _ => "changed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LoadOptions, PlanFormat};

    fn doc(yaml: &str) -> Document {
        Document::parse(yaml, &LoadOptions::new(PlanFormat::Yaml)).expect("parses")
    }

    const OLD: &str = "schema_version: 1
cycles: [{id: q1, name: Q1 2026, start: 2026-01-01, end: 2026-03-31}]
objectives:
  - id: o1
    title: Win the mid-market
    cycle: q1
    key_results:
      - {id: k1, title: Sign 10 deals, type: increase, start: 0, target: 10, check_ins: [{at: 2026-02-01, value: 4}]}
      - {id: k2, title: Cut churn to 2%, type: decrease, start: 5, target: 2, weight: 1}
  - id: o2
    title: Hire well
    cycle: q1
    key_results:
      - {id: k3, title: Hire 5 engineers, type: increase, start: 0, target: 5}
";

    #[test]
    fn the_same_plan_has_no_changes() {
        let as_of = AsOf::parse("2026-02-14").expect("date");
        let d = diff(&doc(OLD), &doc(OLD), as_of);
        assert!(d.is_empty(), "{d:?}");
        assert!(d.scored);
    }

    #[test]
    fn additions_removals_edits_and_scores() {
        let new = OLD
            .replace("target: 10, check_ins", "target: 12, check_ins")
            .replace("target: 2, weight: 1}", "target: 2, weight: 2}")
            .replace(
                "  - id: o2\n    title: Hire well\n    cycle: q1\n    key_results:\n      - {id: k3, title: Hire 5 engineers, type: increase, start: 0, target: 5}\n",
                "  - id: o3\n    title: Ship the platform\n    cycle: q1\n    key_results:\n      - {id: k4, title: Launch 3 services, type: increase, start: 0, target: 3}\n",
            );
        let as_of = AsOf::parse("2026-02-14").expect("date");
        let d = diff(&doc(OLD), &doc(&new), as_of);
        let summary: Vec<(ItemKind, &str, ItemChange)> = d
            .items
            .iter()
            .map(|i| (i.item, i.id.as_str(), i.change))
            .collect();
        assert_eq!(
            summary,
            [
                (ItemKind::Objective, "o1", ItemChange::Rescored),
                (ItemKind::KeyResult, "k1", ItemChange::Edited),
                (ItemKind::KeyResult, "k2", ItemChange::Edited),
                (ItemKind::Objective, "o3", ItemChange::Added),
                (ItemKind::KeyResult, "k4", ItemChange::Added),
                (ItemKind::Objective, "o2", ItemChange::Removed),
                (ItemKind::KeyResult, "k3", ItemChange::Removed),
            ]
        );
        let k1 = &d.items[1];
        assert_eq!(k1.fields.len(), 1);
        assert_eq!(k1.fields[0].field, "target");
        assert_eq!(k1.fields[0].verb, "retargeted");
        assert_eq!(
            (k1.score_before, k1.score_after),
            (Some(0.4), Some(4.0 / 12.0))
        );
        assert_eq!(d.items[2].fields[0].verb, "re-weighted");
        assert_eq!(d.items[5].score_after, None);
        assert_eq!(d.items[3].score_before, None);
        assert_eq!(
            d.counts(),
            [
                (ItemChange::Added, 2),
                (ItemChange::Removed, 2),
                (ItemChange::Edited, 2),
                (ItemChange::Rescored, 1)
            ]
        );
    }

    #[test]
    fn numbers_compare_by_value_and_a_check_in_shows_as_a_score() {
        let new = OLD.replace("target: 5}", "target: 5.0}").replace(
            "check_ins: [{at: 2026-02-01, value: 4}]",
            "check_ins: [{at: 2026-02-01, value: 4}, {at: 2026-02-10, value: 6}]",
        );
        let as_of = AsOf::parse("2026-02-14").expect("date");
        let d = diff(&doc(OLD), &doc(&new), as_of);
        let rescored: Vec<&str> = d
            .items
            .iter()
            .filter(|i| i.change == ItemChange::Rescored)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(rescored, ["o1", "k1"]);
        assert_eq!(d.items.len(), 2, "{d:?}");
    }

    #[test]
    fn a_version_that_cannot_be_scored_still_diffs_its_fields() {
        let broken = OLD.replace(
            "cycle: q1\n    key_results:\n      - {id: k3",
            "cycle: nowhere\n    key_results:\n      - {id: k3",
        );
        let as_of = AsOf::parse("2026-02-14").expect("date");
        let d = diff(&doc(OLD), &doc(&broken), as_of);
        assert!(!d.scored);
        assert!(
            d.unscored
                .as_deref()
                .is_some_and(|u| u.contains("new version")),
            "{d:?}"
        );
        assert_eq!(d.items.len(), 1);
        assert_eq!(d.items[0].fields[0].field, "cycle");
        assert_eq!(d.items[0].fields[0].verb, "rescheduled");
        assert_eq!(d.items[0].score_after, None);
    }
}
