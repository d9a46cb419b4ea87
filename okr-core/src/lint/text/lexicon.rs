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

/// Verbs that name a change in a result; a word starting with one counts (reduces,
/// increasing).
pub(super) const OUTCOME_VERBS: [&str; 23] = [
    "convert", "increase", "reduce", "raise", "grow", "cut", "lift", "reach", "achieve", "lower",
    "double", "triple", "halve", "win", "retain", "sign", "acquire", "save", "earn", "drive",
    "decrease", "improve", "close",
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
/// [`OUTCOME_VERBS`], as whole words.
pub(super) const OUTCOME: Class = 1 << 22;

/// 1 + the index in [`ACTIVITY_VERBS`] of the verb a class names, or 0.
pub(super) const fn activity(class: Class) -> u8 {
    (class >> 24) as u8
}

/// Several times the words listed, so that a word not listed (most words of a title)
/// is told apart by its first probe, without a loop that mispredicts.
const SLOTS: usize = 4096;

/// Slots of the table of longer words, looked up by their first 8 bytes.
const LONG_SLOTS: usize = 512;

/// An open-addressing table from packed lower-case words of up to 8 bytes to their
/// [`Class`]. Key 0 marks an empty slot (no word packs to 0).
pub(super) struct Lexicon<const N: usize> {
    keys: [u64; N],
    classes: [Class; N],
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

/// The class of a word of more than 8 bytes: the lists it is in, as itself or with a
/// plural `s` ("customers" is listed; "documentation" is not "documented").
pub(super) fn long_class(prefix: u64, word: &str) -> Class {
    let mut class = 0;
    let mut slot = LONG_LEXICON.slot(prefix);
    // Every long word sharing these 8 bytes sits in the probe run from here.
    while LONG_LEXICON.keys[slot] != 0 {
        if LONG_LEXICON.keys[slot] == prefix {
            let (listed, c) = LONG_WORDS[LONG_LEXICON.classes[slot] as usize - 1];
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
    (&OUTCOME_VERBS, OUTCOME),
];

impl Lexicon<LONG_SLOTS> {
    /// The words of more than 8 bytes from [`LISTS`], under their first 8 bytes: a
    /// word read is in a list when it starts as one listed word does ("customers",
    /// "published", "conversions").
    const fn build_long() -> Lexicon<LONG_SLOTS> {
        let mut t = Lexicon {
            keys: [0; LONG_SLOTS],
            classes: [0; LONG_SLOTS],
        };
        let mut i = 0;
        while i < LONG_WORDS.len() {
            // One slot per word, even when two share their first 8 bytes.
            let key = pack(LONG_WORDS[i].0.as_bytes());
            let mut slot = (mix(key) >> (64 - LONG_SLOTS.trailing_zeros())) as usize;
            while t.keys[slot] != 0 {
                slot = (slot + 1) % LONG_SLOTS;
            }
            t.keys[slot] = key;
            t.classes[slot] = (i + 1) as Class;
            i += 1;
        }
        t
    }
}

impl Lexicon<SLOTS> {
    const fn build() -> Lexicon<SLOTS> {
        let mut t = Lexicon {
            keys: [0; SLOTS],
            classes: [0; SLOTS],
        };
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

impl<const N: usize> Lexicon<N> {
    const fn add(&mut self, key: u64, class: Class) {
        let slot = self.slot(key);
        self.keys[slot] = key;
        self.classes[slot] |= class;
    }

    /// The slot holding `key`, or the empty one where it would go.
    const fn slot(&self, key: u64) -> usize {
        let mut slot = (mix(key) >> (64 - N.trailing_zeros())) as usize;
        while self.keys[slot] != 0 && self.keys[slot] != key {
            slot = (slot + 1) % N;
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

pub(super) static LEXICON: Lexicon<SLOTS> = Lexicon::build();

/// See [`Lexicon::build_long`].
pub(super) static LONG_LEXICON: Lexicon<LONG_SLOTS> = Lexicon::build_long();

/// [`OUTCOME_VERBS`] packed, with a mask of each one's length, and that length.
pub(super) const OUTCOME_PREFIXES: [(u64, u64, usize); OUTCOME_VERBS.len()] = {
    let mut out = [(0u64, 0u64, 0usize); OUTCOME_VERBS.len()];
    let mut i = 0;
    while i < OUTCOME_VERBS.len() {
        let v = OUTCOME_VERBS[i].as_bytes();
        assert!(v.len() <= 8);
        out[i] = (pack(v), u64::MAX >> (8 * (8 - v.len())), v.len());
        i += 1;
    }
    out
};

/// Whether `word`, whose first 8 bytes lower-cased are `prefix`, is a form of an
/// outcome verb: the verb or the verb with one of the endings -s, -es, -ed, -d, -n
/// ("reduces", "reduced", "grown"), not a longer word that starts with one ("signals",
/// "improvements", "driver").
pub(super) fn is_outcome_verb_form(prefix: u64, word: &str) -> bool {
    OUTCOME_PREFIXES.iter().any(|&(verb, mask, n)| {
        prefix & mask == verb
            && word.get(n..).is_some_and(|rest| {
                matches!(
                    rest,
                    "" | "s" | "es" | "ed" | "d" | "n" | "S" | "ES" | "ED" | "D" | "N"
                )
            })
    })
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
                    let found = activity(LEXICON.class(pack(word.as_bytes())));
                    assert_eq!(found.checked_sub(1).map(usize::from), expected, "{word}");
                } else {
                    assert!(expected.is_some_and(|e| e <= v), "{word}");
                }
            }
        }
    }
}
