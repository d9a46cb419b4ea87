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

/// Verbs that name work to do (outputs) rather than a result. A key result that opens
/// with one is an activity unless it also states a measured result.
pub const ACTIVITY_VERBS: [&str; 184] = [
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
    "add",
    "establish",
    "track",
    "identify",
    "train",
    "post",
    "review",
    "onboard",
    "renegotiate",
    "negotiate",
    "host",
    "document",
    "update",
    "upgrade",
    "refactor",
    "rewrite",
    "integrate",
    "automate",
    "fix",
    "resolve",
    "enable",
    "provide",
    "ensure",
    "obtain",
    "book",
    "register",
    "schedule",
    "record",
    "send",
    "email",
    "call",
    "visit",
    "interview",
    "research",
    "investigate",
    "explore",
    "evaluate",
    "assess",
    "audit",
    "prototype",
    "pilot",
    "validate",
    "verify",
    "benchmark",
    "monitor",
    "select",
    "decide",
    "agree",
    "finalize",
    "finalise",
    "collect",
    "gather",
    "compile",
    "produce",
    "generate",
    "export",
    "install",
    "configure",
    "connect",
    "embed",
    "expose",
    "display",
    "present",
    "demo",
    "submit",
    "apply",
    "sponsor",
    "recruit",
    "mentor",
    "coach",
    "teach",
    "read",
    "give",
    "share",
    "announce",
    "promote",
    "translate",
    "localize",
    "localise",
    "redesign",
    "revamp",
    "rework",
    "refresh",
    "revise",
    "clean",
    "remove",
    "delete",
    "deprecate",
    "retire",
    "replace",
    "move",
    "consolidate",
    "standardize",
    "standardise",
    "formalize",
    "outline",
    "map",
    "scope",
    "specify",
    "prioritize",
    "coordinate",
    "facilitate",
    "arrange",
    "purchase",
    "buy",
    "procure",
    "open",
    "start",
    "begin",
    "initiate",
    "execute",
    "perform",
    "do",
    "go",
    "have",
    "get",
    "pick",
    "join",
    "use",
    "enforce",
    "support",
    "expand",
    "digitise",
    "digitize",
    "replatform",
    "refit",
    "rightsize",
    "tag",
    "label",
    "patch",
    "rotate",
    "backport",
    "triage",
    "survey",
    "distribute",
    "exhibit",
    "film",
    "listen",
    "eat",
    "streamline",
    "decommission",
    "carry",
    "align",
    "adopt",
    "externalize",
    "keep",
    "answer",
];

/// Light verbs: an opening one is an activity only when nothing after it names a
/// change ("Make the app faster" is an outcome without a measure, not a task).
pub(super) const LIGHT_VERBS: [&str; 6] = ["make", "get", "have", "keep", "do", "go"];

/// Endings that make an inflection of a verb (launches, launched), tried in this order.
pub(super) const INFLECTIONS: [&str; 5] = ["", "s", "es", "ed", "d"];

/// Verbs that name a change in a result, and their forms, as whole words: a title's words are looked up
/// once each, where testing each word against each verb's prefix cost a loop per word
/// (and read "signals" as "sign", "driver" as "drive").
pub(super) const OUTCOME_FORMS: [&str; 71] = [
    "achieve",
    "achieved",
    "achieves",
    "acquire",
    "acquired",
    "acquires",
    "close",
    "closed",
    "closes",
    "convert",
    "converted",
    "converts",
    "cut",
    "cuts",
    "cutting",
    "decrease",
    "decreased",
    "decreases",
    "double",
    "doubled",
    "doubles",
    "drive",
    "driven",
    "drives",
    "drove",
    "earn",
    "earned",
    "earns",
    "grew",
    "grow",
    "grown",
    "grows",
    "halve",
    "halved",
    "halves",
    "improve",
    "improved",
    "improves",
    "increase",
    "increased",
    "increases",
    "lift",
    "lifted",
    "lifts",
    "lower",
    "lowered",
    "lowers",
    "raise",
    "raised",
    "raises",
    "reach",
    "reached",
    "reaches",
    "reduce",
    "reduced",
    "reduces",
    "retain",
    "retained",
    "retains",
    "save",
    "saved",
    "saves",
    "sign",
    "signed",
    "signs",
    "triple",
    "tripled",
    "triples",
    "win",
    "wins",
    "won",
];

