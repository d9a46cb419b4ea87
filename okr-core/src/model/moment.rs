//! Points in time as people write them: a bare date or a full timestamp.
//!
//! A check-in written as `2026-01-05` stays a date through every round trip, and one
//! written with an offset keeps that offset; only comparisons use the UTC instant.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Milliseconds in one day.
pub const DAY_MS: i64 = 86_400_000;

/// A moment as written in a document: a calendar date (read as midnight UTC) or an
/// RFC 3339 timestamp with its offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Moment {
    /// `2026-01-05`: the start of that day, UTC.
    Date(NaiveDate),
    /// `2026-01-05T09:30:00+02:00`, kept with its offset.
    DateTime(DateTime<FixedOffset>),
}

impl Moment {
    /// Parses `YYYY-MM-DD` or an RFC 3339 timestamp.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if let Some(date) = parse_iso_date(text) {
            return Ok(Moment::Date(date));
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Moment::Date(date));
        }
        DateTime::parse_from_rfc3339(text)
            .map(Moment::DateTime)
            .map_err(|e| {
                if text.contains([':', 'T']) {
                    format!(
                        "`{text}` is not an RFC 3339 timestamp ({e}); write e.g. \
                         2026-02-14T09:30:00Z, or a date as YYYY-MM-DD"
                    )
                } else {
                    super::date_text::explain(text, true)
                }
            })
    }

    /// The current time, in UTC, to the second.
    pub fn now() -> Self {
        let now = Utc::now();
        let secs = DateTime::<Utc>::from_timestamp(now.timestamp(), 0).unwrap_or(now);
        Moment::DateTime(secs.fixed_offset())
    }

    /// Milliseconds since the Unix epoch, UTC.
    pub fn millis(&self) -> i64 {
        match self {
            Moment::Date(d) => date_start_millis(*d),
            Moment::DateTime(t) => t.timestamp_millis(),
        }
    }

    /// The UTC calendar date this moment falls on.
    pub fn date(&self) -> NaiveDate {
        match self {
            Moment::Date(d) => *d,
            Moment::DateTime(t) => t.with_timezone(&Utc).date_naive(),
        }
    }
}

/// `YYYY-MM-DD` exactly, without chrono's format-string machinery: plans hold millions
/// of check-in dates, and this is most of the cost of reading them.
pub(crate) fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// `YYYY-MM-DD` written digit by digit, for years 0–9999 (`None` outside, where
/// chrono's signed form is used): writing a plan or an answer formats every check-in's
/// date, and chrono's format-string machinery took two fifths of writing a plan.
fn iso_date(date: NaiveDate) -> Option<IsoDate> {
    use chrono::Datelike;
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let mut text = *b"0000-00-00";
    let mut put = |at: usize, digits: usize, mut n: u32| {
        for i in (at..at + digits).rev() {
            text[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(0, 4, year);
    put(5, 2, date.month());
    put(8, 2, date.day());
    Some(IsoDate(text))
}

/// Ten ASCII bytes of a date.
struct IsoDate([u8; 10]);

impl IsoDate {
    fn as_str(&self) -> &str {
        // Only ASCII digits and dashes are ever written into it.
        std::str::from_utf8(&self.0).unwrap_or("0000-00-00")
    }
}

/// Milliseconds since the epoch at the start (00:00 UTC) of `date`.
pub fn date_start_millis(date: NaiveDate) -> i64 {
    Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN))
        .timestamp_millis()
}

/// The UTC date holding the instant `millis`.
pub fn millis_to_date(millis: i64) -> Option<NaiveDate> {
    DateTime::<Utc>::from_timestamp_millis(millis).map(|t| t.date_naive())
}

impl PartialOrd for Moment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Moment {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.millis().cmp(&other.millis())
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Date(d) => match iso_date(*d) {
                Some(text) => f.write_str(text.as_str()),
                None => write!(f, "{}", d.format("%Y-%m-%d")),
            },
            Moment::DateTime(t) => write!(
                f,
                "{}",
                t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
            ),
        }
    }
}

impl std::str::FromStr for Moment {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Moment::parse(s)
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

// A visitor rather than `Cow<str>`, whose `Deserialize` always copies into a `String`:
// a plan holds millions of check-in dates, and each would cost an allocation.
impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MomentVisitor;
        impl serde::de::Visitor<'_> for MomentVisitor {
            type Value = Moment;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date (YYYY-MM-DD) or an RFC 3339 timestamp")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Moment, E> {
                Moment::parse(text).map_err(E::custom)
            }
        }
        d.deserialize_str(MomentVisitor)
    }
}

impl JsonSchema for Moment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Moment".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date (YYYY-MM-DD, midnight UTC) or an RFC 3339 timestamp.",
            "anyOf": [{"format": "date"}, {"format": "date-time"}]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_timestamps_keep_their_form() {
        for text in [
            "2026-01-05",
            "2026-01-05T09:30:00+02:00",
            "2026-01-05T09:30:00+00:00",
        ] {
            assert_eq!(
                Moment::parse(text).map(|m| m.to_string()),
                Ok(text.to_string())
            );
        }
    }

    #[test]
    fn order_follows_the_instant() {
        let a = Moment::parse("2026-01-05T01:00:00+02:00").unwrap_or(Moment::now());
        let b = Moment::parse("2026-01-05").unwrap_or(Moment::now());
        assert!(a < b, "01:00+02:00 is 23:00 UTC the day before");
        assert_eq!(a.date().to_string(), "2026-01-04");
    }

    #[test]
    fn the_fast_date_path_agrees_with_chrono() {
        for text in ["2026-01-05", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(
                parse_iso_date(text),
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
                "{text}"
            );
        }
        for text in [
            "2026-02-30",
            "2026-13-01",
            "2026-1-05",
            "20260105xx",
            "2026-01-0a",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text}");
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        use chrono::Datelike;
        let mut day = NaiveDate::from_ymd_opt(-3, 12, 25).expect("a date");
        let last = NaiveDate::from_ymd_opt(10_002, 1, 3).expect("a date");
        let mut seen = 0;
        while day <= last {
            assert_eq!(
                Moment::Date(day).to_string(),
                day.format("%Y-%m-%d").to_string()
            );
            // Every day near the ends and around leap days; a sample in between.
            let step = if day.year() < 3 || day.year() > 9997 || day.month() == 2 {
                1
            } else {
                97
            };
            day = day + chrono::Days::new(step);
            seen += 1;
        }
        assert!(seen > 10_000, "{seen}");
    }

    #[test]
    fn rejects_garbage_with_a_reason() {
        let err = Moment::parse("next tuesday").unwrap_err();
        assert!(err.contains("next tuesday"), "{err}");
    }
}
