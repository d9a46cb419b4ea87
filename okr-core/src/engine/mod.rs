//! Scoring: key-result formulas, time, status, forecast, grading, over a compiled plan.

pub(crate) mod chance;
mod compile;
mod evaluate;
pub(crate) use evaluate::round6;
pub(crate) mod forecast;
mod grade;
pub(crate) mod kinds;
mod rows;
mod score;
mod settle;
mod status;
pub(crate) mod time;

pub use chance::{GOOD_PROGRESS, INTERVAL_LEVEL, ValueInterval};
pub use compile::Engine;
pub use evaluate::{Evaluation, KrEval, ObjectiveEval};
pub use forecast::Forecast;
pub use grade::{Band, Grade};
pub use kinds::Progress;
pub use score::{KeyResultScore, ObjectiveForecast, ObjectiveScore, Scorecard, Scores};
pub use status::{Status, StatusFold};
pub use time::AsOf;
