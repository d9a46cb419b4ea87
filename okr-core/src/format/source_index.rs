//! Line and column of any document path in JSON or YAML text, found in one pass.
//!
//! Validation and lint work on the parsed plan, which no longer knows where things were
//! written. [`SourceIndex::build`] walks the text's events once (JSON is YAML, so one
//! walker serves both) and keeps the position of every node down to the fields of key
//! results, where nearly every error and finding points; looking a path up is then a
//! few vector reads. Paths deeper than that (a check-in's value, a checklist step) are
//! found together, in one more walk over the text, by [`SourceIndex::locate_all`].
//! Locating N paths costs O(text + N), never O(text × N).

use foldhash::HashMap;
use serde_saphyr::granit_parser::{Event, Parser};

/// A 1-based (line, column).
pub(crate) type Pos = (u32, u32);

/// How deep the index records nodes: `objectives[3].key_results[1].title` is five
/// segments deep.
const MAX_DEPTH: usize = 5;

const NONE: u32 = u32::MAX;

/// One step of a document path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// `objectives[1].key_results[0].target` as segments.
pub(crate) fn segments(path: &str) -> Vec<Seg<'_>> {
    let mut segs = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            segs.push(Seg::Key(name));
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

#[derive(Debug)]
struct MapEntry {
    name: u32,
    pos: Pos,
    child: u32,
}

#[derive(Debug)]
struct SeqEntry {
    pos: Pos,
    child: u32,
}

#[derive(Debug)]
enum Container {
    Map(Vec<MapEntry>),
    Seq(Vec<SeqEntry>),
}

/// The positions of a text's nodes, down to [`MAX_DEPTH`].
#[derive(Debug, Default)]
pub(crate) struct SourceIndex {
    /// Field names, each once.
    names: Vec<Box<str>>,
    name_ids: HashMap<Box<str>, u32>,
    /// Container 0 is the root, when the text has one.
    containers: Vec<Container>,
}

enum Frame {
    /// A mapping recorded as `container`, waiting for a key (`None`), or holding the
    /// key of the entry whose value comes next.
    Map {
        container: u32,
        key: Option<(u32, Pos)>,
        /// The pending key was not a plain scalar; its value is not recorded.
        odd_key: bool,
    },
    Seq {
        container: u32,
        next: usize,
    },
    /// A collection below the recorded depth, or a complex key: walked, not recorded.
    Skip,
}

/// A node as both walkers see it.
enum Node<'t> {
    /// A scalar, with its text when it may be a key.
    Scalar(Option<std::borrow::Cow<'t, str>>),
    /// An alias (YAML).
    Alias,
    /// The start of a mapping (`true`) or a sequence.
    Open(bool),
}

