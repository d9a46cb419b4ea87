//! The YAML authoring format: the same document as JSON.
//!
//! serde-saphyr is used for its explicit budgets (alias bombs, depth, event counts) and
//! its panic-free parser.

use super::serde_error::{classify, clean_path, with_hint};
use super::{Limits, check_size};
use crate::error::{Error, Format, Location, Result};
use crate::model::Plan;

/// Parses a plan from YAML without semantic validation.
pub fn parse(text: &str, limits: &Limits) -> Result<Plan> {
    parse_with(text, limits)
}

/// Parses any document type from YAML (a lint configuration, say), with the same
/// budgets and error locations as a plan.
pub fn parse_value<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    parse_with(text, &Limits::default())
}

fn parse_with<T: serde::de::DeserializeOwned>(text: &str, limits: &Limits) -> Result<T> {
    check_size(text.len(), limits)?;
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(
        text,
        options(text.len(), limits),
        |de| {
            let mut track = serde_path_to_error::Track::new();
            let result = T::deserialize(serde_path_to_error::Deserializer::new(de, &mut track));
            if result.is_err() {
                path = clean_path(&track.path().to_string());
            }
            result
        },
    );
    result.map_err(|e| with_hint(error(&e, path, limits)))
}

fn options(len: usize, limits: &Limits) -> serde_saphyr::Options {
    // Event, node and text budgets grow with the input, so a large plan is never refused
    // for its size alone, plus what aliases may replay; the replay itself stays capped.
    let budget = serde_saphyr::budget! {
        max_events: len + 1024 + limits.max_yaml_alias_events,
        max_nodes: len + 1024 + limits.max_yaml_alias_events,
        max_total_scalar_bytes: len.saturating_mul(2) + 1024 + limits.max_yaml_alias_bytes,
        max_depth: limits.max_depth,
        max_aliases: limits.max_yaml_aliases,
    };
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = limits.max_yaml_alias_events;
    alias_limits.max_alias_expansions_per_anchor = limits.max_yaml_aliases;
    serde_saphyr::options! {
        budget: budget,
        with_snippet: false,
        duplicate_keys: serde_saphyr::options::DuplicateKeyPolicy::Error,
        alias_limits: alias_limits,
    }
}

fn error(e: &serde_saphyr::Error, path: String, limits: &Limits) -> Error {
    let mut location = Location::at(path);
    if let Some(l) = e.location() {
        if l.line() > 0 {
            location = location.with_position(l.line() as u32, l.column() as u32);
        }
    }
    use serde_saphyr::Error as E;
    // An error met while replaying an alias comes wrapped; what it is is inside.
    let mut e = e;
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = e {
        e = error;
    }
    let message = strip_position(&e.to_string());
    match e {
        E::SerdeUnknownField {
            field, expected, ..
        } => Error::UnknownField {
            field: field.clone(),
            expected: expected.iter().map(|s| (*s).to_owned()).collect(),
            location,
        },
        E::InvalidScalar { ty, .. } => Error::Schema {
            message: scalar_message(ty),
            location,
        },
        E::SerdeInvalidType { .. }
        | E::SerdeInvalidValue { .. }
        | E::SerdeInvalidLength { .. }
        | E::SerdeUnknownVariant { .. }
        | E::SerdeMissingField { .. }
        | E::NullIntoString { .. }
        | E::InvalidBooleanStrict { .. }
        | E::Unexpected { .. }
        | E::DuplicateMappingKey { .. }
        | E::TaggedEnumMismatch { .. }
        | E::Message { .. } => Error::Schema { message, location },
        E::NonFiniteFloat { .. } => Error::InvalidValue { message, location },
        E::Budget { breach, .. } => Error::Limit {
            message: budget_message(breach, limits),
            location,
        },
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => Error::Limit {
            message: format!(
                "aliases (`*name`) replay more than {} items in all, far more than the text \
                 holds (an alias bomb?); write the repeated parts out",
                limits.max_yaml_alias_events
            ),
            location,
        },
        E::AliasExpansionLimitExceeded { .. } => Error::Limit {
            message: format!(
                "one anchor (`&name`) is used more than {} times; write the repeated parts out",
                limits.max_yaml_aliases
            ),
            location,
        },
        _ => classify(Format::Yaml, &message, location),
    }
}

/// What a value that does not read as `ty` should have been, in words (serde-saphyr
/// says `invalid u32`).
fn scalar_message(ty: &str) -> String {
    let wanted = match ty {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number of at least 0",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" | "float" | "floating point" => "a number",
        "integer" | "signed integer" => "a whole number",
        "unsigned integer" => "a whole number of at least 0",
        "bool" | "boolean" => "true or false",
        "char" => "a single character",
        other => return format!("not a valid {other}"),
    };
    format!("expected {wanted}")
}

