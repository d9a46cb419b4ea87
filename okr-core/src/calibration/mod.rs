//! Confidence calibration: whether the confidence people state at check-ins can be
//! trusted, judged against how their key results ended.
//!
//! Each check-in with a confidence, made before its key result's due date, is a forecast
//! that the key result will hit (reach its target; for a zoned key result, its target
//! zone; for a threshold or a range, hold it). Once the due date has passed (or the
//! objective is closed) the outcome is known, and the forecasts of a person, a unit or
//! a cycle can be scored as weather forecasters are: the Brier score, the gap between
//! the confidence stated and the share that hit, and a reliability table. The reasoning
//! is in docs/forecasting.md.

mod markdown;
mod table;
mod tally;

use crate::engine::{AsOf, Engine, round6};
use crate::error::{Error, Result};
use crate::lint::Settings;
use crate::model::{Moment, Plan};
use serde::{Deserialize, Serialize};
pub(crate) use tally::{by_id, tally};

/// How many bins the reliability table has: stated confidence in tenths.
pub const BINS: usize = 10;

/// How to calibrate: the moment (key results due by then are settled), what counts as
/// a hit, and how much evidence a verdict needs. Unset judgement fields take the plan's
/// lint settings (`calibration_min_key_results`, `calibration_min_cycles`,
/// `calibration_max_gap`), so that `okr calibration` and the `miscalibrated-confidence`
/// rule agree.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationOptions {
    /// Key results due at or before this moment are settled.
    pub as_of: AsOf,
    /// Count a key result as hit when its progress at the due date reaches this
    /// (0 < x ≤ 1), instead of when it reaches its target.
    pub hit_at: Option<f64>,
    /// Fewest settled key results with stated confidences before a verdict.
    pub min_key_results: Option<u32>,
    /// Fewest cycles they must span.
    pub min_cycles: Option<u32>,
    /// The largest gap between stated confidence and the share that hit that is not
    /// called over- or underconfidence.
    pub max_gap: Option<f64>,
}

impl CalibrationOptions {
    /// Calibrating as of `as_of`, with the plan's own judgement settings.
    pub fn as_of(as_of: AsOf) -> CalibrationOptions {
        CalibrationOptions {
            as_of,
            hit_at: None,
            min_key_results: None,
            min_cycles: None,
            max_gap: None,
        }
    }

    /// Options given as one value, as a binding receives them:
    /// `{"as_of": "2026-07-01", "hit_at": 0.7, "min_key_results": 8, "min_cycles": 2,
    /// "max_gap": 0.25}`, all optional (camelCase names are read too). Without `as_of`,
    /// the moment is now.
    ///
    /// ```
    /// use okr_core::{CalibrationOptions, ErrorCode};
    /// let o = CalibrationOptions::from_value(serde_json::json!({"asOf": "2026-07-01", "hitAt": 0.7}))?;
    /// assert_eq!(o.hit_at, Some(0.7));
    /// let e = CalibrationOptions::from_value(serde_json::json!({"hit_at": 1.5})).unwrap_err();
    /// assert_eq!(e.code(), ErrorCode::InvalidArgument);
    /// # Ok::<(), okr_core::Error>(())
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<CalibrationOptions> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Shape {
            #[serde(default, alias = "asOf")]
            as_of: Option<String>,
            #[serde(default, alias = "hitAt")]
            hit_at: Option<f64>,
            #[serde(default, alias = "minKeyResults")]
            min_key_results: Option<u32>,
            #[serde(default, alias = "minCycles")]
            min_cycles: Option<u32>,
            #[serde(default, alias = "maxGap")]
            max_gap: Option<f64>,
        }
        let shape: Shape = crate::edit::from_value(crate::document::null_as_empty(value), "")?;
        let options = CalibrationOptions {
            as_of: AsOf::parse_or_now(shape.as_of.as_deref())?,
            hit_at: shape.hit_at,
            min_key_results: shape.min_key_results,
            min_cycles: shape.min_cycles,
            max_gap: shape.max_gap,
        };
        options.check()?;
        Ok(options)
    }

    /// An invalid-argument error for a hit mark outside (0, 1] or a gap outside [0, 1].
    pub fn check(&self) -> Result<()> {
        let bad = |argument: &str, message: String| {
            Err(Error::InvalidArgument {
                argument: argument.into(),
                message,
            })
        };
        if let Some(x) = self.hit_at
            && !(x > 0.0 && x <= 1.0)
        {
            return bad(
                "hit_at",
                format!(
                    "{x} is not a progress above 0 and at most 1: write 0.7 to count reaching 70% as a hit"
                ),
            );
        }
        if let Some(x) = self.max_gap
            && !(0.0..=1.0).contains(&x)
        {
            return bad(
                "max_gap",
                format!(
                    "{x} is not a gap between 0 and 1: write 0.25 to allow stated confidence 25 points off"
                ),
            );
        }
        Ok(())
    }

    /// The judgement: each field set here, else the one `settings` holds.
    pub(crate) fn judgement(&self, settings: &Settings) -> Judgement {
        let of_settings = Judgement::of(settings);
        Judgement {
            min_key_results: self.min_key_results.unwrap_or(of_settings.min_key_results),
            min_cycles: self.min_cycles.unwrap_or(of_settings.min_cycles),
            max_gap: self.max_gap.unwrap_or(of_settings.max_gap),
        }
    }
}

