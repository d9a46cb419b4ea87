use crate::lint::at::At;
use crate::lint::context::Context;
use crate::lint::facts::NONE;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule, ids};
use crate::lint::text::normal_form;

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
        // Units and cycles are numbered (by the facts), so that one sort of plain rows
        // groups objectives by unit, then cycle (in start order), then normal-form hash.
        let facts = cx.facts();
        let cycles: Vec<(Option<chrono::NaiveDate>, &str)> = facts
            .cycles
            .names
            .iter()
            .map(|&c| (cx.cycles.get(c).and_then(|c| c.start), c))
            .collect();
        let units = &facts.units.names;
        let mut rows: Vec<Row> = (0..cx.plan.objectives.len())
            .filter(|&i| facts.objective_unit[i] != NONE && facts.objective_cycle[i] != NONE)
            .map(|i| {
                let hash = facts.objective_text[i].normal_hash().unwrap_or(0);
                (
                    facts.objective_unit[i],
                    facts.objective_cycle[i],
                    hash,
                    i as u32,
                )
            })
            .collect();
        let mut by_start: Vec<usize> = (0..cycles.len()).collect();
        by_start.sort_by_key(|&c| cycles[c]);
        let mut rank = vec![0u32; cycles.len()];
        for (r, &c) in by_start.iter().enumerate() {
            rank[c] = r as u32;
        }
        for row in &mut rows {
            row.1 = rank[row.1 as usize];
        }
        rows.sort_unstable();
        let title = |row: &Row| cx.plan.objectives[row.3 as usize].title.as_str();
        let mut churned: Vec<(&str, usize)> = Vec::new();
        for unit_rows in rows.chunk_by(|a, b| a.0 == b.0) {
            let by_cycle: Vec<&[Row]> = unit_rows.chunk_by(|a, b| a.1 == b.1).collect();
            if by_cycle.len() < cx.settings.churn_min_cycles {
                continue;
            }
            if by_cycle
                .windows(2)
                .all(|w| !carries_over(w[0], w[1], title))
            {
                churned.push((units[unit_rows[0].0 as usize], by_cycle.len()));
            }
        }
        churned.sort_unstable();
        for (unit, cycles) in churned {
            let i = cx.plan.units.iter().position(|u| u.id == unit);
            out.push(Finding::new(
                i.map_or(At::Path(String::new()), At::Unit),
                ids([unit]),
                format!("unit `{unit}` replaced all its objectives in each of {cycles} cycles"),
                "carry unfinished objectives into the next cycle instead of starting over",
            ));
        }
    }
}

/// (unit, cycle rank, normal-form hash of the title, objective index).
type Row = (u32, u32, u64, u32);

/// Whether an objective title of one cycle comes back in the next: the same hash, then
/// the same normal form. Both lists are sorted by hash, so this is a merge.
fn carries_over<'a>(before: &[Row], after: &[Row], title: impl Fn(&Row) -> &'a str) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < before.len() && j < after.len() {
        match before[i].2.cmp(&after[j].2) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let h = before[i].2;
                let n = before[i..].iter().take_while(|r| r.2 == h).count();
                let m = after[j..].iter().take_while(|r| r.2 == h).count();
                let same = before[i..i + n].iter().any(|a| {
                    after[j..j + m]
                        .iter()
                        .any(|b| normal_form(title(a)) == normal_form(title(b)))
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
