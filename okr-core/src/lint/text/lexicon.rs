//! The word lists the heuristics know, and a table that says what a short word is to
//! all of them at once.
//!
//! A title's words are looked up one by one for every key result of a large plan, so
//! a word of up to 8 bytes is handled as one integer: its bytes, lower-cased, packed
//! into a `u64` ([`pack`], [`lower8`]). The [`LEXICON`] maps such an integer to the
//! lists it is in with one probe of a table built at compile time, where comparing
//! the word with each list would take a hundred compares.

/// Words for numbers people write instead of digits.
pub(super) const NUMBER_WORDS: [&str; 24] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "fifty", "hundred", "thousand", "million", "billion", "half",
    "double", "triple", "twice", "zero",
];

/// Verbs that name work to do (outputs) rather than a result.
pub const ACTIVITY_VERBS: [&str; 37] = [
    "launch",
    "create",
    "develop",
    "deliver",
    "build",
    "implement",
    "define",
    "test",
    "prepare",
    "plan",
    "release",
    "ship",
    "make",
    "consult",
    "help",
    "analyze",
    "analyse",
    "participate",
    "design",
    "write",
    "hold",
    "organize",
    "organise",
    "run",
    "migrate",
    "roll",
    "complete",
    "finish",
    "kick",
    "conduct",
    "introduce",
    "deploy",
    "publish",
    "set",
    "hire",
    "attend",
    "draft",
];

/// Endings that make an inflection of a verb (launches, launched), tried in this order.
pub(super) const INFLECTIONS: [&str; 5] = ["", "s", "es", "ed", "d"];

/// Verbs that name a change in a result; a word starting with one counts (reduces,
/// increasing).
pub(super) const OUTCOME_VERBS: [&str; 22] = [
    "convert", "increase", "reduce", "raise", "grow", "cut", "lift", "reach", "achieve", "lower",
    "double", "triple", "halve", "win", "retain", "sign", "acquire", "save", "earn", "drive",
    "decrease", "improve",
];

/// Filler words a normal form leaves out.
pub(super) const STOPWORDS: [&str; 16] = [
    "the", "a", "an", "of", "to", "for", "and", "in", "on", "by", "our", "with", "from", "at",
    "all", "new",
];

/// Words written in place of a value still to be decided.
pub(super) const BLANK_WORDS: [&str; 4] = ["tbd", "tbc", "tk", "xxx"];

/// Verbs of keeping things as they are.
pub(super) const BAU_VERBS: [&str; 6] = [
    "maintain", "keep", "continue", "sustain", "preserve", "uphold",
];

