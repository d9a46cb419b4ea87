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
    /// Whether each line is ASCII, where a character column is a byte offset: a
    /// generated plan is one line of megabytes, and counting characters to each of
    /// thousands of findings on it would take minutes.
    ascii: Vec<bool>,
}

impl<'a> Source<'a> {
    /// A named text (one pass over it, to find its lines).
    pub fn new(name: &'a str, text: &'a str) -> Source<'a> {
        let lines: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let ascii = lines
            .iter()
            .enumerate()
            .map(|(n, &start)| {
                let end = lines.get(n + 1).map_or(text.len(), |next| next - 1);
                text.as_bytes()[start..end].is_ascii()
            })
            .collect();
        Source {
            name,
            text: Some(text),
            lines,
            ascii,
        }
    }

    /// A name alone: the place is printed, with no snippet.
    pub fn named(name: &'a str) -> Source<'a> {
        Source {
            name,
            text: None,
            lines: Vec::new(),
            ascii: Vec::new(),
        }
    }

    /// The token at 1-based `line` and character `column` (see [`token_span`]): its
    /// line's text, its byte range in that line, and whether the line is ASCII (where
    /// bytes, characters and UTF-16 units count alike). Found without counting the
    /// characters of a long ASCII line, so an editor can place thousands of findings on
    /// a one-line generated plan.
    pub fn token(&self, line: u32, column: u32) -> Option<Token<'a>> {
        let (text, at) = self.place(line, column)?;
        let ascii = self.ascii[line as usize - 1];
        Some(Token {
            line: text,
            span: token_at(text, at),
            ascii,
        })
    }

    /// The text of 1-based `line` (without its line break), and the byte offset in
    /// it of character `column`.
    fn place(&self, line: u32, column: u32) -> Option<(&'a str, usize)> {
        let text = self.text?;
        let n = (line as usize).checked_sub(1)?;
        let start = *self.lines.get(n)?;
        let end = self.lines.get(n + 1).map_or(text.len(), |next| next - 1);
        let line = text[start..end].trim_end_matches('\r');
        let skip = column.saturating_sub(1) as usize;
        let at = if self.ascii[n] {
            skip.min(line.len())
        } else {
            line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i)
        };
        Some((line, at))
    }
}

