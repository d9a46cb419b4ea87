//! Linting for the anti-patterns that make OKR programmes fail (DESIGN §8).
//!
//! Each rule lives in its own file under `rules/`, with a stable code, a kebab-case
//! name, a category that sets its default severity, and its documentation as its doc
//! comment. Configuration picks a profile, selects or ignores rules, re-levels them and
//! sets their options; `lint_ignore` on an objective or key result switches a rule off
//! there, with a reason.

pub(crate) mod at;
mod config;
pub(crate) mod context;
mod diagnostic;
pub(crate) mod facts;
pub(crate) mod rule;
pub(crate) mod rules;
pub(crate) mod text;

pub use crate::model::{Level, LintConfig, Profile, Settings, SettingsOverride};
pub(crate) use at::At;
pub use diagnostic::{Diagnostic, Id, Severity};
pub use rule::{Category, RuleInfo, RuleMeta};

use crate::engine::{AsOf, Engine, Evaluation};
use crate::error::{CycleKind, Error, ErrorCode};
use crate::model::Plan;
use crate::policy::ZeroRange;
use at::Suppressed;
use context::Context;
use std::borrow::Cow;

/// Metadata of every rule, in code order.
pub fn rules() -> Vec<&'static RuleMeta> {
    rules::ALL.iter().map(|r| r.meta()).collect()
}

/// The rule with this code or name.
pub fn rule(code_or_name: &str) -> Option<&'static RuleMeta> {
    rules::ALL
        .iter()
        .map(|r| r.meta())
        .find(|m| m.code.eq_ignore_ascii_case(code_or_name) || m.name == code_or_name)
}

/// The rule with this code or name, or an [`Error::UnknownRule`] naming the key.
pub fn find_rule(code_or_name: &str) -> Result<&'static RuleMeta, Error> {
    rule(code_or_name).ok_or_else(|| Error::UnknownRule {
        rule: code_or_name.to_owned(),
        location: crate::error::Location::at(""),
    })
}

fn matches(meta: &RuleMeta, key: &str) -> bool {
    meta.code.eq_ignore_ascii_case(key) || meta.name == key
}

/// Lints `plan` as of `as_of` under `config` laid over the plan's own `lint:` section.
///
/// Problems that rules report (start equal to target, direction, alignment loops) do
/// not stop linting; any other load problem (a dangling reference, a bad value) is
/// returned as `Err`, since the plan cannot be read as meant. Time rules need the plan
/// to score, and are skipped when one of those rule-reported problems prevents it.
pub(crate) fn lint(
    plan: &Plan,
    config: &LintConfig,
    as_of: AsOf,
) -> Result<Vec<Diagnostic>, Vec<Error>> {
    // Score with start == target allowed, so that the rule reports it.
    let mut policy = plan.policy();
    policy.scoring.zero_range = ZeroRange::Zero;
    let problems = crate::validate::validate(plan, &policy);
    let (reported, fatal): (Vec<Error>, Vec<Error>) = problems.into_iter().partition(|e| {
        matches!(
            e.code(),
            ErrorCode::DirectionMismatch | ErrorCode::ZeroRange
        ) || matches!(
            e,
            Error::Cycle {
                kind: CycleKind::Alignment,
                ..
            }
        )
    });
    if !fatal.is_empty() {
        return Err(fatal);
    }
    if !reported.is_empty() {
        return run(plan, config, as_of, reported, None);
    }
    let engine = Engine::compile_validated(plan, policy);
    let eval = engine.evaluate(as_of);
    run(plan, config, as_of, Vec::new(), Some((&engine, &eval)))
}

/// Lints a valid plan with an engine compiled from it and an evaluation already made
/// (an editor that re-lints on every keystroke keeps both). The evaluation's moment is
/// the moment linted.
pub fn lint_scored(
    plan: &Plan,
    engine: &Engine,
    eval: &Evaluation,
    config: &LintConfig,
) -> Result<Vec<Diagnostic>, Vec<Error>> {
    run(plan, config, eval.as_of, Vec::new(), Some((engine, eval)))
}

