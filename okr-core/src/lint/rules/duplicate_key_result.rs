use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule, ids};
use crate::lint::text::normal_form;

declare_rule! {
    /// ## What it does
    /// Flags key results in different objectives whose titles are the same once case,
    /// punctuation, filler words and word order are set aside.
    ///
    /// ## Why is this bad?
    /// Two teams measuring the same thing separately either duplicate work or will argue about
    /// whose number it is. If they share it, say so by aligning or aggregating.
    ///
    /// ## Example
    /// "Sign 15 new DACH customers" in both the sales team's and the marketing team's
    /// objectives.
    ///
    /// ## Use instead
    /// Keep one key result and align the other objective to it, or use an `aggregate`.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Sources
    /// The seeds (overlap between teams); Viva Goals alerts.
    pub struct DuplicateKeyResult { code: "OKR209", name: "duplicate-key-result", category: Advice }
}

impl Rule for DuplicateKeyResult {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // Titled key results by (normal-form hash, handle), sorted: titles with the same
        // normal form end up side by side, in document order. Most titles are unique,
        // so first a bitmap (16 bits per title, cache-sized) keeps only the hashes that
        // may repeat; sorting those few pairs is cheaper than sorting all of them or a
        // hash table keyed by every title.
        let count = cx.key_result_count();
        let hashes = || (0..count).filter_map(|h| Some((cx.kr_text(h).normal_hash()?, h)));
        let shift = 64 - (count.max(4) * 16).next_power_of_two().trailing_zeros();
        let mut seen = Bits::new(1 << (64 - shift));
        let mut again = Bits::new(1 << (64 - shift));
        for (hash, _) in hashes() {
            let bit = (hash >> shift) as usize;
            if seen.get(bit) {
                again.set(bit);
            }
            seen.set(bit);
        }
        let mut by_hash: Vec<(u64, usize)> = hashes()
            .filter(|(hash, _)| again.get((hash >> shift) as usize))
            .collect();
        by_hash.sort_unstable();
        for run in by_hash.chunk_by(|a, b| a.0 == b.0) {
            if run.len() < 2 {
                continue;
            }
            // Equal hashes almost always mean equal forms; the text decides.
            let mut forms: Vec<(String, usize)> = run
                .iter()
                .map(|&(_, h)| (normal_form(&cx.key_result(h).1.title), h))
                .collect();
            forms.sort();
            for same in forms.chunk_by(|a, b| a.0 == b.0) {
                let (first_objective, first) = cx.key_result(same[0].1);
                let first_path = cx.kr_path(same[0].1);
                for &(_, h) in &same[1..] {
                    let (i, k) = cx.key_result(h);
                    if i == first_objective {
                        continue;
                    }
                    let path = cx.kr_path(h);
                    out.push(Finding::new(
                        path.field("title"),
                        ids([&k.id, &first.id]),
                        format!(
                            "key result `{}` repeats `{}` ({first_path}): \"{}\"",
                            k.id, first.id, k.title
                        ),
                        "keep one and align or aggregate the other to it",
                    ));
                }
            }
        }
    }
}

/// A fixed set of bits.
struct Bits(Vec<u64>);

impl Bits {
    fn new(bits: usize) -> Bits {
        Bits(vec![0; bits.div_ceil(64)])
    }

    fn get(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }

    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
}