/// How much evidence a verdict needs, and how large a gap it calls miscalibrated.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Judgement {
    /// Fewest settled key results with stated confidences.
    pub min_key_results: u32,
    /// Fewest cycles they must span.
    pub min_cycles: u32,
    /// The largest gap between stated confidence and the share that hit that is not
    /// called over- or underconfidence.
    pub max_gap: f64,
}

impl Judgement {
    /// The judgement the lint settings declare.
    pub(crate) fn of(settings: &Settings) -> Judgement {
        Judgement {
            min_key_results: settings.calibration_min_key_results,
            min_cycles: settings.calibration_min_cycles,
            max_gap: settings.calibration_max_gap,
        }
    }
}

/// What a group's forecasts say of its stated confidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Fewer settled key results or cycles than the judgement asks for, or a gap past
    /// `max_gap` that this much evidence cannot tell from chance (a two-sided test at
    /// 5 %, each key result counted once).
    TooLittleEvidence,
    /// Stated confidence is within the allowed gap of the share that hit.
    Calibrated,
    /// Stated confidence runs above the share that hit, past `max_gap` and past chance,
    /// in every cycle.
    Overconfident,
    /// Stated confidence runs below the share that hit, past `max_gap` and past chance,
    /// in every cycle.
    Underconfident,
    /// The gap is large overall, but over in some cycles and under in others.
    Inconsistent,
}

impl Verdict {
    /// The verdict as text: `too_little_evidence`, `calibrated`, `overconfident`,
    /// `underconfident` or `inconsistent`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::TooLittleEvidence => "too_little_evidence",
            Verdict::Calibrated => "calibrated",
            Verdict::Overconfident => "overconfident",
            Verdict::Underconfident => "underconfident",
            Verdict::Inconsistent => "inconsistent",
        }
    }

    /// The verdict in words, for reports.
    pub fn words(self) -> &'static str {
        match self {
            Verdict::TooLittleEvidence => "too little evidence",
            other => other.as_str(),
        }
    }
}

/// One row of a reliability table: the forecasts whose stated confidence fell in
/// `[low, high)` (the last bin includes 1.0), and how often their key results hit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReliabilityBin {
    /// The bin's lowest confidence.
    pub low: f64,
    /// The bin's upper bound.
    pub high: f64,
    /// How many forecasts fell in it.
    pub forecasts: u32,
    /// Their mean stated confidence (none in an empty bin).
    pub mean_confidence: Option<f64>,
    /// The share of them whose key result hit (none in an empty bin).
    pub hit_rate: Option<f64>,
}

/// The calibration of one group of forecasts: everyone's, or one owner's, unit's or
/// cycle's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CalibrationGroup {
    /// The owner, unit or cycle id; empty for everyone.
    pub id: String,
    /// Check-ins with a stated confidence, made before their key result was due.
    pub forecasts: u32,
    /// Settled key results with at least one of them.
    pub key_results: u32,
    /// How many of those key results hit.
    pub hits: u32,
    /// How many cycles the key results span.
    pub cycles: u32,
    /// Mean stated confidence over the forecasts.
    pub mean_confidence: Option<f64>,
    /// The share of forecasts whose key result hit.
    pub hit_rate: Option<f64>,
    /// `mean_confidence − hit_rate`: above 0 is overconfidence, below 0 underconfidence.
    pub gap: Option<f64>,
    /// Mean squared distance between stated confidence and outcome (1 hit, 0 missed):
    /// 0 is perfect, 0.25 is what always saying 50 % scores.
    pub brier: Option<f64>,
    /// Expected calibration error: the forecast-weighted mean distance between each
    /// bin's mean stated confidence and its hit rate.
    pub calibration_error: Option<f64>,
    /// What the evidence says.
    pub verdict: Verdict,
    /// The reliability table: one row per tenth of stated confidence.
    pub bins: Vec<ReliabilityBin>,
}

