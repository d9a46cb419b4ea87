//! Heuristics over OKR text, which is messy: numbers, activity verbs, placeholders,
//! business-as-usual wording, and a normal form for spotting duplicates.
//!
//! Titles are read often (every key result of a large plan, by several rules), so
//! [`Features::of`] reads a title once for everything the rules ask of it, and looks
//! each short word up in all the word lists at once ([`lexicon`]).

mod features;
mod lexicon;
mod objective;

pub use features::{Deliverable, Features};
use lexicon::{BAU_VERBS, LEXICON, Lower, STOPWORD};
pub use objective::{COMPENSATION_WORDS, ObjectiveTitle};

/// How an ASCII byte splits words: 1 for a word byte (letters, digits, `% $ .`), 0 for
/// a separator; bytes of other characters are decoded and asked `is_alphanumeric`.
const WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'%' || c == b'$' || c == b'.';
        b += 1;
    }
    t
};

/// The words of `text` as slices of it (no allocation), split on anything but letters,
/// digits and `% $ .`, with trailing dots dropped.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, at: 0 }
}

/// The iterator of [`tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Tokens<'a> {
    /// Whether a word character starts at byte `i`, and its width in bytes.
    #[inline]
    fn word_char(&self, i: usize) -> (bool, usize) {
        let b = self.text.as_bytes()[i];
        if b < 128 {
            (WORD_BYTE[b as usize], 1)
        } else {
            let c = self.text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        while self.at < len {
            let (word, width) = self.word_char(self.at);
            if !word {
                self.at += width;
                continue;
            }
            let start = self.at;
            while self.at < len {
                let (word, width) = self.word_char(self.at);
                if !word {
                    break;
                }
                self.at += width;
            }
            // Dots are ASCII, so trimming them byte by byte keeps char boundaries.
            let bytes = self.text.as_bytes();
            let (mut from, mut to) = (start, self.at);
            while from < to && bytes[from] == b'.' {
                from += 1;
            }
            while to > from && bytes[to - 1] == b'.' {
                to -= 1;
            }
            if from < to {
                return Some(&self.text[from..to]);
            }
        }
        None
    }
}

/// How [`ascii_words`] classes an ASCII byte: bit 0 for a word byte (as
/// [`WORD_BYTE`]), bit 1 ([`DIGIT_OR_PERCENT`]) for a digit or a percent sign, bit 2
/// ([`QUESTION_MARK`]) for `?`.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = WORD_BYTE[b] as u8
            | (((c.is_ascii_digit() || c == b'%') as u8) << 1)
            | (((c == b'?') as u8) << 2);
        b += 1;
    }
    t
};

/// A bit of what [`ascii_words`] returns: the text has a digit or a percent sign.
pub(super) const DIGIT_OR_PERCENT: u8 = 1 << 1;
/// A bit of what [`ascii_words`] returns: the text has a question mark.
pub(super) const QUESTION_MARK: u8 = 1 << 2;

/// The words of ASCII `bytes` as `(from, to)` byte ranges, as [`tokens`] splits them,
/// without a branch per byte: each block of 64 bytes becomes a mask of its word bytes,
/// and words are read off the mask's runs of ones. (A branch on every byte mispredicts
/// at every word boundary, which costs more than the rest of reading a title.) Returns
/// the bits of the bytes seen ([`DIGIT_OR_PERCENT`], [`QUESTION_MARK`]), which the same
/// pass notes, so that nothing else need read the whole text again.
pub(super) fn ascii_words(bytes: &[u8], mut f: impl FnMut(usize, usize)) -> u8 {
    let mut word_from: Option<usize> = None;
    let mut classes = 0u8;
    let mut emit = |from: usize, to: usize| {
        let (mut from, mut to) = (from, to);
        while from < to && bytes[from] == b'.' {
            from += 1;
        }
        while to > from && bytes[to - 1] == b'.' {
            to -= 1;
        }
        if from < to {
            f(from, to);
        }
    };
    for (block_index, block) in bytes.chunks(64).enumerate() {
        let base = block_index * 64;
        let mut mask = 0u64;
        for (i, &b) in block.iter().enumerate() {
            let class = ASCII_CLASS[usize::from(b & 0x7f)];
            classes |= class;
            mask |= u64::from(class & 1) << i;
        }
        // Bits at and above `at` are still to read.
        let mut at = 0u32;
        while at < 64 {
            let rest = mask >> at;
            match word_from {
                Some(from) => {
                    let run = (!rest).trailing_zeros();
                    if at + run >= 64 {
                        break;
                    }
                    at += run;
                    emit(from, base + at as usize);
                    word_from = None;
                }
                None => {
                    if rest == 0 {
                        break;
                    }
                    at += rest.trailing_zeros();
                    word_from = Some(base + at as usize);
                }
            }
        }
    }
    if let Some(from) = word_from {
        emit(from, bytes.len());
    }
    classes & (DIGIT_OR_PERCENT | QUESTION_MARK)
}