/// Every rule name in `config` that no rule has, with where it is written in the
/// configuration (`select[1]`, `ignore[0]`, `severity.OKR999`), in that order.
pub(crate) fn unknown_rules(config: &LintConfig) -> Vec<(String, String)> {
    let select = config
        .select
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("select[{i}]"), r));
    let ignore = config
        .ignore
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("ignore[{i}]"), r));
    let severity = config.severity.keys().map(|r| (format!("severity.{r}"), r));
    select
        .chain(ignore)
        .chain(severity)
        .filter(|(_, key)| rule(key).is_none())
        .map(|(path, key)| (path, key.clone()))
        .collect()
}

/// An [`Error::UnknownRule`] for the first rule `config` names that no rule has.
pub(crate) fn known_rules(config: &LintConfig) -> Result<(), Vec<Error>> {
    match unknown_rules(config).into_iter().next() {
        Some((_, rule)) => Err(vec![Error::UnknownRule {
            rule,
            location: crate::error::Location::at("lint"),
        }]),
        None => Ok(()),
    }
}

fn run(
    plan: &Plan,
    config: &LintConfig,
    as_of: AsOf,
    reported: Vec<Error>,
    scored: Option<(&Engine, &Evaluation)>,
) -> Result<Vec<Diagnostic>, Vec<Error>> {
    let config = plan.lint.clone().unwrap_or_default().merged(config);
    known_rules(&config)?;
    let settings = config.resolved_settings();
    let cx = Context::new(plan, &settings, as_of, reported, scored);
    let enabled: Vec<(&dyn rule::Rule, Option<Level>)> = rules::ALL
        .iter()
        .copied()
        .filter(|r| {
            let meta = r.meta();
            (config.select.is_empty() || config.select.iter().any(|k| matches(meta, k)))
                && !config.ignore.iter().any(|k| matches(meta, k))
        })
        .map(|r| {
            let level = config
                .severity
                .iter()
                .find(|(k, _)| matches(r.meta(), k))
                .map(|(_, l)| *l);
            (r, level)
        })
        .filter(|(_, level)| *level != Some(Level::Off))
        .collect();
    let mut findings: Vec<Vec<rule::Finding>> = enabled.iter().map(|_| Vec::new()).collect();
    // The walk first: it gathers the facts on its way, for the plan-wide checks.
    walk(&cx, &enabled, &mut findings);
    for ((r, _), out) in enabled.iter().zip(&mut findings) {
        r.check(&cx, out);
    }
    // The walk has gathered the `lint_ignore` entries when it ran.
    let gathered;
    let suppressed: &[(Suppressed, &str)] = match cx.gathered() {
        Some(facts) => &facts.suppressed,
        None => {
            gathered = facts::suppressions(plan);
            &gathered
        }
    };
    // (rule, finding) of every finding not suppressed; rules are in code order.
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(findings.iter().map(Vec::len).sum());
    for (n, ((r, _), found)) in enabled.iter().zip(&findings).enumerate() {
        let meta = r.meta();
        for (k, f) in found.iter().enumerate() {
            let suppressed_here = suppressed
                .iter()
                .any(|(place, rule)| matches(meta, rule) && f.at.is_within(place));
            if !suppressed_here {
                kept.push((n, k));
            }
        }
    }
    let order = document_order(kept.iter().map(|&(n, k)| (&findings[n][k].at, n)));
    // Each finding's text moves into its diagnostic once, in the final order.
    let mut out = Vec::with_capacity(kept.len());
    for i in order {
        let (n, k) = kept[i];
        let (r, level) = enabled[n];
        let meta = r.meta();
        let f = &mut findings[n][k];
        let severity = level
            .and_then(Level::severity)
            .or(f.severity)
            .unwrap_or(meta.category.default_severity());
        out.push(Diagnostic {
            code: Cow::Borrowed(meta.code),
            rule: Cow::Borrowed(meta.name),
            severity,
            message: std::mem::take(&mut f.message),
            help: std::mem::take(&mut f.help),
            ids: std::mem::take(&mut f.ids),
            path: f.at.path(),
            line: None,
            column: None,
        });
    }
    Ok(out)
}