/// A token in a [`Source`]: see [`Source::token`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text of its line, without the line break.
    pub line: &'a str,
    /// Its byte range in `line`.
    pub span: std::ops::Range<usize>,
    /// Whether `line` is ASCII.
    pub ascii: bool,
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
            Severity::Warning => Level::WARNING,
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
        let column = m.column.unwrap_or(1);
        let snippet = m
            .line
            .and_then(|n| Some((n, source.place(n, column)?)))
            .map(|(n, (text, at))| {
                let mut span = token_at(text, at);
                if m.point {
                    let first = text[span.start..].chars().next().map_or(0, char::len_utf8);
                    span.end = span.start + first;
                }
                let (part, span) = window(text, span);
                let cut = part.len() != text.len();
                (n, part, span, cut)
            });
        let place;
        // The column the renderer prints for a long line it was given only part of
        // (counted in the part), and the file's own.
        let mut recount = None;
        let name = for_terminal(source.name).into_owned();
        match snippet {
            Some((line, text, span, cut)) => {
                // The error's line alone (or the part of a long line around the
                // mistake), numbered as in the file.
                if cut {
                    let counted = text[..span.start].chars().count() + 1;
                    recount = Some((
                        format!("{name}:{line}:{counted}"),
                        format!("{name}:{line}:{column}"),
                    ));
                }
                let mut annotation = AnnotationKind::Primary.span(span);
                if let Some(label) = &m.label {
                    annotation = annotation.label(label.as_str());
                }
                group = group.element(
                    Snippet::source(text)
                        .line_start(line as usize)
                        .path(name.as_str())
                        .fold(true)
                        .annotation(annotation),
                );
            }
            None => {
                place = match (m.line, m.column) {
                    (Some(l), Some(c)) => format!("{name}:{l}:{c}"),
                    (Some(l), None) => format!("{name}:{l}"),
                    _ => name.clone(),
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
        if let Some((counted, real)) = recount {
            out = out.replacen(&counted, &real, 1);
        }
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
    token_at(line, start)
}

/// Tokens are looked for this far at most: a flow collection or a string on a line of
/// megabytes is underlined to here.
const LONGEST_TOKEN: usize = 4096;

/// [`token_span`] from byte `start` of `line`.
fn token_at(line: &str, start: usize) -> std::ops::Range<usize> {
    let mut end = line.len().min(start + LONGEST_TOKEN);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let rest = &line[start..end];
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

/// Lines longer than this are shown around the mistake only.
const WIDEST: usize = 240;

/// `line` cut to the part around `span` when it is long, with `span` moved into it.
fn window(line: &str, span: std::ops::Range<usize>) -> (&str, std::ops::Range<usize>) {
    if line.len() <= WIDEST {
        return (line, span);
    }
    let boundary_down = |mut i: usize| {
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let from = boundary_down(span.start.saturating_sub(WIDEST / 3));
    let end = boundary_down(span.end.min(span.start + WIDEST / 2));
    let to = boundary_down(line.len().min(end + WIDEST / 3));
    (&line[from..to], span.start - from..end - from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;

    fn schema(message: &str, line: u32, column: u32) -> Error {
        Error::Schema {
            message: message.into(),
            location: Location::at("objectives[0].title").with_position(line, column),
        }
    }

    #[test]
    fn tokens_are_underlined_whole() {
        let span = |line: &str, column| {
            let r = token_span(line, column);
            line[r].to_owned()
        };
        assert_eq!(span("    targt: 12  # typo", 5), "targt: 12");
        assert_eq!(
            span("  - {id: a, title: \"x, y\"}", 5),
            "{id: a, title: \"x, y\"}"
        );
        assert_eq!(
            span("    title: \"Grow \\\" it\" # c", 12),
            "\"Grow \\\" it\""
        );
        assert_eq!(span("    start: 2026/10/01", 12), "2026/10/01");
        assert_eq!(span("    key_results:", 5), "key_results");
        assert_eq!(span("\ttitle: x", 1), "\t");
        assert_eq!(span("é: ü", 4), "ü");
        assert_eq!(span("short", 99), "");
    }

    #[test]
    fn the_advice_after_a_semicolon_is_the_help_line() {
        let text = "schema_version: 1\nobjectives:\n  - id: o\n    title: 2026/10/01\n";
        let out = Renderer::plain().error(
            &Source::new("okrs.yaml", text),
            &schema("`a; b` is not a title; write words", 4, 12),
        );
        assert_eq!(
            out,
            "error[schema]: `a; b` is not a title\n --> okrs.yaml:4:12\n  |\n4 |     title: 2026/10/01\n  |            ^^^^^^^^^^\n  |\n  = note: at objectives[0].title\n  = help: write words\n\n"
        );
    }

    #[test]
    fn a_long_line_is_shown_around_the_mistake_with_the_files_column() {
        let line = format!(
            "{}\"title\": \"here\"{}",
            "x".repeat(5000),
            "y".repeat(5000)
        );
        let out =
            Renderer::plain().error(&Source::new("big.json", &line), &schema("wrong", 1, 5001));
        assert!(out.contains(" --> big.json:1:5001\n"), "{out}");
        let source = Source::new("big.json", &line);
        let token = source.token(1, 5001).expect("a token");
        assert!(token.ascii);
        assert_eq!(&token.line[token.span], "\"title\": \"here\"");
        assert!(out.contains("\"title\": \"here\""), "{out}");
        assert!(out.lines().all(|l| l.len() < 400), "{out}");
    }

    #[test]
    fn without_the_text_the_place_is_still_printed() {
        let out = Renderer::plain().error(&Source::named("gone.yaml"), &schema("wrong", 3, 7));
        assert!(out.contains("gone.yaml:3:7"), "{out}");
        let styled = Renderer::styled().error(&Source::named("gone.yaml"), &schema("wrong", 3, 7));
        assert!(styled.contains("\u{1b}["), "{styled}");
    }
}
