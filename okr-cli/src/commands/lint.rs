//! `okr lint`: anti-pattern diagnostics like a compiler's, as text, JSON or SARIF.

use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::{Files, format_of, open, read_config};
use okr_core::lint::{Diagnostic, LintConfig, Profile, Severity};
use okr_core::render::Source;
use okr_core::{Error, LintOptions};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LintFormat {
    Text,
    Json,
    Sarif,
    /// GitHub Actions workflow commands: each finding an annotation on its line.
    Github,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plans (.yaml, .yml or .json); every one is linted, even after one fails.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// `default`, or `strict` for the tighter counts.
    #[arg(long, value_parser = ["default", "strict"])]
    profile: Option<String>,
    /// Only these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (codes or names, comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// A lint configuration file (YAML or JSON, the shape of a plan's `lint:` section).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// `json`: the findings of one plan; `sarif`: one SARIF log for every plan;
    /// `github`: annotations for a GitHub Actions job. Errors that stop a plan from
    /// being linted are findings too (rule `load`), so CI always gets the output.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    format: LintFormat,
    /// Lint as of this date (the end of that day) or timestamp; default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Make warnings count as errors for the exit code (`--deny warnings`).
    #[arg(long, value_parser = ["warnings"])]
    deny: Option<String>,
}

/// One plan's findings, or the failure that stopped it (already printed).
struct Linted {
    file: String,
    diagnostics: Vec<Diagnostic>,
    /// The findings rendered against the plan's text, for `--format text`.
    rendered: String,
    failure: Option<Failure>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    if args.format == LintFormat::Json && args.files.len() > 1 {
        return Err(Failure::Usage(
            "--format json lints one plan (its findings carry no file name); use \
             --format sarif for several"
                .into(),
        ));
    }
    let options = options(&args)?;
    let linted: Vec<Linted> = args
        .files
        .iter()
        .map(|file| {
            let text = args.format == LintFormat::Text;
            let (diagnostics, rendered, failure) = match lint(file, &options, text) {
                Ok((diagnostics, rendered)) => (diagnostics, rendered, None),
                Err(failure) => {
                    if let Failure::Usage(message) = &failure {
                        eprintln!("error: {message}");
                    }
                    // The errors went to stderr; the other formats carry them too, so
                    // that a CI job that uploads the output gets a file that says what
                    // is wrong.
                    let errors = crate::input::take_reported();
                    let findings = errors.iter().map(as_finding).collect();
                    (findings, String::new(), Some(failure))
                }
            };
            Linted {
                file: file.display().to_string(),
                diagnostics,
                rendered,
                failure,
            }
        })
        .collect();
    match args.format {
        LintFormat::Text => out!("{}", text_reports(&linted)),
        LintFormat::Json => {
            // One plan: its findings, or the errors that stopped it (none when the
            // plan could not even be read, which stderr says).
            if let Some(one) = linted.first()
                && (one.failure.is_none() || !one.diagnostics.is_empty())
            {
                crate::write_json(&one.diagnostics)
            }
        }
        LintFormat::Sarif => {
            let files: Vec<(&str, &[Diagnostic])> = linted
                .iter()
                .map(|l| (l.file.as_str(), &l.diagnostics[..]))
                .collect();
            crate::write_json(&sarif(&files))
        }
        LintFormat::Github => out!("{}", github(&linted)),
    }
    let deny_warnings = args.deny.is_some();
    let mut worst = None;
    for l in linted {
        let failing = l.diagnostics.iter().any(|d| {
            d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
        });
        let failure = l.failure.or(failing.then_some(Failure::Problems));
        worst = match (worst, failure) {
            // Bad usage (exit 2) outranks problems (exit 1); its message is printed.
            (Some(Failure::UsagePrinted), _)
            | (_, Some(Failure::Usage(_)))
            | (_, Some(Failure::UsagePrinted)) => Some(Failure::UsagePrinted),
            (Some(w), _) => Some(w),
            (None, f) => f,
        };
    }
    worst.map_or(Ok(()), Err)
}

