//! The typed options of the document's calls.

use crate::engine::AsOf;
use crate::error::{Error, Result};
use crate::format::Limits;
use crate::lint::LintConfig;
use crate::policy::Preset;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The formats a plan is read from and written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PlanFormat {
    /// The canonical JSON document.
    Json,
    /// The YAML authoring format: the same document.
    Yaml,
    /// One row per key result (objective columns repeated), for spreadsheets.
    Csv,
}

impl PlanFormat {
    /// The format a file name implies: `.json`, `.yaml`/`.yml` or `.csv`.
    ///
    /// ```
    /// use okr_core::PlanFormat;
    /// assert_eq!(PlanFormat::from_path("okrs/q1.yml"), Some(PlanFormat::Yaml));
    /// assert_eq!(PlanFormat::from_path("okrs.check-ins.jsonl"), None);
    /// ```
    pub fn from_path(path: &str) -> Option<PlanFormat> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(PlanFormat::Json),
            "yaml" | "yml" => Some(PlanFormat::Yaml),
            "csv" => Some(PlanFormat::Csv),
            _ => None,
        }
    }

    /// [`PlanFormat::from_path`], or an invalid-argument error that says which
    /// extensions name a format.
    pub fn of_path(path: &str) -> Result<PlanFormat> {
        PlanFormat::from_path(path).ok_or_else(|| Error::InvalidArgument {
            argument: "path".into(),
            message: format!(
                "cannot tell the format of `{path}`: use a .yaml, .yml, .json or .csv file, or name the format"
            ),
        })
    }

    /// `json`, `yaml` (or `yml`) or `csv`, in any case; anything else is an invalid argument
    /// that names the choices.
    pub fn parse(name: &str) -> Result<PlanFormat> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Ok(PlanFormat::Json),
            "yaml" | "yml" => Ok(PlanFormat::Yaml),
            "csv" => Ok(PlanFormat::Csv),
            _ => Err(Error::unknown_choice(
                "format",
                name,
                &["yaml", "json", "csv"],
            )),
        }
    }

    /// The format's name: `json`, `yaml` or `csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanFormat::Json => "json",
            PlanFormat::Yaml => "yaml",
            PlanFormat::Csv => "csv",
        }
    }
}

impl From<PlanFormat> for crate::error::Format {
    fn from(f: PlanFormat) -> Self {
        match f {
            PlanFormat::Json => crate::error::Format::Json,
            PlanFormat::Yaml => crate::error::Format::Yaml,
            PlanFormat::Csv => crate::error::Format::Csv,
        }
    }
}

impl fmt::Display for PlanFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::error::Format::from(*self).fmt(f)
    }
}

/// How to read a plan's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// The text's format.
    pub format: PlanFormat,
    /// Safety limits on the input.
    pub limits: Limits,
}

impl LoadOptions {
    /// Options for `format` with the default limits.
    pub fn new(format: PlanFormat) -> LoadOptions {
        LoadOptions {
            format,
            limits: Limits::default(),
        }
    }
}

/// How to score.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreOptions {
    /// The moment scored.
    pub as_of: AsOf,
    /// Score under a peer tool's policy instead of the plan's own.
    pub preset: Option<Preset>,
}

impl ScoreOptions {
    /// Scoring as of `as_of` under the plan's own policy.
    pub fn as_of(as_of: AsOf) -> ScoreOptions {
        ScoreOptions {
            as_of,
            preset: None,
        }
    }

    /// Options given as one value, as a binding receives them (a JS object, a
    /// dictionary): `{"as_of": "2026-02-14", "preset": "okr_tracker"}`, both optional
    /// (`asOf` is read as `as_of`). Without `as_of`, the moment is now.
    ///
    /// ```
    /// use okr_core::{ErrorCode, ScoreOptions};
    /// let o = ScoreOptions::from_value(serde_json::json!({"asOf": "2026-02-14"}))?;
    /// assert_eq!(o.preset, None);
    /// let e = ScoreOptions::from_value(serde_json::json!({"preset": "lenient"})).unwrap_err();
    /// assert_eq!(e.code(), ErrorCode::InvalidArgument);
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<ScoreOptions> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Shape {
            #[serde(default, alias = "asOf")]
            as_of: Option<String>,
            #[serde(default)]
            preset: Option<String>,
        }
        let shape: Shape = crate::edit::from_value(null_as_empty(value), "")?;
        Ok(ScoreOptions {
            as_of: AsOf::parse_or_now(shape.as_of.as_deref())?,
            preset: shape
                .preset
                .map(|name| {
                    Preset::parse(&name).ok_or_else(|| {
                        Error::unknown_choice("preset", &name, &Preset::ALL.map(Preset::as_str))
                    })
                })
                .transpose()?,
        })
    }
}

/// `null` (an argument left out) is read as no options.
pub(crate) fn null_as_empty(value: serde_json::Value) -> serde_json::Value {
    if value.is_null() {
        serde_json::Value::Object(Default::default())
    } else {
        value
    }
}

/// How to lint: the moment (time rules such as `stale-check-in` need one) and a
/// configuration laid over the plan's own `lint:` section.
#[derive(Clone, Debug, PartialEq)]
pub struct LintOptions {
    /// The moment linted.
    pub as_of: AsOf,
    /// Profile, selection, severities and settings, over the plan's own.
    pub config: LintConfig,
}

