//! Heuristics over OKR text, which is messy: numbers, activity verbs, placeholders,
//! business-as-usual wording, and a normal form for spotting duplicates.
//!
//! Titles are read often (every key result of a large plan, by several rules), so the
//! word tests compare a lower-cased copy of each word on the stack against the word
//! lists, and [`Features::of`] reads a title once for everything the rules ask of it.

/// Words for numbers people write instead of digits.
const NUMBER_WORDS: [&str; 24] = [
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

/// Verbs that name a change in a result.
const OUTCOME_VERBS: [&str; 22] = [
    "convert", "increase", "reduce", "raise", "grow", "cut", "lift", "reach", "achieve", "lower",
    "double", "triple", "halve", "win", "retain", "sign", "acquire", "save", "earn", "drive",
    "decrease", "improve",
];

const STOPWORDS: [&str; 16] = [
    "the", "a", "an", "of", "to", "for", "and", "in", "on", "by", "our", "with", "from", "at",
    "all", "new",
];

const BLANK_WORDS: [&str; 4] = ["tbd", "tbc", "tk", "xxx"];

const BAU_VERBS: [&str; 6] = [
    "maintain", "keep", "continue", "sustain", "preserve", "uphold",
];

/// Longer than any listed word, so a word that does not fit is in no list.
const WORD_BUF: usize = 16;

/// A word lower-cased (ASCII letters only) on the stack: its first [`WORD_BUF`] bytes,
/// and whether that is all of it.
struct Lower {
    buf: [u8; WORD_BUF],
    len: usize,
    whole: bool,
}

impl Lower {
    fn of(word: &str) -> Lower {
        let b = word.as_bytes();
        let len = b.len().min(WORD_BUF);
        let mut buf = [0u8; WORD_BUF];
        for (d, s) in buf.iter_mut().zip(&b[..len]) {
            *d = s.to_ascii_lowercase();
        }
        Lower {
            buf,
            len,
            whole: len == b.len(),
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The entry of `list` the word starts with.
    fn starts_with_any(&self, list: &[&str]) -> bool {
        list.iter().any(|w| self.bytes().starts_with(w.as_bytes()))
    }

    /// The verb of `list` that the word is, or a simple inflection of (launches, launched).
    fn inflection_of(&self, list: &[&'static str]) -> Option<&'static str> {
        if !self.whole {
            return None;
        }
        let b = self.bytes();
        ["", "s", "es", "ed", "d"].iter().find_map(|suffix| {
            let stem = b.strip_suffix(suffix.as_bytes())?;
            list.iter().copied().find(|v| v.as_bytes() == stem)
        })
    }
}

/// Up to 8 bytes, zero-padded, as one integer.
const fn pack(word: &[u8]) -> u64 {
    let mut out = 0u64;
    let mut i = 0;
    while i < word.len() && i < 8 {
        out |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    out
}

/// A word list of words of at most 8 bytes, packed for integer compares.
struct Packed<const N: usize>([u64; N]);

impl<const N: usize> Packed<N> {
    const fn of(words: [&str; N]) -> Packed<N> {
        let mut out = [0u64; N];
        let mut i = 0;
        while i < N {
            assert!(words[i].len() <= 8);
            out[i] = pack(words[i].as_bytes());
            i += 1;
        }
        Packed(out)
    }

    fn contains(&self, key: Option<u64>) -> bool {
        key.is_some_and(|k| self.0.contains(&k))
    }
}

const NUMBER_KEYS: Packed<24> = Packed::of(NUMBER_WORDS);
const STOPWORD_KEYS: Packed<16> = Packed::of(STOPWORDS);
const BLANK_KEYS: Packed<4> = Packed::of(BLANK_WORDS);

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
            let token = self.text[start..self.at].trim_matches('.');
            if !token.is_empty() {
                return Some(token);
            }
        }
        None
    }
}

/// The words of `text`, lower-cased.
pub fn words(text: &str) -> Vec<String> {
    tokens(text).map(str::to_lowercase).collect()
}

/// Whether the text states a quantity: a digit, a percent or currency sign, or a number word.
pub fn has_number(text: &str) -> bool {
    Features::of(text).has_number
}

/// Whether the text states a quantity as a metric would: a number standing alone
/// ("20", "1.5"), a percentage, or an amount of money. Digits inside names ("v3",
/// "Q4", "Postgres 16" aside) are not quantities.
pub fn has_metric(text: &str) -> bool {
    text.split_whitespace().any(|token| {
        let t = token.trim_matches(|c: char| ",.;:()!?\"'".contains(c));
        let money = t.starts_with(['$', '€', '£'])
            && t[t.char_indices().nth(1).map(|(i, _)| i).unwrap_or(t.len())..]
                .starts_with(|c: char| c.is_ascii_digit());
        let bare = t.trim_end_matches(['%', 'x', 'k', 'K', 'M']);
        let number = !bare.is_empty()
            && bare
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && bare.chars().any(|c| c.is_ascii_digit());
        money || number
    })
}

/// The activity verb a key result opens with, if any.
pub fn leading_activity_verb(text: &str) -> Option<&'static str> {
    Features::of(text).activity_verb()
}

/// Whether, after its opening activity verb, the text also names a measured result
/// ("…and convert 5% of visitors"), which makes it an outcome with a delivery attached.
pub fn has_outcome_clause(text: &str) -> bool {
    Features::of(text).outcome_clause
}

/// Placeholder text left in a plan: "from X to Y", "$N", "N%", "TBD", template text.
pub fn placeholder(text: &str) -> Option<&'static str> {
    Features::of(text).placeholder()
}

/// Wording of keeping things as they are: the verb it opens with.
pub fn business_as_usual(text: &str) -> Option<&'static str> {
    let first = Lower::of(tokens(text).next()?);
    BAU_VERBS
        .iter()
        .copied()
        .find(|v| first.whole && v.as_bytes() == first.bytes())
}

