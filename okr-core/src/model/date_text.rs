//! Dates as people mistype them, and what to write instead.
//!
//! chrono says "input contains invalid characters" for `2026/10/01` and "premature end
//! of input" for `2026-11-31`; neither tells a person what is wrong. These messages
//! quote the text, say why, and give the date rewritten when it can be known.

use chrono::{Datelike, NaiveDate};
use serde::Deserializer;
use std::fmt;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why `text` is not a calendar date (`YYYY-MM-DD`), and what to write instead;
/// with `timestamps`, an RFC 3339 timestamp is allowed too and named in the advice.
pub(crate) fn explain(text: &str, timestamps: bool) -> String {
    let or_timestamp = if timestamps {
        " or a timestamp such as 2026-02-14T09:30:00Z"
    } else {
        ""
    };
    let parts: Vec<&str> = text
        .split(['/', '.', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            p.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    if let Some([a, b, c]) = numbers.as_deref() {
        let (a, b, c) = (*a, *b, *c);
        let dashed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
        if parts[0].len() == 4 {
            // Year first: the order is known.
            if let Some(problem) = no_such_day(a as i32, b, c) {
                return format!("`{text}` is not a date: {problem}");
            }
            if !dashed {
                return format!(
                    "`{text}` is not written as plans write dates; write `{a:04}-{b:02}-{c:02}` \
                     (YYYY-MM-DD){or_timestamp}"
                );
            }
        } else if parts[2].len() == 4 {
            // Year last: day and month are in an order only the writer knows.
            let year = c as i32;
            let day_first = NaiveDate::from_ymd_opt(year, b, a);
            let month_first = NaiveDate::from_ymd_opt(year, a, b);
            let spelled = |d: NaiveDate| {
                format!(
                    "`{d}` for {} {} {}",
                    d.day(),
                    MONTHS[d.month0() as usize],
                    d.year()
                )
            };
            let advice = match (day_first, month_first) {
                (Some(d), Some(m)) if d != m => {
                    format!("write {} or {}", spelled(d), spelled(m))
                }
                (Some(d), _) | (None, Some(d)) => format!("write {}", spelled(d)),
                (None, None) => "write it as YYYY-MM-DD, e.g. 2026-02-14".to_owned(),
            };
            return format!("`{text}` is not written as plans write dates (YYYY-MM-DD); {advice}");
        }
    }
    format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2026-02-14{or_timestamp}")
}

/// Why year, month and day name no day, if they do not.
fn no_such_day(year: i32, month: u32, day: u32) -> Option<String> {
    if !(1..=12).contains(&month) {
        return Some(format!(
            "there is no month {month} (months run from 01 to 12)"
        ));
    }
    if NaiveDate::from_ymd_opt(year, month, day).is_some() {
        return None;
    }
    let last = (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(28);
    Some(format!(
        "{} {year} has {last} days",
        MONTHS[month as usize - 1]
    ))
}

/// A calendar date field (`due`, a cycle's `start`), read with these messages.
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// An optional calendar date field.
pub(crate) fn optional_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(OptionalDate)
}

struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date (YYYY-MM-DD)")
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        let trimmed = text.trim();
        super::moment::parse_iso_date(trimmed).ok_or_else(|| E::custom(explain(trimmed, false)))
    }
}

struct OptionalDate;

impl<'de> serde::de::Visitor<'de> for OptionalDate {
    type Value = Option<NaiveDate>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date (YYYY-MM-DD)")
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        date(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::explain;

    #[test]
    fn mistyped_dates_are_explained_with_the_date_to_write() {
        assert_eq!(
            explain("2026/10/01", false),
            "`2026/10/01` is not written as plans write dates; write `2026-10-01` (YYYY-MM-DD)"
        );
        assert_eq!(
            explain("2026-11-31", true),
            "`2026-11-31` is not a date: November 2026 has 30 days"
        );
        assert_eq!(
            explain("2026-02-29", false),
            "`2026-02-29` is not a date: February 2026 has 28 days"
        );
        assert_eq!(
            explain("2026-13-01", false),
            "`2026-13-01` is not a date: there is no month 13 (months run from 01 to 12)"
        );
        assert_eq!(
            explain("01/10/2026", false),
            "`01/10/2026` is not written as plans write dates (YYYY-MM-DD); write \
             `2026-10-01` for 1 October 2026 or `2026-01-10` for 10 January 2026"
        );
        assert_eq!(
            explain("31.12.2026", false),
            "`31.12.2026` is not written as plans write dates (YYYY-MM-DD); write \
             `2026-12-31` for 31 December 2026"
        );
        assert_eq!(
            explain("tomorrow", true),
            "`tomorrow` is not a date; write YYYY-MM-DD, e.g. 2026-02-14 or a timestamp \
             such as 2026-02-14T09:30:00Z"
        );
    }
}
