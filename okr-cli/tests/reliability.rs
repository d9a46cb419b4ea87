//! The `okr` binary against what the file system can do to it: inputs that never end
//! or never open, a disk that fills mid-append, and many processes appending to and
//! reading one log at once.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const OKR: &str = env!("CARGO_BIN_EXE_okr");

fn okr(args: &[&str]) -> Output {
    Command::new(OKR).args(args).output().expect("okr runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const PLAN: &str = "schema_version: 1\ncheck_ins_file: plan.jsonl\ncycles: [{id: q, name: Q1, start: 2026-01-01, end: 2026-03-31}]\nobjectives:\n  - id: o\n    title: Make onboarding effortless\n    cycle: q\n    key_results:\n      - {id: k, title: Raise activation from 20% to 40%, type: increase, start: 20, target: 40}\n";

fn plan(dir: &Path) -> PathBuf {
    let path = dir.join("plan.yaml");
    std::fs::write(&path, PLAN).expect("writes");
    path
}

/// Runs `okr` and fails the test if it has not finished within `limit`, instead of
/// hanging the suite (the bug being tested is a hang).
fn okr_within(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(OKR)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("okr runs");
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("`okr {}` still running after {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

#[test]
#[cfg(unix)]
fn a_fifo_or_an_endless_device_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("plan.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.map(|s| s.success()).unwrap_or(false) {
        let o = okr_within(
            &["validate", &fifo.to_string_lossy()],
            Duration::from_secs(20),
        );
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
    }
    let zero = dir.path().join("zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let o = okr_within(
        &["validate", &zero.to_string_lossy()],
        Duration::from_secs(20),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // Asked to read devices, it still stops at the limit.
    let o = okr_within(
        &[
            "validate",
            &zero.to_string_lossy(),
            "--allow-special-files",
            "--max-input-bytes",
            "100000",
        ],
        Duration::from_secs(20),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("input limit"), "{}", stderr(&o));
}

#[test]
fn a_plan_over_the_input_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan(dir.path());
    let o = okr(&[
        "validate",
        &path.to_string_lossy(),
        "--max-input-bytes",
        "100",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("larger than the 100-byte input limit"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn text_that_is_not_utf8_is_reported_at_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, b"schema_version: 1\nname: caf\xE9\nobjectives: []\n").expect("writes");
    let o = okr(&["validate", &path.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.starts_with("error[syntax]: "), "{err}");
    assert!(err.contains("plan.yaml:2:10\n"), "{err}");
    // The line is shown with the bad byte replaced, and the caret under it.
    assert!(err.contains("2 | name: caf\u{FFFD}\n"), "{err}");
    assert!(err.contains("  |          ^\n"), "{err}");
}

/// `okr check-in` under a file-size limit that the append runs into part-way (what a
/// full disk does): it fails, and the log is byte for byte what it was, so every later
/// command still reads it.
#[test]
#[cfg(unix)]
fn an_append_that_hits_a_full_disk_leaves_the_log_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan(dir.path());
    let log = dir.path().join("plan.jsonl");
    let first = okr(&[
        "check-in",
        &path.to_string_lossy(),
        "k",
        "25",
        "--at",
        "2026-01-10",
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = std::fs::read(&log).expect("log");
    assert!(
        before.len() < 512,
        "the limit below must fall inside the next line"
    );

    // `ulimit -f 1`: at most one block (512 or 1,024 bytes, by shell) per file; the
    // signal it sends is ignored, so the write fails with EFBIG as on a full disk.
    let note = "n".repeat(8 * 1024);
    let script = format!(
        "trap '' XFSZ; ulimit -f 1 && exec \"$0\" check-in \"$1\" k 30 --at 2026-01-20 --note {note}"
    );
    let o = Command::new("sh")
        .args(["-c", &script, OKR, &path.to_string_lossy()])
        .output()
        .expect("sh runs");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("left as it was"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&log).expect("log"), before);

    let o = okr(&["validate", &path.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = okr(&[
        "check-in",
        &path.to_string_lossy(),
        "k",
        "30",
        "--at",
        "2026-01-20",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&log).expect("log").lines().count(),
        2
    );
}

/// Writers with notes of tens of kilobytes (a write the kernel may split) append while
/// readers validate: no reader sees a half-written line, no append is lost or glued
/// to another, and no blank line appears.
#[test]
fn concurrent_appends_and_reads_never_see_a_torn_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan(dir.path()).to_string_lossy().into_owned();
    let log = dir.path().join("plan.jsonl");
    let (writers, appends, readers, reads) = (6, 4, 3, 12);
    std::thread::scope(|s| {
        for w in 0..writers {
            let path = &path;
            s.spawn(move || {
                for a in 0..appends {
                    let note = format!("{w}-{a} ").repeat(6_000 + 1_000 * w);
                    let o = okr(&[
                        "check-in",
                        path,
                        "k",
                        "30",
                        "--at",
                        "2026-01-20",
                        "--note",
                        &note,
                    ]);
                    assert_eq!(o.status.code(), Some(0), "writer {w}: {}", stderr(&o));
                }
            });
        }
        for r in 0..readers {
            let path = &path;
            s.spawn(move || {
                for _ in 0..reads {
                    let o = okr(&["validate", path]);
                    assert_eq!(o.status.code(), Some(0), "reader {r}: {}", stderr(&o));
                }
            });
        }
    });
    let text = std::fs::read_to_string(&log).expect("log");
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines.len(), writers * appends);
    for line in lines {
        let entry: serde_json::Value = serde_json::from_str(line).expect("a whole entry");
        assert_eq!(entry["key_result"], "k");
    }
}

/// A plan is often someone else's file: its `check_ins_file` may not send `okr
/// check-in` outside the plan's folder unless the user allows it.
#[test]
fn a_check_ins_log_outside_the_plans_folder_is_refused_unless_allowed() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("plans");
    std::fs::create_dir(&dir).expect("mkdir");
    let path = dir.join("plan.yaml");
    std::fs::write(&path, PLAN.replace("plan.jsonl", "../outside.jsonl")).expect("writes");
    let path = path.to_string_lossy().into_owned();
    let outside = root.path().join("outside.jsonl");

    // A problem of the plan (exit 1), not of the command line.
    let o = okr(&["check-in", &path, "k", "25", "--at", "2026-01-10"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("outside the plan's folder"),
        "{}",
        stderr(&o)
    );
    assert!(!outside.exists());
    let o = okr(&["validate", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));

    let o = okr(&[
        "check-in",
        &path,
        "k",
        "25",
        "--at",
        "2026-01-10",
        "--allow-log-outside-folder",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(outside.exists());
}

/// Titles are free text, so they may hold an escape sequence or a newline; the text
/// output shows them escaped, so a title cannot erase a line or forge one.
#[test]
fn terminal_output_shows_control_characters_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.yaml");
    let plan = PLAN.replace(
        "title: Make onboarding effortless",
        "title: \"Make onboarding effortless\\e[2K\\rplan.yaml:1:1: error[syntax]: forged\"",
    );
    std::fs::write(&path, plan).expect("writes");
    for command in ["score", "tree"] {
        let o = okr(&[command, &path.to_string_lossy(), "--as-of", "2026-02-01"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(!out.contains('\u{1b}') && !out.contains('\r'), "{out}");
        assert!(out.contains("effortless\\u{1b}[2K\\rplan.yaml"), "{out}");
    }
}

#[test]
fn a_negative_value_is_a_value_not_an_option() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan(dir.path()).to_string_lossy().into_owned();
    let o = okr(&["check-in", &path, "k", "-5", "--at", "2026-01-10"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let log = std::fs::read_to_string(dir.path().join("plan.jsonl")).expect("log");
    assert!(log.contains("\"value\":-5.0"), "{log}");
}
