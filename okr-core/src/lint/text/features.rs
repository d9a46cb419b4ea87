//! Everything the wording rules ask of a title, read in one pass over its words.

use super::lexicon::{
    self, ACTIVITY_VERBS, BLANK, FROM, HIGH, INSERT, LEXICON, LOREM, Lower, NUMBER, STOPWORD,
};
use super::{ascii_words, starts_with_ignore_case, tokens, word_hash};

/// The placeholders [`Features::placeholder`] names, strongest first.
const PLACEHOLDERS: [&str; 4] = ["from X to Y", "TBD", "$N / N%", "template text"];

/// What the heuristics make of a title. Kept to 16 bytes, since a large plan holds one
/// per key result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// See [`super::normal_hash`]; 0 when no word is left.
    hash: u64,
    /// A digit, a percent sign or a number word.
    pub has_number: bool,
    /// An outcome verb after the opening activity verb, and a number.
    pub outcome_clause: bool,
    /// 1 + the index of the opening verb in [`ACTIVITY_VERBS`], or 0.
    activity: u8,
    /// 1 + the index in [`PLACEHOLDERS`], or 0.
    blank: u8,
}

impl Features {
    /// The activity verb the title opens with (or an inflection of it).
    pub fn activity_verb(&self) -> Option<&'static str> {
        self.activity
            .checked_sub(1)
            .map(|i| ACTIVITY_VERBS[usize::from(i)])
    }

    /// The placeholder left in the title: "from X to Y", "TBD", "$N / N%" or
    /// "template text".
    pub fn placeholder(&self) -> Option<&'static str> {
        self.blank
            .checked_sub(1)
            .map(|i| PLACEHOLDERS[usize::from(i)])
    }

    pub fn normal_hash(&self) -> Option<u64> {
        (self.hash != 0).then_some(self.hash)
    }

    /// An activity with no measured result named beside it.
    pub fn is_activity(&self) -> bool {
        self.activity != 0 && !self.outcome_clause
    }

    pub fn of(title: &str) -> Features {
        let bytes = title.as_bytes();
        let mut reader = Reader {
            title,
            words: 0,
            number: false,
            activity: 0,
            later_outcome: false,
            normal_hash: None,
            from_x_to_y: false,
            blank_word: bytes.contains(&b'?') && bytes.windows(3).any(|w| w == b"???"),
            blank_amount: false,
            template: false,
        };
        if title.is_ascii() {
            let digits = ascii_words(bytes, |from, to| reader.word(from, to));
            reader.number |= digits;
        } else {
            reader.number = bytes.iter().any(|b| b.is_ascii_digit() || *b == b'%');
            for word in tokens(title) {
                let from = word.as_ptr() as usize - title.as_ptr() as usize;
                reader.word(from, from + word.len());
            }
        }
        reader.finish()
    }
}

/// The state of [`Features::of`] between words.
struct Reader<'a> {
    title: &'a str,
    words: usize,
    number: bool,
    activity: u8,
    later_outcome: bool,
    normal_hash: Option<u64>,
    // Placeholders, strongest first: from X to Y, TBD, $N / N%, template text.
    from_x_to_y: bool,
    blank_word: bool,
    blank_amount: bool,
    template: bool,
}

impl Reader<'_> {
    /// Takes in the word at `title[from..to]`.
    #[inline]
    fn word(&mut self, from: usize, to: usize) {
        let title = self.title;
        let word = &title[from..to];
        let len = to - from;
        // The word's first 8 bytes, lower-cased; the whole word when it fits and is
        // ASCII, which every listed word is.
        let raw = crate::bytes::load(title.as_bytes(), from, len.min(8));
        let prefix = lexicon::lower8(raw);
        let key = (len <= 8 && raw & HIGH == 0).then_some(prefix);
        let class = key.map_or(0, |k| LEXICON.class(k));
        if self.words == 0 {
            self.activity = match key {
                Some(_) => lexicon::activity(class),
                None if len <= 8 => 0,
                None => Lower::of(word)
                    .inflection_of(&ACTIVITY_VERBS)
                    .and_then(|v| ACTIVITY_VERBS.iter().position(|a| *a == v))
                    .map_or(0, |i| i as u8 + 1),
            };
        } else if self.activity != 0 && !self.later_outcome {
            self.later_outcome = lexicon::starts_with_outcome_verb(prefix);
        }
        self.words += 1;
        self.number = self.number || class & NUMBER != 0;
        self.blank_word = self.blank_word || (len <= 3 && class & BLANK != 0);
        self.blank_amount = self.blank_amount
            || (word.starts_with('$') || word.ends_with('%')) && is_blank_amount(word);
        if class & (FROM | LOREM | INSERT) != 0 {
            let rest = &title[to..];
            if class & FROM != 0 {
                self.from_x_to_y = self.from_x_to_y
                    || starts_with_ignore_case(rest, " x to y")
                    || starts_with_ignore_case(rest, " x% to y%");
            } else if class & LOREM != 0 {
                self.template = self.template || starts_with_ignore_case(rest, " ipsum");
            } else {
                self.template =
                    self.template || matches!(title[..from].bytes().last(), Some(b'<' | b'['));
            }
        }
        if class & STOPWORD == 0 {
            let h = match key {
                Some(k) => lexicon::mix(len as u64 ^ k),
                None => word_hash(word),
            };
            self.normal_hash = Some(self.normal_hash.unwrap_or(0).wrapping_add(h));
        }
    }

    fn finish(self) -> Features {
        let blank = [
            self.from_x_to_y,
            self.blank_word,
            self.blank_amount,
            self.template,
        ]
        .iter()
        .position(|b| *b)
        .map_or(0, |i| i as u8 + 1);
        Features {
            // A sum of exactly 0 is taken as 1, so that 0 can mean "no words".
            hash: self.normal_hash.map_or(0, |h| h.max(1)),
            has_number: self.number,
            outcome_clause: self.later_outcome && self.number,
            activity: self.activity,
            blank,
        }
    }
}