/// A normal form of a title for spotting near-identical ones: lower case, punctuation
/// and filler words dropped, words sorted.
pub fn normal_form(text: &str) -> String {
    let mut w: Vec<String> = tokens(text)
        .filter(|x| !STOPWORD_KEYS.contains(short_key(x)))
        .map(str::to_lowercase)
        .collect();
    w.sort();
    w.join(" ")
}

/// A hash of [`normal_form`] that needs no allocation: the sum of the hashes of its
/// words, so word order does not matter. `None` when no word is left. Equal normal
/// forms have equal hashes; callers confirm a match with [`normal_form`].
pub fn normal_hash(text: &str) -> Option<u64> {
    Features::of(text).normal_hash()
}

/// The hash of a word too long, or not ASCII, for [`short_key`].
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        chunks_hash(word.as_bytes(), true)
    } else {
        // Lower-casing can make a word ASCII (the Kelvin sign becomes `k`); it then
        // hashes as that ASCII word does.
        chunks_hash(word.to_lowercase().as_bytes(), false)
    }
}

/// The bytes of a word, 8 at a time (ASCII ones lower-cased on the way when
/// `ascii` is set), folded into one hash with [`mix`]. No allocation.
fn chunks_hash(bytes: &[u8], ascii: bool) -> u64 {
    let mut h = bytes.len() as u64;
    for chunk in bytes.chunks(8) {
        let mut buf = [0u8; 8];
        buf[..chunk.len()].copy_from_slice(chunk);
        let x = u64::from_le_bytes(buf);
        h = mix(h ^ if ascii { lower8(x) } else { x });
    }
    h
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Eight ASCII bytes with 'A'–'Z' lower-cased, without a loop: those bytes get their
/// high bit set by the two additions, and 0x20 added from it.
fn lower8(x: u64) -> u64 {
    let at_least_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let above_z = x.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    let upper = at_least_a & !above_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// An ASCII word of at most 8 bytes, lower-cased and packed into a `u64` (as [`pack`]
/// does).
fn short_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    let x = u64::from_le_bytes(buf);
    (x & (ONES * 0x80) == 0).then(|| lower8(x))
}

/// A 64-bit mix of a packed word (a folded multiply, as foldhash does).
fn mix(key: u64) -> u64 {
    let m = u128::from(key ^ 0x243f_6a88_85a3_08d3) * 0x9e37_79b9_7f4a_7c15;
    (m as u64) ^ ((m >> 64) as u64)
}

/// Whether `text` starts with `prefix` (lower-case ASCII), ignoring ASCII case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The first of `needles` (lower-case ASCII) that `text` contains, ignoring ASCII case,
/// found in one pass over the text.
pub fn find_any_ignore_case<'n>(text: &str, needles: &[&'n str]) -> Option<&'n str> {
    let t = text.as_bytes();
    let mut found: Option<(usize, &'n str)> = None;
    for (i, b) in t.iter().enumerate() {
        let b = b.to_ascii_lowercase();
        for (k, n) in needles.iter().enumerate() {
            let nb = n.as_bytes();
            if nb.first() == Some(&b)
                && t.len() - i >= nb.len()
                && t[i..i + nb.len()].eq_ignore_ascii_case(nb)
                && found.is_none_or(|(f, _)| k < f)
            {
                found = Some((k, n));
            }
        }
        if found.is_some_and(|(k, _)| k == 0) {
            break;
        }
    }
    found.map(|(_, n)| n)
}

