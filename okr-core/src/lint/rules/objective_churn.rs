use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use crate::lint::text::normal_form;
use foldhash::HashMap;
use std::collections::BTreeMap;

/// A unit's objective titles (with their normal-form hashes) per cycle, in cycle start
/// order.
type TitlesByCycle<'a> = BTreeMap<(Option<chrono::NaiveDate>, &'a str), Vec<(u64, &'a str)>>;

declare_rule! {
    /// ## What it does
    /// Flags a unit with objectives in at least `churn_min_cycles` cycles where no objective
    /// carries over from one cycle to the next (same title, once case and word order are set
    /// aside).
    ///
    /// ## Why is this bad?
    /// Replacing every objective every cycle usually means goals change before they can be
    /// reached; worthwhile objectives often take two or three cycles.
    ///
    /// ## Example
    /// A team with entirely new objectives in Q1, Q2 and Q3.
    ///
    /// ## Use instead
    /// Carry unfinished objectives into the next cycle instead of starting over.
    ///
    /// ## Options
    /// - `churn_min_cycles`: default 3.
    ///
    /// ## Sources
    /// The seeds (goals changed too often).
    pub struct ObjectiveChurn { code: "OKR503", name: "objective-churn", category: Advice }
}

impl Rule for ObjectiveChurn {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut by_unit: HashMap<&str, TitlesByCycle<'_>> = HashMap::default();
        for (i, o) in cx.plan.objectives.iter().enumerate() {
            let (Some(unit), Some(cycle)) = (o.unit.as_deref(), o.cycle.as_deref()) else {
                continue;
            };
            let hash = cx.objective_text(i).normal_hash().unwrap_or(0);
            let start = cx.cycles.get(cycle).and_then(|c| c.start);
            by_unit
                .entry(unit)
                .or_default()
                .entry((start, cycle))
                .or_default()
                .push((hash, &o.title));
        }
        let mut churned: Vec<(&str, usize)> = Vec::new();
        for (unit, mut cycles) in by_unit {
            if cycles.len() < cx.settings.churn_min_cycles {
                continue;
            }
            let mut lists: Vec<&mut Vec<(u64, &str)>> = cycles.values_mut().collect();
            let churn = (1..lists.len()).all(|n| {
                let (before, after) = lists.split_at_mut(n);
                !carries_over(before[n - 1], after[0])
            });
            if churn {
                churned.push((unit, lists.len()));
            }
        }
        churned.sort_unstable();
        for (unit, cycles) in churned {
            let i = cx.plan.units.iter().position(|u| u.id == unit);
            out.push(Finding::new(
                i.map(|i| format!("units[{i}]")).unwrap_or_default(),
                vec![unit.to_owned()],
                format!("unit `{unit}` replaced all its objectives in each of {cycles} cycles"),
                "carry unfinished objectives into the next cycle instead of starting over",
            ));
        }
    }
}

/// Whether an objective title of one cycle comes back in the next: the same hash, then
/// the same normal form. Both lists are sorted by hash here, so this is a merge.
fn carries_over(before: &mut [(u64, &str)], after: &mut [(u64, &str)]) -> bool {
    before.sort_unstable();
    after.sort_unstable();
    let (mut i, mut j) = (0, 0);
    while i < before.len() && j < after.len() {
        match before[i].0.cmp(&after[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let h = before[i].0;
                let run = |list: &[(u64, &str)], from: usize| {
                    list[from..].iter().take_while(|x| x.0 == h).count()
                };
                let (n, m) = (run(before, i), run(after, j));
                let same = before[i..i + n].iter().any(|(_, a)| {
                    after[j..j + m]
                        .iter()
                        .any(|(_, b)| normal_form(a) == normal_form(b))
                });
                if same {
                    return true;
                }
                i += n;
                j += m;
            }
        }
    }
    false
}