/// Whether the text states a quantity: a digit, a percent or currency sign, or a number word.
#[cfg(test)]
pub fn has_number(text: &str) -> bool {
    Features::of(text).has_number
}

/// Whether the text states a quantity as a metric would: a number standing alone
/// ("20", "1.5"), a percentage, a multiple or an amount of money. Numbers that name
/// rather than measure are not metrics: years ("2030"), days beside a month ("March
/// 4"), versions and models ("the 8080", "Postgres 16", "2.0", "1.x"), sprints and
/// weeks ("week 6"), and durations without a bound ("their first 90 days", where
/// "under 10 seconds" is a metric).
pub fn has_metric(text: &str) -> bool {
    // Each word is judged with its neighbours, read through a window of three, so
    // that no word is copied (objectives with digits are read here, all of them).
    let mut words = text
        .split_whitespace()
        .map(|t| t.trim_matches([',', '.', ';', ':', '(', ')', '!', '?', '"', '\'']));
    let (mut before, mut word, mut after) = ("", words.next(), words.next());
    let mut index = 0;
    while let Some(t) = word {
        if is_metric_word(index, before, t, after.unwrap_or("")) {
            return true;
        }
        (before, word, after) = (t, after, words.next());
        index += 1;
    }
    false
}

/// Whether `t`, the word at `index`, states a quantity as a metric would, given the
/// words before and after it ("" where there is none). See [`has_metric`].
fn is_metric_word(index: usize, prev: &str, t: &str, next: &str) -> bool {
    // Every listed word is lower-case ASCII, so a comparison ignoring ASCII case is
    // a comparison of the lower-cased word.
    let listed = |w: &str, list: &[&str]| list.iter().any(|l| l.eq_ignore_ascii_case(w));
    let money = t.starts_with(['$', '€', '£'])
        && t[t.char_indices().nth(1).map(|(i, _)| i).unwrap_or(t.len())..]
            .starts_with(|c: char| c.is_ascii_digit());
    if money || (t.ends_with('%') && t.bytes().any(|b| b.is_ascii_digit())) {
        return true;
    }
    let bare = t.trim_end_matches(['%', 'x', 'k', 'K', 'M', 'B']);
    let number = !bare.is_empty()
        && bare
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
        && bare.bytes().any(|c| c.is_ascii_digit());
    if !number {
        return false;
    }
    if bare.len() < t.len() && bare.ends_with(|c: char| c.is_ascii_digit()) {
        // 10x, 5k, 2M: a multiple or an amount.
        return true;
    }
    let year = bare.len() == 4 && (1900..=2100).contains(&bare.parse::<u32>().unwrap_or(0));
    let version = bare.matches('.').count() > 1
        || next.starts_with(".x")
        || next.starts_with(".X")
        || t.ends_with(".0")
        || (index > 1
            && prev.starts_with(|c: char| c.is_ascii_uppercase())
            && !listed(prev, &lexicon::BOUND_WORDS));
    let date = listed(prev, &lexicon::MONTHS) || listed(next, &lexicon::MONTHS);
    let name = listed(prev, &lexicon::NAME_BEFORE_NUMBER);
    let duration = listed(next, &lexicon::TIME_UNITS) && !listed(prev, &lexicon::BOUND_WORDS);
    !(year || version || date || name || duration)
}

/// The activity verb a key result opens with, if any.
#[cfg(test)]
pub fn leading_activity_verb(text: &str) -> Option<&'static str> {
    Features::of(text).activity_verb()
}

