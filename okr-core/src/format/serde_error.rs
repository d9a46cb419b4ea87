//! Turns serde's error messages into typed errors.
//!
//! serde reports unknown fields, missing fields and wrong types as text; this reads the
//! few stable shapes of that text so that callers get `UnknownField` with the field name
//! rather than a sentence.

use crate::error::{Error, Format, Location};

pub(crate) fn classify(format: Format, message: &str, location: Location) -> Error {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((field, tail)) = rest.split_once('`') {
            return Error::UnknownField {
                field: field.to_owned(),
                expected: backticked(tail),
                location,
            };
        }
    }
    if message.contains("recursion limit exceeded")
        || message.contains("depth limit")
        || message.contains("budget")
        || message.contains("alias") && (message.contains("limit") || message.contains("exceeded"))
    {
        return Error::Limit {
            message: message.to_owned(),
            location,
        };
    }
    // chrono's own words for a date it could not read (`2026-02-30`, `tomorrow`).
    const DATE_ERRORS: [&str; 5] = [
        "input contains invalid characters",
        "input is out of range",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date and time",
    ];
    if DATE_ERRORS.iter().any(|p| message.contains(p)) {
        return Error::Schema {
            message: format!(
                "not a date: {message}; write a calendar date as YYYY-MM-DD, e.g. 2026-02-14"
            ),
            location,
        };
    }
    let data_error = [
        "missing field",
        "invalid type",
        "unknown variant",
        "invalid value",
        "invalid length",
        "key result `",
        "duplicate field",
        "does not apply",
        "needs `",
        "is not a date",
        "an alignment",
    ]
    .iter()
    .any(|p| message.contains(p));
    if data_error {
        Error::Schema {
            message: message.to_owned(),
            location,
        }
    } else {
        Error::Syntax {
            format,
            message: message.to_owned(),
            location,
        }
    }
}

/// Advice for the mistakes people make most when writing a plan by hand, added to the
/// parser's own words: a tab in YAML's indentation, an alignment link written as a bare
/// id.
pub(crate) fn with_hint(mut e: Error) -> Error {
    let link = e
        .path()
        .rsplit('.')
        .next()
        .is_some_and(|last| last.starts_with("aligns_to["));
    if let Error::Syntax { message, .. } | Error::Schema { message, .. } = &mut e {
        if let Some(better) = unknown_variant(message) {
            *message = better;
        } else if message == "expected string scalar" {
            *message = "expected a single text here, not a list or a mapping; write one \
                        value (quote it if it holds `:` or `#`)"
                .to_owned();
        } else if message == "expected sequence start" {
            *message = "expected a list here; write `[a, b]` or one `- item` per line".to_owned();
        } else if !link && message == "expected mapping start" {
            *message =
                "expected a mapping here; write `key: value` lines or `{key: value}`".to_owned();
        } else if message.contains("found a tab") {
            *message = "a tab where YAML expects indentation; YAML indents with spaces, not \
                        tabs: replace the tab with spaces"
                .to_owned();
        } else if link
            && (message.contains("expected mapping")
                || message.contains("expected struct")
                || message.contains("invalid type: string"))
        {
            message.push_str(
                "; an alignment link is a mapping: write `{objective: ID}` or `{key_result: ID}`",
            );
        }
    }
    e
}

/// serde's "unknown variant `increse`, expected one of `increase`, `decrease`" (or
/// serde-saphyr's, without the backticks around the choices) as "unknown value
/// `increse` (one of …); did you mean `increase`?".
fn unknown_variant(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown variant `")?;
    let (value, tail) = rest.split_once('`')?;
    let choices_text = tail
        .split_once("expected one of ")
        .or_else(|| tail.split_once("expected "))
        .map(|(_, c)| c)?;
    let choices: Vec<&str> = choices_text
        .split(", ")
        .flat_map(|c| c.split(" or "))
        .map(|c| c.trim().trim_matches('`'))
        .filter(|c| !c.is_empty())
        .collect();
    let listed = choices
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let guess = crate::suggest::closest(value, choices.iter().copied())
        .map(|g| format!("; did you mean `{g}`?"))
        .unwrap_or_default();
    Some(format!(
        "unknown value `{value}` (expected one of {listed}){guess}"
    ))
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// serde_path_to_error writes the root as `.`, which documents call the empty path,
/// and a key it could not read as `?`.
pub(crate) fn clean_path(path: &str) -> String {
    let p = path.trim_end_matches(".?");
    if p == "." || p == "?" {
        String::new()
    } else {
        p.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_name_the_choices_and_the_nearest() {
        for message in [
            "unknown variant `increse`, expected one of `increase`, `decrease`",
            "unknown variant `increse`, expected one of increase, decrease",
        ] {
            assert_eq!(
                unknown_variant(message).as_deref(),
                Some(
                    "unknown value `increse` (expected one of `increase`, `decrease`); did you mean `increase`?"
                )
            );
        }
        assert_eq!(
            unknown_variant("unknown variant `x`, expected `a` or `b`").as_deref(),
            Some("unknown value `x` (expected one of `a`, `b`)")
        );
    }

    #[test]
    fn reads_unknown_fields() {
        let e = classify(
            Format::Json,
            "unknown field `titel`, expected one of `id`, `title`",
            Location::default(),
        );
        assert_eq!(
            e,
            Error::UnknownField {
                field: "titel".into(),
                expected: vec!["id".into(), "title".into()],
                location: Location::default()
            }
        );
    }
}
