//! "Did you mean …?": the known name closest to one that is not known (a misspelt field,
//! rule or setting), when one is close enough to be the likely intent.

/// The candidate most like `word`, if it is close: Jaro–Winkler similarity of at least
/// 0.8, which catches a dropped, doubled or swapped letter (`targt`, `targett`,
/// `tilte`) and a differing case, but not an unrelated word of similar length.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let near = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_ascii_lowercase()), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c);
    // A name missing its prefix (`type` for CSV's `kr_type`): the first candidate that
    // is the word behind a `prefix_`.
    near.or_else(|| {
        let suffix = format!("_{word}");
        candidates
            .into_iter()
            .find(|c| c.to_ascii_lowercase().ends_with(&suffix))
    })
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn near_misses_are_suggested_and_strangers_are_not() {
        let fields = [
            "id",
            "title",
            "type",
            "start",
            "target",
            "threshold",
            "weight",
        ];
        assert_eq!(closest("targt", fields), Some("target"));
        assert_eq!(closest("targett", fields), Some("target"));
        assert_eq!(closest("tilte", fields), Some("title"));
        assert_eq!(closest("Weight", fields), Some("weight"));
        assert_eq!(closest("colour", fields), None);
        assert_eq!(closest("x", fields), None);
        assert_eq!(
            closest("type", ["objective_type", "kr_type"]),
            Some("objective_type")
        );
        assert_eq!(closest("kind", ["objective_type", "kr_type"]), None);
    }
}
