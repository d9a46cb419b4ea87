//! Reports of a scored, linted plan: Markdown and one self-contained HTML page (scores,
//! status and forecast per objective and key result, the alignment tree, diagnostics
//! grouped by objective, a grade summary per unit).

mod changes;
mod html;
mod markdown;
mod trend;
mod view;

pub(crate) use html::html;
pub(crate) use markdown::markdown;

use crate::engine::{AsOf, Engine, ObjectiveScore, Scorecard};
use crate::lint::Diagnostic;
use crate::model::Plan;
use std::collections::{BTreeMap, HashMap};

/// Everything a report shows, worked out once for both formats.
pub(crate) struct Inputs<'a> {
    pub plan: &'a Plan,
    /// The scores shown: the whole plan's, or the part the report is about.
    pub card: Scorecard,
    /// What the report is about when it is not the whole plan, in words.
    pub view: Option<String>,
    /// The lint findings about what is shown, unless the report leaves them out.
    pub diagnostics: Option<Vec<&'a Diagnostic>>,
    /// The earlier moment compared with, and what changed since.
    pub since: Option<(crate::model::Moment, Vec<changes::Change>)>,
    /// Each key result's course, by id (the HTML sparklines).
    pub trends: HashMap<String, trend::Trend>,
    /// Each objective's place in the document, by id (findings point at it).
    pub index: HashMap<&'a str, usize>,
    /// The owners of what is shown whose stated confidence has a verdict (enough
    /// settled key results): how far to trust it. Empty without history.
    pub track_record: Vec<crate::calibration::CalibrationGroup>,
}

impl<'a> Inputs<'a> {
    /// The report's inputs: `card` scored by `engine` at `as_of`, narrowed to a unit's
    /// subtree or an owner's share when asked; with `since`, the plan is scored again
    /// then and compared.
    pub(crate) fn new(
        plan: &'a Plan,
        engine: &Engine,
        card: &Scorecard,
        as_of: AsOf,
        diagnostics: Option<&'a [Diagnostic]>,
        calibration: crate::calibration::Calibration,
        options: &crate::document::ReportOptions,
    ) -> Result<Inputs<'a>, crate::Error> {
        let view = view::View {
            unit: options.unit.clone(),
            owner: options.owner.clone(),
        };
        let card = view.narrow(plan, card)?;
        let since = match options.since {
            Some(at) => {
                let before = view.narrow(plan, &engine.scorecard(plan, &engine.evaluate(at))?)?;
                Some((at.moment, changes::changes(&before, &card)))
            }
            None => None,
        };
        let trends = trend::trends(plan, engine, &card, as_of);
        let track_record = track_record(&card, calibration);
        Ok(Inputs {
            plan,
            diagnostics: diagnostics.map(|d| view.findings(plan, &card, d)),
            view: view.describe(plan),
            card,
            since,
            trends,
            index: plan
                .objectives
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.as_str(), i))
                .collect(),
            track_record,
        })
    }
}

/// What the track-record section says it is, in both formats.
pub(crate) const TRACK_RECORD: &str = "How the confidence each owner stated at check-ins compared with how their key results ended, once they were due (`okr calibration` has the whole table). Owners with too little history are left out.";

/// The calibration verdicts (docs/forecasting.md) of the owners in `card`, from the
/// document's calibration (so judged as `okr calibration` and the
/// `miscalibrated-confidence` rule judge them); those with too little evidence are left
/// out, the miscalibrated first.
fn track_record(
    card: &Scorecard,
    calibration: crate::calibration::Calibration,
) -> Vec<crate::calibration::CalibrationGroup> {
    use crate::calibration::Verdict;
    let shown: std::collections::HashSet<&str> = card
        .objectives
        .iter()
        .flat_map(|o| {
            std::iter::once(o.owner.as_deref())
                .chain(o.key_results.iter().map(|k| k.owner.as_deref()))
        })
        .flatten()
        .collect();
    let mut owners: Vec<_> = calibration
        .owners
        .into_iter()
        .filter(|g| g.verdict != Verdict::TooLittleEvidence && shown.contains(g.id.as_str()))
        .collect();
    owners.sort_by_key(|g| g.verdict == Verdict::Calibrated);
    owners
}

/// Objectives in tree order, with their depth: each root, then (depth first) the
/// objectives whose first parent it is. An objective with several parents is listed
/// under the first. Iterative, so a deep tree cannot overflow the stack.
pub fn tree_order(card: &Scorecard) -> Vec<(usize, &ObjectiveScore)> {
    let index: HashMap<&str, usize> = card
        .objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let mut out = Vec::with_capacity(card.objectives.len());
    let mut seen = vec![false; card.objectives.len()];
    let roots = card
        .objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| o.parents.is_empty())
        .map(|(i, _)| i);
    for root in roots.chain(0..card.objectives.len()) {
        let mut stack = vec![(root, 0usize)];
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let o = &card.objectives[i];
            out.push((depth, o));
            let children: Vec<usize> = o
                .children
                .iter()
                .filter_map(|c| index.get(c.as_str()).copied())
                .filter(|&c| card.objectives[c].parents.first() == Some(&o.id))
                .collect();
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
    }
    out
}

/// Grade summary of one unit: how many objectives, their mean score, and the band.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct UnitSummary {
    pub unit: String,
    pub name: String,
    pub objectives: usize,
    pub mean_score: Option<f64>,
}