impl SourceIndex {
    /// Walks YAML (or JSON) `text` once through the YAML parser's events. Text that
    /// stops parsing part-way is indexed up to there.
    pub(crate) fn build(text: &str) -> SourceIndex {
        let mut index = SourceIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Some(Ok((event, span))) = parser.next_event() {
            let pos = (span.start.line() as u32, span.start.col() as u32 + 1);
            let node = match event {
                Event::MappingStart(..) => Node::Open(true),
                Event::SequenceStart(..) => Node::Open(false),
                Event::Scalar(text, ..) => Node::Scalar(Some(text)),
                Event::Alias(..) => Node::Alias,
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    value_done(&mut stack);
                    continue;
                }
                _ => continue,
            };
            index.node(&mut stack, node, pos);
        }
        index
    }

    /// Walks JSON `text` once, byte by byte: the same index as [`SourceIndex::build`]
    /// makes of it, about ten times sooner (JSON plans are the big, generated ones).
    /// Text that is not JSON is indexed as far as it reads as JSON; nothing panics.
    pub(crate) fn build_json(text: &str) -> SourceIndex {
        let mut index = SourceIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut scan = JsonScan::new(text);
        while let Some(token) = scan.next_token() {
            let pos = scan.start;
            match token {
                b'{' | b'[' => index.node(&mut stack, Node::Open(token == b'{'), pos),
                b'}' | b']' => {
                    stack.pop();
                    value_done(&mut stack);
                }
                b'"' => {
                    let expects_key = matches!(
                        stack.last(),
                        Some(Frame::Map {
                            key: None,
                            odd_key: false,
                            ..
                        })
                    );
                    let raw = scan.string();
                    let name = expects_key.then(|| unescape(raw));
                    index.node(&mut stack, Node::Scalar(name), pos);
                }
                b':' | b',' => {}
                _ => {
                    scan.literal();
                    index.node(&mut stack, Node::Scalar(None), pos);
                }
            }
        }
        index
    }

    /// Records one node (a scalar, an alias, or the start of a collection).
    fn node(&mut self, stack: &mut Vec<Frame>, node: Node<'_>, pos: Pos) {
        let opens = match node {
            Node::Open(map) => Some(map),
            _ => None,
        };
        let depth = stack.len();
        // Where this node goes: an entry of the frame on top, or nowhere.
        let mut record: Option<(u32, Option<(u32, Pos)>)> = None;
        match stack.last_mut() {
            None => {}
            Some(Frame::Map {
                container,
                key,
                odd_key,
            }) => {
                if key.is_none() && !*odd_key {
                    match (&node, opens) {
                        (Node::Scalar(Some(name)), _) => {
                            let id = self.name_id(name);
                            *key = Some((id, pos));
                            return;
                        }
                        (_, Some(_)) => {
                            // A collection as a key: walk it, record nothing of it.
                            *odd_key = true;
                            stack.push(Frame::Skip);
                            return;
                        }
                        _ => {
                            // An alias as a key: its value is not recorded.
                            *odd_key = true;
                            *key = Some((NONE, (0, 0)));
                            return;
                        }
                    }
                }
                if !*odd_key {
                    record = Some((*container, *key));
                }
            }
            Some(Frame::Seq { container, next }) => {
                *next += 1;
                record = Some((*container, None));
            }
            Some(Frame::Skip) => {}
        }
        let under_limit = depth < MAX_DEPTH;
        let child = match opens {
            Some(map) if under_limit && (record.is_some() || depth == 0) => {
                let id = self.containers.len() as u32;
                self.containers.push(if map {
                    Container::Map(Vec::new())
                } else {
                    Container::Seq(Vec::new())
                });
                stack.push(if map {
                    Frame::Map {
                        container: id,
                        key: None,
                        odd_key: false,
                    }
                } else {
                    Frame::Seq {
                        container: id,
                        next: 0,
                    }
                });
                id
            }
            Some(_) => {
                stack.push(Frame::Skip);
                NONE
            }
            None => NONE,
        };
        if let Some((container, key)) = record {
            match (&mut self.containers[container as usize], key) {
                (Container::Map(entries), Some((name, key_pos))) => entries.push(MapEntry {
                    name,
                    pos: key_pos,
                    child,
                }),
                (Container::Seq(entries), _) => entries.push(SeqEntry { pos, child }),
                _ => {}
            }
        }
        if opens.is_none() {
            value_done(stack);
        }
    }

    fn name_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.name_ids.insert(name.into(), id);
        id
    }

    /// The position of the deepest node on `path` that the index holds, and how many
    /// segments deep it is.
    fn lookup(&self, path: &[Seg<'_>]) -> Option<(usize, Pos)> {
        let mut container = 0u32;
        let mut best = None;
        if self.containers.is_empty() {
            return None;
        }
        for (n, seg) in path.iter().enumerate() {
            let (pos, child) = match (&self.containers[container as usize], seg) {
                (Container::Map(entries), Seg::Key(k)) => {
                    // The last entry wins, as it does for the parser.
                    let found = self
                        .name_ids
                        .get(*k)
                        .and_then(|id| entries.iter().rev().find(|e| e.name == *id));
                    match found {
                        Some(e) => (e.pos, e.child),
                        None => return best,
                    }
                }
                (Container::Seq(entries), Seg::Index(i)) => match entries.get(*i) {
                    Some(e) => (e.pos, e.child),
                    None => return best,
                },
                _ => return best,
            };
            best = Some((n + 1, pos));
            if child == NONE {
                return best;
            }
            container = child;
        }
        best
    }

    /// The line and column of each path in `paths`: where the node the path names is
    /// written (the key of a mapping entry, or the start of a sequence item), or the
    /// nearest parent that is written when the node is not. Paths deeper than the
    /// index are found in one more walk of `text`, all together.
    pub(crate) fn locate_all(&self, text: &str, paths: &[&str]) -> Vec<Option<Pos>> {
        let parsed: Vec<Vec<Seg<'_>>> = paths.iter().map(|p| segments(p)).collect();
        let mut out: Vec<Option<Pos>> = Vec::with_capacity(paths.len());
        let mut deeper: Vec<usize> = Vec::new();
        for (i, segs) in parsed.iter().enumerate() {
            match self.lookup(segs) {
                Some((depth, pos)) if depth == segs.len() || depth < MAX_DEPTH => {
                    out.push(Some(pos))
                }
                found => {
                    if segs.len() > MAX_DEPTH {
                        deeper.push(i);
                    }
                    out.push(found.map(|f| f.1));
                }
            }
        }
        if !deeper.is_empty() {
            let wanted: Vec<&[Seg<'_>]> = deeper.iter().map(|&i| parsed[i].as_slice()).collect();
            for (i, found) in deeper.iter().zip(walk_for(text, &wanted)) {
                if found.is_some() {
                    out[*i] = found;
                }
            }
        }
        out
    }
}

/// A JSON string's text without its escapes (keys of plans have none, as a rule).
fn unescape(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('\\') {
        return std::borrow::Cow::Borrowed(raw);
    }
    let quoted = format!("\"{raw}\"");
    match serde_json::from_str::<String>(&quoted) {
        Ok(text) => std::borrow::Cow::Owned(text),
        Err(_) => std::borrow::Cow::Borrowed(raw),
    }
}

/// A cursor over JSON text that knows the line and column (in characters, 1-based)
/// of the token it stands on.
struct JsonScan<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    line: u32,
    /// Where the current line starts, and how many UTF-8 continuation bytes it has
    /// held so far: the column of byte `i` is `i - line_start - continuation + 1`.
    line_start: usize,
    continuation: usize,
    /// The position of the last token read.
    start: Pos,
}

