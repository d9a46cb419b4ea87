//! Pretty-printed JSON, byte for byte what `serde_json::to_writer_pretty` writes, faster.
//!
//! serde_json's `PrettyFormatter` writes a line break and then the indent one level at a
//! time, each a separate write: an answer of tens of megabytes (`okr score --format json`
//! on a large plan) is tens of millions of tiny writes, which took more time than making
//! the answer. Here the separator, line break and whole indent go out as one slice.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Indentation: two spaces a level, as serde_json's default.
const INDENT: usize = 2;

/// `",\n"` then enough spaces for any depth a document reaches; deeper levels (never
/// written by this crate, but a caller may hand in anything) take more than one write.
const BREAKS: &[u8] = b",\n                                                                                                                                ";

/// Writes the separator (`,` unless `first`), a line break and the indent of `level`.
fn new_line<W: ?Sized + Write>(w: &mut W, first: bool, level: usize) -> io::Result<()> {
    let from = usize::from(first);
    let spaces = level * INDENT;
    let room = BREAKS.len() - 2;
    if spaces <= room {
        return w.write_all(&BREAKS[from..2 + spaces]);
    }
    w.write_all(&BREAKS[from..])?;
    let mut left = spaces - room;
    while left > 0 {
        let n = left.min(room);
        w.write_all(&BREAKS[2..2 + n])?;
        left -= n;
    }
    Ok(())
}

/// serde_json's pretty layout, each break and indent written at once.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            new_line(w, true, self.level)?;
        }
        w.write_all(b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, first, self.level)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            new_line(w, true, self.level)?;
        }
        w.write_all(b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, first, self.level)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` as pretty-printed JSON (two-space indent, no trailing newline), the
/// same bytes as `serde_json::to_writer_pretty`.
pub fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, Pretty::default());
    value.serialize(&mut ser)
}

/// [`to_writer_pretty`] into a string.
pub fn to_string_pretty<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    to_writer_pretty(&mut out, value)?;
    // serde_json writes only valid UTF-8; the check is cheap next to the writing.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn same_as_serde_json(value: &serde_json::Value) {
        assert_eq!(
            to_string_pretty(value).unwrap(),
            serde_json::to_string_pretty(value).unwrap()
        );
    }

    #[test]
    fn writes_what_serde_json_writes() {
        same_as_serde_json(&json!(null));
        same_as_serde_json(&json!([]));
        same_as_serde_json(&json!({}));
        same_as_serde_json(&json!({"a": [], "b": {}, "c": [1, [2, {"d": "e\n\"f\""}]]}));
        same_as_serde_json(&json!([[[[{"x": 1.5, "y": [true, false, null]}]]]]));
    }

    #[test]
    fn indents_deeper_than_one_slice_holds() {
        let mut deep = json!("leaf");
        for i in 0..150 {
            deep = if i % 2 == 0 {
                json!([deep, i])
            } else {
                json!({"k": deep})
            };
        }
        same_as_serde_json(&deep);
    }

    #[test]
    fn a_whole_scorecard_is_byte_identical() {
        let text = include_str!("../../../fixtures/lint/history.yaml");
        let doc = crate::Document::parse(
            text.to_owned(),
            &crate::LoadOptions::new(crate::PlanFormat::Yaml),
        )
        .unwrap();
        let as_of = crate::AsOf::parse("2026-02-14").unwrap();
        let scores = doc.scores(&crate::ScoreOptions::as_of(as_of)).unwrap();
        assert_eq!(
            to_string_pretty(&scores).unwrap(),
            serde_json::to_string_pretty(&scores).unwrap()
        );
    }
}
