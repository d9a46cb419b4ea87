//! Positions in a text in the units each kind of caller counts in.
//!
//! Errors and diagnostics carry a 1-based line and a column counted in characters
//! (Unicode scalar values), as compilers print them. An editor needs offsets instead:
//! bytes for Rust and files, UTF-16 code units for JavaScript strings, browser editors
//! and the Language Server Protocol. A [`LineIndex`] is built once per text and
//! converts any number of positions, each in time proportional to its line's length.

use serde::{Deserialize, Serialize};

/// Where a position falls, in every unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offsets {
    /// Bytes from the start of the text (UTF-8).
    pub byte: usize,
    /// UTF-16 code units from the start of the text (JavaScript string indices).
    pub utf16: usize,
}

/// The start of every line of a text, in bytes and in UTF-16 code units.
#[derive(Clone, Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// (byte offset, UTF-16 offset) of each line's first character.
    starts: Vec<(usize, usize)>,
}

impl<'t> LineIndex<'t> {
    /// Indexes the lines of `text` (one pass).
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let mut starts = vec![(0, 0)];
        let mut utf16 = 0;
        for (byte, c) in text.char_indices() {
            utf16 += c.len_utf16();
            if c == '\n' {
                starts.push((byte + 1, utf16));
            }
        }
        LineIndex { text, starts }
    }

    /// The offsets of 1-based `line` and character `column`. A column past the end of
    /// its line is clamped to the line's end; a line past the end of the text is `None`.
    ///
    /// ```
    /// use okr_core::position::{LineIndex, Offsets};
    /// let text = "title: Café\nowner: 🦀 ana\n";
    /// let index = LineIndex::new(text);
    /// // `a` of `ana`: 9th character of line 2; the crab is 4 bytes and 2 UTF-16 units.
    /// assert_eq!(index.offsets(2, 10), Some(Offsets { byte: 25, utf16: 22 }));
    /// assert_eq!(&text[25..], "ana\n");
    /// ```
    pub fn offsets(&self, line: u32, column: u32) -> Option<Offsets> {
        let &(mut byte, mut utf16) = self.starts.get((line as usize).checked_sub(1)?)?;
        for c in self.text[byte..]
            .chars()
            .take_while(|&c| c != '\n')
            .take(column.saturating_sub(1) as usize)
        {
            byte += c.len_utf8();
            utf16 += c.len_utf16();
        }
        Some(Offsets { byte, utf16 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_and_past_the_end_positions() {
        let index = LineIndex::new("ab\r\ncd");
        assert_eq!(index.offsets(1, 1), Some(Offsets { byte: 0, utf16: 0 }));
        assert_eq!(index.offsets(2, 2), Some(Offsets { byte: 5, utf16: 5 }));
        assert_eq!(index.offsets(2, 99), Some(Offsets { byte: 6, utf16: 6 }));
        assert_eq!(index.offsets(1, 99), Some(Offsets { byte: 3, utf16: 3 }));
        assert_eq!(index.offsets(3, 1), None);
        assert_eq!(index.offsets(0, 1), None);
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        let text = "x: \"𝄞é\"\ny: 1";
        let index = LineIndex::new(text);
        let y = index.offsets(2, 1).unwrap();
        assert_eq!(&text[y.byte..], "y: 1");
        assert_eq!(
            y.utf16,
            text.encode_utf16()
                .take_while(|&u| u != u16::from(b'y'))
                .count()
        );
    }
}
