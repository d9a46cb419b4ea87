//! Rendered diagnostics, held to snapshots: every plan in `fixtures/diagnostics` is run
//! through `okr validate` (or `okr lint`, for the `lint-*` plans) from that folder, and
//! what a person sees (exit code, stdout, stderr) must match `<name>.txt` beside it.
//! `OKR_UPDATE_SNAPSHOTS=1` rewrites the snapshots after a deliberate change; read the
//! diff before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/diagnostics")
}

/// The command a case runs, as it would be typed in the folder.
fn command(file: &str) -> Vec<&str> {
    if file.starts_with("lint-") {
        vec!["lint", file, "--as-of", "2026-11-15"]
    } else {
        vec!["validate", file]
    }
}

fn run(args: &[&str], color: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_okr"))
        .args(args)
        .args(["--color", color])
        .current_dir(folder())
        .env_remove("NO_COLOR")
        .output()
        .expect("okr runs")
}

fn cases() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(folder())
        .expect("the fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| {
            [".yaml", ".json", ".csv"]
                .iter()
                .any(|ext| f.ends_with(ext))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_case_renders_as_its_snapshot() {
    let cases = cases();
    assert!(cases.len() >= 20, "{} cases", cases.len());
    let update = std::env::var_os("OKR_UPDATE_SNAPSHOTS").is_some();
    let mut wrong = Vec::new();
    for file in &cases {
        let args = command(file);
        let o = run(&args, "never");
        let seen = format!(
            "$ okr {}\nexit {}\n--- stdout\n{}--- stderr\n{}",
            args.join(" "),
            o.status.code().map_or("signal".into(), |c| c.to_string()),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        let stem = file.rsplit_once('.').map_or(file.as_str(), |(s, _)| s);
        let snapshot = folder().join(format!("{stem}.txt"));
        if update {
            std::fs::write(&snapshot, &seen).expect("writes the snapshot");
        }
        let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
        if seen != expected {
            wrong.push(format!("{file}:\n{seen}\n--- expected\n{expected}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let args = ["validate", "misspelt-field.yaml"];
    let plain = run(&args, "never");
    assert!(!plain.stderr.contains(&0x1b), "no escape codes");
    let coloured = run(&args, "always");
    let err = String::from_utf8_lossy(&coloured.stderr);
    assert!(err.contains("\x1b["), "{err}");
    // `auto` writing to a pipe (as here) is plain, and so is NO_COLOR.
    assert_eq!(run(&args, "auto").stderr, plain.stderr);
    let no_color = Command::new(env!("CARGO_BIN_EXE_okr"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(folder())
        .output()
        .expect("okr runs");
    assert_eq!(no_color.stderr, plain.stderr);
    // The same lint findings with and without colour, once the escapes are gone.
    let lint = ["lint", "lint-findings.yaml", "--as-of", "2026-11-15"];
    let stripped = strip_ansi(&String::from_utf8_lossy(&run(&lint, "always").stdout));
    assert_eq!(
        stripped,
        String::from_utf8_lossy(&run(&lint, "never").stdout)
    );
}

fn strip_ansi(text: &str) -> String {
    let escapes = regex::Regex::new("\x1b\\[[0-9;]*m").expect("a regex");
    escapes.replace_all(text, "").into_owned()
}
