//! Check-in lists read into vectors of exactly their length.
//!
//! A plan holds millions of check-ins in short lists (dozens per key result), and no
//! format says a list's length before its end. Collected the usual way, each list
//! grows by doubling: every element is copied several times, and a quarter of the
//! memory, on average, is spare capacity that is never used. Here each list is first
//! gathered in one scratch buffer per thread, reused from list to list, then moved once
//! into a vector of its exact length.

use super::CheckIn;
use serde::Deserializer;
use serde::de::{SeqAccess, Visitor};
use std::cell::RefCell;
use std::fmt;

thread_local! {
    static SCRATCH: RefCell<Vec<CheckIn>> = const { RefCell::new(Vec::new()) };
}

/// `#[serde(deserialize_with)]` for a `Vec<CheckIn>` field.
pub(crate) fn check_ins<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<CheckIn>, D::Error> {
    struct ExactVisitor;
    impl<'de> Visitor<'de> for ExactVisitor {
        type Value = Vec<CheckIn>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of check-ins")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            // Taken out rather than borrowed, so that a list read while this one is being
            // read (none is today) would get a buffer of its own instead of a panic.
            let mut scratch = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
            scratch.clear();
            let gathered = loop {
                match seq.next_element::<CheckIn>() {
                    Ok(Some(check_in)) => scratch.push(check_in),
                    Ok(None) => {
                        let mut exact = Vec::with_capacity(scratch.len());
                        exact.append(&mut scratch);
                        break Ok(exact);
                    }
                    Err(e) => break Err(e),
                }
            };
            scratch.clear();
            SCRATCH.with(|s| *s.borrow_mut() = scratch);
            gathered
        }
    }
    d.deserialize_seq(ExactVisitor)
}

/// Reads a `Vec<CheckIn>` the usual way; for comparing in tests.
#[cfg(test)]
fn plain<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<CheckIn>, D::Error> {
    <Vec<CheckIn> as serde::Deserialize>::deserialize(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<CheckIn>, Vec<CheckIn>) {
        let exact = check_ins(&mut serde_json::Deserializer::from_str(text)).unwrap();
        let usual = plain(&mut serde_json::Deserializer::from_str(text)).unwrap();
        (exact, usual)
    }

    #[test]
    fn same_check_ins_with_no_spare_capacity() {
        let items: Vec<String> = (0..37)
            .map(|i| format!(r#"{{"at": "2026-01-{:02}", "value": {i}}}"#, i % 28 + 1))
            .collect();
        let (exact, usual) = read(&format!("[{}]", items.join(",")));
        assert_eq!(exact, usual);
        assert_eq!(exact.len(), 37);
        assert_eq!(exact.capacity(), 37);
    }

    #[test]
    fn empty_list_allocates_nothing() {
        let (exact, _) = read("[]");
        assert!(exact.is_empty());
        assert_eq!(exact.capacity(), 0);
    }

    #[test]
    fn a_bad_element_fails_and_the_next_list_starts_clean() {
        let bad = check_ins(&mut serde_json::Deserializer::from_str(
            r#"[{"at": "2026-01-01", "value": 1}, {"at": "nope", "value": 2}]"#,
        ));
        assert!(bad.is_err());
        let (exact, _) = read(r#"[{"at": "2026-01-02", "value": 3}]"#);
        assert_eq!(exact.len(), 1);
        assert_eq!(exact[0].value.as_number(), Some(3.0));
    }
}
