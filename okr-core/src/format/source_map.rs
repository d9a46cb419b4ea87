//! Finds the line and column of a document path in JSON or YAML text.
//!
//! Validation runs on the parsed plan, which no longer knows where things were written.
//! When it finds a problem, this walks the text's events once (JSON is YAML, so one
//! walker serves both) to point at the line. It runs only on the error path.

use serde_saphyr::granit_parser::{Event, Parser};

#[derive(Clone, Debug, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            segs.push(Seg::Key(name.to_owned()));
        }
        while let Some(end) = rest.find(']') {
            if let Ok(i) = rest[1..end].parse() {
                segs.push(Seg::Index(i));
            }
            rest = &rest[end + 1..];
        }
    }
    segs
}

enum Frame {
    Map { key: Option<String> },
    Seq { next: usize },
}

/// 1-based (line, column) of the deepest node on `path` found in `text`: the key of a
/// mapping entry, or the start of a sequence item.
pub fn locate(text: &str, path: &str) -> Option<(u32, u32)> {
    let target = parse_path(path);
    let mut stack: Vec<Frame> = Vec::new();
    let mut current: Vec<Seg> = Vec::new();
    let mut best: Option<(usize, (u32, u32))> = None;
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let pos = (span.start.line() as u32, span.start.col() as u32 + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        if is_node {
            // A scalar where a mapping expects a key is the key itself.
            if let (Some(Frame::Map { key }), Event::Scalar(text, ..)) = (stack.last_mut(), &event)
            {
                if key.is_none() {
                    *key = Some(text.to_string());
                    current.push(Seg::Key(text.to_string()));
                    if target.starts_with(&current) && best.is_none_or(|b| b.0 < current.len()) {
                        best = Some((current.len(), pos));
                        if current.len() == target.len() {
                            return Some(pos);
                        }
                    }
                    continue;
                }
            }
            if let Some(Frame::Seq { next }) = stack.last_mut() {
                current.push(Seg::Index(*next));
                *next += 1;
                if target.starts_with(&current) && best.is_none_or(|b| b.0 < current.len()) {
                    best = Some((current.len(), pos));
                    if current.len() == target.len() {
                        return Some(pos);
                    }
                }
            }
        }
        match event {
            Event::MappingStart(..) => stack.push(Frame::Map { key: None }),
            Event::SequenceStart(..) => stack.push(Frame::Seq { next: 0 }),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                finish_node(&mut stack, &mut current);
            }
            Event::Scalar(..) | Event::Alias(..) => finish_node(&mut stack, &mut current),
            _ => {}
        }
    }
    best.map(|b| b.1)
}

fn finish_node(stack: &mut [Frame], current: &mut Vec<Seg>) {
    match stack.last_mut() {
        Some(Frame::Map { key }) => {
            if key.take().is_some() {
                current.pop();
            }
        }
        Some(Frame::Seq { .. }) => {
            current.pop();
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "schema_version: 1\nobjectives:\n  - id: a\n    title: A\n  - id: b\n    key_results:\n      - id: k\n        target: 5\n";

    #[test]
    fn finds_keys_and_items_in_yaml() {
        assert_eq!(
            locate(YAML, "objectives[1].key_results[0].target"),
            Some((8, 9))
        );
        assert_eq!(locate(YAML, "objectives[0].title"), Some((4, 5)));
        assert_eq!(locate(YAML, "objectives[1]"), Some((5, 5)));
    }

    #[test]
    fn finds_keys_in_json_and_falls_back_to_the_nearest_parent() {
        let json = "{\n  \"objectives\": [\n    {\"id\": \"a\",\n     \"weight\": -1}\n  ]\n}";
        assert_eq!(locate(json, "objectives[0].weight"), Some((4, 6)));
        assert_eq!(locate(json, "objectives[0].nothing"), Some((3, 5)));
    }
}
