//! Least-squares forecast of where a key result will land.

use serde::{Deserialize, Serialize};

/// A straight line fitted through the check-ins so far, projected to the due date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Forecast {
    /// Value the line reaches at the due date.
    pub projected_value: f64,
    /// Progress of that value (policy applied); `None` for a KR without a target.
    pub projected_progress: Option<f64>,
    /// Unclamped progress of that value.
    pub projected_raw_progress: Option<f64>,
    /// Date the line reaches the target at the current pace; `None` when it moves away
    /// from the target or not at all.
    pub target_date: Option<chrono::NaiveDate>,
    /// Change of value per day.
    pub slope_per_day: f64,
    /// Check-ins the line is fitted through.
    pub points: usize,
}

/// Slope and intercept of the least-squares line through `(x, y)`; `None` with fewer
/// than two points or when all x are equal.
pub fn fit_line(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for &(x, y) in points {
        sxx += (x - mean_x) * (x - mean_x);
        sxy += (x - mean_x) * (y - mean_y);
    }
    if sxx == 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    Some((slope, mean_y - slope * mean_x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_line() {
        let (m, b) = fit_line(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]).unwrap_or_default();
        assert!((m - 2.0).abs() < 1e-12 && (b - 1.0).abs() < 1e-12);
    }

    #[test]
    fn too_few_or_degenerate_points_give_nothing() {
        assert_eq!(fit_line(&[(0.0, 1.0)]), None);
        assert_eq!(fit_line(&[(3.0, 1.0), (3.0, 2.0)]), None);
    }
}