/// Whether, after its opening activity verb, the text also names a measured result
/// ("…and convert 5% of visitors"), which makes it an outcome with a delivery attached.
#[cfg(test)]
pub fn has_outcome_clause(text: &str) -> bool {
    Features::of(text).outcome_clause
}

/// Placeholder text left in a plan: "from X to Y", "$N", "N%", "TBD", template text.
pub fn placeholder(text: &str) -> Option<&'static str> {
    Features::of(text).placeholder()
}

/// Wording of keeping things as they are: the verb it opens with.
/// Openers ("We will keep…") are passed over, as [`Features`] does.
pub fn business_as_usual(text: &str) -> Option<&'static str> {
    let is_opener = |w: &str| {
        let w = Lower::of(w);
        w.is_whole() && lexicon::OPENERS.iter().any(|o| o.as_bytes() == w.bytes())
    };
    let mut words = tokens(text);
    let first = words
        .by_ref()
        .take(4)
        .find(|w| !is_opener(w))
        .map(Lower::of)?;
    BAU_VERBS
        .iter()
        .copied()
        .find(|v| first.is_whole() && v.as_bytes() == first.bytes())
}

/// Phrases that name upkeep outright, wherever they stand in a title.
pub const BAU_PHRASES: [&str; 7] = [
    "business as usual",
    "day-to-day",
    "day to day",
    "keep the lights on",
    "ktlo",
    "support existing",
    "ensure compliance",
];

/// The first of [`BAU_PHRASES`] the title contains; `features` (the title's) tells
/// whether it has a word that opens one, so that only those titles are searched.
pub fn business_as_usual_phrase(text: &str, features: &Features) -> Option<&'static str> {
    features
        .may_name_upkeep()
        .then(|| find_any_ignore_case(text, &BAU_PHRASES))
        .flatten()
}

/// Text quoted for a message, cut at a word boundary past 60 characters.
pub fn quoted(text: &str) -> String {
    let text = text.trim().trim_end_matches(['.', ';']);
    if text.chars().count() <= 60 {
        return format!("\"{text}\"");
    }
    let cut: String = text.chars().take(60).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("\"{cut}…\"")
}

/// A normal form of a title for spotting near-identical ones: lower case, punctuation
/// and filler words dropped, words sorted.
pub fn normal_form(text: &str) -> String {
    let mut w: Vec<String> = tokens(text)
        .filter(|x| short_key(x).is_none_or(|k| LEXICON.class(k) & STOPWORD == 0))
        .map(str::to_lowercase)
        .collect();
    w.sort();
    w.join(" ")
}

/// A hash of [`normal_form`] that needs no allocation: the sum of the hashes of its
/// words, so word order does not matter. `None` when no word is left. Equal normal
/// forms have equal hashes; callers confirm a match with [`normal_form`].
#[cfg(test)]
pub fn normal_hash(text: &str) -> Option<u64> {
    Features::of(text).normal_hash()
}

/// The hash of a word as [`normal_hash`] adds it up: its bytes, 8 at a time, lower-cased
/// (ASCII letters only, unless the word is not ASCII, when it is lower-cased in full).
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        chunks_hash(word.as_bytes(), true)
    } else {
        // Lower-casing can make a word ASCII (the Kelvin sign becomes `k`); it then
        // hashes as that ASCII word does.
        chunks_hash(word.to_lowercase().as_bytes(), false)
    }
}

/// The bytes of a word, 8 at a time (ASCII letters lower-cased on the way when `ascii`
/// is set), folded into one hash with [`lexicon::mix`]. No allocation.
fn chunks_hash(bytes: &[u8], ascii: bool) -> u64 {
    let mut h = bytes.len() as u64;
    for at in (0..bytes.len()).step_by(8) {
        let x = crate::bytes::load(bytes, at, (bytes.len() - at).min(8));
        h = lexicon::mix(h ^ if ascii { lexicon::lower8(x) } else { x });
    }
    h
}

/// An ASCII word of at most 8 bytes, lower-cased and packed into a `u64`.
fn short_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 8 {
        return None;
    }
    let x = crate::bytes::load(b, 0, b.len());
    (x & lexicon::HIGH == 0).then(|| lexicon::lower8(x))
}