/// Filler words a normal form leaves out.
pub(super) const STOPWORDS: [&str; 16] = [
    "the", "a", "an", "of", "to", "for", "and", "in", "on", "by", "our", "with", "from", "at",
    "all", "new",
];

/// Words written in place of a value still to be decided.
pub(super) const BLANK_WORDS: [&str; 6] = ["tbd", "tbc", "tba", "tk", "xxx", "zzz"];

/// Verbs of keeping things as they are.
pub(super) const BAU_VERBS: [&str; 8] = [
    "maintain", "keep", "continue", "sustain", "preserve", "uphold", "stay", "remain",
];

/// Words that open a key result before its verb ("We will launch", "Successfully
/// deliver"), skipped when looking for the opening verb.
pub(super) const OPENERS: [&str; 12] = [
    "we",
    "will",
    "i",
    "to",
    "successfully",
    "fully",
    "also",
    "must",
    "shall",
    "should",
    "finally",
    "then",
];

/// Words that say a change without a number: comparatives and "improved".
const CHANGE_WORDS: [&str; 34] = [
    "better",
    "more",
    "less",
    "fewer",
    "faster",
    "slower",
    "happier",
    "higher",
    "lower",
    "improved",
    "stronger",
    "easier",
    "cheaper",
    "quicker",
    "greater",
    "larger",
    "smaller",
    "safer",
    "healthier",
    "reduced",
    "increased",
    "simpler",
    "clearer",
    "shorter",
    "longer",
    "bigger",
    "best",
    "again",
    "painless",
    "energetic",
    "satisfied",
    "valued",
    "aware",
    "confident",
];

/// Words that make a clause of a title ("Customers love…", "The app is…"): a title
/// with one is a statement, not a bare noun phrase naming a deliverable.
const CLAUSE_VERBS: [&str; 77] = [
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "will", "do", "does",
    "love", "loves", "feel", "feels", "find", "finds", "see", "sees", "know", "knows", "trust",
    "trusts", "prefer", "prefers", "value", "values", "talk", "talks", "say", "says", "use",
    "uses", "choose", "chooses", "rate", "rates", "think", "want", "wants", "need", "needs",
    "like", "likes", "come", "comes", "stay", "stays", "buy", "buys", "pay", "pays", "leave",
    "leaves", "get", "gets", "meet", "meets", "go", "goes", "enjoy", "enjoys", "become", "let",
    "stop", "turn", "bring", "put", "break", "prove", "fund", "catch", "pass", "passes", "earn",
];

/// Words that say a piece of work is done or a thing exists: a title built on one and
/// no measure ("The API spec exists and is complete", "Pipeline automated") names a
/// deliverable.
const STATE_WORDS: [&str; 62] = [
    "live",
    "available",
    "ready",
    "complete",
    "completed",
    "done",
    "exists",
    "exist",
    "supports",
    "describes",
    "functional",
    "operational",
    "enabled",
    "signed",
    "approved",
    "agreed",
    "finalized",
    "finalised",
    "polished",
    "optimized",
    "optimised",
    "automated",
    "published",
    "released",
    "launched",
    "shipped",
    "deployed",
    "migrated",
    "installed",
    "documented",
    "implemented",
    "delivered",
    "integrated",
    "configured",
    "rolled",
    "updated",
    "upgraded",
    "built",
    "created",
    "written",
    "defined",
    "established",
    "introduced",
    "merged",
    "replaced",
    "removed",
    "retired",
    "decommissioned",
    "translated",
    "localized",
    "localised",
    "redesigned",
    "added",
    "fixed",
    "resolved",
    "covers",
    "includes",
    "place",
    "free",
    "parity",
    "setup",
    "finished",
];