/// What a breached budget means for the person who wrote the YAML, in the limits'
/// own terms (serde-saphyr's text names its internal counters).
fn budget_message(breach: &serde_saphyr::budget::BudgetBreach, limits: &Limits) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => format!(
            "the YAML nests deeper than {} levels; a plan needs far fewer",
            limits.max_depth
        ),
        B::Aliases { .. } => format!(
            "the YAML uses more than {} aliases (`*name`); write the repeated parts out",
            limits.max_yaml_aliases
        ),
        B::ScalarBytes { .. } => format!(
            "aliases (`*name`) repeat more than {} bytes of text in all, counting every \
             repeat; write the repeated text out, or use it fewer times",
            limits.max_yaml_alias_bytes
        ),
        B::Events { .. } | B::Nodes { .. } => format!(
            "aliases (`*name`) expand the YAML by more than {} items; write the repeated \
             parts out",
            limits.max_yaml_alias_events
        ),
        other => format!(
            "the YAML is past a safety limit ({other:?}); aliases may be expanding out of \
             all proportion to the input"
        ),
    }
}

/// serde-saphyr appends " at line L, column C" (and may prefix "error: "); the location
/// is kept apart, so drop it from the text.
fn strip_position(full: &str) -> String {
    let first = full.lines().next().unwrap_or(full);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    match first.find(" at line ") {
        Some(i) => first[..i].trim_end_matches(',').to_owned(),
        None => first.to_owned(),
    }
}

/// How many lines of `text` hold a comment (`# …` on its own line or after a value).
/// Plans are written from their data, so a conversion or a rewrite loses them, and
/// says so. Text inside quotes and block scalars (`description: |`) is not a comment.
pub(crate) fn comment_lines(text: &str) -> usize {
    let mut count = 0;
    // The indentation of the key that opened a block scalar, while in one.
    let mut block: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = line.trim();
        if let Some(key_indent) = block {
            if body.is_empty() || indent > key_indent {
                continue;
            }
            block = None;
        }
        let mut quote = None;
        let mut previous = ' ';
        let mut comment = None;
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if previous == ' ' || previous == '[' || previous == '{' => {
                    quote = Some(c)
                }
                (None, '#') if previous == ' ' || previous == '\t' || i == 0 => {
                    comment = Some(i);
                    break;
                }
                _ => {}
            }
            previous = c;
        }
        if comment.is_some() {
            count += 1;
        }
        let value = line[..comment.unwrap_or(line.len())].trim_end();
        let opens_block = value.rsplit([' ', ':']).next().is_some_and(|last| {
            last.starts_with(['|', '>'])
                && last[1..]
                    .chars()
                    .all(|c| matches!(c, '-' | '+' | '0'..='9'))
        }) && (value.contains(": ") || value.trim_start().starts_with("- "));
        if opens_block {
            block = Some(indent + usize::from(value.trim_start().starts_with("- ")) * 2);
        }
    }
    count
}

/// Writes a plan as YAML. Whole numbers are written as people write them (`800`, not
/// the `800.0` every number of the model, a float, would otherwise become); they read
/// back as the same value.
pub fn to_string(plan: &Plan) -> Result<String> {
    let text = serde_saphyr::to_string(plan).map_err(|e| Error::InvalidValue {
        message: format!("cannot write YAML: {e}"),
        location: Location::default(),
    })?;
    let mut out = String::with_capacity(text.len());
    // `metadata` is free-form JSON, where `0.0` and `0` are different values: lines
    // under a `metadata:` key (deeper than its indentation) are left as written.
    let mut in_metadata: Option<usize> = None;
    for line in text.lines() {
        let key_at = line.len() - line.trim_start_matches([' ', '-']).len();
        if in_metadata.is_some_and(|indent| key_at <= indent && !line.trim().is_empty()) {
            in_metadata = None;
        }
        let written = if in_metadata.is_some() {
            line
        } else {
            whole_number(line)
        };
        if line[key_at..].starts_with("metadata:") {
            in_metadata = Some(key_at);
        }
        out.push_str(written);
        out.push('\n');
    }
    Ok(out)
}