/// Whether `text` starts with `prefix` (lower-case ASCII), ignoring ASCII case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The first of `needles` (lower-case ASCII) that `text` contains, ignoring ASCII case,
/// found in one pass over the text.
///
/// A needle can start only where the text has its first two bytes, which is rare. So
/// 8 positions at a time are tested at once for every needle's first two bytes (two
/// loads, lower-cased, compared byte-wise as integers), and only the positions that
/// pass are compared in full. A test per byte, branching on its first letter alone,
/// cost more than the rest of reading an objective.
pub fn find_any_ignore_case<'n>(text: &str, needles: &[&'n str]) -> Option<&'n str> {
    let t = text.as_bytes();
    // The index of the first-listed needle found so far.
    let mut found: Option<usize> = None;
    let check = |i: usize, found: &mut Option<usize>| {
        for (k, n) in needles.iter().enumerate() {
            if found.is_some_and(|f| f <= k) {
                break;
            }
            let n = n.as_bytes();
            if t.len() - i >= n.len() && t[i..i + n.len()].eq_ignore_ascii_case(n) {
                *found = Some(k);
                break;
            }
        }
    };
    // Each needle's first two bytes, repeated in every byte: on the stack, since this
    // runs once per objective. More needles, or a needle of one byte, take the plain
    // search below.
    let mut pairs = [(0u64, 0u64); 8];
    let fast = needles.len() <= pairs.len()
        && needles
            .iter()
            .zip(&mut pairs)
            .all(|(n, pair)| match n.as_bytes() {
                [a, b, ..] => {
                    *pair = (lexicon::ONES * u64::from(*a), lexicon::ONES * u64::from(*b));
                    true
                }
                _ => false,
            });
    let mut i = 0;
    if fast {
        let pairs = &pairs[..needles.len()];
        while i + 9 <= t.len() {
            let first = lexicon::lower8(crate::bytes::load(t, i, 8));
            let second = lexicon::lower8(crate::bytes::load(t, i + 1, 8));
            let mut starts = pairs.iter().fold(0, |m, &(a, b)| {
                m | zero_bytes(first ^ a) & zero_bytes(second ^ b)
            });
            while starts != 0 {
                check(i + starts.trailing_zeros() as usize / 8, &mut found);
                starts &= starts - 1;
            }
            if found == Some(0) {
                return needles.first().copied();
            }
            i += 8;
        }
    }
    for i in i..t.len() {
        check(i, &mut found);
    }
    found.map(|k| needles[k])
}