/// An error that stopped linting, as a finding: its code (`syntax`, `unknown_field`,
/// …) for the rule's, severity error.
fn as_finding(e: &Error) -> Diagnostic {
    let location = e.location();
    Diagnostic {
        code: e.code().as_str().into(),
        rule: "load".into(),
        severity: Severity::Error,
        message: e.message(),
        help: "the plan must read and validate before it can be linted".into(),
        ids: e.ids().into_iter().map(Into::into).collect(),
        path: e.path().to_owned(),
        line: location.and_then(|l| l.line),
        column: location.and_then(|l| l.column),
    }
}

/// The options every plan is linted with: the configuration file, then the flags.
fn options(args: &Args) -> Result<LintOptions, Failure> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let mut config = match &args.config {
        Some(path) => {
            let format = format_of(path)?;
            LintConfig::parse(&read_config(path)?, format).map_err(|e| {
                Files {
                    plan: &args.files[0],
                    log: None,
                    config: Some(path),
                    plan_text: None,
                }
                .report(std::slice::from_ref(&e));
                Failure::Usage("the lint configuration could not be read".into())
            })?
        }
        None => LintConfig::default(),
    };
    // Checked once here rather than once a plan: a misspelt rule is bad usage.
    for name in args.select.iter().chain(&args.ignore) {
        okr_core::lint::find_rule(name).map_err(|e| Failure::Usage(e.message()))?;
    }
    let flags = LintConfig {
        profile: args
            .profile
            .as_deref()
            .map(Profile::parse)
            .transpose()
            .map_err(|e| Failure::Usage(format!("--profile: {}", e.message())))?,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        ..LintConfig::default()
    };
    config = config.merged(&flags);
    Ok(LintOptions { as_of, config })
}

/// One plan's findings, and when `render`, the findings as text against the plan's
/// lines; errors that stop it are printed and its failure returned.
fn lint(
    file: &Path,
    options: &LintOptions,
    render: bool,
) -> Result<(Vec<Diagnostic>, String), Failure> {
    let opened = open(file)?;
    let diagnostics = opened
        .doc
        .lint(options)
        .map_err(|errors| match &errors[..] {
            [e @ Error::UnknownRule { .. }] => {
                eprintln!("error: {}", e.message());
                Failure::UsagePrinted
            }
            _ => {
                opened.files().report(&errors);
                Failure::Invalid("the plan has errors that stop linting (see above)".into())
            }
        })?;
    let mut rendered = String::new();
    if render {
        let name = file.display().to_string();
        let source = match opened.doc.source_text() {
            Some(text) => Source::new(&name, text),
            None => Source::named(&name),
        };
        let renderer = crate::color::renderer(crate::color::Stream::Stdout);
        for d in &diagnostics {
            rendered.push_str(&renderer.finding(&source, d));
        }
    }
    Ok((diagnostics, rendered))
}

/// Every plan's findings as text, then one count over them all.
fn text_reports(linted: &[Linted]) -> String {
    let done: Vec<&Linted> = linted.iter().filter(|l| l.failure.is_none()).collect();
    if done.is_empty() {
        // Nothing was linted; stderr says why.
        return String::new();
    }
    let mut out = String::new();
    for l in &done {
        out.push_str(&l.rendered);
    }
    out.push_str(&summary(done.iter().flat_map(|l| &l.diagnostics)));
    out
}

