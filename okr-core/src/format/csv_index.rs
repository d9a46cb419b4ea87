//! Where a document path is in a CSV plan: the row of each objective (its first) and of
//! each key result, and the column of each field, so that a problem found after
//! reading (a NaN target, a negative weight, a lint finding) points at its cell as it
//! does in JSON and YAML.

use super::csv::COLUMNS;
use foldhash::HashMap;

/// The rows and columns of a CSV plan, read again from its text.
#[derive(Debug, Default)]
pub(crate) struct CsvIndex {
    /// Column (1-based) of each header, by name.
    columns: HashMap<String, u32>,
    /// Line of each objective's first row, in document order.
    objectives: Vec<u32>,
    /// Line of each key result's row, per objective.
    key_results: Vec<Vec<u32>>,
}

impl CsvIndex {
    /// Reads the rows as the plan was read: objectives in order of first appearance, a
    /// key result for each row with a `kr_id`. Text that does not read as CSV gives an
    /// index that locates nothing (the plan itself could not have been read).
    pub(crate) fn build(text: &str) -> CsvIndex {
        let mut index = CsvIndex::default();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(text.as_bytes());
        let Ok(headers) = reader.headers() else {
            return index;
        };
        for (i, h) in headers.iter().enumerate() {
            index.columns.insert(h.trim().to_owned(), i as u32 + 1);
        }
        let (Some(id_at), kr_at) = (
            index.column("objective_id").map(|c| c as usize - 1),
            index.column("kr_id").map(|c| c as usize - 1),
        ) else {
            return index;
        };
        let mut seen: HashMap<String, usize> = HashMap::default();
        for record in reader.records() {
            let Ok(record) = record else { break };
            let line = record.position().map_or(0, |p| p.line() as u32);
            let id = record.get(id_at).unwrap_or_default().trim().to_owned();
            let o = *seen.entry(id).or_insert_with(|| {
                index.objectives.push(line);
                index.key_results.push(Vec::new());
                index.objectives.len() - 1
            });
            let has_kr = kr_at
                .and_then(|c| record.get(c))
                .is_some_and(|k| !k.trim().is_empty());
            if has_kr {
                index.key_results[o].push(line);
            }
        }
        index
    }

    fn column(&self, name: &str) -> Option<u32> {
        self.columns.get(name).copied()
    }

    /// The line and column of `path`: the cell of its field, or the row's first cell
    /// when the field has no column of its own.
    pub(crate) fn locate(&self, path: &str) -> Option<(u32, u32)> {
        let rest = path.strip_prefix("objectives[")?;
        let (i, rest) = rest.split_once(']')?;
        let i: usize = i.parse().ok()?;
        if let Some(rest) = rest.strip_prefix(".key_results[") {
            let (j, rest) = rest.split_once(']')?;
            let line = *self.key_results.get(i)?.get(j.parse::<usize>().ok()?)?;
            let column = self.field_column(rest, key_result_column);
            return Some((line, column));
        }
        let line = *self.objectives.get(i)?;
        Some((line, self.field_column(rest, objective_column)))
    }

    /// The column of the first field of `rest` (`.target`, `.steps[1].id`), or 1.
    fn field_column(&self, rest: &str, column_of: fn(&str) -> &str) -> u32 {
        let field = rest
            .trim_start_matches('.')
            .split(['.', '['])
            .next()
            .unwrap_or_default();
        if field.is_empty() {
            return 1;
        }
        self.column(column_of(field)).unwrap_or(1)
    }
}

/// The CSV column of a key result's field.
fn key_result_column(field: &str) -> &str {
    match field {
        "id" => "kr_id",
        "title" => "kr_title",
        "owner" => "kr_owner",
        "type" => "kr_type",
        "weight" => "kr_weight",
        "unit" => "kr_unit",
        "metadata" => "kr_metadata",
        other => column_or_row(other),
    }
}

/// The CSV column of an objective's field.
fn objective_column(field: &str) -> &str {
    match field {
        "id" => "objective_id",
        "title" => "objective_title",
        "description" => "objective_description",
        "owner" => "objective_owner",
        "type" => "objective_type",
        "weight" => "objective_weight",
        "state" => "objective_state",
        "score" => "objective_score",
        "metadata" => "objective_metadata",
        other => column_or_row(other),
    }
}

/// A field whose column has its own name (`target`, `due`, `closing_note`), or one
/// that has none (the row's first cell is shown).
fn column_or_row(field: &str) -> &str {
    COLUMNS
        .iter()
        .find(|c| **c == field)
        .copied()
        .unwrap_or("objective_id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_point_at_their_cells() {
        let text = "objective_id,objective_title,kr_id,kr_title,kr_type,start,target,kr_weight\n\
                    o,Grow,k1,Sign,increase,0,10,\n\
                    p,Keep,,,,,,\n\
                    o,Grow,k2,Ship,milestone,,,2\n";
        let index = CsvIndex::build(text);
        assert_eq!(
            index.locate("objectives[0].key_results[1].weight"),
            Some((4, 8))
        );
        assert_eq!(
            index.locate("objectives[0].key_results[0].target"),
            Some((2, 7))
        );
        assert_eq!(index.locate("objectives[1].title"), Some((3, 2)));
        assert_eq!(index.locate("objectives[1]"), Some((3, 1)));
        assert_eq!(
            index.locate("objectives[0].key_results[0].steps[1].id"),
            Some((2, 1))
        );
        assert_eq!(index.locate("objectives[2]"), None);
        assert_eq!(index.locate("units[0].name"), None);
    }
}