/// `start: 800.0` as `start: 800`, `- 3.0` as `- 3`. Only a plain scalar can end a line
/// this way (a text that reads as a number is written quoted), and only one of at most
/// fifteen digits, which a float holds exactly.
fn whole_number(line: &str) -> &str {
    let Some(number) = line.strip_suffix(".0") else {
        return line;
    };
    let start = number
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let digits = &number[start..];
    let before = number[..start]
        .strip_suffix('-')
        .unwrap_or(&number[..start]);
    let plain = before.ends_with(": ") || before.trim_start() == "- " || before.ends_with("- ");
    if !digits.is_empty() && digits.len() <= 15 && plain {
        number
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` objectives sharing one anchored description of `bytes` bytes.
    fn anchored(bytes: usize, count: usize) -> String {
        let mut text = format!(
            "schema_version: 1\nobjectives:\n  - id: o0\n    title: First\n    description: &d \"{}\"\n",
            "w".repeat(bytes)
        );
        for i in 1..count {
            text.push_str(&format!(
                "  - id: o{i}\n    title: Next\n    description: *d\n"
            ));
        }
        text
    }

    #[test]
    fn common_slips_come_with_advice() {
        let tab = parse(
            "schema_version: 1\nobjectives:\n  - id: o\n\ttitle: x\n",
            &Limits::default(),
        )
        .expect_err("a tab");
        assert!(tab.message().contains("not tabs"), "{tab}");
        let link = parse(
            "schema_version: 1\nobjectives:\n  - id: o\n    title: Grow\n    aligns_to: [co]\n",
            &Limits::default(),
        )
        .expect_err("a bare id");
        assert!(link.message().contains("`{objective: ID}`"), "{link}");
        let json = crate::format::json::parse(
            r#"{"schema_version": 1, "objectives": [{"id": "o", "title": "Grow", "aligns_to": ["co"]}]}"#,
            &Limits::default(),
        )
        .expect_err("a bare id");
        assert!(json.message().contains("`{objective: ID}`"), "{json}");
    }

    #[test]
    fn comments_are_counted_and_text_that_looks_like_one_is_not() {
        let text = "# A plan\nschema_version: 1  # always 1\nname: \"Q1 #1\"\ndescription: |\n  # Heading in a block\n  text\nurl: http://x/#frag\nobjectives: []\n  # indented comment\n";
        assert_eq!(comment_lines(text), 3);
        assert_eq!(comment_lines("schema_version: 1\n"), 0);
    }

    #[test]
    fn whole_numbers_are_written_without_a_fraction() {
        assert_eq!(whole_number("    start: 800.0"), "    start: 800");
        assert_eq!(whole_number("  - -3.0"), "  - -3");
        assert_eq!(whole_number("    target: 12.5"), "    target: 12.5");
        assert_eq!(whole_number("    title: '800.0'"), "    title: '800.0'");
        assert_eq!(whole_number("    title: v1.0"), "    title: v1.0");
        assert_eq!(
            whole_number("    big: 1000000000000000000000.0"),
            "    big: 1000000000000000000000.0"
        );
        // Free-form metadata keeps its floats as floats.
        let text = "schema_version: 1\nmetadata:\n  ratio: 1.0\n  list:\n  - 2.0\nunits:\n- id: a\n  name: A\n  kind: team\n  metadata: {x: 1.0}\nobjectives:\n- id: o\n  title: Grow\n  metadata:\n    w: 3.0\n  key_results:\n  - {id: k, title: Ten deals, type: increase, start: 0.0, target: 10.0}\n";
        let plan = parse(text, &Limits::default()).expect("reads");
        let written = to_string(&plan).expect("writes");
        assert!(written.contains("target: 10\n"), "{written}");
        assert!(
            written.contains("ratio: 1.0\n") && written.contains("w: 3.0\n"),
            "{written}"
        );
        assert_eq!(
            parse(&written, &Limits::default()).expect("reads back"),
            plan
        );
    }

    #[test]
    fn a_description_reused_through_an_alias_is_read() {
        let plan = parse(&anchored(1024, 10), &Limits::default()).expect("reads");
        assert_eq!(
            plan.objectives[9].description.as_deref().map(str::len),
            Some(1024)
        );
    }

    #[test]
    fn aliases_that_repeat_too_much_text_are_refused_in_plain_words() {
        let limits = Limits {
            max_yaml_alias_bytes: 64 * 1024,
            ..Limits::default()
        };
        let e = parse(&anchored(16 * 1024, 20), &limits).expect_err("too much text");
        assert_eq!(e.code(), crate::ErrorCode::Limit);
        assert!(e.message().contains("65536 bytes of text"), "{e}");
        assert!(!e.message().contains("ScalarBytes"), "{e}");
    }
}
