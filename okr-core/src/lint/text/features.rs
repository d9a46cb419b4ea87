//! Everything the wording rules ask of a title, read in one pass over its words.
//!
//! A key result is read as a coach reads it: what it opens with (a verb of work, a
//! verb of change, a number, a word of coverage such as "every"), whether a number in
//! it measures a result (a percentage, an amount, a bound, a change from one value to
//! another, a duration, a count of customers) or counts work (posts, sessions, views),
//! and, when it opens with no verb, whether it names a finished piece of work ("The
//! API spec exists and is complete", "Streaming API") or states a change without a
//! measure ("Customers trust us again").

use super::lexicon::{
    self, ACTIVITY_VERBS, BAU, BLANK, BOUND, CHANGE, CLAUSE, Class, FROM, GENERIC, HIGH, INSERT,
    KPI, LEXICON, LIGHT, LOREM, Lower, MEASURE, NUMBER, OPENER, OUTCOME, QUANTITY, RESULT, STATE,
    STOPWORD, TIME, UNDECIDED, UPKEEP,
};
use super::{
    DIGIT_OR_PERCENT, QUESTION_MARK, ascii_words, starts_with_ignore_case, tokens, word_hash,
};

/// The placeholders [`Features::placeholder`] names, strongest first.
const PLACEHOLDERS: [&str; 7] = [
    "from X to Y",
    "TBD",
    "$N / N%",
    "template text",
    "a letter for a number",
    "a lone X",
    "still to be decided",
];

/// What a key result that is not a result is, when it is not a task opening with a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deliverable {
    /// Work described as done: "Pipeline automated", "The app supports offline mode".
    EndState,
    /// A thing to make, named with no verb: "Streaming API", "Three blog posts".
    NounPhrase,
}

/// What the heuristics make of a title. Kept small, since a large plan holds one per
/// key result and objective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// See [`super::normal_hash`]; 0 when no word is left.
    hash: u64,
    /// A digit, a percent sign or a number word.
    pub has_number: bool,
    /// A result stated with a measure after the opening activity verb: "…and convert
    /// 5% of visitors", "…in <10 seconds per place", "…from 25 to 8 minutes".
    pub outcome_clause: bool,
    /// 1 + the index of the opening verb in [`ACTIVITY_VERBS`], or 0.
    activity: u8,
    /// 1 + the index in [`PLACEHOLDERS`], or 0.
    blank: u8,
    /// Bits of [`Shape`].
    shape: u16,
    /// Words that are neither filler nor generic (objectives): "Build a better
    /// product" has none.
    pub specific_words: u8,
    /// Words that name a metric (ARR, churn, NPS).
    pub kpi_words: u8,
}

/// Bits of [`Features::shape`].
struct Shape;
impl Shape {
    /// The title states a quantity at all: a number, or a word such as "zero",
    /// "every", "halved".
    const QUANTITY: u16 = 1 << 0;
    /// A result stated with a measure, anywhere in the title.
    const MEASURED: u16 = 1 << 1;
    /// Opens (after "we will" and the like) with a number or a word of coverage.
    const QUANTITY_FIRST: u16 = 1 << 2;
    /// Opens with a verb of change (increase, reduce, win).
    const OUTCOME_FIRST: u16 = 1 << 3;
    /// A word of change without a number: better, more, faster.
    const CHANGE: u16 = 1 << 4;
    /// A verb that makes a clause: is, love, find.
    const CLAUSE: u16 = 1 << 5;
    /// A word that says work is done or a thing exists: published, live, supports.
    const STATE: u16 = 1 << 6;
    /// The opening verb is a light one (make, get, have, keep).
    const LIGHT_FIRST: u16 = 1 << 7;
    /// A verb of change anywhere.
    const OUTCOME_ANY: u16 = 1 << 8;
    /// Opens with a verb of keeping things as they are.
    const BAU_FIRST: u16 = 1 << 9;
    /// Opens with a verb of any kind (objectives).
    const VERB_FIRST: u16 = 1 << 10;
    /// "Reach out", read as work.
    const REACH_OUT: u16 = 1 << 11;
    /// A count of customers, users, hires…: a result when a title opens with it ("500
    /// French bakeries on paid plans"), the object of the work when a verb of work
    /// does ("Interview 40 customers").
    const RESULT_COUNT: u16 = 1 << 12;
    /// A word that may open a phrase of upkeep ("business as usual", "keep the lights
    /// on"), so that only such titles are searched for one.
    const UPKEEP_WORD: u16 = 1 << 13;
}