/// The high bit of each zero byte of `x`, exactly (no bit for a byte above a zero one,
/// as the shorter borrow trick gives).
fn zero_bytes(x: u64) -> u64 {
    let low = lexicon::ONES * 0x7f;
    !(((x & low) + low) | x | low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_real_phrasings() {
        assert!(has_number("Raise NPS from 32 to 45"));
        assert!(has_number("Cut churn by half"));
        assert!(has_number("Hit 99.9% uptime"));
        assert!(!has_number("Improve the sales process"));
        assert!(!has_number("Launch the new pricing page"));
    }

    #[test]
    fn activities_and_outcomes() {
        assert_eq!(
            leading_activity_verb("Launch the new pricing page"),
            Some("launch")
        );
        assert_eq!(
            leading_activity_verb("Implemented SSO for enterprise"),
            Some("implement")
        );
        assert_eq!(leading_activity_verb("Grow ARR from $10M to $12M"), None);
        assert!(has_outcome_clause(
            "Launch pricing page and convert 5% of visitors"
        ));
        assert!(!has_outcome_clause(
            "Migrate the ledger store to Postgres 16"
        ));
        assert!(!has_outcome_clause("Launch pricing page and make it nice"));
    }

    #[test]
    fn metrics_are_quantities_not_names() {
        assert!(has_metric("Increase revenue by 20%"));
        assert!(has_metric("Reach $2M in bookings"));
        assert!(has_metric("Sign 40 customers"));
        assert!(!has_metric("Ship the v3 mobile app"));
        assert!(!has_metric("Win Q4 with a clean launch"));
        assert!(!has_metric(
            "Become the default ledger for mid-market finance teams"
        ));
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            placeholder("Increase revenue from X to Y"),
            Some("from X to Y")
        );
        assert_eq!(placeholder("Reach $N in bookings"), Some("$N / N%"));
        assert_eq!(placeholder("Lift retention to N%"), Some("$N / N%"));
        assert_eq!(placeholder("Target: TBD"), Some("TBD"));
        assert_eq!(placeholder("Sign 15 new DACH customers"), None);
        assert_eq!(
            placeholder("Ship feature X to beta users"),
            Some("a lone X"),
            "a lone capital X stands for a name still to choose"
        );
        assert_eq!(
            placeholder("Post on X twice a week"),
            None,
            "X, the network"
        );
        assert_eq!(
            placeholder("Grow signups from N1 to N2"),
            Some("a letter for a number")
        );
        assert_eq!(
            placeholder("Reach M+ monthly users"),
            Some("a letter for a number")
        );
        assert_eq!(placeholder("Close $M in new ARR"), Some("$N / N%"));
        assert_eq!(placeholder("Conversion from ZZZ to ZZZ"), Some("TBD"));
        assert_eq!(
            placeholder("Latency (needs baseline and targets)"),
            Some("still to be decided")
        );
        assert_eq!(
            placeholder("Targets to be set next month"),
            Some("still to be decided")
        );
        assert_eq!(placeholder("Grow ARR 3x to $12M"), None);
    }

    #[test]
    fn template_text_and_blanks() {
        assert_eq!(placeholder("Lorem ipsum dolor"), Some("template text"));
        assert_eq!(
            placeholder("Grow <insert metric> by 10%"),
            Some("template text")
        );
        assert_eq!(placeholder("Grow [insert metric]"), Some("template text"));
        assert_eq!(placeholder("Insert the new ledger"), None);
        assert_eq!(placeholder("Reach ??? signups"), Some("TBD"));
        assert_eq!(placeholder("Cut cost (to $X)."), Some("$N / N%"));
        assert_eq!(placeholder("Lift NPS FROM x% TO y%"), Some("from X to Y"));
        assert_eq!(
            placeholder("Move from x to yesterday's plan"),
            Some("from X to Y")
        );
        assert_eq!(placeholder("Ship NN% of the backlog, tbd"), Some("TBD"));
    }

    #[test]
    fn upkeep_is_read_past_openers_and_in_phrases() {
        assert_eq!(
            business_as_usual("We will keep the lights on"),
            Some("keep")
        );
        assert_eq!(business_as_usual("Maintain quality"), Some("maintain"));
        assert_eq!(business_as_usual("Win the market"), None);
        for phrase in BAU_PHRASES {
            let title = format!("Our plan: {phrase} for now");
            assert_eq!(
                business_as_usual_phrase(&title, &Features::of(&title)),
                Some(phrase),
                "the first word of {phrase:?} must be listed as one that opens a phrase"
            );
        }
    }

    #[test]
    fn long_titles_are_quoted_up_to_a_word() {
        assert_eq!(quoted("a b."), "\"a b\"");
        let long = "word ".repeat(20);
        assert!(quoted(&long).ends_with("word…\""));
    }

    #[test]
    fn the_first_listed_needle_wins() {
        let needles = ["bonus", "appraisal"];
        assert_eq!(
            find_any_ignore_case("Appraisal and BONUS", &needles),
            Some("bonus")
        );
        assert_eq!(
            find_any_ignore_case("an appraisal", &needles),
            Some("appraisal")
        );
        assert_eq!(find_any_ignore_case("a bonu", &needles), None);
        assert_eq!(
            find_any_ignore_case("A long title with its APPRAISAL near the end", &needles),
            Some("appraisal")
        );
        assert_eq!(find_any_ignore_case("x", &["x"]), Some("x"));
    }

    /// [`has_metric`] as it was first written: every word copied and lower-cased.
    fn has_metric_reference(text: &str) -> bool {
        let trim = |t: &'_ str| -> String {
            t.trim_matches(|c: char| ",.;:()!?\"'".contains(c))
                .to_owned()
        };
        let tokens: Vec<String> = text.split_whitespace().map(trim).collect();
        let lower = |i: usize| {
            tokens
                .get(i)
                .map(|t| t.to_ascii_lowercase())
                .unwrap_or_default()
        };
        let listed = |w: &str, list: &[&str]| list.contains(&w);
        tokens.iter().enumerate().any(|(i, t)| {
            let money = t.starts_with(['$', '€', '£'])
                && t[t.char_indices().nth(1).map(|(i, _)| i).unwrap_or(t.len())..]
                    .starts_with(|c: char| c.is_ascii_digit());
            if money || (t.ends_with('%') && t.bytes().any(|b| b.is_ascii_digit())) {
                return true;
            }
            let bare = t.trim_end_matches(['%', 'x', 'k', 'K', 'M', 'B']);
            let number = !bare.is_empty()
                && bare
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && bare.chars().any(|c| c.is_ascii_digit());
            if !number {
                return false;
            }
            if bare.len() < t.len() && bare.ends_with(|c: char| c.is_ascii_digit()) {
                // 10x, 5k, 2M: a multiple or an amount.
                return true;
            }
            let (prev, next) = (
                if i > 0 { lower(i - 1) } else { String::new() },
                lower(i + 1),
            );
            let year = bare.len() == 4 && (1900..=2100).contains(&bare.parse::<u32>().unwrap_or(0));
            let version = bare.matches('.').count() > 1
                || next.starts_with(".x")
                || t.ends_with(".0")
                || (i > 0
                    && tokens[i - 1].starts_with(|c: char| c.is_ascii_uppercase())
                    && i > 1
                    && !listed(&prev, &lexicon::BOUND_WORDS));
            let date = listed(&prev, &lexicon::MONTHS) || listed(&next, &lexicon::MONTHS);
            let name = listed(&prev, &lexicon::NAME_BEFORE_NUMBER);
            let duration =
                listed(&next, &lexicon::TIME_UNITS) && !listed(&prev, &lexicon::BOUND_WORDS);
            !(year || version || date || name || duration)
        })
    }

    #[test]
    fn listed_words_are_lower_case_ascii() {
        for list in [
            &lexicon::BOUND_WORDS[..],
            &lexicon::MONTHS,
            &lexicon::NAME_BEFORE_NUMBER,
            &lexicon::TIME_UNITS,
        ] {
            for w in list {
                assert_eq!(*w, w.to_ascii_lowercase(), "{w}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn metrics_are_found_as_the_plain_reading_finds_them(
            words in proptest::collection::vec(
                "(20|1\\.5|2030|8080|10x|5k|\\$3|€4|40%|2\\.0|1\\.2\\.3|\\.x|\\.X|under|March|MARCH|week|days|Seconds|the|Postgres|(|)|,|é|[a-zA-Z]{1,6})[,.;:()!?\"']{0,2}",
                0..7,
            ),
            spaces in proptest::collection::vec("[ \t\n]{1,2}", 7),
        ) {
            let text: String = words
                .iter()
                .zip(&spaces)
                .flat_map(|(w, s)| [w.as_str(), s.as_str()])
                .collect();
            proptest::prop_assert_eq!(has_metric(&text), has_metric_reference(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        #[test]
        fn finds_what_a_search_per_needle_finds(
            text in "[a-zA-Z pé]{0,40}",
            needles in proptest::collection::vec("[a-z p]{1,4}", 1..4),
        ) {
            let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
            let lower = text.to_ascii_lowercase();
            let want = needles.iter().copied().find(|n| lower.contains(n));
            proptest::prop_assert_eq!(find_any_ignore_case(&text, &needles), want);
        }
    }

    #[test]
    fn tokens_split_unicode_punctuation() {
        let t: Vec<&str> = tokens("Grow ARR – from €1.5M… to “$2M”; Straße.").collect();
        assert_eq!(t, ["Grow", "ARR", "from", "1.5M", "to", "$2M", "Straße"]);
    }

    #[test]
    fn normal_hash_ignores_order_case_and_filler() {
        assert_eq!(
            normal_hash("Sign 15 new DACH customers."),
            normal_hash("customers DACH: sign 15")
        );
        assert_ne!(
            normal_hash("Sign 15 DACH customers"),
            normal_hash("Sign 25 DACH customers")
        );
        assert_ne!(normal_hash("grow grow"), normal_hash("grow"));
        assert_eq!(normal_hash("STRASSE Ärger"), normal_hash("ärger strasse"));
    }

    #[test]
    fn duplicates_normalise() {
        assert_eq!(
            normal_form("Sign 15 new DACH customers."),
            normal_form("sign 15 DACH customers")
        );
        assert_ne!(
            normal_form("Sign 15 DACH customers"),
            normal_form("Sign 25 DACH customers")
        );
    }
}
