//! One file per rule. The codes table is [`ALL`]: stable codes, never reused.

pub mod activity_key_result;
pub mod alignment_cycle;
pub mod behind_schedule;
pub mod business_as_usual;
pub mod committed_miss_without_note;
pub mod confidence_divergence;
pub mod cycle_too_long;
pub mod direction_mismatch;
pub mod duplicate_key_result;
pub mod key_result_without_number;
pub mod miscalibrated_confidence;
pub mod missing_baseline;
pub mod missing_owner;
pub mod missing_target;
pub mod moonshot_overload;
pub mod no_value_key_result;
pub mod not_started_late;
pub mod objective_churn;
pub mod objective_with_metric;
pub mod objective_without_key_results;
pub mod orphan_objective;
pub mod owner_overload;
pub mod period_mismatch;
pub mod placeholder_values;
pub mod sandbagging;
pub mod skipped_level;
pub mod stale_check_in;
pub mod tied_to_compensation;
pub mod too_few_key_results;
pub mod too_many_key_results;
pub mod too_many_objectives;
pub mod type_unset;
pub mod vague_objective;
pub mod zero_range;

use super::rule::Rule;

/// Every rule, by code.
pub static ALL: &[&dyn Rule] = &[
    &too_many_objectives::TooManyObjectives,  // OKR101
    &too_many_key_results::TooManyKeyResults, // OKR102
    &too_few_key_results::TooFewKeyResults,   // OKR103
    &objective_without_key_results::ObjectiveWithoutKeyResults, // OKR104
    &missing_owner::MissingOwner,             // OKR105
    &owner_overload::OwnerOverload,           // OKR106
    &type_unset::TypeUnset,                   // OKR107
    &moonshot_overload::MoonshotOverload,     // OKR108
    &tied_to_compensation::TiedToCompensation, // OKR109
    &key_result_without_number::KeyResultWithoutNumber, // OKR201
    &activity_key_result::ActivityKeyResult,  // OKR202
    &no_value_key_result::NoValueKeyResult,   // OKR203
    &placeholder_values::PlaceholderValues,   // OKR204
    &missing_baseline::MissingBaseline,       // OKR205
    &missing_target::MissingTarget,           // OKR206
    &zero_range::ZeroRange,                   // OKR207
    &direction_mismatch::DirectionMismatch,   // OKR208
    &duplicate_key_result::DuplicateKeyResult, // OKR209
    &business_as_usual::BusinessAsUsual,      // OKR210
    &objective_with_metric::ObjectiveWithMetric, // OKR211
    &vague_objective::VagueObjective,         // OKR212
    &orphan_objective::OrphanObjective,       // OKR301
    &skipped_level::SkippedLevel,             // OKR302
    &alignment_cycle::AlignmentCycle,         // OKR303
    &stale_check_in::StaleCheckIn,            // OKR401
    &not_started_late::NotStartedLate,        // OKR402
    &behind_schedule::BehindSchedule,         // OKR403
    &confidence_divergence::ConfidenceDivergence, // OKR404
    &period_mismatch::PeriodMismatch,         // OKR405
    &cycle_too_long::CycleTooLong,            // OKR406
    &sandbagging::Sandbagging,                // OKR501
    &committed_miss_without_note::CommittedMissWithoutNote, // OKR502
    &objective_churn::ObjectiveChurn,         // OKR503
    &miscalibrated_confidence::MiscalibratedConfidence, // OKR504
];
