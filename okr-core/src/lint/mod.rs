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
    let mut out = Vec::new();
    for r in rules::ALL {
        let meta = r.meta();
        if (!config.select.is_empty() && !config.select.iter().any(|k| matches(meta, k)))
            || config.ignore.iter().any(|k| matches(meta, k))
        {
            continue;
        }
        let level = config
            .severity
            .iter()
            .find(|(k, _)| matches(meta, k))
            .map(|(_, l)| *l);
        if level == Some(Level::Off) {
            continue;
        }
        let mut findings = Vec::new();
        r.check(&cx, &mut findings);
        for f in findings {
            if suppressed.iter().any(|(path, rule)| {
                matches(meta, rule) && (f.path == *path || f.path.starts_with(&format!("{path}.")))
            }) {
                continue;
            }
            let severity = level
                .and_then(Level::severity)
                .or(f.severity)
                .unwrap_or(meta.category.default_severity());
            out.push(Diagnostic {
                code: meta.code.to_owned(),
                rule: meta.name.to_owned(),
                severity,
                message: f.message,
                help: f.help,
                ids: f.ids,
                path: f.path,
                line: None,
                column: None,
            });
        }
    }
    out.sort_by_cached_key(|d| (path_key(&d.path), d.code.clone()));
    Ok(out)
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

/// Orders paths as the document does: `objectives[10]` after `objectives[9]`.
fn path_key(path: &str) -> Vec<(String, usize)> {
    path.split('.')
        .map(|seg| match seg.split_once('[') {
            Some((name, rest)) => (
                name.to_owned(),
                rest.trim_end_matches(']').parse().unwrap_or(0),
            ),
            None => (seg.to_owned(), 0),
        })
        .collect()
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
