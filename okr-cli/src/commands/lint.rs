//! `okr lint`: anti-pattern diagnostics like a compiler's, as text, JSON or SARIF.

use crate::Failure;
use crate::commands::score::parse_as_of;
use crate::input::{Files, format_of, open, read_config};
use okr_core::lint::{Diagnostic, LintConfig, Profile, Severity};
use okr_core::safe_text::for_terminal;
use okr_core::{Error, LintOptions};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LintFormat {
    Text,
    Json,
    Sarif,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan (.yaml, .yml or .json).
    file: PathBuf,
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
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    format: LintFormat,
    /// Lint as of this date (the end of that day) or timestamp; default now.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Make warnings count as errors for the exit code (`--deny warnings`).
    #[arg(long, value_parser = ["warnings"])]
    deny: Option<String>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let (format, file) = (args.format, args.file.display().to_string());
    let result = lint(args);
    if result.is_err() && format != LintFormat::Text {
        // The errors went to stderr; JSON and SARIF carry them too, so that a CI job that
        // uploads the output gets a parsable file that says what is wrong.
        let errors: Vec<Diagnostic> = crate::input::take_reported()
            .iter()
            .map(as_finding)
            .collect();
        if !errors.is_empty() {
            match format {
                LintFormat::Json => crate::write_json(&errors),
                _ => crate::write_json(&sarif(&file, &errors)),
            }
        }
    }
    result
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

fn lint(args: Args) -> Result<(), Failure> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let opened = open(&args.file)?;
    let mut config = match &args.config {
        Some(path) => {
            let format = format_of(path)?;
            LintConfig::parse(&read_config(path)?, format).map_err(|e| {
                Files {
                    config: Some(path),
                    ..opened.files()
                }
                .report(std::slice::from_ref(&e));
                Failure::Usage("the lint configuration could not be read".into())
            })?
        }
        None => LintConfig::default(),
    };
    let flags = LintConfig {
        profile: args
            .profile
            .as_deref()
            .map(Profile::parse)
            .transpose()
            .map_err(|e| Failure::Usage(format!("--profile: {}", e.message())))?,
        select: args.select,
        ignore: args.ignore,
        ..LintConfig::default()
    };
    config = config.merged(&flags);
    let options = LintOptions { as_of, config };
    let diagnostics = opened
        .doc
        .lint(&options)
        .map_err(|errors| match &errors[..] {
            [e @ Error::UnknownRule { .. }] => Failure::Usage(e.message()),
            _ => {
                opened.files().report(&errors);
                Failure::Invalid("the plan has errors that stop linting (see above)".into())
            }
        })?;
    let file = args.file.display().to_string();
    match args.format {
        LintFormat::Text => out!("{}", text_report(&file, &diagnostics)),
        LintFormat::Json => crate::write_json(&diagnostics),
        LintFormat::Sarif => crate::write_json(&sarif(&file, &diagnostics)),
    }
    let deny_warnings = args.deny.is_some();
    let failing = diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warn));
    if failing {
        Err(Failure::Problems)
    } else {
        Ok(())
    }
}

fn label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warn => "warning",
        Severity::Info => "info",
    }
}

/// `file:line:col: warning[OKR202]: message` plus the path and a help line; text from
/// the plan is shown escaped (`for_terminal`), so it cannot forge a line.
pub fn text_report(file: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let place = match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            _ => file.to_owned(),
        };
        out.push_str(&format!(
            "{place}: {}[{}]: {} ({})\n",
            label(d.severity),
            d.code,
            for_terminal(&d.message),
            d.rule
        ));
        out.push_str(&format!(
            "  --> {}\n  help: {}\n\n",
            for_terminal(&d.path),
            for_terminal(&d.help)
        ));
    }
    let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    out.push_str(&format!(
        "{} errors, {} warnings, {} infos\n",
        count(Severity::Error),
        count(Severity::Warn),
        count(Severity::Info)
    ));
    out
}

/// A SARIF 2.1.0 log: one run, the rules as the driver's rules, one result per diagnostic.
pub fn sarif(file: &str, diagnostics: &[Diagnostic]) -> serde_json::Value {
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
    let results: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
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
        Severity::Warn => "warning",
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
