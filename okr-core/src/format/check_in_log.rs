//! The append-only check-ins log: one JSON object per line (JSON Lines).
//!
//! People edit the plan; tools append here. Appending a line never rewrites what a
//! person wrote, so nothing in the plan can be lost by recording a check-in.

use super::serde_error::classify;
use crate::error::{Error, Format, Location, Result};
use crate::model::LoggedCheckIn;

/// Reads every non-blank line of a check-ins log. Errors carry the 1-based line.
pub fn parse(text: &str) -> Result<Vec<LoggedCheckIn>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry: LoggedCheckIn = serde_json::from_str(line).map_err(|e| {
            let location = Location::in_log(format!("check_ins_file[{}]", out.len()))
                .with_position(n as u32 + 1, e.column() as u32);
            let full = e.to_string();
            let message = full
                .rsplit_once(" at line ")
                .map(|p| p.0.to_owned())
                .unwrap_or(full);
            if e.is_syntax() || e.is_eof() {
                Error::Syntax {
                    format: Format::JsonLines,
                    message,
                    location,
                }
            } else {
                classify(Format::JsonLines, &message, location)
            }
        })?;
        out.push(entry);
    }
    Ok(out)
}

/// One log line for `entry`, newline included.
pub fn line(entry: &LoggedCheckIn) -> Result<String> {
    super::json::all_finite(entry)?;
    super::json::with_newline(serde_json::to_string(entry))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_points_at_the_bad_one() {
        let text = "{\"key_result\":\"k\",\"at\":\"2026-01-05\",\"value\":3}\n\n{\"key_result\":\"k\",\"at\":\"2026-01-06\",\"valeu\":4}\n";
        let err = parse(text).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::UnknownField);
        assert_eq!(err.location().and_then(|l| l.line), Some(3));
        let ok = parse(&text[..text.find('\n').unwrap_or(0)]).unwrap_or_default();
        assert_eq!(ok.len(), 1);
        assert_eq!(
            line(&ok[0]).ok().as_deref(),
            Some("{\"key_result\":\"k\",\"at\":\"2026-01-05\",\"value\":3.0}\n")
        );
    }
}
