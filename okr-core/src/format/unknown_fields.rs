//! Every unknown field of a plan at once.
//!
//! serde stops at the first field it does not know, so a plan with three typos would
//! take three runs to fix. When a parse fails on an unknown field, the text is read
//! again as a plain tree and the plan's reading is retried with each unknown field
//! removed in turn, until it fails for another reason or reads; each removal is one
//! error, placed where its key is written. This runs only after a failed parse.

use super::serde_error::{classify, clean_path};
use super::source_index::SourceIndex;
use crate::document::PlanFormat;
use crate::error::{Error, Format, Location};
use crate::model::Plan;
use serde::Deserialize;
use serde_json::Value;

/// At most this many are collected; past it, fixing some and reading again is faster
/// than reading a list.
const MOST: usize = 50;

/// Each retry reads the whole tree again (a 28 MB plan: 0.8 s a retry, and the tree
/// alone 1.2 s and 400 MB), so the retries share a budget of this many bytes read:
/// fifty for a hand-written plan, two for a generated one of 28 MB, and none (the
/// first unknown field alone) past 32 MB, where nobody fixes a plan by hand anyway.
const BUDGET: usize = 64 << 20;

/// Every unknown field in `text`, in the order a reader meets them, each placed at its
/// key (for CSV, every unknown column of the header); empty when the text has none or
/// cannot be read as a tree.
pub fn unknown_fields(text: &str, format: PlanFormat) -> Vec<Error> {
    let most = MOST.min(BUDGET / text.len().max(1));
    if most < 2 {
        return Vec::new();
    }
    let tree: Option<Value> = match format {
        PlanFormat::Json => serde_json::from_str(text).ok(),
        PlanFormat::Yaml => serde_saphyr::from_str(text).ok(),
        PlanFormat::Csv => return super::csv::all_unknown_columns(text),
    };
    let Some(mut tree) = tree else {
        return Vec::new();
    };
    let mut found = Vec::new();
    while found.len() < most {
        let mut track = serde_path_to_error::Track::new();
        let outcome = Plan::deserialize(serde_path_to_error::Deserializer::new(&tree, &mut track));
        let Err(e) = outcome else { break };
        let path = clean_path(&track.path().to_string());
        let error = classify(Format::Json, &e.to_string(), Location::at(path.clone()));
        let Error::UnknownField {
            field, expected, ..
        } = &error
        else {
            break;
        };
        let near = crate::suggest::closest(field, expected.iter().map(String::as_str));
        if !set_aside(&mut tree, &path, field, near) {
            break;
        }
        found.push(error);
    }
    let index = match format {
        PlanFormat::Json => SourceIndex::build_json(text),
        _ => SourceIndex::build(text),
    };
    let paths: Vec<&str> = found.iter().map(Error::path).collect();
    let places = index.locate_all(text, &paths);
    for (e, place) in found.iter_mut().zip(places) {
        if let (Some((line, column)), Some(location)) = (place, e.location_mut()) {
            location.line = Some(line);
            location.column = Some(column);
        }
    }
    found
}

/// Takes `field` out of the mapping at `path` (`objectives[0].key_results[1].targt`
/// names the field itself), and when it is a misspelling of `near`, a field the
/// mapping lacks, puts its value back under that name: `titel` would otherwise leave
/// its objective without the title it needs, and the search would stop there. False
/// when there is no such key.
fn set_aside(tree: &mut Value, path: &str, field: &str, near: Option<&str>) -> bool {
    let parent = path
        .strip_suffix(field)
        .unwrap_or(path)
        .trim_end_matches('.');
    let mut node = tree;
    for seg in super::source_index::segments(parent) {
        let next = match seg {
            super::source_index::Seg::Key(k) => node.get_mut(k),
            super::source_index::Seg::Index(i) => node.get_mut(i),
        };
        match next {
            Some(n) => node = n,
            None => return false,
        }
    }
    let Some(map) = node.as_object_mut() else {
        return false;
    };
    let Some(value) = map.shift_remove(field) else {
        return false;
    };
    if let Some(near) = near.filter(|n| !map.contains_key(*n)) {
        map.insert(near.to_owned(), value);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unknown_field_is_found_and_placed() {
        let text = "schema_version: 1\nobjectives:\n  - id: o\n    titel: Grow\n    key_results:\n      - {id: k, title: Ship, type: milestone, colour: red}\n    ownr: ana\n";
        let found = unknown_fields(text, PlanFormat::Yaml);
        let seen: Vec<(String, Option<u32>)> = found
            .iter()
            .map(|e| (e.path().to_owned(), e.location().and_then(|l| l.line)))
            .collect();
        assert_eq!(
            seen,
            [
                ("objectives[0].titel".to_owned(), Some(4)),
                ("objectives[0].key_results[0].colour".to_owned(), Some(6)),
                ("objectives[0].ownr".to_owned(), Some(7)),
            ]
        );
        let json = r#"{"schema_version": 1, "objectives": [{"id": "o", "title": "Grow", "wieght": 1, "colour": 2}]}"#;
        assert_eq!(unknown_fields(json, PlanFormat::Json).len(), 2);
        assert!(unknown_fields("schema_version: 1\nobjectives: []\n", PlanFormat::Yaml).is_empty());
    }
}
