use crate::lint::context::Context;
use crate::lint::context::KrPath;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use std::collections::HashMap;

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
        let mut seen: HashMap<&str, (usize, &str, KrPath)> = HashMap::new();
        for (i, h, _, k, path) in cx.key_results() {
            let form = cx.kr_text(h).normal_form.as_str();
            if form.is_empty() {
                continue;
            }
            match seen.get(&form) {
                Some((first_objective, first_id, first_path)) if *first_objective != i => {
                    out.push(Finding::new(
                        format!("{path}.title"),
                        vec![k.id.clone(), (*first_id).to_owned()],
                        format!(
                            "key result `{}` repeats `{first_id}` ({first_path}): \"{}\"",
                            k.id, k.title
                        ),
                        "keep one and align or aggregate the other to it",
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(form, (i, k.id.as_str(), path));
                }
            }
        }
    }
}
