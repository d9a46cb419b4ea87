//! The waiting half of Ctrl-C handling (src/wait.rs), run as plain Rust: a call that
//! finishes returns its answer, an interrupt ends the wait while the call still runs,
//! and a panic in the call reaches the caller.

#[allow(dead_code, unreachable_pub)]
#[path = "../src/wait.rs"]
mod wait;

use std::sync::mpsc;
use std::time::Duration;
use wait::run;

const TICK: Duration = Duration::from_millis(50);

#[test]
fn a_finished_call_returns_its_answer() {
    let got: Result<u32, ()> = run(|| 42, |s| s.take_within(TICK), || Ok(()));
    assert_eq!(got, Ok(42));
}

#[test]
fn an_interrupt_ends_the_wait_while_the_call_still_runs() {
    // The job waits until the test lets it go, so it cannot finish first.
    let (release, hold) = mpsc::channel::<()>();
    let mut checks = 0;
    let got: Result<(), &str> = run(
        move || {
            let _ = hold.recv();
        },
        |s| s.take_within(Duration::from_millis(1)),
        || {
            checks += 1;
            if checks == 3 {
                Err("interrupted")
            } else {
                Ok(())
            }
        },
    );
    assert_eq!(got, Err("interrupted"));
    assert_eq!(checks, 3);
    let _ = release.send(());
}

#[test]
fn a_panic_in_the_call_reaches_the_caller() {
    let caught = std::panic::catch_unwind(|| {
        let _: Result<(), ()> = run(|| panic!("inside"), |s| s.take_within(TICK), || Ok(()));
    });
    assert!(caught.is_err());
}
