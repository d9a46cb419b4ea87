//! Where in the document a finding points, kept as indices until a diagnostic is made.
//!
//! A large plan yields a hundred thousand findings. Held as indices, they sort into
//! document order on integers and are matched against `lint_ignore` entries without
//! reading text; the path is written out once, for the diagnostic.

use std::fmt;

/// A place in the plan document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    /// `objectives[index]`, or a field of it (`objectives[index].title`).
    Objective {
        index: usize,
        field: Option<&'static str>,
    },
    /// `objectives[i].key_results[j]`, or a field of it.
    KeyResult {
        path: KrPath,
        field: Option<&'static str>,
    },
    /// `units[index]`.
    Unit(usize),
    /// `cycles[index]`.
    Cycle(usize),
    /// Any other path, as written (empty for the plan as a whole).
    Path(String),
}

impl At {
    pub fn objective(index: usize) -> At {
        At::Objective { index, field: None }
    }

    pub fn objective_field(index: usize, field: &'static str) -> At {
        At::Objective {
            index,
            field: Some(field),
        }
    }

    /// Whether this place is the objective (or key result) `suppressed` names, or
    /// inside it.
    pub(crate) fn is_within(&self, suppressed: &Suppressed) -> bool {
        match (self, suppressed) {
            (At::Objective { index, .. }, Suppressed::Objective(i)) => index == i,
            (At::KeyResult { path, .. }, Suppressed::Objective(i)) => path.objective == *i,
            (At::KeyResult { path, .. }, Suppressed::KeyResult(p)) => path == p,
            (At::Path(text), s) => {
                let prefix = s.to_string();
                text.strip_prefix(prefix.as_str())
                    .is_some_and(|inner| inner.is_empty() || inner.starts_with('.'))
            }
            _ => false,
        }
    }

    /// The path split into up to four (name, index) segments and the rest, as
    /// [`super::order`] compares paths; no text is read for the places held as indices.
    pub(crate) fn segments(&self) -> ([(&str, usize); 4], &str) {
        const NONE: (&str, usize) = ("", 0);
        let field = |f: &Option<&'static str>| f.map_or(NONE, |f| (f, 0));
        match self {
            At::Objective { index, field: f } => {
                ([("objectives", *index), field(f), NONE, NONE], "")
            }
            At::KeyResult { path, field: f } => (
                [
                    ("objectives", path.objective),
                    ("key_results", path.key_result),
                    field(f),
                    NONE,
                ],
                "",
            ),
            At::Unit(i) => ([("units", *i), NONE, NONE, NONE], ""),
            At::Cycle(i) => ([("cycles", *i), NONE, NONE, NONE], ""),
            At::Path(text) => parse_segments(text),
        }
    }
}

/// A path written as text, split as [`At::segments`] does: segments `name[index]` or
/// `name` (index 0) separated by dots. A missing segment is ("", 0), so a path sorts
/// before the paths inside it.
pub(crate) fn parse_segments(path: &str) -> ([(&str, usize); 4], &str) {
    let mut segments = [("", 0); 4];
    let mut rest = path;
    for slot in &mut segments {
        if rest.is_empty() {
            break;
        }
        let (segment, tail) = rest.split_once('.').unwrap_or((rest, ""));
        *slot = match segment.split_once('[') {
            Some((name, index)) => (name, index.trim_end_matches(']').parse().unwrap_or(0)),
            None => (segment, 0),
        };
        rest = tail;
    }
    (segments, rest)
}

impl At {
    /// The document path, written out. Every diagnostic has one, so it is written by
    /// hand rather than through the formatting machinery, which cost several times as
    /// much.
    pub fn path(&self) -> String {
        fn push_index(out: &mut String, name: &str, i: usize) {
            out.push_str(name);
            out.push('[');
            out.push_str(itoa::Buffer::new().format(i));
            out.push(']');
        }
        let mut out = String::with_capacity(48);
        let field = match self {
            At::Objective { index, field } => {
                push_index(&mut out, "objectives", *index);
                field
            }
            At::KeyResult { path, field } => {
                push_index(&mut out, "objectives", path.objective);
                push_index(&mut out, ".key_results", path.key_result);
                field
            }
            At::Unit(i) => {
                push_index(&mut out, "units", *i);
                &None
            }
            At::Cycle(i) => {
                push_index(&mut out, "cycles", *i);
                &None
            }
            At::Path(text) => return text.clone(),
        };
        if let Some(field) = field {
            out.push('.');
            out.push_str(field);
        }
        out
    }
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

impl From<KrPath> for At {
    fn from(path: KrPath) -> At {
        At::KeyResult { path, field: None }
    }
}

impl From<String> for At {
    fn from(path: String) -> At {
        At::Path(path)
    }
}

impl KrPath {
    /// A field of this key result, e.g. `objectives[0].key_results[1].title`.
    pub fn field(self, field: &'static str) -> At {
        At::KeyResult {
            path: self,
            field: Some(field),
        }
    }
}

/// An objective or a key result with a `lint_ignore` entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suppressed {
    Objective(usize),
    KeyResult(KrPath),
}

impl fmt::Display for Suppressed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Suppressed::Objective(i) => write!(f, "objectives[{i}]"),
            Suppressed::KeyResult(p) => write!(f, "{p}"),
        }
    }
}

/// The document path of a key result, written out only when a finding needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KrPath {
    pub objective: usize,
    pub key_result: usize,
}

impl std::fmt::Display for KrPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "objectives[{}].key_results[{}]",
            self.objective, self.key_result
        )
    }
}

impl From<KrPath> for String {
    fn from(p: KrPath) -> String {
        p.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_write_out_as_paths_and_split_as_their_text_does() {
        let kr = KrPath {
            objective: 3,
            key_result: 12,
        };
        for (at, text) in [
            (At::objective(7), "objectives[7]"),
            (At::objective_field(7, "title"), "objectives[7].title"),
            (At::from(kr), "objectives[3].key_results[12]"),
            (kr.field("due"), "objectives[3].key_results[12].due"),
            (At::Unit(2), "units[2]"),
            (At::Cycle(0), "cycles[0]"),
            (At::Path("lint.settings".into()), "lint.settings"),
        ] {
            assert_eq!(at.to_string(), text);
            assert_eq!(at.segments(), parse_segments(text), "{text}");
        }
    }

    #[test]
    fn suppression_covers_the_item_and_what_is_inside_it() {
        let kr = KrPath {
            objective: 1,
            key_result: 0,
        };
        let other = KrPath {
            objective: 1,
            key_result: 2,
        };
        assert!(kr.field("title").is_within(&Suppressed::Objective(1)));
        assert!(kr.field("title").is_within(&Suppressed::KeyResult(kr)));
        assert!(!kr.field("title").is_within(&Suppressed::KeyResult(other)));
        assert!(!At::objective(1).is_within(&Suppressed::KeyResult(kr)));
        assert!(!At::objective(10).is_within(&Suppressed::Objective(1)));
        assert!(At::Path("objectives[1].aligns_to".into()).is_within(&Suppressed::Objective(1)));
        assert!(!At::Path("objectives[10]".into()).is_within(&Suppressed::Objective(1)));
        assert!(!At::Unit(1).is_within(&Suppressed::Objective(1)));
    }
}
