use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule};
use crate::lint::text::normal_form;
use std::collections::{BTreeMap, HashSet};

/// A unit's objective titles (in normal form) per cycle, in cycle start order.
type TitlesByCycle<'a> = BTreeMap<(Option<chrono::NaiveDate>, &'a str), HashSet<String>>;

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
        let mut by_unit: BTreeMap<&str, TitlesByCycle<'_>> = BTreeMap::new();
        for o in &cx.plan.objectives {
            let (Some(unit), Some(cycle)) = (o.unit.as_deref(), o.cycle.as_deref()) else {
                continue;
            };
            let start = cx.cycles.get(cycle).and_then(|c| c.start);
            by_unit
                .entry(unit)
                .or_default()
                .entry((start, cycle))
                .or_default()
                .insert(normal_form(&o.title));
        }
        for (unit, cycles) in by_unit {
            if cycles.len() < cx.settings.churn_min_cycles {
                continue;
            }
            let sets: Vec<&HashSet<String>> = cycles.values().collect();
            if sets.windows(2).all(|w| w[0].is_disjoint(w[1])) {
                let i = cx.plan.units.iter().position(|u| u.id == unit);
                out.push(Finding::new(
                    i.map(|i| format!("units[{i}]")).unwrap_or_default(),
                    vec![unit.to_owned()],
                    format!(
                        "unit `{unit}` replaced all its objectives in each of {} cycles",
                        cycles.len()
                    ),
                    "carry unfinished objectives into the next cycle instead of starting over",
                ));
            }
        }
    }
}