/// Words for a kind of thing a count of is a result (customers won, users active), as
/// against a count of work (posts written, sessions held).
const RESULT_NOUNS: [&str; 33] = [
    "customers",
    "customer",
    "users",
    "user",
    "clients",
    "accounts",
    "signups",
    "subscribers",
    "members",
    "donors",
    "installs",
    "downloads",
    "visitors",
    "visits",
    "readers",
    "followers",
    "hires",
    "citations",
    "deals",
    "patients",
    "students",
    "children",
    "people",
    "bakeries",
    "buyers",
    "shoppers",
    "learners",
    "players",
    "tenants",
    "sellers",
    "orders",
    "renewals",
    "referrals",
];

/// Units of time: a number followed by one is a duration ("under 10 seconds", "within
/// 24 hours", "2–3 days ahead").
pub(super) const TIME_UNITS: [&str; 20] = [
    "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hour",
    "hours", "hrs", "day", "days", "week", "weeks", "month", "months", "years",
];

/// Words that put a number against a bound ("under 10 seconds", "more than 500").
pub(super) const BOUND_WORDS: [&str; 8] = [
    "under", "below", "above", "over", "than", "within", "beyond", "max",
];

/// Words that state a quantity or coverage without a digit.
const QUANTITY_WORDS: [&str; 15] = [
    "zero", "no", "none", "every", "all", "always", "never", "each", "halved", "doubled",
    "tripled", "tenfold", "percent", "nobody", "everyone",
];

/// Words a change is measured by even without a digit ("halve", "double").
const CHANGE_MEASURES: [&str; 13] = [
    "double", "doubled", "halve", "halved", "half", "triple", "tripled", "tenfold", "thirds",
    "zero", "none", "always", "never",
];

/// Names of metrics used as objectives ("Grow net ARR", "Improve NPS").
const KPI_WORDS: [&str; 36] = [
    "arr",
    "mrr",
    "iacv",
    "acv",
    "nps",
    "csat",
    "churn",
    "revenue",
    "bookings",
    "dau",
    "mau",
    "cac",
    "ltv",
    "gmv",
    "arpu",
    "arpa",
    "ebitda",
    "margin",
    "margins",
    "profit",
    "mqls",
    "mql",
    "sqls",
    "sql",
    "leads",
    "uptime",
    "latency",
    "mttr",
    "headcount",
    "signups",
    "conversion",
    "retention",
    "sales",
    "cogs",
    "trials",
    "activations",
];

/// Words that carry no specifics in an objective: praise, generic nouns and verbs. An
/// objective made of these alone says nothing ("Build a better product").
const GENERIC_WORDS: [&str; 100] = [
    "better",
    "best",
    "great",
    "good",
    "more",
    "improve",
    "improved",
    "increase",
    "drive",
    "grow",
    "growth",
    "build",
    "make",
    "be",
    "become",
    "do",
    "take",
    "next",
    "level",
    "world",
    "class",
    "excellence",
    "excellent",
    "awesome",
    "amazing",
    "quality",
    "efficiency",
    "efficient",
    "effective",
    "optimize",
    "optimise",
    "process",
    "processes",
    "things",
    "stuff",
    "stable",
    "future",
    "proof",
    "success",
    "successful",
    "performance",
    "culture",
    "product",
    "products",
    "business",
    "team",
    "company",
    "work",
    "operational",
    "operations",
    "everything",
    "it",
    "health",
    "healthy",
    "healthier",
    "secure",
    "innovation",
    "innovative",
    "strategic",
    "strategy",
    "impact",
    "value",
    "results",
    "delightful",
    "exceptional",
    "outstanding",
    "superior",
    "top",
    "leading",
    "driven",
    "focus",
    "focused",
    "improvement",
    "services",
    "service",
    "core",
    "stability",
    "readiness",
    "experience",
    "optimization",
    "advanced",
    "features",
    "platform",
    "maturity",
    "scale",
    "confident",
    "current",
    "role",
    "my",
    "i",
    "us",
    "we",
    "again",
    "goals",
    "is",
    "net",
    "gross",
    "total",
    "average",
    "overall",
];

