//! The CI integrations shipped at the repository's root, exercised as their hosts run
//! them: the pre-commit hooks (`.pre-commit-hooks.yaml`: the file pattern as pre-commit
//! matches it, the entry with the matched files appended) and the GitHub Action
//! (`action.yml`: its structure, and its lint steps' scripts run by bash with the
//! inputs in the environment, as the runner does). Installing okr and uploading SARIF
//! need GitHub and are not run here.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).expect("the file is in the repository")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hook {
    id: String,
    name: String,
    description: String,
    entry: String,
    language: String,
    files: String,
    pass_filenames: bool,
}

/// A folder of plans named as teams name them: two that lint clean of errors, one in
/// `okrs/` that does not validate, and files the hooks must leave alone.
fn plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let put = |name: &str, from: &str| {
        let to = dir.path().join(name);
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("folder");
        std::fs::copy(repo(from), to).expect("copied");
    };
    put("okrs.yaml", "fixtures/lint/time.yaml");
    put("team.okrs.yaml", "fixtures/lint/wording.yaml");
    put("okrs/bad.yaml", "fixtures/bad/start-equals-target.yaml");
    put("README.yaml", "fixtures/lint/time.yaml");
    dir
}

/// Runs a hook's entry in `dir` with `files` appended, the `okr` under test first on
/// PATH; the exit code.
fn run_entry(hook: &Hook, dir: &Path, files: &[&str]) -> Option<i32> {
    let mut words = hook.entry.split_whitespace();
    assert_eq!(words.next(), Some("okr"), "{}: runs okr", hook.id);
    Command::new(env!("CARGO_BIN_EXE_okr"))
        .args(words)
        .args(files)
        .current_dir(dir)
        .output()
        .expect("okr runs")
        .status
        .code()
}

#[test]
fn the_pre_commit_hooks_match_plans_and_block_bad_ones() {
    let hooks: Vec<Hook> =
        serde_saphyr::from_str(&read(".pre-commit-hooks.yaml")).expect("valid hooks file");
    let ids: Vec<&str> = hooks.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["okr-validate", "okr-lint"]);
    let dir = plans();
    for hook in &hooks {
        assert_eq!(
            hook.language, "system",
            "{}: runs the installed okr",
            hook.id
        );
        assert!(hook.pass_filenames && !hook.name.is_empty() && !hook.description.is_empty());
        // pre-commit matches `files` with Python's re.search on the path from the
        // repository's root; this pattern means the same in both engines.
        let pattern = regex::Regex::new(&hook.files).expect("a valid pattern");
        for name in [
            "okrs.yaml",
            "okr.yml",
            "okrs-2026.json",
            "team.okrs.yaml",
            "plans/team.okr.json",
            "okrs/q4.yaml",
            "company/okrs/q4.yml",
        ] {
            assert!(pattern.is_match(name), "{}: should match {name}", hook.id);
        }
        for name in [
            "README.yaml",
            "src/okr.rs",
            "okrs.yaml.bak",
            "docs/okrs.md",
            "booking.yaml",
            "okrs/notes/readme.txt",
        ] {
            assert!(!pattern.is_match(name), "{}: should skip {name}", hook.id);
        }
        let matched: Vec<&str> = [
            "okrs.yaml",
            "team.okrs.yaml",
            "okrs/bad.yaml",
            "README.yaml",
        ]
        .into_iter()
        .filter(|f| pattern.is_match(f))
        .collect();
        assert_eq!(matched, ["okrs.yaml", "team.okrs.yaml", "okrs/bad.yaml"]);
        assert_eq!(
            run_entry(hook, dir.path(), &matched[..2]),
            Some(0),
            "{}: good plans pass",
            hook.id
        );
        assert_eq!(
            run_entry(hook, dir.path(), &matched),
            Some(1),
            "{}: a plan with errors blocks the commit",
            hook.id
        );
    }
}

/// `${{ inputs.NAME }}` references in `text`.
fn input_references(text: &str) -> Vec<String> {
    regex::Regex::new(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
        .expect("pattern")
        .captures_iter(text)
        .map(|c| c[1].to_owned())
        .collect()
}

#[test]
fn the_action_is_a_composite_whose_lint_steps_run() {
    let text = read("action.yml");
    let action: serde_json::Value = serde_saphyr::from_str(&text).expect("valid YAML");
    for key in ["name", "description", "inputs", "runs"] {
        assert!(action.get(key).is_some(), "action.yml needs `{key}`");
    }
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().expect("inputs");
    for (name, input) in inputs {
        assert!(
            input["description"].is_string(),
            "input {name} is described"
        );
        assert!(input["default"].is_string(), "input {name} has a default");
    }
    for name in input_references(&text) {
        assert!(
            inputs.contains_key(&name),
            "`inputs.{name}` is not declared"
        );
    }
    let steps = action["runs"]["steps"].as_array().expect("steps");
    for step in steps {
        // A composite action's `run` step must name its shell, or GitHub refuses it.
        if step.get("run").is_some() {
            assert!(
                step["shell"].is_string(),
                "{step}: a run step names its shell"
            );
        }
        // Inputs reach scripts through the environment, never pasted into them.
        if let Some(script) = step["run"].as_str() {
            assert!(input_references(script).is_empty(), "{script}");
        }
    }

    // The lint steps as the runner runs them: bash, the step's environment with the
    // inputs (here: two plans by glob and a flag) filled in, okr on PATH.
    let dir = plans();
    let okr_dir = Path::new(env!("CARGO_BIN_EXE_okr"))
        .parent()
        .expect("a folder");
    let path = format!(
        "{}:{}",
        okr_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let given: BTreeMap<&str, &str> = [
        ("files", "*.okrs.yaml okrs.yaml"),
        ("args", "--as-of 2026-02-14"),
        ("sarif", "out/okr.sarif"),
        ("upload-sarif", "false"),
    ]
    .into_iter()
    .collect();
    std::fs::create_dir_all(dir.path().join("out")).expect("folder");
    let mut ran = 0;
    for step in steps {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        if !script.contains("okr lint") {
            continue;
        }
        let mut command = Command::new("bash");
        command
            .args(["-e", "-c", script])
            .current_dir(dir.path())
            .env("PATH", &path);
        for (name, value) in step["env"].as_object().into_iter().flatten() {
            let value = value.as_str().expect("a string");
            let input = input_references(value);
            let value = match &input[..] {
                [one] => given[one.as_str()],
                _ => value,
            };
            command.env(name, value);
        }
        let out = command.output().expect("bash runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{script}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if script.contains("--format github") {
            assert!(
                stdout.lines().count() > 10 && stdout.lines().all(|l| l.starts_with("::")),
                "{stdout}"
            );
            assert!(stdout.contains("file=team.okrs.yaml,line="), "{stdout}");
            assert!(stdout.contains("file=okrs.yaml,line="), "{stdout}");
        }
        ran += 1;
    }
    assert_eq!(ran, 2, "the annotations and the SARIF steps");
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/okr.sarif")).expect("written"),
    )
    .expect("SARIF is JSON");
    let uris: std::collections::BTreeSet<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert_eq!(
        uris.into_iter().collect::<Vec<_>>(),
        ["okrs.yaml", "team.okrs.yaml"]
    );
}