/// Up to 8 bytes, zero-padded, as one integer (little-endian: the first byte lowest).
pub(super) const fn pack(word: &[u8]) -> u64 {
    let mut out = 0u64;
    let mut i = 0;
    while i < word.len() && i < 8 {
        out |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    out
}

pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
pub(super) const HIGH: u64 = ONES * 0x80;

/// Eight bytes with the ASCII letters 'A'–'Z' lower-cased and every other byte kept,
/// without a loop: the two additions set the high bit of each byte from 'A' up and
/// from past 'Z' up (on the low seven bits, so no carry crosses a byte), and 0x20 is
/// added where only the first is set and the byte was ASCII.
pub(super) const fn lower8(x: u64) -> u64 {
    let low = x & !HIGH;
    let at_least_a = low.wrapping_add(ONES * (0x80 - b'A' as u64));
    let above_z = low.wrapping_add(ONES * (0x80 - b'Z' as u64 - 1));
    let upper = at_least_a & !above_z & !x & HIGH;
    x | (upper >> 2)
}

/// A 64-bit mix of a packed word (a folded multiply, as foldhash does).
pub(super) const fn mix(key: u64) -> u64 {
    let m = (key ^ 0x243f_6a88_85a3_08d3) as u128 * 0x9e37_79b9_7f4a_7c15;
    (m as u64) ^ ((m >> 64) as u64)
}

/// What a word is to the heuristics: bits for the lists it is in, and in the high byte
/// 1 + the index of the activity verb it inflects (0 for none).
pub(super) type Class = u16;
pub(super) const NUMBER: Class = 1 << 0;
pub(super) const STOPWORD: Class = 1 << 1;
pub(super) const BLANK: Class = 1 << 2;
/// The words that open a placeholder phrase: "from (X to Y)", "lorem (ipsum)",
/// "<insert …>".
pub(super) const FROM: Class = 1 << 3;
pub(super) const LOREM: Class = 1 << 4;
pub(super) const INSERT: Class = 1 << 5;

/// 1 + the index in [`ACTIVITY_VERBS`] of the verb a class names, or 0.
pub(super) const fn activity(class: Class) -> u8 {
    (class >> 8) as u8
}

/// Ten times the words listed, so that a word not listed (most words of a title) is
/// told apart by its first probe, without a loop that mispredicts.
const SLOTS: usize = 2048;

/// An open-addressing table from packed lower-case words of up to 8 bytes to their
/// [`Class`]. Key 0 marks an empty slot (no word packs to 0).
pub(super) struct Lexicon {
    keys: [u64; SLOTS],
    classes: [Class; SLOTS],
}

impl Lexicon {
    const fn build() -> Lexicon {
        let mut t = Lexicon {
            keys: [0; SLOTS],
            classes: [0; SLOTS],
        };
        t.add_all(&NUMBER_WORDS, NUMBER);
        t.add_all(&STOPWORDS, STOPWORD);
        t.add_all(&BLANK_WORDS, BLANK);
        t.add(pack(b"from"), FROM);
        t.add(pack(b"lorem"), LOREM);
        t.add(pack(b"insert"), INSERT);
        // Endings in their order, then verbs in theirs: where two readings give one
        // word, the first found stands, as when stripping the endings in turn.
        let mut s = 0;
        while s < INFLECTIONS.len() {
            let ending = INFLECTIONS[s].as_bytes();
            let mut v = 0;
            while v < ACTIVITY_VERBS.len() {
                let verb = ACTIVITY_VERBS[v].as_bytes();
                if verb.len() + ending.len() <= 8 {
                    let key = if ending.is_empty() {
                        pack(verb)
                    } else {
                        pack(verb) | (pack(ending) << (8 * verb.len()))
                    };
                    let slot = t.slot(key);
                    if activity(t.classes[slot]) == 0 || t.keys[slot] != key {
                        t.add(key, ((v + 1) as Class) << 8);
                    }
                }
                v += 1;
            }
            s += 1;
        }
        t
    }

    const fn add_all(&mut self, words: &[&str], class: Class) {
        let mut i = 0;
        while i < words.len() {
            assert!(
                words[i].len() <= 8,
                "the lexicon holds words of up to 8 bytes"
            );
            self.add(pack(words[i].as_bytes()), class);
            i += 1;
        }
    }

    const fn add(&mut self, key: u64, class: Class) {
        let slot = self.slot(key);
        self.keys[slot] = key;
        self.classes[slot] |= class;
    }

    /// The slot holding `key`, or the empty one where it would go.
    const fn slot(&self, key: u64) -> usize {
        let mut slot = (mix(key) >> (64 - SLOTS.trailing_zeros())) as usize;
        while self.keys[slot] != 0 && self.keys[slot] != key {
            slot = (slot + 1) % SLOTS;
        }
        slot
    }

    /// The class of a packed lower-case word (0 for a word in no list).
    #[inline]
    pub(super) fn class(&self, key: u64) -> Class {
        let slot = self.slot(key);
        if self.keys[slot] == key {
            self.classes[slot]
        } else {
            0
        }
    }
}

pub(super) static LEXICON: Lexicon = Lexicon::build();

/// [`OUTCOME_VERBS`] packed, with a mask of each one's length, to test whether a
/// word's first 8 bytes start with one.
pub(super) const OUTCOME_PREFIXES: [(u64, u64); 22] = {
    let mut out = [(0u64, 0u64); 22];
    let mut i = 0;
    while i < OUTCOME_VERBS.len() {
        let v = OUTCOME_VERBS[i].as_bytes();
        assert!(v.len() <= 8);
        out[i] = (pack(v), u64::MAX >> (8 * (8 - v.len())));
        i += 1;
    }
    out
};

/// Whether a word whose first 8 bytes, lower-cased, are `prefix` starts with an
/// outcome verb.
pub(super) fn starts_with_outcome_verb(prefix: u64) -> bool {
    OUTCOME_PREFIXES
        .iter()
        .any(|&(verb, mask)| prefix & mask == verb)
}

/// A word lower-cased (ASCII letters only) on the stack: its first 16 bytes, and
/// whether that is all of it. For the words too long for one integer.
pub(super) struct Lower {
    buf: [u8; 16],
    len: usize,
    whole: bool,
}

impl Lower {
    pub(super) fn of(word: &str) -> Lower {
        let b = word.as_bytes();
        let len = b.len().min(16);
        let mut buf = [0u8; 16];
        for (d, s) in buf.iter_mut().zip(&b[..len]) {
            *d = s.to_ascii_lowercase();
        }
        Lower {
            buf,
            len,
            whole: len == b.len(),
        }
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub(super) fn is_whole(&self) -> bool {
        self.whole
    }

    /// The verb of `list` that the word is, or an inflection of ([`INFLECTIONS`]).
    pub(super) fn inflection_of(&self, list: &[&'static str]) -> Option<&'static str> {
        if !self.whole {
            return None;
        }
        let b = self.bytes();
        INFLECTIONS.iter().find_map(|ending| {
            let stem = b.strip_suffix(ending.as_bytes())?;
            list.iter().copied().find(|v| v.as_bytes() == stem)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower8_lowers_ascii_letters_only() {
        for bytes in [
            *b"AZaz@[`{",
            *b"MiXeD 09",
            [0xC3, 0x84, b'A', 0xFF, b'Z', 0x80, b'a', 0xDF],
        ] {
            let expected: Vec<u8> = bytes.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(
                lower8(u64::from_le_bytes(bytes)).to_le_bytes().to_vec(),
                expected
            );
        }
    }

    #[test]
    fn every_listed_word_has_its_class() {
        for w in NUMBER_WORDS {
            assert_ne!(LEXICON.class(pack(w.as_bytes())) & NUMBER, 0, "{w}");
        }
        for w in STOPWORDS {
            assert_ne!(LEXICON.class(pack(w.as_bytes())) & STOPWORD, 0, "{w}");
        }
        for w in BLANK_WORDS {
            assert_ne!(LEXICON.class(pack(w.as_bytes())) & BLANK, 0, "{w}");
        }
        assert_eq!(LEXICON.class(pack(b"from")), FROM | STOPWORD);
        assert_eq!(LEXICON.class(pack(b"grow")), 0);
        assert_eq!(LEXICON.class(pack(b"z")), 0);
    }

    #[test]
    fn the_table_knows_the_inflections_the_slow_path_finds() {
        for (v, verb) in ACTIVITY_VERBS.iter().enumerate() {
            for ending in INFLECTIONS {
                let word = format!("{verb}{ending}");
                let expected = Lower::of(&word)
                    .inflection_of(&ACTIVITY_VERBS)
                    .and_then(|found| ACTIVITY_VERBS.iter().position(|a| *a == found));
                if word.len() <= 8 {
                    let found = activity(LEXICON.class(pack(word.as_bytes())));
                    assert_eq!(found.checked_sub(1).map(usize::from), expected, "{word}");
                } else {
                    assert!(expected.is_some_and(|e| e <= v), "{word}");
                }
            }
        }
    }
}