/// Months, whose neighbouring numbers are days and years, not metrics.
pub(super) const MONTHS: [&str; 23] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
];

/// Words after which a number is a name, a version or a time, not a measure ("the
/// 8080", "v 3", "Q3", "week 6").
pub(super) const NAME_BEFORE_NUMBER: [&str; 11] = [
    "the", "version", "v", "release", "model", "week", "sprint", "phase", "wave", "step", "level",
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

/// The hash of a packed word of up to 8 bytes: [`mix`] of the word and its length, as
/// a title's normal hash adds it up, so that one multiply per word serves both the
/// lookup and the hash.
pub(super) const fn word_mix(key: u64) -> u64 {
    let len = (64 - key.leading_zeros() as u64).div_ceil(8);
    mix(len ^ key)
}

/// A 64-bit mix of a packed word (a folded multiply, as foldhash does).
pub(super) const fn mix(key: u64) -> u64 {
    let m = (key ^ 0x243f_6a88_85a3_08d3) as u128 * 0x9e37_79b9_7f4a_7c15;
    (m as u64) ^ ((m >> 64) as u64)
}

/// What a word is to the heuristics: bits for the lists it is in, and in the high byte
/// 1 + the index of the activity verb it inflects (0 for none).
pub(super) type Class = u32;
pub(super) const NUMBER: Class = 1 << 0;
pub(super) const STOPWORD: Class = 1 << 1;
pub(super) const BLANK: Class = 1 << 2;
/// The words that open a placeholder phrase: "from (X to Y)", "lorem (ipsum)",
/// "<insert …>".
pub(super) const FROM: Class = 1 << 3;
pub(super) const LOREM: Class = 1 << 4;
pub(super) const INSERT: Class = 1 << 5;
/// [`OPENERS`].
pub(super) const OPENER: Class = 1 << 6;
/// [`CHANGE_WORDS`].
pub(super) const CHANGE: Class = 1 << 7;
/// [`CLAUSE_VERBS`].
pub(super) const CLAUSE: Class = 1 << 8;
/// [`STATE_WORDS`].
pub(super) const STATE: Class = 1 << 9;
/// [`RESULT_NOUNS`].
pub(super) const RESULT: Class = 1 << 10;
/// [`TIME_UNITS`].
pub(super) const TIME: Class = 1 << 11;
/// [`BOUND_WORDS`].
pub(super) const BOUND: Class = 1 << 12;
/// [`QUANTITY_WORDS`] and [`NUMBER_WORDS`].
pub(super) const QUANTITY: Class = 1 << 13;
/// [`CHANGE_MEASURES`].
pub(super) const MEASURE: Class = 1 << 14;
/// [`KPI_WORDS`].
pub(super) const KPI: Class = 1 << 15;
/// [`GENERIC_WORDS`].
pub(super) const GENERIC: Class = 1 << 16;
/// [`MONTHS`].
pub(super) const MONTH: Class = 1 << 17;
/// [`NAME_BEFORE_NUMBER`].
pub(super) const NAME: Class = 1 << 18;
/// [`BAU_VERBS`].
pub(super) const BAU: Class = 1 << 19;
/// Words that may start a "still to be decided" phrase: "(to) be", "baseline".
pub(super) const UNDECIDED: Class = 1 << 20;
/// [`LIGHT_VERBS`].
pub(super) const LIGHT: Class = 1 << 21;
/// [`OUTCOME_FORMS`].
pub(super) const OUTCOME: Class = 1 << 22;
/// Words that may open a phrase of upkeep (`BAU_PHRASES` in the module above).
pub(super) const UPKEEP: Class = 1 << 23;

/// 1 + the index in [`ACTIVITY_VERBS`] of the verb a class names, or 0.
pub(super) const fn activity(class: Class) -> u8 {
    (class >> 24) as u8
}

/// Buckets of the table every word of a title is looked up in: twice as many places
/// as words listed, so that a bucket is rarely full and a word not listed (most words
/// of a title) is told apart by one bucket, compared without a branch per place. At
/// 8 KB the table stays in the first-level cache while a plan is read.
const BUCKETS: usize = 256;

/// Buckets of the table of activity verbs' forms, looked up once per title.
const ACTIVITY_BUCKETS: usize = 512;

/// Places per bucket: 4 keys of 8 bytes, half a cache line.
const WAYS: usize = 4;

/// Slots of the table of longer words, looked up by their first 8 bytes.
const LONG_SLOTS: usize = 512;

/// A hash table from packed lower-case words of up to 8 bytes to their [`Class`], in
/// `B` buckets of [`WAYS`]: a word is in the bucket its hash names, or, when that bucket
/// is full, in the next one with room. A place holds 32 bits of the word's hash (other
/// bits than those naming the bucket), never 0, which marks an empty place: two words
/// are taken as one only if 40 or more bits of their hashes agree.
pub(super) struct Lexicon<const B: usize> {
    keys: [[u32; WAYS]; B],
    classes: [[Class; WAYS]; B],
}

/// The table of words longer than 8 bytes by their first 8 bytes (several words may
/// share them), probed linearly. Key 0 marks an empty slot.
pub(super) struct LongTable {
    keys: [u64; LONG_SLOTS],
    /// 1 + the index in [`LONG_WORDS`].
    index: [u16; LONG_SLOTS],
}

/// Words of more than 8 bytes from [`LISTS`] with their class, looked up by their
/// first 8 bytes in [`LONG_LEXICON`] (whose class is the index here, plus one) and
/// then compared whole.
const LONG_WORDS: [(&str, Class); long_count()] = {
    let mut out = [("", 0 as Class); long_count()];
    let mut n = 0;
    let mut l = 0;
    while l < LISTS.len() {
        let (words, class) = LISTS[l];
        let mut i = 0;
        while i < words.len() {
            if words[i].len() > 8 {
                out[n] = (words[i], class);
                n += 1;
            }
            i += 1;
        }
        l += 1;
    }
    out
};

const fn long_count() -> usize {
    let mut n = 0;
    let mut l = 0;
    while l < LISTS.len() {
        let mut i = 0;
        while i < LISTS[l].0.len() {
            if LISTS[l].0[i].len() > 8 {
                n += 1;
            }
            i += 1;
        }
        l += 1;
    }
    n
}

/// The first two letters of the words in [`LONG_WORDS`], as bits of a 26 × 26 set.
const LONG_STARTS: [u64; 11] = {
    let mut set = [0u64; 11];
    let mut i = 0;
    while i < LONG_WORDS.len() {
        let w = LONG_WORDS[i].0.as_bytes();
        let pair = (w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize;
        set[pair / 64] |= 1 << (pair % 64);
        i += 1;
    }
    set
};

/// Whether a word of more than 8 bytes whose first 8, lower-cased, are `prefix` may be
/// in [`LONG_WORDS`], by its first two letters: most long words of a title are names.
#[inline]
pub(super) fn may_be_long_word(prefix: u64) -> bool {
    let (a, b) = (prefix as u8, (prefix >> 8) as u8);
    if !a.is_ascii_lowercase() || !b.is_ascii_lowercase() {
        return false;
    }
    let pair = usize::from(a - b'a') * 26 + usize::from(b - b'a');
    LONG_STARTS[pair / 64] >> (pair % 64) & 1 == 1
}

/// The class of a word of more than 8 bytes: the lists it is in, as itself or with a
/// plural `s` ("customers" is listed; "documentation" is not "documented").
pub(super) fn long_class(prefix: u64, word: &str) -> Class {
    let mut class = 0;
    let mut slot = LongTable::home(prefix);
    // Every long word sharing these 8 bytes sits in the probe run from here.
    while LONG_LEXICON.keys[slot] != 0 {
        if LONG_LEXICON.keys[slot] == prefix {
            let (listed, c) = LONG_WORDS[usize::from(LONG_LEXICON.index[slot]) - 1];
            let stem = word.strip_suffix(['s', 'S']).unwrap_or(word);
            if listed.eq_ignore_ascii_case(word) || listed.eq_ignore_ascii_case(stem) {
                class |= c;
            }
        }
        slot = (slot + 1) % LONG_SLOTS;
    }
    class
}

/// The lists of words by class, in one place for both tables.
const LISTS: [(&[&str], Class); 19] = [
    (&NUMBER_WORDS, NUMBER | QUANTITY),
    (&STOPWORDS, STOPWORD),
    (&BLANK_WORDS, BLANK),
    (&OPENERS, OPENER),
    (&CHANGE_WORDS, CHANGE),
    (&CLAUSE_VERBS, CLAUSE),
    (&STATE_WORDS, STATE),
    (&RESULT_NOUNS, RESULT),
    (&TIME_UNITS, TIME),
    (&BOUND_WORDS, BOUND),
    (&QUANTITY_WORDS, QUANTITY),
    (&CHANGE_MEASURES, MEASURE | QUANTITY),
    (&KPI_WORDS, KPI),
    (&GENERIC_WORDS, GENERIC),
    (&MONTHS, MONTH),
    (&NAME_BEFORE_NUMBER, NAME),
    (&BAU_VERBS, BAU),
    (&LIGHT_VERBS, LIGHT),
    (&OUTCOME_FORMS, OUTCOME),
];

impl LongTable {
    /// Where a probe for `key` starts.
    const fn home(key: u64) -> usize {
        (mix(key) >> (64 - LONG_SLOTS.trailing_zeros())) as usize
    }

    /// The words of more than 8 bytes from [`LISTS`], under their first 8 bytes: a
    /// word read is in a list when it starts as one listed word does ("customers",
    /// "published", "conversions").
    const fn build_long() -> LongTable {
        let mut t = LongTable {
            keys: [0; LONG_SLOTS],
            index: [0; LONG_SLOTS],
        };
        let mut i = 0;
        while i < LONG_WORDS.len() {
            // One slot per word, even when two share their first 8 bytes.
            let key = pack(LONG_WORDS[i].0.as_bytes());
            let mut slot = LongTable::home(key);
            while t.keys[slot] != 0 {
                slot = (slot + 1) % LONG_SLOTS;
            }
            t.keys[slot] = key;
            t.index[slot] = (i + 1) as u16;
            i += 1;
        }
        t
    }
}

impl Lexicon<BUCKETS> {
    const fn build() -> Lexicon<BUCKETS> {
        let mut t = Lexicon::EMPTY;
        let mut l = 0;
        while l < LISTS.len() {
            let (words, class) = LISTS[l];
            let mut i = 0;
            while i < words.len() {
                let w = words[i].as_bytes();
                if w.len() <= 8 {
                    t.add(pack(w), class);
                }
                i += 1;
            }
            l += 1;
        }
        t.add(pack(b"from"), FROM);
        t.add(pack(b"lorem"), LOREM);
        t.add(pack(b"insert"), INSERT);
        t.add(pack(b"be"), UNDECIDED);
        t.add(pack(b"baseline"), UNDECIDED);
        let mut i = 0;
        let upkeep: [&[u8]; 6] = [b"business", b"day", b"keep", b"ktlo", b"support", b"ensure"];
        while i < upkeep.len() {
            t.add(pack(upkeep[i]), UPKEEP);
            i += 1;
        }
        t
    }

    /// The inflections of [`ACTIVITY_VERBS`] of up to 8 bytes, each with 1 + the
    /// verb's index in the high byte. Only a title's opening word is looked up here,
    /// so the table the other words probe stays small enough for the first-level cache.
    const fn build_activity() -> Lexicon<ACTIVITY_BUCKETS> {
        let mut t = Lexicon::EMPTY;
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
                    if activity(t.get(key)) == 0 {
                        t.add(key, ((v + 1) as Class) << 24);
                    }
                }
                v += 1;
            }
            s += 1;
        }
        t
    }
}