/// One walk over the plan for the rules that check an objective or a key result at a
/// time. Unless they are gathered already, the walk gathers the facts
/// ([`facts::Facts`]) on its way and keeps them for the plan-wide checks, so that each
/// record of the plan is read once.
fn walk(
    cx: &Context<'_>,
    enabled: &[(&dyn rule::Rule, Option<Level>)],
    findings: &mut [Vec<rule::Finding>],
) {
    let pick = |wanted: fn(rule::Visits) -> bool| -> Vec<usize> {
        (0..enabled.len())
            .filter(|&n| wanted(enabled[n].0.visits()))
            .collect()
    };
    let rules = Walkers {
        on_objectives: pick(|v| v.objectives),
        on_key_results: pick(|v| v.key_results),
    };
    if rules.on_objectives.is_empty() && rules.on_key_results.is_empty() {
        return;
    }
    let objectives = &cx.plan.objectives;
    if let Some(facts) = cx.gathered() {
        let mut handle = 0;
        for (i, o) in objectives.iter().enumerate() {
            visit(cx, facts, &rules, enabled, findings, (i, handle), o);
            handle += o.key_results.len();
        }
        return;
    }
    let mut facts = facts::Facts::with_capacity_for(cx.plan);
    let mut handle = 0;
    for (b, batch) in objectives.chunks(facts::BATCH).enumerate() {
        facts::touch(batch);
        facts.add(cx.plan, batch);
        for (n, o) in batch.iter().enumerate() {
            let i = b * facts::BATCH + n;
            visit(cx, &facts, &rules, enabled, findings, (i, handle), o);
            handle += o.key_results.len();
        }
    }
    cx.keep_facts(facts);
}

/// The rules the walk calls, by their position in `enabled`.
struct Walkers {
    on_objectives: Vec<usize>,
    on_key_results: Vec<usize>,
}

/// Calls the walk's rules on objective `i` (whose first key result has handle
/// `first`) and on its key results; `facts` has theirs.
fn visit(
    cx: &Context<'_>,
    facts: &facts::Facts<'_>,
    rules: &Walkers,
    enabled: &[(&dyn rule::Rule, Option<Level>)],
    findings: &mut [Vec<rule::Finding>],
    (i, first): (usize, usize),
    o: &crate::model::Objective,
) {
    let handles = first..first + o.key_results.len();
    let cycle = facts.cycle_of(i);
    let at = rule::ObjectiveAt {
        index: i,
        objective: o,
        text: &facts.objective_text[i],
        title: &facts.objective_title[i],
        key_result_text: &facts.kr_text[handles.clone()],
        unit: facts.unit_of(i).map(|u| &cx.plan.units[u]),
    };
    for &n in &rules.on_objectives {
        enabled[n].0.check_objective(cx, &at, &mut findings[n]);
    }
    for ((j, k), handle) in o.key_results.iter().enumerate().zip(handles) {
        let at = rule::KeyResultAt {
            objective_index: i,
            handle,
            objective: o,
            key_result: k,
            path: context::KrPath {
                objective: i,
                key_result: j,
            },
            text: &facts.kr_text[handle],
            cycle,
        };
        for &n in &rules.on_key_results {
            enabled[n].0.check_key_result(cx, &at, &mut findings[n]);
        }
    }
}

/// Positions of `(place, rank)` items in the order the document reads the places
/// (`objectives[10]` after `objectives[9]`, a field after its parent, names of fields
/// alphabetically), then by rank; ties keep their order.
///
/// Segment names are ranked among the few that occur, and each item's key is packed
/// into one integer when its indices allow (they always do in practice), so the sort
/// compares integers rather than text.
fn document_order<'a>(items: impl Iterator<Item = (&'a At, usize)>) -> Vec<usize> {
    // Paths use a handful of names, mostly the same static strings, so a short list
    // searched by address first, then by text, beats hashing.
    let mut names: Vec<&'a str> = Vec::new();
    let mut id = |name: &'a str| -> u32 {
        let found = names
            .iter()
            .position(|n| std::ptr::eq(n.as_ptr(), name.as_ptr()) && n.len() == name.len())
            .or_else(|| names.iter().position(|n| *n == name));
        match found {
            Some(i) => i as u32,
            None => {
                names.push(name);
                names.len() as u32 - 1
            }
        }
    };
    type Key = ([(u32, usize); 4], u32, usize);
    let mut keys: Vec<Key> = items
        .map(|(at, rank)| {
            let (segments, rest) = at.segments();
            (
                segments.map(|(name, index)| (id(name), index)),
                id(rest),
                rank,
            )
        })
        .collect();
    // Names by text: equal texts (at different addresses) share a rank.
    let mut by_text: Vec<u32> = (0..names.len() as u32).collect();
    by_text.sort_by_key(|&i| names[i as usize]);
    let mut rank_of = vec![0u32; names.len()];
    let mut rank = 0;
    for (n, pair) in by_text.iter().enumerate() {
        if n > 0 && names[*pair as usize] != names[by_text[n - 1] as usize] {
            rank += 1;
        }
        rank_of[*pair as usize] = rank;
    }
    for key in &mut keys {
        for segment in &mut key.0 {
            segment.0 = rank_of[segment.0 as usize];
        }
        key.1 = rank_of[key.1 as usize];
    }
    match keys.iter().map(pack).collect::<Option<Vec<u128>>>() {
        Some(packed) => {
            let mut order: Vec<(u128, u32)> = packed.into_iter().zip(0..).collect();
            order.sort_unstable();
            order.into_iter().map(|(_, i)| i as usize).collect()
        }
        None => {
            let mut order: Vec<usize> = (0..keys.len()).collect();
            order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
            order
        }
    }
}