impl Features {
    /// The activity verb the title opens with (or an inflection of it).
    pub fn activity_verb(&self) -> Option<&'static str> {
        if self.shape & Shape::REACH_OUT != 0 {
            return Some("reach out");
        }
        self.activity
            .checked_sub(1)
            .map(|i| ACTIVITY_VERBS[usize::from(i)])
    }

    /// The placeholder left in the title: "from X to Y", "TBD", "$N / N%", "template
    /// text", "a letter for a number", "a lone X" or "still to be decided".
    pub fn placeholder(&self) -> Option<&'static str> {
        self.blank
            .checked_sub(1)
            .map(|i| PLACEHOLDERS[usize::from(i)])
    }

    pub fn normal_hash(&self) -> Option<u64> {
        (self.hash != 0).then_some(self.hash)
    }

    fn has(&self, bit: u16) -> bool {
        self.shape & bit != 0
    }

    /// The title states a quantity: a number, a measure, or a word such as "zero",
    /// "every", "all", "halved".
    pub fn has_quantity(&self) -> bool {
        self.has_number || self.has(Shape::QUANTITY) || self.has(Shape::MEASURED)
    }

    /// Work rather than a result: a task opening with a verb of work and stating no
    /// measured result, or a deliverable named without a verb. A title with a
    /// placeholder is left to the placeholder rule.
    pub fn is_activity(&self) -> bool {
        self.blank == 0 && (self.task() || self.deliverable().is_some())
    }

    /// Opens with a verb of work and states no measured result.
    fn task(&self) -> bool {
        if self.activity == 0 && !self.has(Shape::REACH_OUT) {
            return false;
        }
        if self.outcome_clause {
            return false;
        }
        // "Make the app faster": a change without a measure, not a task.
        !(self.has(Shape::LIGHT_FIRST) && self.has(Shape::CHANGE))
    }

    /// A deliverable named without an opening verb of work, if the title is one.
    pub fn deliverable(&self) -> Option<Deliverable> {
        if self.activity != 0
            || self.has(Shape::REACH_OUT)
            || self.has(Shape::OUTCOME_FIRST)
            || self.has(Shape::QUANTITY_FIRST)
            || self.has(Shape::MEASURED)
            || self.has(Shape::RESULT_COUNT)
            || self.has(Shape::CHANGE)
        {
            return None;
        }
        if self.has(Shape::STATE) {
            return Some(Deliverable::EndState);
        }
        let clause = self.has(Shape::CLAUSE) || self.has(Shape::OUTCOME_ANY);
        (!clause && !self.has(Shape::BAU_FIRST)).then_some(Deliverable::NounPhrase)
    }

    /// Opens with a verb of keeping things as they are (maintain, keep, continue…), after
    /// any openers ("We will keep…").
    pub fn opens_with_upkeep_verb(&self) -> bool {
        self.has(Shape::BAU_FIRST)
    }

    /// Names a change past its opening word: a verb of change ("…as we grow
    /// tenfold") or a word of change ("…faster"). An objective that keeps something
    /// while it changes ("Keep customers' money safe as we grow tenfold") is not
    /// upkeep alone.
    pub fn names_a_change(&self) -> bool {
        self.has(Shape::OUTCOME_ANY) || self.has(Shape::CHANGE)
    }

    /// Whether the title may hold a phrase of upkeep ("business as usual"): it has a
    /// word that opens one. Only such titles need searching.
    pub fn may_name_upkeep(&self) -> bool {
        self.has(Shape::UPKEEP_WORD)
    }

    /// Opens with a verb (objectives: "Win…", "Make…", "Be…"), rather than naming a
    /// theme ("Core Platform Stability").
    pub fn opens_with_verb(&self) -> bool {
        self.has(Shape::VERB_FIRST)
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
            blank_word: false,
            blank_amount: false,
            template: false,
            letter_blank: false,
            lone_x: false,
            undecided: false,
            first_seen: false,
            openers: 0,
            shape: 0,
            seen: 0,
            seen_later: 0,
            last_digit_word: None,
            prev: 0,
            prev_key: 0,
            from_number: false,
            to_after_from: false,
            specific: 0,
            kpi: 0,
        };
        if title.is_ascii() {
            let seen = ascii_words(bytes, |from, to| reader.word(from, to));
            reader.number |= seen & DIGIT_OR_PERCENT != 0;
            reader.blank_word |= seen & QUESTION_MARK != 0 && has_three_question_marks(bytes);
        } else {
            reader.number = bytes.iter().any(|b| b.is_ascii_digit() || *b == b'%');
            reader.blank_word = has_three_question_marks(bytes);
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
    letter_blank: bool,
    lone_x: bool,
    undecided: bool,
    /// Whether the first word past the openers ("we will") has been read.
    first_seen: bool,
    openers: usize,
    shape: u16,
    /// The lists the title's words are in, and those of its words past the first.
    seen: Class,
    seen_later: Class,
    /// The index of the last word with a digit.
    last_digit_word: Option<usize>,
    /// The class of the word before.
    prev: Class,
    /// The word before, packed lower-case (0 when longer than 8 bytes).
    prev_key: u64,
    /// A number after "from".
    from_number: bool,
    /// "to" after a number after "from".
    to_after_from: bool,
    specific: u8,
    kpi: u8,
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
        let ascii8 = raw & HIGH == 0;
        let key = (len <= 8 && ascii8).then_some(prefix);
        // One multiply per word, for the lookup and the normal hash alike.
        let mixed = key.map(|k| lexicon::mix(len as u64 ^ k));
        let class = match mixed {
            Some(h) => LEXICON.class_of_mix(h),
            None if len > 8 && ascii8 && lexicon::may_be_long_word(prefix) => {
                lexicon::long_class(prefix, word)
            }
            None => 0,
        };
        let digit =
            has_digit(raw) || (len > 8 && word.as_bytes()[8..].iter().any(u8::is_ascii_digit));
        let index = self.words;
        if !self.first_seen && class & OPENER != 0 && self.openers < 3 {
            // "We will launch…", "Successfully deliver…": the verb comes next.
            self.openers += 1;
        } else if !self.first_seen {
            self.first(word, key, class);
        } else if self.activity != 0 && !self.later_outcome {
            self.later_outcome = class & OUTCOME != 0;
        }
        if self.first_seen && index == self.openers + 1 {
            if self.prev_key == lexicon::pack(b"reach") && key == Some(lexicon::pack(b"out")) {
                self.shape |= Shape::REACH_OUT;
            } else if self.prev_key == lexicon::pack(b"at") && key == Some(lexicon::pack(b"least"))
            {
                self.shape |= Shape::QUANTITY_FIRST;
            }
        }
        // Only a number, or a word that may stand beside one, can make a measure.
        if digit
            || class & (MEASURE | TIME | BOUND | KPI | RESULT | NUMBER | QUANTITY) != 0
            || (self.from_number && !self.to_after_from)
        {
            self.measure(word, class, digit, from, index);
        }
        // The lists a word is in, kept as bits and read once at the end, so that a
        // word costs one `or` here instead of a test per list.
        self.seen |= class;
        if index > 0 {
            self.seen_later |= class;
        }
        self.kpi = self.kpi.saturating_add(u8::from(class & KPI != 0));
        let generic =
            STOPWORD | GENERIC | OPENER | BAU | CLAUSE | CHANGE | QUANTITY | OUTCOME | KPI;
        self.specific = self
            .specific
            .saturating_add(u8::from(class & generic == 0 && !digit));
        self.words += 1;
        // Every blank is a listed word, a short word in capitals or with a percent sign,
        // or an amount ("TBD", "N1", "X", "NN%", "$M"): most words skip these tests.
        let b = word.as_bytes();
        if class & BLANK != 0
            || (len <= 4 && (b[0].is_ascii_uppercase() || b[len - 1] == b'%'))
            || b[0] == b'$'
        {
            self.short_word(word, class, title.as_bytes().get(to).copied());
        }
        if class & (FROM | LOREM | INSERT | UNDECIDED) != 0 {
            let rest = &title[to..];
            if class & FROM != 0 {
                self.from_x_to_y = self.from_x_to_y
                    || starts_with_ignore_case(rest, " x to y")
                    || starts_with_ignore_case(rest, " x% to y%");
            } else if class & LOREM != 0 {
                self.template = self.template || starts_with_ignore_case(rest, " ipsum");
            } else if class & INSERT != 0 {
                self.template =
                    self.template || matches!(title[..from].bytes().last(), Some(b'<' | b'['));
            } else {
                self.undecided = self.undecided || undecided(self.prev_key, key, rest);
            }
        }
        if class & STOPWORD == 0 {
            let h = mixed.unwrap_or_else(|| word_hash(word));
            self.normal_hash = Some(self.normal_hash.unwrap_or(0).wrapping_add(h));
        }
        self.prev = class;
        self.prev_key = key.unwrap_or(0);
    }

    /// Tests a short word for the blanks written as one: "TBD", "$N", "N1", "M+", "X".
    fn short_word(&mut self, word: &str, class: Class, next: Option<u8>) {
        let b = word.as_bytes();
        let len = b.len();
        self.blank_word |= len <= 3 && class & BLANK != 0;
        if b[0] == b'$' || b[len - 1] == b'%' {
            self.blank_amount |= is_blank_amount(word);
        }
        self.letter_blank |= is_letter_blank(b, next);
        // "X" alone stands for a name still to choose; "on X" or "via X" is the network.
        self.lone_x |= b == b"X"
            && !matches!(
                &self.prev_key.to_le_bytes()[..3],
                [b'o', b'n', 0] | [b'v', b'i', b'a']
            );
    }

    /// Reads the first word past the openers: the verb a title opens with.
    fn first(&mut self, word: &str, key: Option<u64>, class: Class) {
        self.first_seen = true;
        let len = word.len();
        self.activity = match key {
            Some(k) => lexicon::activity(lexicon::ACTIVITY_LEXICON.class(k)),
            None if len <= 8 => 0,
            None => Lower::of(word)
                .inflection_of(&ACTIVITY_VERBS)
                .and_then(|v| ACTIVITY_VERBS.iter().position(|a| *a == v))
                .map_or(0, |i| i as u8 + 1),
        };
        // A number or a word of coverage ("Every invoice…", "No customer…") opens a
        // statement of a level; a number word ("Three blog posts") counts things.
        let numeric =
            word.starts_with(|c: char| c.is_ascii_digit()) || currency_before(self.title, word);
        if numeric || (class & QUANTITY != 0 && class & NUMBER == 0) {
            self.shape |= Shape::QUANTITY_FIRST;
        }
        if class & OUTCOME != 0 && self.activity == 0 {
            self.shape |= Shape::OUTCOME_FIRST;
        }
        if class & BAU != 0 {
            self.shape |= Shape::BAU_FIRST;
        }
        if class & LIGHT != 0 {
            self.shape |= Shape::LIGHT_FIRST;
        }
        if self.activity != 0 || class & (OUTCOME | BAU | LIGHT | CLAUSE) != 0 {
            self.shape |= Shape::VERB_FIRST;
        }
    }

    /// Whether the word makes a number in the title a measure of a result.
    fn measure(&mut self, word: &str, class: Class, digit: bool, from: usize, index: usize) {
        let after_number = |n: usize| self.last_digit_word.is_some_and(|d| index - d <= n);
        let measured = if digit {
            let bound_before = self.prev & BOUND != 0 || bound_symbol_before(&self.title[..from]);
            let after_to = self.to_after_from;
            if self.prev & FROM != 0 {
                self.from_number = true;
            }
            self.last_digit_word = Some(index);
            word.contains('%')
                || word.starts_with(['$', '€', '£'])
                || currency_before(self.title, word)
                || bound_before
                || after_to
                || is_multiple(word)
        } else {
            if self.from_number && word.eq_ignore_ascii_case("to") {
                self.to_after_from = true;
            }
            if class & RESULT != 0 && after_number(3) {
                self.shape |= Shape::RESULT_COUNT;
            }
            class & MEASURE != 0
                || (class & (TIME | BOUND) != 0 && after_number(2))
                || (class & KPI != 0 && after_number(3))
                || (class & NUMBER != 0 && self.prev & BOUND != 0)
                || (word.eq_ignore_ascii_case("percent") && after_number(1))
        };
        if measured {
            self.shape |= Shape::MEASURED;
        }
    }

    fn finish(self) -> Features {
        let blank = [
            self.from_x_to_y,
            self.blank_word,
            self.blank_amount,
            self.template,
            self.letter_blank,
            self.lone_x,
            self.undecided,
        ]
        .iter()
        .position(|b| *b)
        .map_or(0, |i| i as u8 + 1);
        let mut shape = self.shape;
        for (class, bit) in [
            (CHANGE, Shape::CHANGE),
            (CLAUSE, Shape::CLAUSE),
            (QUANTITY, Shape::QUANTITY),
            (UPKEEP, Shape::UPKEEP_WORD),
        ] {
            if self.seen & class != 0 {
                shape |= bit;
            }
        }
        for (class, bit) in [(STATE, Shape::STATE), (OUTCOME, Shape::OUTCOME_ANY)] {
            if self.seen_later & class != 0 {
                shape |= bit;
            }
        }
        let number = self.number || self.seen & NUMBER != 0;
        let measured_after_verb = shape & Shape::MEASURED != 0 || (self.later_outcome && number);
        Features {
            // A sum of exactly 0 is taken as 1, so that 0 can mean "no words".
            hash: self.normal_hash.map_or(0, |h| h.max(1)),
            has_number: number,
            outcome_clause: (self.activity != 0 || shape & Shape::REACH_OUT != 0)
                && measured_after_verb,
            activity: self.activity,
            blank,
            shape,
            specific_words: self.specific,
            kpi_words: self.kpi,
        }
    }
}

