//! Long calls that Ctrl-C can stop. A call runs on a thread of its own while the
//! calling thread waits in short slices, the interpreter released, and between slices
//! lets Python run its signal handlers (`check_signals`): Ctrl-C raises
//! `KeyboardInterrupt` at once instead of after a lint of a large plan has finished.
//! The abandoned call finishes in the background on its own snapshot of the plan and its
//! answer is dropped; nothing it touches is shared with the caller.

use crate::wait::run;
use pyo3::prelude::*;
use std::time::Duration;

/// How often a waiting call looks for Ctrl-C.
const TICK: Duration = Duration::from_millis(50);

/// `job` as a call from Python: the interpreter released while it runs, Ctrl-C (or any
/// signal handler that raises) ending the wait.
pub(crate) fn interruptible<T: Send + 'static>(
    py: Python<'_>,
    job: impl FnOnce() -> T + Send + 'static,
) -> PyResult<T> {
    run(
        job,
        |slot| py.detach(|| slot.take_within(TICK)),
        || py.check_signals(),
    )
}