impl CalibrationGroup {
    /// The group's figures in words: forecasts, key results, cycles, stated confidence
    /// against the share that hit, the Brier score and the verdict.
    pub fn summary(&self) -> String {
        markdown::summary(self)
    }

    /// The gap in signed percentage points (`+34`, `-12`), `–` without forecasts.
    pub fn gap_points(&self) -> String {
        markdown::points(self.gap)
    }
}

/// How people's stated confidence compared with outcomes, as of a moment: for everyone,
/// and per owner, unit and cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Calibration {
    /// Key results due by this moment are settled.
    pub as_of: Moment,
    /// The progress that counts as a hit, when not the target.
    pub hit_at: Option<f64>,
    /// The evidence a verdict needed.
    pub judgement: Judgement,
    /// Every forecast.
    pub overall: CalibrationGroup,
    /// Per owner of the key result (else of its objective), by id.
    pub owners: Vec<CalibrationGroup>,
    /// Per unit of the key result (else of its objective), by id.
    pub units: Vec<CalibrationGroup>,
    /// Per cycle, by id.
    pub cycles: Vec<CalibrationGroup>,
    /// By when in its key result's period each forecast was made: `early`, `middle`
    /// and `late` thirds (a forecast before the period starts is early), those with
    /// forecasts, in that order. A key result counts in each third it had forecasts in.
    pub phases: Vec<CalibrationGroup>,
}

/// The groups a calibration is split by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// Every forecast together.
    Overall,
    /// Per owner.
    Owner,
    /// Per unit.
    Unit,
    /// Per cycle.
    Cycle,
    /// By the third of the period each forecast was made in.
    Phase,
}

impl Grouping {
    /// `overall`, `owner`, `unit`, `cycle` or `phase` (plurals too); anything else is an invalid
    /// argument naming the choices.
    pub fn parse(name: &str) -> Result<Grouping> {
        match name.to_ascii_lowercase().as_str() {
            "overall" | "all" => Ok(Grouping::Overall),
            "owner" | "owners" => Ok(Grouping::Owner),
            "unit" | "units" => Ok(Grouping::Unit),
            "cycle" | "cycles" => Ok(Grouping::Cycle),
            "phase" | "phases" => Ok(Grouping::Phase),
            _ => Err(Error::unknown_choice(
                "grouping",
                name,
                &["overall", "owner", "unit", "cycle", "phase"],
            )),
        }
    }
}

impl Calibration {
    /// The groups of one grouping (the overall group alone for [`Grouping::Overall`]).
    pub fn groups(&self, by: Grouping) -> &[CalibrationGroup] {
        match by {
            Grouping::Overall => std::slice::from_ref(&self.overall),
            Grouping::Owner => &self.owners,
            Grouping::Unit => &self.units,
            Grouping::Cycle => &self.cycles,
            Grouping::Phase => &self.phases,
        }
    }

    /// The calibration as Markdown: the verdicts per owner, unit and cycle, then the
    /// reliability table of every forecast.
    pub fn to_markdown(&self) -> String {
        markdown::render(self)
    }

    /// What counts as a hit, in words: "hits (reaches its target by its due date; …)" or
    /// "reaches 70% progress by its due date".
    pub fn hit_words(&self) -> String {
        markdown::hit_words(self)
    }

    /// One row per group of `by`: the columns of [`CalibrationGroup`] without its bins.
    pub fn table(&self, by: Grouping) -> crate::table::Table {
        table::groups(self.groups(by))
    }

    /// The reliability tables of `by`'s groups: one row per group and bin.
    pub fn bins_table(&self, by: Grouping) -> crate::table::Table {
        table::bins(self.groups(by))
    }
}

/// Calibrates the forecasts of `plan` (compiled into `engine`) as of `options.as_of`,
/// judged under `settings` where `options` leaves the judgement unset.
pub(crate) fn calibrate(
    plan: &Plan,
    engine: &Engine,
    options: &CalibrationOptions,
    settings: &Settings,
) -> Calibration {
    let judgement = options.judgement(settings);
    let tallies = tally(plan, engine, &options.as_of, options.hit_at);
    tallies.into_calibration(options.as_of.moment, options.hit_at, judgement)
}
