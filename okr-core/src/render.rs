//! Errors and lint findings rendered like a compiler's: the headline with its code,
//! the file, line and column, the source line with a caret under the token, then the
//! document path as a note and what to write instead as help.
//!
//! ```text
//! error[schema]: `2026/10/01` is not a date; write it as YYYY-MM-DD (`2026-10-01`)
//!  --> okrs.yaml:5:12
//!   |
//! 5 |     start: 2026/10/01
//!   |            ^^^^^^^^^^
//!   |
//!   = note: at cycles[0].start
//! ```
//!
//! Every caller that prints for a person (the CLI's `validate`, `lint`, `score`,
//! `check-in`; a binding's console) uses this one renderer, so the same problem reads
//! the same everywhere. Colour is the caller's choice ([`Renderer::styled`]): a
//! terminal gets it, a file or a pipe does not.

use crate::error::Error;
use crate::lint::{Diagnostic, Severity};
use crate::safe_text::for_terminal;
use annotate_snippets::{AnnotationKind, Group, Level, Snippet};

/// A text that errors point into, with the name shown for it (a file's path as the
/// user gave it, or `<stdin>`). Without the text, only the place is printed.
#[derive(Clone, Debug)]
pub struct Source<'a> {
    name: &'a str,
    text: Option<&'a str>,
    /// The byte offset of each line's start, found once for every error in the text.
    lines: Vec<usize>,
}

impl<'a> Source<'a> {
    /// A named text (one pass over it, to find its lines).
    pub fn new(name: &'a str, text: &'a str) -> Source<'a> {
        let lines = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name,
            text: Some(text),
            lines,
        }
    }

    /// A name alone: the place is printed, with no snippet.
    pub fn named(name: &'a str) -> Source<'a> {
        Source {
            name,
            text: None,
            lines: Vec::new(),
        }
    }

    /// The text of 1-based `line` (without its line break) and its byte offset.
    fn line(&self, line: u32) -> Option<(usize, &'a str)> {
        let text = self.text?;
        let start = *self.lines.get((line as usize).checked_sub(1)?)?;
        let end = self
            .lines
            .get(line as usize)
            .map_or(text.len(), |next| next - 1);
        Some((start, text[start..end].trim_end_matches('\r')))
    }
}

/// Renders errors and findings, plain or in colour.
#[derive(Clone, Copy, Debug, Default)]
pub struct Renderer {
    styled: bool,
}

/// What an error and a finding have in common once rendered.
struct Message<'a> {
    level: Level<'static>,
    code: &'a str,
    title: String,
    line: Option<u32>,
    column: Option<u32>,
    path: &'a str,
    /// Underline one character, not the token: a parser's place is a point.
    point: bool,
    label: Option<String>,
    notes: Vec<String>,
    help: Option<String>,
}

impl Renderer {
    /// No colour: for files, pipes and `NO_COLOR`.
    pub fn plain() -> Renderer {
        Renderer { styled: false }
    }

    /// ANSI colour, as rustc prints on a terminal.
    pub fn styled() -> Renderer {
        Renderer { styled: true }
    }