/// GitHub Actions workflow commands, one line a finding: `::warning file=…,line=…,
/// col=…,title=OKR202 rule::message`. Errors that stopped a plan are there too, so
/// the job's summary shows them.
fn github(linted: &[Linted]) -> String {
    let mut out = String::new();
    for l in linted {
        for d in &l.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut properties = vec![format!("file={}", github_property(&l.file))];
            if let Some(line) = d.line {
                properties.push(format!("line={line}"));
            }
            if let Some(column) = d.column {
                properties.push(format!("col={column}"));
            }
            properties.push(format!(
                "title={}",
                github_property(&format!("{} {}", d.code, d.rule))
            ));
            let message = format!("{} (at {}) Help: {}", d.message, d.path, d.help);
            out.push_str(&format!(
                "::{level} {}::{}\n",
                properties.join(","),
                github_data(&message)
            ));
        }
    }
    out
}

/// A workflow command's message, escaped as the Actions runner reads it.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the Actions runner reads it.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `2 errors, 1 warning, 3 info`.
fn summary<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> String {
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for d in diagnostics {
        match d.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Info => infos += 1,
        }
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}\n",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(infos, "info", "info")
    )
}

/// A SARIF 2.1.0 log: one run, the rules as the driver's rules, one result per
/// diagnostic, each at its file.
pub fn sarif(files: &[(&str, &[Diagnostic])]) -> serde_json::Value {
    let rules: Vec<serde_json::Value> = okr_core::lint::rules()
        .iter()
        .map(|m| {
            serde_json::json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": {"text": m.summary()},
                "fullDescription": {"text": m.text().trim()},
                "help": {"text": m.text().trim(), "markdown": m.text().trim()},
                "defaultConfiguration": {"level": sarif_level(m.category.default_severity())},
                "properties": {"category": m.category.as_str()},
            })
        })
        .collect();
    let index = |code: &str| okr_core::lint::rules().iter().position(|m| m.code == code);
    let results: Vec<serde_json::Value> = files
        .iter()
        .flat_map(|(file, diagnostics)| diagnostics.iter().map(move |d| (*file, d)))
        .map(|(file, d)| {
            let mut region = serde_json::Map::new();
            if let Some(l) = d.line {
                region.insert("startLine".into(), l.into());
            }
            if let Some(c) = d.column {
                region.insert("startColumn".into(), c.into());
            }
            let mut physical = serde_json::json!({"artifactLocation": {"uri": artifact_uri(file)}});
            if !region.is_empty() {
                physical["region"] = serde_json::Value::Object(region);
            }
            let mut result = serde_json::json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": {"text": format!("{} Help: {}", d.message, d.help)},
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{"fullyQualifiedName": d.path, "kind": "member"}],
                }],
                "properties": {"ids": d.ids, "rule": d.rule},
            });
            // Errors that stopped linting (`syntax`, …) are no rule of the driver's.
            if let Some(i) = index(&d.code) {
                result["ruleIndex"] = i.into();
            }
            result
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "okr", "version": env!("CARGO_PKG_VERSION"), "informationUri": "https://example.invalid/okr", "rules": rules}},
            "results": results,
        }],
    })
}

/// The file as a SARIF artifact URI: a relative path as written (with `/`), an absolute
/// one as a `file://` URI, since SARIF reads an absolute path without a scheme as a URI
/// relative to a base it does not have (SARIF1004).
fn artifact_uri(file: &str) -> String {
    let slashed = file.replace('\\', "/");
    let encoded: String = slashed
        .chars()
        .map(|c| match c {
            ' ' => "%20".to_owned(),
            '%' => "%25".to_owned(),
            '#' => "%23".to_owned(),
            '?' => "%3F".to_owned(),
            c => c.to_string(),
        })
        .collect();
    if std::path::Path::new(file).is_absolute() {
        let rooted = if encoded.starts_with('/') {
            encoded
        } else {
            format!("/{encoded}")
        };
        format!("file://{rooted}")
    } else {
        encoded
    }
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn artifact_uris_are_relative_paths_or_file_uris() {
        assert_eq!(artifact_uri("okrs/q4.yaml"), "okrs/q4.yaml");
        assert_eq!(
            artifact_uri("/home/ci/my okrs/q4#1.yaml"),
            "file:///home/ci/my%20okrs/q4%231.yaml"
        );
    }
}
