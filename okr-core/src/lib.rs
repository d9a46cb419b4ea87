//! # okr-core
//!
//! The OKR engine: a typed model of objectives and key results, every key-result kind,
//! explicit scoring policies (with presets that reproduce peer tools), time-aware status
//! and forecasts, Google-style grading, and lossless JSON/YAML/CSV formats.
//!
//! [`Document`] is the front door: read a plan (with its check-ins log), then validate,
//! score, lint, tabulate, report, write or edit it.
//!
//! ```
//! use okr_core::{AsOf, Document, LoadOptions, PlanFormat};
//! let yaml = r#"
//! schema_version: 1
//! cycles: [{id: q1, name: Q1, start: 2026-01-01, end: 2026-03-31}]
//! objectives:
//!   - id: o1
//!     title: Delight new customers
//!     cycle: q1
//!     key_results:
//!       - id: k1
//!         title: Raise activation from 20% to 40%
//!         type: increase
//!         start: 20
//!         target: 40
//!         check_ins: [{at: 2026-02-14, value: 30}]
//! "#;
//! let doc = Document::parse(yaml, &LoadOptions::new(PlanFormat::Yaml))?.checked()?;
//! let card = doc.score(AsOf::parse("2026-02-14")?)?;
//! let kr = card.key_result("k1").expect("scored");
//! assert_eq!(kr.progress, Some(0.5));
//! assert_eq!(kr.expected, Some(0.5));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every entry point takes and returns owned data, and every value is `Send + Sync`, so
//! the bindings (Python, WebAssembly, Kotlin/Swift) wrap it without lifetimes.

#![warn(missing_docs)]

// The Kotlin and Swift bindings' view of the records (okr-ffi); see `ffi`.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("okr_core");

pub mod alignment;
#[cfg(feature = "generate")]
pub mod backtest;
mod bytes;
pub mod calibration;
pub mod diff;
mod document;
mod edit;
pub mod engine;
pub mod error;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod format;
#[cfg(feature = "fs")]
pub mod fs;
#[cfg(feature = "generate")]
pub mod generate;
mod graph;
pub mod lint;
pub mod model;
mod name_map;
pub mod policy;
pub mod position;
#[cfg(feature = "render")]
pub mod render;
pub mod report;
pub mod safe_text;
mod suggest;
pub mod table;
mod validate;
pub mod workspace;

pub use calibration::{
    Calibration, CalibrationGroup, CalibrationOptions, Grouping, Judgement, ReliabilityBin, Verdict,
};
pub use document::{
    ChangeKind, CheckInLog, CheckInRequest, Counts, Document, ItemAt, LintOptions, LoadOptions,
    PlanFormat, PreparedCheckIn, ReportFormat, ReportOptions, ScoreChange, ScoreOptions, Supposed,
    TableKind, WhatIf,
};
pub use engine::{AsOf, Engine, KeyResultScore, ObjectiveScore, Scorecard, Scores, Status};
pub use error::{
    CycleKind, DocumentKind, Entity, Error, ErrorCode, ErrorInfo, Format, Location, Problems,
    Result,
};
pub use format::{Limits, json_schema};
pub use lint::{Diagnostic, LintConfig, Severity};
pub use model::*;
pub use policy::{Policy, PolicyConfig, Preset};
pub use validate::MAX_TEXT_BYTES;

impl Plan {
    /// The policy the plan asks for in its `policy:` section (defaults otherwise).
    pub fn policy(&self) -> Policy {
        self.policy
            .as_ref()
            .map(PolicyConfig::resolve)
            .unwrap_or_default()
    }

    /// Finds a key result by id.
    pub fn key_result(&self, id: &str) -> Option<&KeyResult> {
        self.objectives
            .iter()
            .flat_map(|o| o.key_results.iter())
            .find(|k| k.id == id)
    }
}

/// The README's Rust snippet, run as a doc test.
#[doc = include_str!("../../README.md")]
#[cfg(all(doctest, feature = "fs"))]
pub struct ReadmeDoctests;

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_values_cross_threads() {
        assert_send_sync::<super::Plan>();
        assert_send_sync::<super::Document>();
        assert_send_sync::<super::Engine>();
        assert_send_sync::<super::Scorecard>();
        assert_send_sync::<super::Error>();
        assert_send_sync::<super::Policy>();
    }
}
