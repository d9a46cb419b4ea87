use crate::calibration::{Judgement, Verdict, by_id, tally};
use crate::lint::at::{At, KrPath};
use crate::lint::context::Context;
use crate::lint::rule::{Finding, Rule, RuleMeta, declare_rule, ids};
use crate::report::pct;

declare_rule! {
    /// ## What it does
    /// Flags an owner whose stated confidence has been consistently far from how their
    /// key results ended. Each check-in's `confidence`, made before its key result was
    /// due, is a forecast that the key result hits; once due dates have passed, the rule
    /// compares the owner's mean stated confidence with the share of those forecasts that
    /// hit. It fires when the gap exceeds `calibration_max_gap` (0.25) overall, is more
    /// than chance would give a calibrated owner (a two-sided test at 5 %, each key
    /// result counted once) and leans the same way in every cycle, and only once the
    /// owner has at least `calibration_min_key_results` (8) settled key results with
    /// stated confidences over `calibration_min_cycles` (2) cycles: a single bad quarter
    /// is not a habit. On simulated owners, it flags 4 % of calibrated ones at the least
    /// evidence (8 key results over 2 cycles) and under 1 % at 20 over 4, and about 70 %
    /// and 80 % of owners 36 points overconfident.
    ///
    /// ## Why is this bad?
    /// Confidence is how a team tells its manager where to look. Confidence that runs
    /// high hides the key results that need help until it is too late; confidence that
    /// runs low sends help where none is needed. Either way, readers learn to ignore it.
    ///
    /// ## Example
    /// `ana` checked in at 0.8 confidence on average over two quarters, and 2 of her 10
    /// key results hit.
    ///
    /// ## Use instead
    /// Review the owner's reliability table (`okr calibration`), and ask at each check-in
    /// what evidence the confidence rests on; state it against the trend, not the hope.
    ///
    /// ## Options
    ///
    /// ## Sources
    /// Radical Focus (confidence at every weekly check-in); Brier (1950) and forecast
    /// verification practice (reliability tables); the okr calibration docs
    /// (docs/forecasting.md).
    pub struct MiscalibratedConfidence { code: "OKR504", name: "miscalibrated-confidence", category: Practice }
}

impl Rule for MiscalibratedConfidence {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((engine, _)) = cx.scored else {
            return;
        };
        let judgement = Judgement::of(cx.settings);
        let tallies = tally(cx.plan, engine, &cx.as_of, None);
        // In order of owner, so that findings on one place keep a stable order.
        for (owner, t) in by_id(&tallies.owners) {
            let verdict = t.verdict(&judgement);
            let lean = match verdict {
                Verdict::Overconfident => "high",
                Verdict::Underconfident => "low",
                _ => continue,
            };
            let Some((_, i, j)) = t.latest else {
                continue;
            };
            let kr = &cx.plan.objectives[i].key_results[j];
            let (at, id) = if kr.owner.is_some() {
                (
                    KrPath {
                        objective: i,
                        key_result: j,
                    }
                    .field("owner"),
                    kr.id.as_str(),
                )
            } else {
                (
                    At::objective_field(i, "owner"),
                    cx.plan.objectives[i].id.as_str(),
                )
            };
            let (settled, hit) = t.key_results();
            out.push(Finding::new(
                at,
                ids([id]),
                format!(
                    "`{owner}` states {} confidence on average, but {} of forecasts hit ({hit} of {settled} key results over {} cycles): stated confidence runs {} points {lean}",
                    pct(t.mean_confidence()),
                    pct(t.hit_rate()),
                    t.cycle_count(),
                    t.gap().map(|g| format!("{:.0}", g.abs() * 100.0)).unwrap_or_default(),
                ),
                "compare each stated confidence with the trend so far; `okr calibration` shows the owner's reliability table",
            ));
        }
    }
}