impl<'t> JsonScan<'t> {
    fn new(text: &'t str) -> JsonScan<'t> {
        JsonScan {
            text,
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
            line_start: 0,
            continuation: 0,
            start: (1, 1),
        }
    }

    fn column(&self) -> u32 {
        (self.at - self.line_start - self.continuation + 1) as u32
    }

    /// The next token's first byte, its position in `start`; past whitespace.
    fn next_token(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'\n' => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                    self.continuation = 0;
                }
                b' ' | b'\t' | b'\r' => self.at += 1,
                _ => {
                    self.start = (self.line, self.column());
                    if b != b'"' {
                        self.at += 1;
                    }
                    return Some(b);
                }
            }
        }
        None
    }

    /// Reads the string whose opening quote is next; returns its raw text.
    fn string(&mut self) -> &'t str {
        self.at += 1;
        let from = self.at;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'"' => {
                    let raw = self.text.get(from..self.at).unwrap_or("");
                    self.at += 1;
                    return raw;
                }
                b'\\' => self.at += 2,
                b'\n' => {
                    // Not JSON; keep the lines right all the same.
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                    self.continuation = 0;
                }
                _ => {
                    self.continuation += usize::from(b & 0xC0 == 0x80);
                    self.at += 1;
                }
            }
        }
        self.text.get(from..).unwrap_or("")
    }

    /// Skips the rest of a number, `true`, `false` or `null` (its first byte is read).
    fn literal(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            if matches!(
                b,
                b',' | b'}' | b']' | b':' | b' ' | b'\t' | b'\r' | b'\n' | b'"'
            ) {
                return;
            }
            self.continuation += usize::from(b & 0xC0 == 0x80);
            self.at += 1;
        }
    }
}

/// A value (or a whole collection) of the frame on top has ended.
fn value_done(stack: &mut [Frame]) {
    if let Some(Frame::Map { key, odd_key, .. }) = stack.last_mut() {
        if *odd_key && key.is_none() {
            // The complex key has ended; its value comes next, and then this.
            *key = Some((NONE, (0, 0)));
        } else {
            *key = None;
            *odd_key = false;
        }
    }
}

/// One walk of `text` that finds every path in `paths` (or its deepest written
/// parent), by the prefixes they share.
fn walk_for(text: &str, paths: &[&[Seg<'_>]]) -> Vec<Option<Pos>> {
    // Every prefix of every path, by its canonical text.
    let mut found: HashMap<String, Option<Pos>> = HashMap::default();
    for p in paths {
        for n in 1..=p.len() {
            found.insert(canonical(&p[..n]), None);
        }
    }
    enum Walk {
        /// A mapping; `entered` while an entry's key is on the path.
        Map {
            entered: bool,
        },
        Seq {
            next: usize,
        },
    }
    let mut stack: Vec<Walk> = Vec::new();
    // The path of the node being read, and where each of its segments starts.
    let mut path = String::new();
    let mut starts: Vec<usize> = Vec::new();
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
            let mut key = false;
            let entered = match stack.last_mut() {
                Some(Walk::Map { entered }) if !*entered => match &event {
                    Event::Scalar(name, ..) => {
                        *entered = true;
                        starts.push(path.len());
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(name);
                        key = true;
                        true
                    }
                    _ => false,
                },
                Some(Walk::Seq { next }) => {
                    starts.push(path.len());
                    path.push('[');
                    path.push_str(itoa::Buffer::new().format(*next));
                    path.push(']');
                    *next += 1;
                    true
                }
                _ => false,
            };
            if entered {
                if let Some(slot @ None) = found.get_mut(&path) {
                    *slot = Some(pos);
                }
            }
            if key {
                continue;
            }
        }
        let mut value_done = |stack: &mut Vec<Walk>| match stack.last_mut() {
            Some(Walk::Map { entered }) if *entered => {
                *entered = false;
                if let Some(s) = starts.pop() {
                    path.truncate(s);
                }
            }
            Some(Walk::Seq { .. }) => {
                if let Some(s) = starts.pop() {
                    path.truncate(s);
                }
            }
            _ => {}
        };
        match event {
            Event::MappingStart(..) => stack.push(Walk::Map { entered: false }),
            Event::SequenceStart(..) => stack.push(Walk::Seq { next: 0 }),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                value_done(&mut stack);
            }
            Event::Scalar(..) | Event::Alias(..) => value_done(&mut stack),
            _ => {}
        }
    }
    paths
        .iter()
        .map(|p| {
            (1..=p.len())
                .rev()
                .find_map(|n| found.get(&canonical(&p[..n])).copied().flatten())
        })
        .collect()
}