impl LintOptions {
    /// Linting as of `as_of` with the plan's own configuration.
    pub fn as_of(as_of: AsOf) -> LintOptions {
        LintOptions {
            as_of,
            config: LintConfig::default(),
        }
    }

    /// Options given as one value, as a binding receives them: the fields of a plan's
    /// `lint:` section (`profile`, `select`, `ignore`, `severity`, `settings`) plus
    /// `as_of` (or `asOf`), all optional. Without `as_of`, the moment is now. A
    /// misspelt field or setting is an [`Error::UnknownField`] at its path.
    ///
    /// ```
    /// use okr_core::{ErrorCode, LintOptions};
    /// let o = LintOptions::from_value(serde_json::json!({
    ///     "asOf": "2026-02-14", "profile": "strict", "ignore": ["OKR101"],
    ///     "settings": {"max_key_results": 4},
    /// }))?;
    /// assert_eq!(o.config.ignore, ["OKR101"]);
    /// let e = LintOptions::from_value(serde_json::json!({"settings": {"max_krs": 4}})).unwrap_err();
    /// assert_eq!((e.code(), e.path()), (ErrorCode::UnknownField, "settings.max_krs"));
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<LintOptions> {
        let mut value = null_as_empty(value);
        let as_of = match value.as_object_mut() {
            Some(fields) => {
                let text = fields.remove("as_of").or_else(|| fields.remove("asOf"));
                match text {
                    None | Some(serde_json::Value::Null) => None,
                    Some(serde_json::Value::String(s)) => Some(s),
                    Some(other) => {
                        return Err(Error::InvalidArgument {
                            argument: "as_of".into(),
                            message: format!("expected a date or timestamp text, got {other}"),
                        });
                    }
                }
            }
            None => None,
        };
        Ok(LintOptions {
            config: crate::edit::from_value(value, "")?,
            as_of: AsOf::parse_or_now(as_of.as_deref())?,
        })
    }
}

/// The tables a document gives as columns (see [`crate::table`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// One row per objective.
    Objectives,
    /// One row per key result.
    KeyResults,
    /// One row per check-in, the plan's and then the log's.
    CheckIns,
    /// One row per objective followed by its key results: value, progress, status.
    Scores,
    /// One row per lint diagnostic.
    Diagnostics,
}

impl TableKind {
    /// Every table, in the order above.
    pub const ALL: [TableKind; 5] = [
        TableKind::Objectives,
        TableKind::KeyResults,
        TableKind::CheckIns,
        TableKind::Scores,
        TableKind::Diagnostics,
    ];

    /// The table's name: `objectives`, `key_results`, `check_ins`, `scores`,
    /// `diagnostics`.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Objectives => "objectives",
            TableKind::KeyResults => "key_results",
            TableKind::CheckIns => "check_ins",
            TableKind::Scores => "scores",
            TableKind::Diagnostics => "diagnostics",
        }
    }

    /// The table with this name; anything else is an invalid argument naming the tables.
    pub fn parse(name: &str) -> Result<TableKind> {
        TableKind::ALL
            .into_iter()
            .find(|t| t.as_str() == name)
            .ok_or_else(|| {
                Error::unknown_choice("table", name, &TableKind::ALL.map(TableKind::as_str))
            })
    }
}

/// The formats a report is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ReportFormat {
    /// Markdown.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// What a report holds besides the scores.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// The moment reported and how the plan is linted.
    pub lint: LintOptions,
    /// Whether the lint findings are in the report (`okr report --no-lint` leaves
    /// them out, for a management view).
    pub findings: bool,
    /// An earlier moment: the report says what changed since then (statuses, progress).
    pub since: Option<AsOf>,
    /// Only this unit's objectives and those of the units under it.
    pub unit: Option<String>,
    /// Only what this person owns: their objectives, and their key results in others'.
    pub owner: Option<String>,
}

impl ReportOptions {
    /// A report as of `lint.as_of`, with findings and no comparison.
    pub fn new(lint: LintOptions) -> ReportOptions {
        ReportOptions {
            lint,
            findings: true,
            since: None,
            unit: None,
            owner: None,
        }
    }
}

impl ReportFormat {
    /// `md`/`markdown` or `html`; anything else is an invalid argument naming the choices.
    pub fn parse(name: &str) -> Result<ReportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(ReportFormat::Markdown),
            "html" => Ok(ReportFormat::Html),
            _ => Err(Error::unknown_choice(
                "report format",
                name,
                &["md", "html"],
            )),
        }
    }
}

/// A check-in as a person types it (a command line, a form): the document reads the
/// value for the key result's kind, so callers never decide it.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckInRequest {
    /// Id of the key result (or KPI).
    pub key_result: String,
    /// A number; `true`/`false` for a milestone; a zone name (fail, commit, target,
    /// stretch); comma-separated finished step ids for a checklist.
    pub value: String,
    /// When the value was observed: a date or an RFC 3339 timestamp; `None` is now.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub at: Option<String>,
    /// How likely the target is reached: `0.7`, `70%` or `7/10`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub confidence: Option<String>,
    /// A note.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub note: Option<String>,
    /// Who checked in.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub author: Option<String>,
}