pub(crate) fn unit_summaries(plan: &Plan, card: &Scorecard) -> Vec<UnitSummary> {
    let names: HashMap<&str, &str> = plan
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    let mut by_unit: BTreeMap<&str, (usize, f64, usize)> = BTreeMap::new();
    for o in &card.objectives {
        let unit = o.unit.as_deref().unwrap_or("");
        let e = by_unit.entry(unit).or_default();
        e.0 += 1;
        if let Some(g) = &o.grade {
            e.1 += g.score;
            e.2 += 1;
        }
    }
    let order: HashMap<&str, usize> = plan
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut out: Vec<UnitSummary> = by_unit
        .into_iter()
        .map(|(unit, (n, sum, graded))| UnitSummary {
            unit: unit.to_owned(),
            name: names
                .get(unit)
                .copied()
                .unwrap_or(if unit.is_empty() { "(no unit)" } else { unit })
                .to_owned(),
            objectives: n,
            mean_score: (graded > 0).then(|| sum / graded as f64),
        })
        .collect();
    out.sort_by_key(|u| order.get(u.unit.as_str()).copied().unwrap_or(usize::MAX));
    out
}

/// The place in the document of the objective a finding is under, if it is under one.
pub(crate) fn objective_index(d: &Diagnostic) -> Option<usize> {
    d.path
        .strip_prefix("objectives[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse().ok())
}

/// Diagnostics by the objective they concern (by its place in the document), plan-level
/// ones under `None`.
pub(crate) fn diagnostics_by_objective<'d>(
    diagnostics: &[&'d Diagnostic],
) -> BTreeMap<Option<usize>, Vec<&'d Diagnostic>> {
    let mut out: BTreeMap<Option<usize>, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        out.entry(objective_index(d)).or_default().push(d);
    }
    out
}

/// The grade (and whether it was set by hand) and confidence of an objective, as short
/// phrases both report formats show.
pub(crate) fn grade_confidence_and_chance(o: &ObjectiveScore) -> Vec<String> {
    let mut facts = Vec::new();
    if let Some(g) = &o.grade {
        facts.push(format!(
            "grade {:.2}{}",
            g.score,
            if g.manual { " (set by hand)" } else { "" }
        ));
    }
    if let Some(c) = o.confidence {
        facts.push(format!("confidence {c:.2}"));
    }
    if let Some(p) = o.probability {
        facts.push(format!(
            "{} chance to reach {}",
            pct(Some(p)),
            pct(Some(crate::engine::GOOD_PROGRESS))
        ));
    }
    facts
}

/// A moment as a reader says it: `15 November 2026`, or `15 November 2026, 09:30 UTC`
/// (`+02:00` for another offset).
pub(crate) fn human_moment(m: &crate::model::Moment) -> String {
    match m {
        crate::model::Moment::Date(d) => d.format("%-d %B %Y").to_string(),
        crate::model::Moment::DateTime(t) => {
            let zone = if t.offset().local_minus_utc() == 0 {
                "UTC".to_owned()
            } else {
                t.format("UTC%:z").to_string()
            };
            format!("{}, {}", t.format("%-d %B %Y"), t.format("%H:%M")) + " " + &zone
        }
    }
}

pub(crate) fn pct(p: Option<f64>) -> String {
    p.map(|p| format!("{:.0}%", p * 100.0))
        .unwrap_or_else(|| "–".into())
}

pub(crate) fn status_words(s: crate::engine::Status) -> String {
    s.as_str().replace('_', " ")
}

pub(crate) fn number(n: f64) -> String {
    let s = format!("{n:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The forecast at the due date as a reader needs it: the projected value with its
/// measure and, in brackets, the progress it would mean (`4.6 x quota (0%)`). The
/// value says why a threshold key result on track now is forecast to miss; the
/// progress alone ("0 %") did not.
/// Where a key result is heading: the least-squares line's value at the due date, and
/// its chance to hit (docs/forecasting.md).
pub(crate) fn forecast_text(k: &crate::engine::KeyResultScore) -> String {
    let line = k.forecast.as_ref().map(|f| {
        let v = f.projected_value;
        let value = v.is_finite().then(|| match &k.measure {
            Some(m) => format!("{} {m}", number(v)),
            None => number(v),
        });
        match (value, f.projected_progress) {
            (Some(v), Some(_)) => format!("{v} ({})", pct(f.projected_progress)),
            (Some(v), None) => v,
            (None, p) => pct(p),
        }
    });
    let chance = k.probability.map(|p| format!("{} to hit", pct(Some(p))));
    match (line, chance) {
        (Some(l), Some(c)) => format!("{l} · {c}"),
        (Some(text), None) | (None, Some(text)) => text,
        (None, None) => "–".into(),
    }
}

pub(crate) fn value_text(k: &crate::engine::KeyResultScore) -> String {
    match (&k.value, &k.measure) {
        (None, _) => "–".into(),
        (Some(crate::model::Value::Number(n)), Some(m)) => format!("{} {m}", number(*n)),
        (Some(crate::model::Value::Number(n)), None) => number(*n),
        (Some(v), _) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::human_moment;
    use crate::model::Moment;

    #[test]
    fn moments_read_as_people_write_them() {
        let read = |text: &str| human_moment(&Moment::parse(text).expect("a moment"));
        assert_eq!(read("2026-11-05"), "5 November 2026");
        assert_eq!(read("2026-11-05T09:30:00Z"), "5 November 2026, 09:30 UTC");
        assert_eq!(
            read("2026-11-05T09:30:00+02:00"),
            "5 November 2026, 09:30 UTC+02:00"
        );
    }
}