/// A sort key as one integer that orders as the key does: five name ranks of 4 bits,
/// four indices of 24 bits and a rule rank of 8 bits; `None` when a part does not fit.
fn pack(key: &([(u32, usize); 4], u32, usize)) -> Option<u128> {
    let (segments, rest, rank) = key;
    let mut out = 0u128;
    for &(name, index) in segments {
        if name >= 1 << 4 || index >= 1 << 24 {
            return None;
        }
        out = (out << 28) | (u128::from(name) << 24) | index as u128;
    }
    if *rest >= 1 << 4 || *rank >= 1 << 8 {
        return None;
    }
    Some((out << 12) | (u128::from(*rest) << 8) | *rank as u128)
}

#[cfg(test)]
mod tests {
    use super::at::{At, parse_segments};
    use super::context::KrPath;
    use super::document_order;

    const SORTED: [&str; 11] = [
        "",
        "cycles[1]",
        "objectives[9]",
        "objectives[9].aligns_to",
        "objectives[9].key_results",
        "objectives[9].key_results[2]",
        "objectives[9].key_results[10].due",
        "objectives[9].key_results[10].title",
        "objectives[9].title",
        "objectives[10]",
        "units[0]",
    ];

    /// Each path of [`SORTED`] as a place, held as indices where it can be.
    fn place(path: &str) -> At {
        let kr = |objective, key_result| KrPath {
            objective,
            key_result,
        };
        match path {
            "cycles[1]" => At::Cycle(1),
            "objectives[9]" => At::objective(9),
            "objectives[9].key_results" => At::objective_field(9, "key_results"),
            "objectives[9].key_results[2]" => At::from(kr(9, 2)),
            "objectives[9].key_results[10].due" => kr(9, 10).field("due"),
            "objectives[9].title" => At::objective_field(9, "title"),
            "objectives[10]" => At::objective(10),
            "units[0]" => At::Unit(0),
            other => At::Path(other.to_owned()),
        }
    }

    #[test]
    fn paths_sort_as_the_document_reads() {
        let mut paths = SORTED.to_vec();
        paths.reverse();
        paths.sort_by_key(|p| parse_segments(p));
        assert_eq!(paths, SORTED);
    }

    #[test]
    fn places_sort_in_document_order_then_by_rank() {
        // Two rules' findings at every place, each rule's in reverse document order.
        let items: Vec<(At, usize, &str)> = [1, 0]
            .into_iter()
            .flat_map(|rank| SORTED.iter().rev().map(move |p| (place(p), rank, *p)))
            .collect();
        let order = document_order(items.iter().map(|(at, rank, _)| (at, *rank)));
        let sorted: Vec<(&str, usize)> = order.iter().map(|&i| (items[i].2, items[i].1)).collect();
        let expected: Vec<(&str, usize)> = SORTED.iter().flat_map(|p| [(*p, 0), (*p, 1)]).collect();
        assert_eq!(sorted, expected);
    }

    #[test]
    fn indices_too_large_to_pack_sort_all_the_same() {
        let items = [
            At::objective(1 << 25),
            At::objective(3),
            At::objective_field(1 << 25, "title"),
        ];
        let order = document_order(items.iter().map(|at| (at, 0)));
        assert_eq!(order, [1, 0, 2]);
    }

    #[test]
    fn ties_keep_their_order() {
        let items = [
            At::objective(2),
            At::objective(1),
            At::objective(2),
            At::objective(1),
        ];
        let order = document_order(items.iter().map(|at| (at, 0)));
        assert_eq!(order, [1, 3, 0, 2]);
    }
}