impl<const B: usize> Lexicon<B> {
    const EMPTY: Lexicon<B> = Lexicon {
        keys: [[0; WAYS]; B],
        classes: [[0; WAYS]; B],
    };

    /// The bucket a key's hash names, and the bits of the hash a place holds.
    #[inline]
    const fn home(key: u64) -> (usize, u32) {
        Self::place(word_mix(key))
    }

    /// The bucket and the bits a place holds, from a word's [`word_mix`].
    #[inline]
    const fn place(h: u64) -> (usize, u32) {
        ((h >> (64 - B.trailing_zeros())) as usize, h as u32 | 1)
    }

    const fn add(&mut self, key: u64, class: Class) {
        let (mut b, fingerprint) = Self::home(key);
        loop {
            let mut w = 0;
            while w < WAYS {
                if self.keys[b][w] == fingerprint || self.keys[b][w] == 0 {
                    self.keys[b][w] = fingerprint;
                    self.classes[b][w] |= class;
                    return;
                }
                w += 1;
            }
            b = (b + 1) % B;
        }
    }

    /// [`Lexicon::class`] for building tables (a loop where the lookup has none).
    const fn get(&self, key: u64) -> Class {
        let (mut b, fingerprint) = Self::home(key);
        loop {
            let mut w = 0;
            while w < WAYS {
                if self.keys[b][w] == fingerprint {
                    return self.classes[b][w];
                }
                if self.keys[b][w] == 0 {
                    return 0;
                }
                w += 1;
            }
            b = (b + 1) % B;
        }
    }

