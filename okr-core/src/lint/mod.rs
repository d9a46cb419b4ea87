//! Linting for the anti-patterns that make OKR programmes fail (DESIGN §8).
//!
//! Each rule lives in its own file under `rules/`, with a stable code, a kebab-case
//! name, a category that sets its default severity, and its documentation as its doc
//! comment. Configuration picks a profile, selects or ignores rules, re-levels them and
//! sets their options; `lint_ignore` on an objective or key result switches a rule off
//! there, with a reason.

pub mod config;
pub mod context;
pub mod diagnostic;
pub mod rule;
pub mod rules;
pub mod settings;
pub mod text;

pub use config::{Level, LintConfig};
pub use diagnostic::{Diagnostic, Severity};
pub use rule::{Category, RuleMeta};
pub use settings::{Profile, Settings};

use crate::engine::{AsOf, Engine, Evaluation};
use crate::error::{Error, ErrorKind};
use crate::model::Plan;
use crate::policy::ZeroRange;
use context::Context;

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

fn matches(meta: &RuleMeta, key: &str) -> bool {
    meta.code.eq_ignore_ascii_case(key) || meta.name == key
}

/// Lints `plan` as of `as_of` under `config` laid over the plan's own `lint:` section.
///
/// Problems that rules report (start equal to target, direction, alignment loops) do
/// not stop linting; any other load problem (a dangling reference, a bad value) is
/// returned as `Err`, since the plan cannot be read as meant. Time rules need the plan
/// to score, and are skipped when one of those rule-reported problems prevents it.
pub fn lint(plan: &Plan, config: &LintConfig, as_of: AsOf) -> Result<Vec<Diagnostic>, Vec<Error>> {
    // Score with start == target allowed, so that the rule reports it.
    let mut policy = plan.policy();
    policy.scoring.zero_range = ZeroRange::Zero;
    let problems = crate::validate::validate(plan, &policy);
    let (reported, fatal): (Vec<Error>, Vec<Error>) = problems.into_iter().partition(|e| {
        matches!(
            e.kind(),
            ErrorKind::DirectionMismatch | ErrorKind::ZeroRange
        ) || matches!(e, Error::Cycle { what, .. } if what == "alignment")
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

fn run(
    plan: &Plan,
    config: &LintConfig,
    as_of: AsOf,
    reported: Vec<Error>,
    scored: Option<(&Engine, &Evaluation)>,
) -> Result<Vec<Diagnostic>, Vec<Error>> {
    let config = plan.lint.clone().unwrap_or_default().merged(config);
    for key in config
        .select
        .iter()
        .chain(&config.ignore)
        .chain(config.severity.keys())
    {
        if rule(key).is_none() {
            return Err(vec![Error::UnknownReference {
                entity: crate::error::Entity::Objective,
                id: key.clone(),
                hint: Some("no lint rule has this code or name; `okr rules` lists them".into()),
                location: crate::error::Location::at("lint"),
            }]);
        }
    }
    let settings = config.resolved_settings().map_err(|e| vec![e])?;
    let cx = Context::new(plan, &settings, as_of, reported, scored);
    let suppressed = suppressions(plan);
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
    for ((r, _), out) in enabled.iter().zip(&mut findings) {
        r.check(&cx, out);
    }
    walk(&cx, &enabled, &mut findings);
    // (rule, finding) of every finding not suppressed; rules are in code order.
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(findings.iter().map(Vec::len).sum());
    for (n, ((r, _), found)) in enabled.iter().zip(&findings).enumerate() {
        let meta = r.meta();
        for (k, f) in found.iter().enumerate() {
            let suppressed_here = suppressed.iter().any(|(path, rule)| {
                matches(meta, rule)
                    && f.path
                        .strip_prefix(path.as_str())
                        .is_some_and(|inner| inner.is_empty() || inner.starts_with('.'))
            });
            if !suppressed_here {
                kept.push((n, k));
            }
        }
    }
    let order = document_order(kept.iter().map(|&(n, k)| (findings[n][k].path.as_str(), n)));
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
            code: meta.code,
            rule: meta.name,
            severity,
            message: std::mem::take(&mut f.message),
            help: std::mem::take(&mut f.help),
            ids: std::mem::take(&mut f.ids),
            path: std::mem::take(&mut f.path),
            line: None,
            column: None,
        });
    }
    Ok(out)
}

/// One walk over the plan for the rules that check an objective or a key result at a
/// time.
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
    let on_objectives = pick(|v| v.objectives);
    let on_key_results = pick(|v| v.key_results);
    if on_objectives.is_empty() && on_key_results.is_empty() {
        return;
    }
    let mut handle = 0;
    for (i, o) in cx.plan.objectives.iter().enumerate() {
        let at = rule::ObjectiveAt {
            index: i,
            handles: handle..handle + o.key_results.len(),
            objective: o,
        };
        for &n in &on_objectives {
            enabled[n].0.check_objective(cx, &at, &mut findings[n]);
        }
        for (j, k) in o.key_results.iter().enumerate() {
            let at = rule::KeyResultAt {
                objective_index: i,
                handle,
                objective: o,
                key_result: k,
                path: context::KrPath {
                    objective: i,
                    key_result: j,
                },
            };
            for &n in &on_key_results {
                enabled[n].0.check_key_result(cx, &at, &mut findings[n]);
            }
            handle += 1;
        }
    }
}

