use crate::lint::context::Context;
use crate::lint::context::KrPath;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use crate::lint::text::normal_form;
use foldhash::HashMap;

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
        // The first key result with each normal form, by hash; distinct forms whose
        // hashes collide (a vanishing case) wait in `collided`.
        let mut seen: HashMap<u64, First<'_>> = HashMap::default();
        let mut collided: Vec<(u64, First<'_>)> = Vec::new();
        for (i, h, _, k, path) in cx.key_results() {
            let Some(hash) = cx.kr_text(h).normal_hash() else {
                continue;
            };
            let this = First {
                objective: i,
                id: &k.id,
                title: &k.title,
                path,
            };
            let Some(first) = seen.get(&hash) else {
                seen.insert(hash, this);
                continue;
            };
            let form = normal_form(&k.title);
            let same = std::iter::once(first)
                .chain(collided.iter().filter(|c| c.0 == hash).map(|c| &c.1))
                .find(|f| normal_form(f.title) == form);
            match same {
                Some(first) if first.objective != i => {
                    out.push(Finding::new(
                        format!("{path}.title"),
                        vec![k.id.clone(), first.id.to_owned()],
                        format!(
                            "key result `{}` repeats `{}` ({}): \"{}\"",
                            k.id, first.id, first.path, k.title
                        ),
                        "keep one and align or aggregate the other to it",
                    ));
                }
                Some(_) => {}
                None => collided.push((hash, this)),
            }
        }
    }
}

struct First<'a> {
    objective: usize,
    id: &'a str,
    title: &'a str,
    path: KrPath,
}
