//! What uniffi needs to hand the core's records to Kotlin and Swift (feature
//! `uniffi`; the bindings live in `okr-ffi`). The records derive `uniffi::Record` where
//! they are declared, so a field added to a score or a diagnostic reaches every
//! language without being copied here. This module only says how the few field types
//! uniffi has no built-in for cross the boundary: each one as text or a number.

use crate::lint::Id;
use crate::model::Moment;
use chrono::NaiveDate;
use std::borrow::Cow;

/// A calendar date as ISO 8601 text (`2026-02-14`); Kotlin maps it to
/// `java.time.LocalDate` (okr-ffi's uniffi.toml).
pub type IsoDate = NaiveDate;

uniffi::custom_type!(IsoDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, "%Y-%m-%d")?),
});

// A moment as the document wrote it: a date or an RFC 3339 timestamp with its offset.
uniffi::custom_type!(Moment, String, {
    lower: |moment| moment.to_string(),
    try_lift: |text| Moment::parse(&text).map_err(uniffi::deps::anyhow::Error::msg),
});

/// A count. Kotlin and Swift have signed integers in their everyday APIs (`Long`,
/// `Int64`), so counts cross as `i64` rather than as unsigned `u64`.
pub type Count = usize;

uniffi::custom_type!(Count, i64, {
    remote,
    lower: |n| i64::try_from(n).unwrap_or(i64::MAX),
    try_lift: |n| Ok(usize::try_from(n)?),
});

/// Text the core keeps inline or borrowed (ids, rule codes); plain strings abroad.
pub type Text = Id;

uniffi::custom_type!(Text, String, {
    remote,
    lower: |id| id.into_string(),
    try_lift: |text| Ok(Id::from(text)),
});

/// Text fixed at compile time (a rule's code, name and help) or built at run time.
pub type StaticText = Cow<'static, str>;

uniffi::custom_type!(StaticText, String, {
    remote,
    lower: |text| text.into_owned(),
    try_lift: |text| Ok(Cow::Owned(text)),
});