/// Blanks written as a currency or percent sign with a letter for the number.
fn is_blank_amount(word: &str) -> bool {
    matches!(
        word,
        "$N" | "$X" | "$XX" | "$NN" | "N%" | "X%" | "XX%" | "NN%"
    )
}

/// The placeholders [`placeholder`] names, strongest first.
const PLACEHOLDERS: [&str; 4] = ["from X to Y", "TBD", "$N / N%", "template text"];

/// Everything the wording rules ask of a title, read in one pass over its words. Kept
/// to 16 bytes, since a large plan holds one per key result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// See [`normal_hash`]; 0 when no word is left.
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
    pub fn activity_verb(&self) -> Option<&'static str> {
        self.activity
            .checked_sub(1)
            .map(|i| ACTIVITY_VERBS[usize::from(i)])
    }

    pub fn placeholder(&self) -> Option<&'static str> {
        self.blank
            .checked_sub(1)
            .map(|i| PLACEHOLDERS[usize::from(i)])
    }

    pub fn normal_hash(&self) -> Option<u64> {
        (self.hash != 0).then_some(self.hash)
    }

    pub fn of(title: &str) -> Features {
        let bytes = title.as_bytes();
        let mut number = bytes.iter().any(|b| b.is_ascii_digit() || *b == b'%');
        let mut activity_verb = None;
        let mut later_outcome = false;
        let mut normal_hash: Option<u64> = None;
        // Placeholders, strongest first: from X to Y, TBD, $N / N%, template text.
        let mut from_x_to_y = false;
        let mut blank_word = title.contains("???");
        let mut blank_amount = false;
        let mut template = false;
        for (n, word) in tokens(title).enumerate() {
            let key = short_key(word);
            if n == 0 {
                activity_verb = Lower::of(word).inflection_of(&ACTIVITY_VERBS);
            } else if activity_verb.is_some() && !later_outcome {
                later_outcome = Lower::of(word).starts_with_any(&OUTCOME_VERBS);
            }
            number = number || NUMBER_KEYS.contains(key);
            blank_word = blank_word || (word.len() <= 3 && BLANK_KEYS.contains(key));
            blank_amount = blank_amount
                || (word.starts_with('$') || word.ends_with('%')) && is_blank_amount(word);
            if let Some(k) = key {
                let start = word.as_ptr() as usize - title.as_ptr() as usize;
                let rest = &title[start + word.len()..];
                if k == pack(b"from") {
                    from_x_to_y = from_x_to_y
                        || starts_with_ignore_case(rest, " x to y")
                        || starts_with_ignore_case(rest, " x% to y%");
                } else if k == pack(b"lorem") {
                    template = template || starts_with_ignore_case(rest, " ipsum");
                } else if k == pack(b"insert") {
                    template =
                        template || matches!(title[..start].bytes().last(), Some(b'<' | b'['));
                }
            }
            if word.len() > 4 || !STOPWORD_KEYS.contains(key) {
                let h = word_hash(word);
                normal_hash = Some(normal_hash.unwrap_or(0).wrapping_add(h));
            }
        }
        let blank = [from_x_to_y, blank_word, blank_amount, template]
            .iter()
            .position(|b| *b)
            .map_or(0, |i| i as u8 + 1);
        Features {
            // A sum of exactly 0 is taken as 1, so that 0 can mean "no words".
            hash: normal_hash.map_or(0, |h| h.max(1)),
            has_number: number,
            outcome_clause: later_outcome && number,
            activity: activity_verb
                .and_then(|v| ACTIVITY_VERBS.iter().position(|a| *a == v))
                .map_or(0, |i| i as u8 + 1),
            blank,
        }
    }

    /// An activity with no measured result named beside it.
    pub fn is_activity(&self) -> bool {
        self.activity != 0 && !self.outcome_clause
    }
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
            None,
            "a lone X is a name, not a blank"
        );
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