/// "???" written for a value still to come.
fn has_three_question_marks(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| w == b"???")
}

/// Whether one of the 8 bytes packed in `x` (zero-padded) is an ASCII digit, without a
/// loop: each byte's high bit is set where it is at least '0' and below ':' (bytes
/// past ASCII are not digits).
fn has_digit(x: u64) -> bool {
    let ones = lexicon::ONES;
    let low = x & !lexicon::HIGH;
    let at_least_0 = low.wrapping_add(ones * (0x80 - u64::from(b'0')));
    let above_9 = low.wrapping_add(ones * (0x80 - u64::from(b'9') - 1));
    at_least_0 & !above_9 & !x & lexicon::HIGH != 0
}

/// Whether the text before a number ends with a bound sign (`<10`, `≥ 95%`).
fn bound_symbol_before(before: &str) -> bool {
    let t = before.trim_end();
    t.ends_with(['<', '>', '≤', '≥', '~']) || t.ends_with("<=") || t.ends_with(">=")
}

/// A multiple: `10x`, `1.5x` (not a version such as `1.x`).
fn is_multiple(word: &str) -> bool {
    let Some(number) = word.strip_suffix(['x', 'X']) else {
        return false;
    };
    number.ends_with(|c: char| c.is_ascii_digit())
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Whether a currency sign stands right before `word` in `title` ("€1.8M", whose sign
/// the word splitting leaves out).
fn currency_before(title: &str, word: &str) -> bool {
    let at = word.as_ptr() as usize - title.as_ptr() as usize;
    match title.as_bytes()[..at].last() {
        Some(b'$') => true,
        // A sign past ASCII ends in a continuation byte; only then decode.
        Some(b) if *b >= 0x80 => title[..at].ends_with(['€', '£']),
        _ => false,
    }
}

/// "(to) be defined / decided …" and "needs (a) baseline".
fn undecided(prev: u64, key: Option<u64>, rest: &str) -> bool {
    if key == Some(lexicon::pack(b"be")) {
        return prev == lexicon::pack(b"to")
            && [
                " defined",
                " decided",
                " determined",
                " confirmed",
                " set",
                " agreed",
                " finali",
            ]
            .iter()
            .any(|p| starts_with_ignore_case(rest, p));
    }
    prev == lexicon::pack(b"needs")
        || prev == lexicon::pack(b"need")
        || prev == lexicon::pack(b"no")
}

/// Blanks written as a currency or percent sign with a letter for the number.
fn is_blank_amount(word: &str) -> bool {
    let letters =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_uppercase());
    match (word.strip_prefix('$'), word.strip_suffix('%')) {
        (Some(rest), _) => letters(rest.trim_end_matches('%')),
        (None, Some(rest)) => letters(rest) || is_numbered_blank(rest),
        _ => false,
    }
}

/// `N1`…`N99`: numbered blanks.
fn is_numbered_blank(word: &str) -> bool {
    word.len() >= 2
        && word.len() <= 3
        && word.starts_with('N')
        && word[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A letter standing for a number: `N`, `NN`, `XX`, `N1`, `N3%`, or `M+` / `N+`.
fn is_letter_blank(word: &[u8], next: Option<u8>) -> bool {
    let word = word.strip_suffix(b"%").unwrap_or(word);
    match word {
        b"N" | b"NN" | b"XX" => true,
        [b'N', digits @ ..] => {
            (1..=2).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit)
        }
        [c] => c.is_ascii_uppercase() && next == Some(b'+'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{
        BLANK_WORDS, INFLECTIONS, NUMBER_WORDS, OPENERS, OUTCOME_FORMS, STOPWORDS,
    };
    use super::*;
    use proptest::prelude::*;

    /// What the fast path's word splitting and table lookups decide: the normal
    /// hash, numbers, the opening verb and the placeholders of the first four kinds.
    /// (How a title is read as work or result is held by the tests below and by the
    /// labelled corpus, `okr-core/tests/corpus.rs`.)
    #[derive(Debug, PartialEq)]
    struct Lookups {
        hash: u64,
        has_number: bool,
        activity: u8,
        blank: u8,
    }

    fn lookups(f: &Features) -> Lookups {
        Lookups {
            hash: f.hash,
            has_number: f.has_number,
            activity: f.activity,
            // Placeholders past the first four are read by the reader alone.
            blank: if f.blank > 4 { 0 } else { f.blank },
        }
    }

    /// [`Features::of`]'s lookups written plainly, word by word against the lists, as
    /// the reference the fast path must agree with.
    fn reference(title: &str) -> Lookups {
        let lower = |w: &str| w.to_ascii_lowercase();
        let ascii_short = |w: &str| w.is_ascii() && w.len() <= 8;
        let listed = |w: &str, list: &[&str]| ascii_short(w) && list.contains(&lower(w).as_str());
        let words: Vec<(usize, &str)> = tokens(title)
            .map(|w| (w.as_ptr() as usize - title.as_ptr() as usize, w))
            .collect();
        // The opening verb comes after up to three openers ("we will", "to").
        let openers = words
            .iter()
            .take(3)
            .take_while(|(_, w)| listed(w, &OPENERS))
            .count();
        let activity = words.get(openers).and_then(|(_, w)| {
            let w = lower(w);
            if w.len() > 16 {
                return None;
            }
            INFLECTIONS.iter().find_map(|ending| {
                let stem = w.strip_suffix(ending)?;
                ACTIVITY_VERBS.iter().position(|v| *v == stem)
            })
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
        Lookups {
            hash: hash.map_or(0, |h| h.max(1)),
            has_number: number,
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
            &OUTCOME_FORMS,
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

    #[test]
    fn reads_work_and_results_as_a_coach_would() {
        let activity = |t: &str| Features::of(t).is_activity();
        // Work, however it is phrased.
        for t in [
            "Post 20 times on social media",
            "Complete the search improvements for 4 teams",
            "We will set up a research repository",
            "Reach out to each customer once a month",
            "The API spec exists and is complete",
            "The app supports offline mode",
            "Production deployment pipeline automated",
            "Streaming API",
            "Three blog posts by the engineering team",
            "Interview 40 customers",
            "Backport security fixes to 1.x",
        ] {
            assert!(activity(t), "{t}");
        }
        // Results, however they open.
        for t in [
            "Launch the pricing page and convert 5% of visitors",
            "Ship a dashboard where reviewers decide in <10 seconds",
            "Build times from 25 to 8 minutes at p90",
            "Close €1.8M of new ARR",
            "App store rating in France at 4.6 or above",
            "500 French bakeries on paid plans",
            "Every invoice paid within a week",
            "Payroll errors at zero every month",
            "At least one maintainer from outside the company",
            "Customers trust us again",
            "Developers love the documentation",
            "Make the app faster",
        ] {
            assert!(!activity(t), "{t}");
        }
        assert_eq!(
            Features::of("Pipeline automated").deliverable(),
            Some(Deliverable::EndState)
        );
        assert_eq!(
            Features::of("Developer portal with sandbox keys").deliverable(),
            Some(Deliverable::NounPhrase)
        );
        assert_eq!(
            Features::of("Reach out to them").activity_verb(),
            Some("reach out")
        );
        // Quantities in words count; a deliverable without a number is an activity.
        assert!(Features::of("No known issues at release").has_quantity());
        assert!(Features::of("Late deliveries halved").has_quantity());
        assert!(!Features::of("Reduce technical debt").has_quantity());
        assert!(!Features::of("Reduce technical debt").is_activity());
    }

    proptest! {
        #[test]
        fn a_digit_is_found_in_any_8_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..=8)) {
            let x = crate::bytes::load(&bytes, 0, bytes.len());
            prop_assert_eq!(has_digit(x), bytes.iter().any(u8::is_ascii_digit));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn the_fast_path_agrees_with_the_plain_reading(title in title()) {
            prop_assert_eq!(lookups(&Features::of(&title)), reference(&title), "{:?}", title);
        }

        #[test]
        fn long_titles_agree_too(parts in proptest::collection::vec(title(), 4..10)) {
            let title = parts.concat();
            prop_assert_eq!(lookups(&Features::of(&title)), reference(&title), "{:?}", title);
        }
    }
}
