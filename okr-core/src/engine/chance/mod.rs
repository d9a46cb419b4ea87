//! How likely each key result is to land, and each objective to reach a good grade, as
//! of a moment: the model is in `model.rs`, the objectives' Monte Carlo in `rollup.rs`,
//! and the reasoning in docs/forecasting.md.

mod model;
pub(crate) mod normal;
mod rollup;

use super::compile::Engine;
use super::evaluate::{Evaluation, round6};
pub(crate) use model::{Outlook, Prior};
use serde::{Deserialize, Serialize};

/// The level of [`ValueInterval`]: the value at the due date falls inside with this
/// probability under the model.
pub const INTERVAL_LEVEL: f64 = 0.8;

/// The progress an objective's probability is of reaching: 0.7, where OKR practice
/// calls an ambitious objective achieved.
pub const GOOD_PROGRESS: f64 = 0.7;

/// Where a key result's value is likely to be at its due date: the central
/// [`INTERVAL_LEVEL`] (80 %) of the model's distribution.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ValueInterval {
    /// The 10th percentile.
    pub low: f64,
    /// The 90th percentile.
    pub high: f64,
}

/// Every key result's outlook and every objective's probability, as of one moment.
#[derive(Clone, Debug)]
pub(crate) struct Chances {
    key_results: Vec<Option<Outlook>>,
    objectives: Vec<Option<f64>>,
}

/// The 90th percentile of the standard normal: the half-width of the 80 % interval in
/// standard deviations.
const Z90: f64 = 1.281_551_565_544_600_5;

impl Chances {
    /// Probability that key result `h` hits at its due date.
    pub fn key_result(&self, h: usize) -> Option<f64> {
        self.key_results[h].map(|o| round6(o.probability()))
    }

    /// Key result `h`'s likely value at its due date.
    pub fn interval(&self, h: usize) -> Option<ValueInterval> {
        self.key_results[h].map(|o| ValueInterval {
            low: o.mean - Z90 * o.sd,
            high: o.mean + Z90 * o.sd,
        })
    }

    /// Probability that objective `o`'s progress at the due date reaches
    /// [`GOOD_PROGRESS`]; `None` when nothing under it is uncertain (closed, past due,
    /// or with no key result the model reads).
    pub fn objective(&self, o: usize) -> Option<f64> {
        self.objectives[o]
    }
}

impl Engine {
    /// The chances of every key result and objective in `eval`.
    pub(crate) fn chances(&self, eval: &Evaluation) -> Chances {
        self.chances_under(eval, &self.prior(&eval.as_of))
    }

    /// [`Engine::chances`] under a given population prior: a what-if keeps the plan's
    /// prior as it is, so that one supposed value moves only what it feeds.
    pub(crate) fn chances_under(&self, eval: &Evaluation, prior: &Prior) -> Chances {
        let mut points = Vec::new();
        let key_results: Vec<Option<Outlook>> = (0..self.kr_ids.len())
            .map(|h| {
                self.outlook(
                    h,
                    &eval.as_of,
                    prior,
                    eval.key_results[h].value,
                    &mut points,
                )
            })
            .collect();
        let objectives = self.objective_chances(eval, &key_results);
        Chances {
            key_results,
            objectives,
        }
    }
}
