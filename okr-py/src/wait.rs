//! The part of `interrupt` that needs no Python: a call on a thread of its own, waited
//! for in slices with a check between them. Kept apart so that a Rust test
//! (tests/wait.rs) can run it: the extension module itself cannot link a test binary
//! against libpython here.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

/// Where the call's thread leaves its answer (or its panic).
pub(crate) struct Slot<T> {
    answer: Mutex<Option<std::thread::Result<T>>>,
    ready: Condvar,
}

impl<T> Slot<T> {
    /// The answer, if it arrives within `within`.
    pub(crate) fn take_within(&self, within: Duration) -> Option<std::thread::Result<T>> {
        let guard = self.answer.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut guard, _) = self
            .ready
            .wait_timeout_while(guard, within, |a| a.is_none())
            .unwrap_or_else(PoisonError::into_inner);
        guard.take()
    }
}

/// Runs `job` on its own thread; waits for it with `wait` (given the slot and a
/// slice of time) and between slices calls `check`, whose error ends the wait. A panic
/// in `job` is resumed here, as if it had run on this thread.
pub(crate) fn run<T: Send + 'static, E>(
    job: impl FnOnce() -> T + Send + 'static,
    mut wait: impl FnMut(&Arc<Slot<T>>) -> Option<std::thread::Result<T>>,
    mut check: impl FnMut() -> Result<(), E>,
) -> Result<T, E> {
    let slot = Arc::new(Slot {
        answer: Mutex::new(None),
        ready: Condvar::new(),
    });
    let filled = Arc::clone(&slot);
    std::thread::spawn(move || {
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
        *filled.answer.lock().unwrap_or_else(PoisonError::into_inner) = Some(answer);
        filled.ready.notify_all();
    });
    loop {
        match wait(&slot) {
            Some(Ok(value)) => return Ok(value),
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => check()?,
        }
    }
}
