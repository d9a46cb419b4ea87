//! The OKR domain model: what every format reads and writes.

mod check_in;
pub(crate) mod date_text;
mod exact;
mod key_result;
mod lint_section;
pub(crate) mod lint_settings;
mod metadata;
mod moment;
mod objective;
mod plan;

pub use check_in::{CheckIn, LoggedCheckIn, Value};
pub use key_result::{AggregateOp, KeyResult, KeyResultDoc, KrKind, KrType, Phase, Step};
pub use lint_section::{Level, LintConfig, Profile};
pub use lint_settings::{Settings, SettingsOverride};
pub use metadata::{Metadata, MetadataMap};
pub use moment::{DAY_MS, Moment, date_start_millis, millis_to_date};
pub use objective::{
    Alignment, Commitment, Initiative, InitiativeState, LintIgnore, Objective, ObjectiveState,
    ProgressFrom,
};
pub use plan::{Cycle, Direction, Kpi, Plan, SCHEMA_VERSION, Unit, UnitKind};