    /// One load or validation error, ending in a blank line.
    ///
    /// Messages say what is wrong, then after `; ` what to write instead; the second
    /// part becomes the help line. An unknown field's near name is the help and the
    /// fields allowed there a note.
    pub fn error(&self, source: &Source<'_>, error: &Error) -> String {
        let location = error.location();
        let (title, notes, help) = match error {
            Error::UnknownField {
                field, expected, ..
            } => {
                let allowed = expected
                    .iter()
                    .map(|e| format!("`{e}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let near = crate::suggest::closest(field, expected.iter().map(String::as_str));
                (
                    format!("unknown field `{field}`"),
                    (!expected.is_empty())
                        .then(|| format!("allowed here: {allowed}"))
                        .into_iter()
                        .collect(),
                    near.map(|n| format!("did you mean `{n}`?")),
                )
            }
            _ => {
                let message = error.message();
                match split_advice(&message) {
                    Some((what, advice)) => (what.to_owned(), Vec::new(), Some(advice.to_owned())),
                    None => (message, Vec::new(), None),
                }
            }
        };
        self.render(
            source,
            Message {
                level: Level::ERROR,
                code: error.code().as_str(),
                title,
                line: location.and_then(|l| l.line),
                column: location.and_then(|l| l.column),
                path: error.path(),
                point: matches!(error, Error::Syntax { .. }),
                label: None,
                notes,
                help,
            },
        )
    }

    /// One lint finding, ending in a blank line; its rule is named in a note.
    pub fn finding(&self, source: &Source<'_>, finding: &Diagnostic) -> String {
        let level = match finding.severity {
            Severity::Error => Level::ERROR,
            Severity::Warn => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        self.render(
            source,
            Message {
                level,
                code: &finding.code,
                title: finding.message.clone(),
                line: finding.line,
                column: finding.column,
                path: &finding.path,
                point: false,
                label: None,
                notes: vec![format!(
                    "rule `{}`; `okr rules {}` explains it",
                    finding.rule, finding.code
                )],
                help: (!finding.help.is_empty()).then(|| finding.help.to_string()),
            },
        )
    }

    fn render(&self, source: &Source<'_>, m: Message<'_>) -> String {
        let title = for_terminal(&m.title).into_owned();
        let mut notes: Vec<String> = Vec::new();
        if !m.path.is_empty() {
            notes.push(format!("at {}", for_terminal(m.path)));
        }
        notes.extend(m.notes.iter().map(|n| for_terminal(n).into_owned()));
        let help = m.help.as_deref().map(|h| for_terminal(h).into_owned());

        let mut group = Group::with_title(m.level.clone().primary_title(title.as_str()).id(m.code));
        let snippet = m
            .line
            .and_then(|n| Some((n, source.line(n)?.1)))
            .map(|(n, text)| {
                let mut span = token_span(text, m.column.unwrap_or(1));
                if m.point {
                    let first = text[span.start..].chars().next().map_or(0, char::len_utf8);
                    span.end = span.start + first;
                }
                (n, text, span)
            });
        let place;
        match snippet {
            Some((line, text, span)) => {
                // The error's line alone, numbered as in the file.
                let mut annotation = AnnotationKind::Primary.span(span);
                if let Some(label) = &m.label {
                    annotation = annotation.label(label.as_str());
                }
                group = group.element(
                    Snippet::source(text)
                        .line_start(line as usize)
                        .path(for_terminal(source.name).into_owned())
                        .fold(true)
                        .annotation(annotation),
                );
            }
            None => {
                place = match (m.line, m.column) {
                    (Some(l), Some(c)) => format!("{}:{l}:{c}", for_terminal(source.name)),
                    (Some(l), None) => format!("{}:{l}", for_terminal(source.name)),
                    _ => for_terminal(source.name).into_owned(),
                };
                group = group.element(annotate_snippets::Origin::path(place.as_str()));
            }
        }
        for note in &notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let renderer = if self.styled {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        };
        let mut out = renderer.render(&[group]);
        out.push_str("\n\n");
        out
    }
}

/// `what is wrong; what to write instead` split at the first `; ` outside backticks
/// (an id may hold one).
fn split_advice(message: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    for (i, c) in message.char_indices() {
        match c {
            '`' => quoted = !quoted,
            ';' if !quoted && message[i + 1..].starts_with(' ') => {
                let advice = message[i + 2..].trim();
                return (!advice.is_empty()).then(|| (&message[..i], advice));
            }
            _ => {}
        }
    }
    None
}

/// The byte range, in `line`, of the token at 1-based character `column`: a quoted
/// string to its closing quote, a flow collection to its closing bracket, a key to
/// its colon, a plain value to the end of the line (before a comment). A column past
/// the end of the line is an empty range at its end.
pub fn token_span(line: &str, column: u32) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = match rest.chars().next() {
        None => 0,
        // A tab or a space: that character alone.
        Some(c) if c.is_whitespace() => c.len_utf8(),
        Some(_) => {
            let key = scalar_len(rest);
            // A key with its value on the same line (`targt: 12`, `- id: grow`) is
            // underlined whole: the entry is what the message is about.
            match rest[key..].strip_prefix(':') {
                Some(after) if !after.trim().is_empty() && !after.trim_start().starts_with('#') => {
                    let gap = after.len() - after.trim_start().len();
                    key + 1 + gap + scalar_len(&after[gap..])
                }
                _ => key,
            }
        }
    };
    start..start + len
}

/// A quoted string, a flow collection, or a plain scalar, at the start of `rest`.
fn scalar_len(rest: &str) -> usize {
    match rest.chars().next() {
        None => 0,
        Some(q @ ('"' | '\'')) => quoted_len(rest, q),
        Some('[' | '{') => bracketed_len(rest),
        Some(_) => plain_len(rest),
    }
}

fn quoted_len(rest: &str, quote: char) -> usize {
    let mut escaped = false;
    for (i, c) in rest.char_indices().skip(1) {
        match c {
            '\\' if quote == '"' && !escaped => escaped = true,
            c if c == quote && !escaped => return i + 1,
            _ => escaped = false,
        }
    }
    rest.len()
}

fn bracketed_len(rest: &str) -> usize {
    let mut depth = 0usize;
    let mut quote = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    rest.trim_end().len()
}

/// A plain scalar or a key: up to `: `, ` #`, or a flow separator, trailing blanks
/// left out.
fn plain_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let stop = match b {
            b':' => matches!(next, None | Some(b' ' | b'\t')),
            b'#' => i > 0 && matches!(bytes[i - 1], b' ' | b'\t'),
            b',' | b']' | b'}' => true,
            _ => false,
        };
        if stop {
            end = i;
            break;
        }
    }
    rest[..end]
        .trim_end()
        .len()
        .max(usize::from(end == 0 && !rest.is_empty()))
}