/// (document path, rule) for every `lint_ignore` entry.
fn suppressions(plan: &Plan) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, o) in plan.objectives.iter().enumerate() {
        out.extend(
            o.lint_ignore
                .iter()
                .map(|s| (format!("objectives[{i}]"), s.rule.clone())),
        );
        for (j, k) in o.key_results.iter().enumerate() {
            out.extend(
                k.lint_ignore
                    .iter()
                    .map(|s| (format!("objectives[{i}].key_results[{j}]"), s.rule.clone())),
            );
        }
    }
    out
}

/// Positions of `(path, rank)` items in the order the document reads the paths
/// (`objectives[10]` after `objectives[9]`, a field after its parent), then by rank;
/// ties keep their order.
///
/// Segment names are ranked among the few that occur, so the sort compares small
/// integer keys rather than text; items arrive as runs already in order (one per
/// rule), which the stable sort merges.
fn document_order<'a>(items: impl Iterator<Item = (&'a str, usize)>) -> Vec<usize> {
    // Paths use a handful of names, so a short list searched in place beats hashing.
    let mut names: Vec<&'a str> = Vec::new();
    let mut id = |name: &'a str| -> u32 {
        match names.iter().position(|n| *n == name) {
            Some(i) => i as u32,
            None => {
                names.push(name);
                names.len() as u32 - 1
            }
        }
    };
    type Key = ([(u32, usize); 4], u32, usize);
    let mut keys: Vec<Key> = items
        .map(|(path, rank)| {
            let key = PathKey::of(path);
            (
                key.segments.map(|(name, index)| (id(name), index)),
                id(key.rest),
                rank,
            )
        })
        .collect();
    let mut by_text: Vec<u32> = (0..names.len() as u32).collect();
    by_text.sort_by_key(|&i| names[i as usize]);
    let mut rank_of = vec![0u32; names.len()];
    for (r, &i) in by_text.iter().enumerate() {
        rank_of[i as usize] = r as u32;
    }
    for key in &mut keys {
        for segment in &mut key.0 {
            segment.0 = rank_of[segment.0 as usize];
        }
        key.1 = rank_of[key.1 as usize];
    }
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    order
}

/// A document path split into (name, index) segments without allocating: the first
/// four segments, then the rest as text. Missing segments are ("", 0), so a path sorts
/// before the paths inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PathKey<'a> {
    segments: [(&'a str, usize); 4],
    rest: &'a str,
}

impl<'a> PathKey<'a> {
    fn of(path: &'a str) -> PathKey<'a> {
        let mut key = PathKey {
            segments: [("", 0); 4],
            rest: "",
        };
        let mut rest = path;
        for slot in &mut key.segments {
            if rest.is_empty() {
                break;
            }
            let (segment, tail) = rest.split_once('.').unwrap_or((rest, ""));
            *slot = match segment.split_once('[') {
                Some((name, index)) => (name, index.trim_end_matches(']').parse().unwrap_or(0)),
                None => (segment, 0),
            };
            rest = tail;
        }
        key.rest = rest;
        key
    }
}

/// Fills in line and column of each diagnostic from the text the plan was read from.
pub fn locate(text: &str, format: crate::error::Format, diagnostics: &mut [Diagnostic]) {
    if matches!(
        format,
        crate::error::Format::Json | crate::error::Format::Yaml
    ) {
        for d in diagnostics {
            if let Some((line, column)) = crate::format::source_map::locate(text, &d.path) {
                d.line = Some(line);
                d.column = Some(column);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Diagnostic, PathKey, Severity, document_order};

    #[test]
    fn paths_sort_as_the_document_reads() {
        let mut paths = vec![
            "objectives[10]",
            "units[0]",
            "objectives[9].title",
            "objectives[9].key_results[10].due",
            "objectives[9].key_results[2]",
            "objectives[9]",
            "cycles[1]",
            "",
            "objectives[9].key_results",
            "objectives[9].aligns_to",
        ];
        paths.sort_by_key(|p| PathKey::of(p));
        let diagnostics: Vec<Diagnostic> = paths
            .iter()
            .rev()
            .flat_map(|p| {
                ["OKR301", "OKR101"].map(|code| Diagnostic {
                    code,
                    rule: "",
                    severity: Severity::Info,
                    message: String::new(),
                    help: "".into(),
                    ids: Vec::new(),
                    path: (*p).to_owned(),
                    line: None,
                    column: None,
                })
            })
            .collect();
        let order = document_order(
            diagnostics
                .iter()
                .map(|d| (d.path.as_str(), usize::from(d.code == "OKR301"))),
        );
        let sorted: Vec<(&str, &str)> = order
            .iter()
            .map(|&i| (diagnostics[i].path.as_str(), diagnostics[i].code))
            .collect();
        let expected: Vec<(&str, &str)> = paths
            .iter()
            .flat_map(|p| [(*p, "OKR101"), (*p, "OKR301")])
            .collect();
        assert_eq!(sorted, expected);
        assert_eq!(
            paths,
            [
                "",
                "cycles[1]",
                "objectives[9]",
                "objectives[9].aligns_to",
                "objectives[9].key_results",
                "objectives[9].key_results[2]",
                "objectives[9].key_results[10].due",
                "objectives[9].title",
                "objectives[10]",
                "units[0]",
            ]
        );
    }
}