/// A path written the one way: `objectives[1].key_results[0]`.
fn canonical(segs: &[Seg<'_>]) -> String {
    let mut out = String::new();
    for s in segs {
        match s {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(itoa::Buffer::new().format(*i));
                out.push(']');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "schema_version: 1\nobjectives:\n  - id: a\n    title: A\n  - id: b\n    key_results:\n      - id: k\n        target: 5\n        check_ins:\n          - {at: 2026-01-05, value: 3}\n          - at: 2026-01-12\n            value: 4\n";

    fn one(text: &str, path: &str) -> Option<Pos> {
        SourceIndex::build(text).locate_all(text, &[path])[0]
    }

    #[test]
    fn finds_keys_and_items_in_yaml() {
        assert_eq!(
            one(YAML, "objectives[1].key_results[0].target"),
            Some((8, 9))
        );
        assert_eq!(one(YAML, "objectives[0].title"), Some((4, 5)));
        assert_eq!(one(YAML, "objectives[1]"), Some((5, 5)));
        assert_eq!(one(YAML, "schema_version"), Some((1, 1)));
    }

    #[test]
    fn finds_paths_deeper_than_the_index_in_one_more_walk() {
        let index = SourceIndex::build(YAML);
        let found = index.locate_all(
            YAML,
            &[
                "objectives[1].key_results[0].check_ins[1].value",
                "objectives[1].key_results[0].check_ins[0].value",
                "objectives[1].key_results[0].check_ins[7].value",
                "objectives[0].id",
            ],
        );
        assert_eq!(
            found,
            [Some((12, 13)), Some((10, 30)), Some((9, 9)), Some((3, 5))]
        );
    }

    #[test]
    fn finds_keys_in_json_and_falls_back_to_the_nearest_parent() {
        let json = "{\n  \"objectives\": [\n    {\"id\": \"a\",\n     \"weight\": -1}\n  ]\n}";
        assert_eq!(one(json, "objectives[0].weight"), Some((4, 6)));
        assert_eq!(one(json, "objectives[0].nothing"), Some((3, 5)));
        assert_eq!(one(json, "units[0]"), None);
        assert_eq!(one(json, ""), None);
    }

    #[test]
    fn the_json_scan_finds_what_the_yaml_walk_finds() {
        let json = "{\"objectives\": [\n  {\"id\": \"é\", \"title\": \"Gro\\\"w ünïcode\", \"key_results\": [{\"id\": \"k\", \"target\": 5, \"ok\": true}]},\n  {\"id\": \"b\", \"weight\": -1.5e3, \"a\\u0062c\": null}\n], \"units\": []}";
        let paths = [
            "objectives[0].id",
            "objectives[0].title",
            "objectives[0].key_results[0].target",
            "objectives[0].key_results[0].ok",
            "objectives[1]",
            "objectives[1].weight",
            "objectives[1].abc",
            "units",
            "units[0]",
        ];
        let by_yaml = SourceIndex::build(json).locate_all(json, &paths);
        let by_json = SourceIndex::build_json(json).locate_all(json, &paths);
        assert_eq!(by_json, by_yaml);
        assert_eq!(by_json[2], Some((2, 70)));
    }

    #[test]
    fn the_json_scan_survives_text_that_is_not_json() {
        for text in [
            "",
            "{",
            "}}]]",
            "[\"unclosed",
            "{\"a\": [1, {\"b\"",
            "\\\"\u{0}",
        ] {
            let _ = SourceIndex::build_json(text).locate_all(text, &["a[0].b"]);
        }
    }

    #[test]
    fn collections_as_keys_and_broken_text_do_not_derail_it() {
        let odd = "? [a, b]\n: 1\nobjectives:\n  - id: x\n";
        assert_eq!(one(odd, "objectives[0].id"), Some((4, 5)));
        let broken = "objectives:\n  - id: x\n    title: [unclosed\n";
        assert_eq!(one(broken, "objectives[0].id"), Some((2, 5)));
    }
}
