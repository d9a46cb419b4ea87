//! Check-in values typed as text (a command line, a form field), read for a given kind.

use crate::engine::kinds::{ZONES, encode_value};
use crate::model::{KrKind, Value};

/// Reads `text` as a check-in value for a key result of `kind`: a number; `true`/`false`
/// (also `done`/`yes`/`no`) for a milestone; a zone name for named zones; comma-separated
/// finished step ids for a checklist. The result is checked against the kind.
pub fn parse_value(kind: &KrKind, text: &str) -> Result<Value, String> {
    let t = text.trim();
    let value = match kind {
        KrKind::Milestone => match t.to_ascii_lowercase().as_str() {
            "true" | "done" | "yes" | "1" => Value::Bool(true),
            "false" | "not done" | "no" | "0" => Value::Bool(false),
            _ => return Err(format!("a milestone value is true or false, not `{t}`")),
        },
        KrKind::Checklist { .. } => Value::Steps(
            t.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        KrKind::Zones { .. } if !kind.is_numeric() => {
            if !ZONES.contains(&t) {
                return Err(format!(
                    "`{t}` is not a zone; use one of {}",
                    ZONES.join(", ")
                ));
            }
            Value::Text(t.to_owned())
        }
        _ => Value::Number(
            t.parse::<f64>()
                .map_err(|_| format!("`{t}` is not a number"))?,
        ),
    };
    encode_value(kind, &value)?;
    Ok(value)
}

/// Reads a confidence written as a share (`0.7`), a percentage (`70%`) or a score out of
/// ten (`7/10`), into 0.0–1.0.
pub fn parse_confidence(text: &str) -> Result<f64, String> {
    let t = text.trim();
    let bad =
        || format!("confidence `{t}` is not a share (0.7), a percentage (70%) or a score (7/10)");
    let value = if let Some(p) = t.strip_suffix('%') {
        p.trim().parse::<f64>().map_err(|_| bad())? / 100.0
    } else if let Some((a, b)) = t.split_once('/') {
        let (a, b) = (
            a.trim().parse::<f64>().map_err(|_| bad())?,
            b.trim().parse::<f64>().map_err(|_| bad())?,
        );
        if b <= 0.0 {
            return Err(bad());
        }
        a / b
    } else {
        t.parse::<f64>().map_err(|_| bad())?
    };
    if !(0.0..=1.0).contains(&value) {
        return Err(format!("confidence `{t}` is outside 0–100%"));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_scales() {
        assert_eq!(parse_confidence("0.7"), Ok(0.7));
        assert_eq!(parse_confidence("70%"), Ok(0.7));
        assert_eq!(parse_confidence("7/10"), Ok(0.7));
        assert!(parse_confidence("7").is_err());
        assert!(parse_confidence("high").is_err());
    }

    #[test]
    fn values_follow_the_kind() {
        assert_eq!(
            parse_value(&KrKind::Milestone, "done"),
            Ok(Value::Bool(true))
        );
        let numeric = KrKind::Increase {
            start: None,
            target: Some(3.0),
        };
        assert_eq!(parse_value(&numeric, "2.5"), Ok(Value::Number(2.5)));
        assert!(parse_value(&numeric, "lots").is_err());
        let zones = KrKind::Zones {
            start: None,
            commit: None,
            target: None,
            stretch: None,
        };
        assert!(parse_value(&zones, "amazing").is_err());
    }
}