    /// The class of a packed lower-case word (0 for a word in no list).
    #[inline]
    pub(super) fn class(&self, key: u64) -> Class {
        self.class_of_mix(word_mix(key))
    }

    /// The class of the word whose [`word_mix`] is `h`: its bucket's four places
    /// compared at once; the next bucket only when this one is full.
    #[inline]
    pub(super) fn class_of_mix(&self, h: u64) -> Class {
        let (mut b, fingerprint) = Self::place(h);
        loop {
            let (keys, classes) = (&self.keys[b], &self.classes[b]);
            let mut found = 0;
            for w in 0..WAYS {
                found |= classes[w] & (u32::from(keys[w] == fingerprint)).wrapping_neg();
            }
            if found != 0 || keys[WAYS - 1] == 0 {
                return found;
            }
            b = (b + 1) % B;
        }
    }
}

pub(super) static LEXICON: Lexicon<BUCKETS> = Lexicon::build();

/// See [`Lexicon::build_activity`].
pub(super) static ACTIVITY_LEXICON: Lexicon<ACTIVITY_BUCKETS> = Lexicon::build_activity();

/// See [`LongTable::build_long`].
pub(super) static LONG_LEXICON: LongTable = LongTable::build_long();

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
    fn no_two_listed_words_share_a_place() {
        let mut words: Vec<&str> = LISTS.iter().flat_map(|(w, _)| w.iter().copied()).collect();
        words.extend(["from", "lorem", "insert", "be", "baseline"]);
        words.retain(|w| w.len() <= 8);
        words.sort_unstable();
        words.dedup();
        let mut seen = std::collections::HashMap::new();
        for w in &words {
            let place = Lexicon::<BUCKETS>::home(pack(w.as_bytes()));
            if let Some(other) = seen.insert(place, *w) {
                panic!("{w} and {other} hash alike");
            }
        }
        let mut forms = std::collections::HashMap::new();
        for verb in ACTIVITY_VERBS {
            for ending in INFLECTIONS {
                let form = format!("{verb}{ending}");
                if form.len() <= 8 {
                    let place = Lexicon::<ACTIVITY_BUCKETS>::home(pack(form.as_bytes()));
                    if let Some(other) = forms.insert(place, form.clone()) {
                        assert_eq!(other, form, "{form} and {other} hash alike");
                    }
                }
            }
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
        assert_eq!(LEXICON.class(pack(b"grow")), GENERIC | OUTCOME);
        assert_eq!(LEXICON.class(pack(b"zebra")), 0);
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
                    let found = activity(ACTIVITY_LEXICON.class(pack(word.as_bytes())));
                    assert_eq!(found.checked_sub(1).map(usize::from), expected, "{word}");
                } else {
                    assert!(expected.is_some_and(|e| e <= v), "{word}");
                }
            }
        }
    }
}
