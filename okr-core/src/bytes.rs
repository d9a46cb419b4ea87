//! Short runs of text bytes read as integers, for lookups that compare words and names
//! as numbers instead of byte by byte.

/// The `len` (at most 8) bytes of `bytes` from `start`, zero-extended little-endian
/// (the first byte lowest), read with one load rather than a byte at a time. Reading a
/// word through a small buffer costs more than the tests made of it: the wide read of
/// the buffer stalls on the narrow writes just made to it.
#[inline]
pub(crate) fn load(bytes: &[u8], start: usize, len: usize) -> u64 {
    debug_assert!(len <= 8 && start + len <= bytes.len());
    if len == 0 {
        return 0;
    }
    let word = |chunk: &[u8]| <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
    if let Some(chunk) = bytes.get(start..start + 8) {
        word(chunk) & (u64::MAX >> (8 * (8 - len)))
    } else if let Some(chunk) = (start + len).checked_sub(8).map(|s| &bytes[s..start + len]) {
        // Too near the end for 8 bytes from `start`: the 8 ending with these.
        word(chunk) >> (8 * (8 - len))
    } else {
        bytes[start..start + len]
            .iter()
            .rev()
            .fold(0, |acc, &b| acc << 8 | u64::from(b))
    }
}

/// A name of at most 15 bytes as one integer, equal for equal names and different for
/// different ones: its bytes as two loads, and its length in the top byte (so that a
/// trailing zero byte still tells names apart). `None` for longer names.
pub(crate) fn packed_name(name: &str) -> Option<u128> {
    let b = name.as_bytes();
    let len = b.len();
    if len > 15 {
        return None;
    }
    let low = load(b, 0, len.min(8));
    let high = load(b, len.min(8), len.saturating_sub(8));
    Some(u128::from(low) | u128::from(high) << 64 | (len as u128) << 120)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_bytes(bytes: &[u8]) -> u64 {
        bytes
            .iter()
            .rev()
            .fold(0, |acc, &b| acc << 8 | u64::from(b))
    }

    #[test]
    fn load_reads_a_word_anywhere_in_the_text() {
        for text in [
            &b"Grow ARR by 20% this year"[..],
            b"ab",
            b"abcdefgh",
            b"abcdefghi",
        ] {
            for start in 0..=text.len() {
                for len in 0..=8.min(text.len() - start) {
                    let want = by_bytes(&text[start..start + len]);
                    assert_eq!(load(text, start, len), want, "{start}+{len}");
                }
            }
        }
    }

    /// Names that differ in case, length, a trailing zero byte or a byte past 8.
    pub(crate) const NAMES: [&str; 13] = [
        "",
        "a",
        "a\0",
        "\0",
        "owner1",
        "owner10",
        "Owner1",
        "u12345678",
        "u1234567",
        "2026-Q1",
        "2026-Q1\0",
        "ÿ",
        "123456789012345",
    ];

    #[test]
    fn packed_names_tell_names_apart() {
        let names = NAMES;
        for a in names {
            for b in names {
                assert_eq!(packed_name(a) == packed_name(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(packed_name("0123456789abcdef"), None);
    }

    proptest! {
        #[test]
        fn packed_names_are_equal_exactly_when_names_are(
            a in "[a\\x00é-]{0,15}",
            b in "[a\\x00é-]{0,15}",
        ) {
            let (ka, kb) = (packed_name(&a), packed_name(&b));
            if a.len() <= 15 && b.len() <= 15 {
                prop_assert_eq!(ka == kb, a == b);
            } else {
                prop_assert!(ka.is_none() || kb.is_none());
            }
        }
    }
}
