//! Heuristics over OKR text, which is messy: numbers, activity verbs, placeholders,
//! business-as-usual wording, and a normal form for spotting duplicates.

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

/// The words of `text` as slices of it (no allocation), split on anything but letters,
/// digits and `% $ .`, with trailing dots dropped.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '%' && c != '$' && c != '.')
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
}

/// The words of `text`, lower-cased.
pub fn words(text: &str) -> Vec<String> {
    tokens(text).map(str::to_lowercase).collect()
}

fn is_number_word(w: &str) -> bool {
    NUMBER_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n))
}

/// Whether the text states a quantity: a digit, a percent or currency sign, or a number word.
pub fn has_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit() || c == '%') || tokens(text).any(is_number_word)
}

/// Whether `word` is `verb` or one of its simple inflections (launches, launched).
fn inflects(word: &str, verb: &str) -> bool {
    let w = word.as_bytes();
    let v = verb.as_bytes();
    if w.len() < v.len() || !w[..v.len()].eq_ignore_ascii_case(v) {
        return false;
    }
    let rest = &word[v.len()..];
    rest.is_empty()
        || rest.eq_ignore_ascii_case("s")
        || rest.eq_ignore_ascii_case("es")
        || rest.eq_ignore_ascii_case("ed")
        || rest.eq_ignore_ascii_case("d")
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
    let first = tokens(text).next()?;
    ACTIVITY_VERBS.iter().copied().find(|v| inflects(first, v))
}

/// Whether, after its opening verb, the text also names a measured result ("…and
/// convert 5% of visitors"), which makes it an outcome with a delivery attached.
pub fn has_outcome_clause(text: &str) -> bool {
    let later_outcome = tokens(text).skip(1).any(|x| {
        OUTCOME_VERBS.iter().any(|v| {
            x.len() >= v.len() && x.as_bytes()[..v.len()].eq_ignore_ascii_case(v.as_bytes())
        })
    });
    later_outcome && has_number(text)
}

/// Placeholder text left in a plan: "from X to Y", "$N", "N%", "TBD".
pub fn placeholder(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if lower.contains("from x to y") || lower.contains("from x% to y%") {
        return Some("from X to Y");
    }
    if tokens(text).any(|x| {
        ["tbd", "tbc", "tk", "xxx"]
            .iter()
            .any(|p| x.eq_ignore_ascii_case(p))
    }) || lower.contains("???")
    {
        return Some("TBD");
    }
    let blank = |t: &str| {
        let t = t.trim_matches(|c: char| ",.;:()".contains(c));
        matches!(t, "$N" | "$X" | "$XX" | "$NN" | "N%" | "X%" | "XX%" | "NN%")
    };
    if text.split_whitespace().any(blank) {
        return Some("$N / N%");
    }
    if lower.contains("lorem ipsum") || lower.contains("<insert") || lower.contains("[insert") {
        return Some("template text");
    }
    None
}

/// Wording of keeping things as they are.
pub fn business_as_usual(text: &str) -> Option<String> {
    let first = tokens(text).next()?;
    [
        "maintain", "keep", "continue", "sustain", "preserve", "uphold",
    ]
    .iter()
    .find(|v| first.eq_ignore_ascii_case(v))
    .map(|v| (*v).to_owned())
}

const STOPWORDS: [&str; 16] = [
    "the", "a", "an", "of", "to", "for", "and", "in", "on", "by", "our", "with", "from", "at",
    "all", "new",
];

/// A normal form of a title for spotting near-identical ones: lower case, punctuation
/// and filler words dropped, words sorted.
pub fn normal_form(text: &str) -> String {
    let mut w: Vec<String> = words(text)
        .into_iter()
        .filter(|x| !STOPWORDS.contains(&x.as_str()))
        .collect();
    w.sort();
    w.join(" ")
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
