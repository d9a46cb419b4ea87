//! A report for one part of the plan (`okr report --unit sales`, `--owner ana`): the
//! objectives of a unit and the units under it, or what one person owns.

use crate::engine::Scorecard;
use crate::error::{Entity, Error};
use crate::lint::Diagnostic;
use crate::model::Plan;
use std::collections::{HashMap, HashSet};

/// Which part of the plan a report shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct View {
    pub unit: Option<String>,
    pub owner: Option<String>,
}

impl View {
    pub fn is_whole(&self) -> bool {
        self.unit.is_none() && self.owner.is_none()
    }

    /// The part of the report shown, in words (`unit Sales and the units under it`).
    pub fn describe(&self, plan: &Plan) -> Option<String> {
        let unit = self.unit.as_ref().map(|u| {
            let name = plan
                .units
                .iter()
                .find(|x| &x.id == u)
                .map_or(u.as_str(), |x| x.name.as_str());
            format!("unit {name} and the units under it")
        });
        let owner = self.owner.as_ref().map(|o| format!("what {o} owns"));
        match (unit, owner) {
            (Some(u), Some(o)) => Some(format!("{u}: {o}")),
            (u, o) => u.or(o),
        }
    }

    /// `card` narrowed to the view: the objectives of the unit's subtree; for an owner,
    /// the objectives they own (whole) and, in others', the key results they own. A
    /// unit or owner the plan does not have is an error naming the near one.
    pub fn narrow(&self, plan: &Plan, card: &Scorecard) -> Result<Scorecard, Error> {
        let units = match &self.unit {
            Some(unit) => Some(subtree(plan, unit)?),
            None => None,
        };
        if let Some(owner) = &self.owner {
            let owners: HashSet<&str> = plan
                .objectives
                .iter()
                .flat_map(|o| {
                    o.owner
                        .iter()
                        .chain(o.key_results.iter().filter_map(|k| k.owner.as_ref()))
                })
                .map(String::as_str)
                .collect();
            if !owners.contains(owner.as_str()) {
                let near = crate::suggest::closest(owner, owners.iter().copied())
                    .map(|n| format!(" (did you mean `{n}`?)"))
                    .unwrap_or_default();
                return Err(Error::InvalidArgument {
                    argument: "owner".into(),
                    message: format!(
                        "nobody called `{owner}` owns an objective or a key result in the plan{near}"
                    ),
                });
            }
        }
        let mut objectives = Vec::new();
        for o in &card.objectives {
            let in_unit = units
                .as_ref()
                .is_none_or(|set| o.unit.as_deref().is_some_and(|u| set.contains(u)));
            if !in_unit {
                continue;
            }
            match &self.owner {
                None => objectives.push(o.clone()),
                Some(owner) if o.owner.as_ref() == Some(owner) => objectives.push(o.clone()),
                Some(owner) => {
                    let mine: Vec<_> = o
                        .key_results
                        .iter()
                        .filter(|k| k.owner.as_ref() == Some(owner))
                        .cloned()
                        .collect();
                    if !mine.is_empty() {
                        let mut o = o.clone();
                        o.key_results = mine;
                        objectives.push(o);
                    }
                }
            }
        }
        Ok(Scorecard {
            as_of: card.as_of,
            objectives,
        })
    }

    /// The findings about what the view shows: those under a shown objective (by its
    /// place in the document); plan-wide ones only in the whole plan's report.
    pub fn findings<'d>(
        &self,
        plan: &Plan,
        card: &Scorecard,
        diagnostics: &'d [Diagnostic],
    ) -> Vec<&'d Diagnostic> {
        if self.is_whole() {
            return diagnostics.iter().collect();
        }
        let shown: HashSet<usize> = card
            .objectives
            .iter()
            .filter_map(|o| plan.objectives.iter().position(|p| p.id == o.id))
            .collect();
        diagnostics
            .iter()
            .filter(|d| super::objective_index(d).is_some_and(|i| shown.contains(&i)))
            .collect()
    }
}

/// `unit` and every unit under it.
fn subtree(plan: &Plan, unit: &str) -> Result<HashSet<String>, Error> {
    if !plan.units.iter().any(|u| u.id == unit) {
        let ids = plan.units.iter().map(|u| u.id.as_str());
        return Err(Error::UnknownReference {
            entity: Entity::Unit,
            id: unit.to_owned(),
            hint: crate::suggest::closest(unit, ids).map(|n| format!("did you mean `{n}`?")),
            location: crate::error::Location::at(""),
        });
    }
    let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
    for u in &plan.units {
        if let Some(parent) = &u.parent {
            children.entry(parent.as_str()).or_default().push(&u.id);
        }
    }
    let mut out = HashSet::new();
    let mut stack = vec![unit];
    while let Some(u) = stack.pop() {
        if out.insert(u.to_owned()) {
            stack.extend(children.get(u).into_iter().flatten().copied());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::{
        AsOf, Document, LintOptions, LoadOptions, PlanFormat, ReportFormat, ReportOptions,
    };

    fn acme() -> Document {
        let plan = include_str!("../../../examples/acme.yaml");
        let log = include_str!("../../../examples/acme.check-ins.jsonl");
        Document::parse_with_log(plan, &LoadOptions::new(PlanFormat::Yaml), |_| {
            Ok(Some(log.to_owned()))
        })
        .expect("the example reads")
    }

    fn report(unit: Option<&str>, owner: Option<&str>) -> String {
        let as_of = AsOf::parse("2026-11-15").expect("a date");
        let options = ReportOptions {
            unit: unit.map(str::to_owned),
            owner: owner.map(str::to_owned),
            ..ReportOptions::new(LintOptions::as_of(as_of))
        };
        acme()
            .report_with(ReportFormat::Markdown, &options)
            .expect("a report")
    }

    #[test]
    fn a_unit_report_holds_its_subtree_and_its_findings_only() {
        let md = report(Some("sales"), None);
        // Sales and EMEA Sales under it; not the company's objectives.
        for id in ["sales-na", "emea-dach", "revenue-20"] {
            assert!(md.contains(&format!("### {id} ")), "{id}: {md}");
        }
        assert!(!md.contains("### acme-grow "), "{md}");
        // revenue-20's activity key result is flagged; the plan-wide findings are not here.
        assert!(
            md.contains("`OKR202`") && !md.contains("## Other diagnostics"),
            "{md}"
        );
    }

    #[test]
    fn an_owner_report_holds_their_objectives_and_their_key_results_in_others() {
        let md = report(None, Some("priya"));
        let whole = report(None, None);
        // priya owns `nps` under maria's acme-grow: that key result alone is shown there.
        let grow = md
            .split("### acme-grow")
            .nth(1)
            .expect("acme-grow is shown");
        let grow = grow.split("### ").next().unwrap_or(grow);
        assert!(
            grow.contains("| nps ") && !grow.contains("| arr "),
            "{grow}"
        );
        assert!(whole.matches("| arr ").count() == 1);
    }
}
