//! What the objective rules ask of an objective's title, read once per objective.
//!
//! `vague-objective` counts its words, `objective-with-metric` looks for a quantity,
//! `tied-to-compensation` for the words of pay. Each used to read the title on its
//! own, through `split_whitespace` (which decodes every character); here one pass
//! over the bytes of an ASCII title finds the word count and whether a digit occurs,
//! and only a title with a digit is read again for a metric.

use super::{find_any_ignore_case, has_metric};

/// Words that tie an objective to pay, in the order they are reported.
pub const COMPENSATION_WORDS: [&str; 4] =
    ["bonus", "appraisal", "performance review", "compensation"];

/// See the module documentation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ObjectiveTitle {
    /// Words, as whitespace splits them.
    pub words: u32,
    /// See [`has_metric`].
    pub metric: bool,
    /// 1 + the index in [`COMPENSATION_WORDS`] of the first listed word the title
    /// contains, or 0.
    compensation: u8,
}

/// Bit 0: an ASCII whitespace byte as `char::is_whitespace` has it (tab to carriage
/// return, and space); bit 1: an ASCII digit.
const CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = (matches!(c, b'\t'..=b'\r' | b' ') as u8) | ((c.is_ascii_digit() as u8) << 1);
        b += 1;
    }
    t
};

impl ObjectiveTitle {
    pub fn of(title: &str) -> ObjectiveTitle {
        let (words, digit) = if title.is_ascii() {
            ascii_words_and_digit(title.as_bytes())
        } else {
            (
                title.split_whitespace().count(),
                title.bytes().any(|b| b.is_ascii_digit()),
            )
        };
        ObjectiveTitle {
            words: u32::try_from(words).unwrap_or(u32::MAX),
            // A metric has an ASCII digit in it.
            metric: digit && has_metric(title),
            compensation: find_any_ignore_case(title, &COMPENSATION_WORDS)
                .and_then(|w| COMPENSATION_WORDS.iter().position(|c| *c == w))
                .map_or(0, |i| i as u8 + 1),
        }
    }

    /// The first of [`COMPENSATION_WORDS`] the title contains.
    pub fn compensation_word(&self) -> Option<&'static str> {
        self.compensation
            .checked_sub(1)
            .map(|i| COMPENSATION_WORDS[usize::from(i)])
    }
}

/// The number of whitespace-separated words of ASCII `bytes`, and whether one of its
/// bytes is a digit. Words are counted as the bytes that follow whitespace (or start
/// the text) and are not whitespace themselves, 64 bytes at a time, without a branch
/// per byte.
fn ascii_words_and_digit(bytes: &[u8]) -> (usize, bool) {
    let mut words = 0;
    let mut classes = 0u8;
    // Whether the byte before the current block was whitespace (the start counts).
    let mut after_space = true;
    for block in bytes.chunks(64) {
        let mut space = 0u64;
        for (i, &b) in block.iter().enumerate() {
            let class = CLASS[usize::from(b & 0x7f)];
            classes |= class;
            space |= u64::from(class & 1) << i;
        }
        let used = if block.len() == 64 {
            u64::MAX
        } else {
            (1u64 << block.len()) - 1
        };
        let before = space << 1 | u64::from(after_space);
        words += (!space & before & used).count_ones() as usize;
        after_space = space >> (block.len() - 1) & 1 == 1;
    }
    (words, classes & 2 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_metrics_and_pay() {
        let t = ObjectiveTitle::of("Delight  our customers\twith faster support");
        assert_eq!((t.words, t.metric, t.compensation_word()), (6, false, None));
        let t = ObjectiveTitle::of("Grow revenue 20% (bonus-linked)");
        assert_eq!(
            (t.words, t.metric, t.compensation_word()),
            (4, true, Some("bonus"))
        );
        assert!(!ObjectiveTitle::of("Ship v3 of the app").metric);
        assert_eq!(ObjectiveTitle::of("").words, 0);
        assert_eq!(ObjectiveTitle::of("   ").words, 0);
        assert_eq!(ObjectiveTitle::of("Réduire le churn à 5 %").words, 6);
        assert!(ObjectiveTitle::of("Réduire le churn à 5 %").metric);
        let t = ObjectiveTitle::of("Tie the Performance Review to our Compensation");
        assert_eq!(t.compensation_word(), Some("performance review"));
    }

    const ASCII_PIECES: [&str; 16] = [
        "grow",
        "20",
        "20%",
        "$5",
        "1.5x",
        "v3",
        "Q4",
        "(40)",
        "bonus",
        "Bonuses",
        "APPRAISAL",
        "performance",
        "review",
        "compensation",
        "x",
        "",
    ];
    const ASCII_GAPS: [&str; 9] = [" ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", ",", "-"];

    /// Titles of ASCII only (which take the fast path), or with other characters too.
    fn title(ascii: bool) -> impl Strategy<Value = String> {
        let mut pieces = ASCII_PIECES.to_vec();
        let mut gaps = ASCII_GAPS.to_vec();
        if !ascii {
            pieces.extend(["€5", "é"]);
            gaps.extend(["\u{a0}", "\u{2003}"]);
        }
        let piece = proptest::sample::select(pieces);
        let gap = proptest::sample::select(gaps);
        proptest::collection::vec((piece, gap), 0..30).prop_map(|parts| {
            parts
                .into_iter()
                .flat_map(|(p, g)| [p, g])
                .collect::<String>()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn one_pass_agrees_with_each_test_on_its_own(
            title in proptest::bool::ANY.prop_flat_map(title)
        ) {
            let t = ObjectiveTitle::of(&title);
            prop_assert_eq!(t.words as usize, title.split_whitespace().count());
            prop_assert_eq!(t.metric, has_metric(&title));
            prop_assert_eq!(t.compensation_word(), find_any_ignore_case(&title, &COMPENSATION_WORDS));
        }
    }
}