/// Blanks written as a currency or percent sign with a letter for the number.
fn is_blank_amount(word: &str) -> bool {
    matches!(
        word,
        "$N" | "$X" | "$XX" | "$NN" | "N%" | "X%" | "XX%" | "NN%"
    )
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{BLANK_WORDS, INFLECTIONS, NUMBER_WORDS, OUTCOME_VERBS, STOPWORDS};
    use super::*;
    use proptest::prelude::*;

    /// [`Features::of`] written plainly, word by word against the lists, as the
    /// reference the fast path must agree with.
    fn reference(title: &str) -> Features {
        let lower = |w: &str| w.to_ascii_lowercase();
        let ascii_short = |w: &str| w.is_ascii() && w.len() <= 8;
        let listed = |w: &str, list: &[&str]| ascii_short(w) && list.contains(&lower(w).as_str());
        let words: Vec<(usize, &str)> = tokens(title)
            .map(|w| (w.as_ptr() as usize - title.as_ptr() as usize, w))
            .collect();
        let activity = words.first().and_then(|(_, w)| {
            let w = lower(w);
            if w.len() > 16 {
                return None;
            }
            INFLECTIONS.iter().find_map(|ending| {
                let stem = w.strip_suffix(ending)?;
                ACTIVITY_VERBS.iter().position(|v| *v == stem)
            })
        });
        let later_outcome = activity.is_some()
            && words.iter().skip(1).any(|(_, w)| {
                let w = lower(w);
                OUTCOME_VERBS.iter().any(|v| w.starts_with(v))
            });
        let number = title.bytes().any(|b| b.is_ascii_digit() || b == b'%')
            || words.iter().any(|(_, w)| listed(w, &NUMBER_WORDS));
        let from_x_to_y = words.iter().any(|&(at, w)| {
            let rest = title[at + w.len()..].to_ascii_lowercase();
            listed(w, &["from"]) && (rest.starts_with(" x to y") || rest.starts_with(" x% to y%"))
        });
        let blank_word = title.contains("???")
            || words
                .iter()
                .any(|(_, w)| w.len() <= 3 && listed(w, &BLANK_WORDS));
        let blank_amount = words.iter().any(|(_, w)| is_blank_amount(w));
        let template = words.iter().any(|&(at, w)| {
            let rest = title[at + w.len()..].to_ascii_lowercase();
            (listed(w, &["lorem"]) && rest.starts_with(" ipsum"))
                || (listed(w, &["insert"])
                    && matches!(title[..at].bytes().last(), Some(b'<' | b'[')))
        });
        let hash = words
            .iter()
            .filter(|(_, w)| !listed(w, &STOPWORDS))
            .fold(None, |h: Option<u64>, (_, w)| {
                Some(h.unwrap_or(0).wrapping_add(word_hash(w)))
            });
        let blank = [from_x_to_y, blank_word, blank_amount, template]
            .iter()
            .position(|b| *b)
            .map_or(0, |i| i as u8 + 1);
        Features {
            hash: hash.map_or(0, |h| h.max(1)),
            has_number: number,
            outcome_clause: later_outcome && number,
            activity: activity.map_or(0, |i| i as u8 + 1),
            blank,
        }
    }

    /// Words and separators from everything the heuristics look for, and some they
    /// must not trip on, in any case.
    fn title() -> impl Strategy<Value = String> {
        let mut pieces: Vec<String> = [
            &NUMBER_WORDS[..],
            &STOPWORDS,
            &BLANK_WORDS,
            &OUTCOME_VERBS,
            &[
                "x",
                "y",
                "x%",
                "y%",
                "lorem",
                "ipsum",
                "insert",
                "$N",
                "N%",
                "$XX",
                "???",
                "25%",
                "1.5M",
                "$2M",
                "v3",
                "Q4",
                "Straße",
                "Ärger",
                "\u{212a}eep",
                "naïve",
                "implementation",
                "participated",
                "introduces",
                "organizing",
                "..",
                "...",
                "customers",
                "retention",
                "onboarding",
                "from x to y",
                "from x% to y%",
                "from x% to y",
                "from X to yesterday",
                "from x",
                "lorem ipsum",
                "lorem  ipsum",
                "<insert",
                "[insert",
                "(insert",
                "launch and convert",
                "ship, then grow",
            ],
        ]
        .concat()
        .into_iter()
        .map(str::to_owned)
        .collect();
        for verb in ACTIVITY_VERBS {
            for ending in INFLECTIONS {
                pieces.push(format!("{verb}{ending}"));
            }
        }
        const SEPARATORS: [&str; 12] = [
            " ", "  ", ", ", " <", " [", "] ", " – ", ".", "? ", "\t", "…", "/",
        ];
        let word = (proptest::sample::select(pieces), 0..4u8).prop_map(|(w, case)| match case {
            0 => w.to_uppercase(),
            1 => {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
            _ => w,
        });
        proptest::collection::vec((word, proptest::sample::select(&SEPARATORS[..])), 0..14)
            .prop_map(|parts| {
                parts
                    .into_iter()
                    .flat_map(|(w, s)| [w, s.to_owned()])
                    .collect()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn the_fast_path_agrees_with_the_plain_reading(title in title()) {
            prop_assert_eq!(Features::of(&title), reference(&title), "{:?}", title);
        }

        #[test]
        fn long_titles_agree_too(parts in proptest::collection::vec(title(), 4..10)) {
            let title = parts.concat();
            prop_assert_eq!(Features::of(&title), reference(&title), "{:?}", title);
        }
    }
}
