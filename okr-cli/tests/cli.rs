//! The `okr` binary end to end: exit codes, output shapes, and a check-in that never
//! rewrites the plan.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn okr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_okr"))
        .args(args)
        .output()
        .expect("okr runs")
}

fn repo(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_accepts_the_example() {
    let o = okr(&["validate", &repo("examples/acme.yaml")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("12 objectives, 30 key results"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn validate_reports_file_line_column_and_exits_1() {
    let o = okr(&["validate", &repo("fixtures/bad/start-equals-target.yaml")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("error[zero_range]: "), "{err}");
    assert!(err.contains("start-equals-target.yaml:11:9\n"), "{err}");
    assert!(
        err.contains("= note: at objectives[0].key_results[0].target"),
        "{err}"
    );
}

#[test]
fn unreadable_input_and_bad_usage_exit_2() {
    assert_eq!(
        okr(&["score", "/nonexistent/plan.yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        okr(&["score", &repo("examples/acme.yaml"), "--as-of", "someday"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(okr(&["score", &repo("README.md")]).status.code(), Some(2));
    assert_eq!(okr(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn score_json_has_the_documented_fields() {
    let o = okr(&[
        "score",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(card["as_of"], "2026-11-15");
    let objectives = card["objectives"].as_array().expect("objectives");
    assert_eq!(objectives.len(), 12);
    let fields = [
        "id",
        "progress",
        "raw_progress",
        "expected",
        "status",
        "value",
        "confidence",
        "forecast",
        "probability",
    ];
    for o in objectives {
        for f in fields {
            assert!(o.get(f).is_some(), "objective {} lacks {f}", o["id"]);
        }
        for k in o["key_results"].as_array().expect("key_results") {
            for f in fields {
                assert!(k.get(f).is_some(), "key result {} lacks {f}", k["id"]);
            }
        }
    }
    let baseline = objectives
        .iter()
        .flat_map(|o| o["key_results"].as_array().into_iter().flatten())
        .find(|k| k["id"] == "expansion-baseline")
        .expect("baseline KR");
    assert!(
        baseline["progress"].is_null(),
        "a baseline is not scored: {baseline}"
    );
}

#[test]
fn score_text_shows_progress_and_status() {
    let o = okr(&[
        "score",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
    ]);
    let out = stdout(&o);
    assert!(out.starts_with("Scores as of 2026-11-15"), "{out}");
    assert!(
        out.contains("- arr  Grow ARR from $10.0M to $12.5M  [increase]"),
        "{out}"
    );
    assert!(
        out.contains("value 11 USD M · progress 40% · expected 50% · behind"),
        "{out}"
    );
}

#[test]
fn what_if_lists_the_scores_that_move_and_changes_no_file() {
    let plan = repo("examples/acme.yaml");
    let before = std::fs::read(&plan).expect("the plan");
    let log = std::fs::read(repo("examples/acme.check-ins.jsonl")).expect("the log");
    let args = [
        "score",
        &plan,
        "--as-of",
        "2026-11-15",
        "--what-if",
        "arr=12.5",
        "--what-if",
        "pg16=done",
    ];
    let o = okr(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("What if, as of 2026-11-15: arr = 12.5, pg16 = true"),
        "{out}"
    );
    // arr moves acme-grow; pg16 moves platform-speed; nothing else moves.
    let moved: Vec<&str> = out
        .lines()
        .skip(2)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().find(|w| *w != "-").unwrap_or(""))
        .collect();
    assert_eq!(
        moved,
        ["acme-grow", "arr", "platform-speed", "pg16"],
        "{out}"
    );
    assert!(out.contains("progress 40% → 100% · behind → done"), "{out}");
    assert!(out.contains("Scores as of 2026-11-15"), "{out}");
    assert_eq!(std::fs::read(&plan).expect("the plan"), before);
    assert_eq!(
        std::fs::read(repo("examples/acme.check-ins.jsonl")).expect("the log"),
        log
    );

    let json = okr(&[&args[..], &["--format", "json"]].concat());
    let answer: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(answer["supposed"][0]["key_result"], "arr");
    assert_eq!(answer["supposed"][1]["value"], true);
    let grow = &answer["changes"][0];
    assert_eq!(
        (grow["id"].as_str(), grow["kind"].as_str()),
        (Some("acme-grow"), Some("objective"))
    );
    assert!(grow["progress_after"].as_f64() > grow["progress_before"].as_f64());
    assert_eq!(answer["scorecard"]["as_of"], "2026-11-15");
}

#[test]
fn what_if_refuses_what_it_cannot_suppose() {
    let plan = repo("examples/acme.yaml");
    for (arg, says) in [
        ("arr", "takes KR=VALUE"),
        ("nope=3", "`nope` not found"),
        ("pg16=maybe", "true or false"),
        ("new-logos=5", "aggregate"),
        ("arr=lots", "not a number"),
    ] {
        let o = okr(&["score", &plan, "--what-if", arg]);
        assert_eq!(o.status.code(), Some(2), "{arg}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{arg}: {}", stderr(&o));
    }
}

#[test]
fn a_preset_changes_the_figures() {
    let o = okr(&[
        "score",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "json",
        "--preset",
        "burning-okr",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let arr = &card["objectives"][0]["key_results"][0];
    // progress 0.4 against 0.5 elapsed: −0.1 is within BurningOKR's −0.2, so on track.
    assert_eq!(arr["status"], "on_track", "{arr}");
}

fn temp_plan(dir: &Path, with_log: bool) -> PathBuf {
    let mut text = std::fs::read_to_string(repo("examples/acme.yaml")).expect("example");
    if !with_log {
        text = text.replace("check_ins_file: acme.check-ins.jsonl\n", "");
    }
    let path = dir.join("plan.yaml");
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn check_in_appends_to_the_log_and_never_touches_the_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = temp_plan(dir.path(), true);
    let before = std::fs::read(&plan).expect("plan");
    let log = dir.path().join("acme.check-ins.jsonl");
    std::fs::write(
        &log,
        "{\"key_result\":\"nps\",\"at\":\"2026-11-10\",\"value\":37}",
    )
    .expect("log without final newline");
    let plan_arg = plan.to_string_lossy().into_owned();
    let o = okr(&[
        "check-in",
        &plan_arg,
        "arr",
        "11.4",
        "--confidence",
        "7/10",
        "--note",
        "Closed Globex",
        "--at",
        "2026-11-16",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = okr(&[
        "check-in",
        &plan_arg,
        "pg16",
        "done",
        "--at",
        "2026-11-20T10:00:00+01:00",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&plan).expect("plan"),
        before,
        "the plan file is byte for byte unchanged"
    );
    let lines: Vec<String> = std::fs::read_to_string(&log)
        .expect("log")
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(
        lines[1],
        r#"{"key_result":"arr","at":"2026-11-16","value":11.4,"confidence":0.7,"note":"Closed Globex"}"#
    );
    assert_eq!(
        lines[2],
        r#"{"key_result":"pg16","at":"2026-11-20T10:00:00+01:00","value":true}"#
    );
    let o = okr(&[
        "score",
        &plan_arg,
        "--as-of",
        "2026-11-16",
        "--format",
        "json",
    ]);
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let arr = &card["objectives"][0]["key_results"][0];
    assert_eq!(arr["value"], 11.4, "the logged check-in is merged: {arr}");
    assert_eq!(arr["confidence"], 0.7);
}

#[test]
fn check_in_refuses_bad_values_and_unknown_key_results() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = temp_plan(dir.path(), true);
    let plan_arg = plan.to_string_lossy().into_owned();
    let o = okr(&["check-in", &plan_arg, "pg16", "42"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a milestone value is true or false"),
        "{}",
        stderr(&o)
    );
    let o = okr(&["check-in", &plan_arg, "no-such-kr", "1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("key result `no-such-kr` not found in the plan"),
        "{}",
        stderr(&o)
    );
    let o = okr(&["check-in", &plan_arg, "arr", "11", "--confidence", "7"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        !dir.path().join("acme.check-ins.jsonl").exists(),
        "nothing was written"
    );
}

#[test]
fn check_in_without_a_log_says_how_to_add_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = temp_plan(dir.path(), false);
    let o = okr(&["check-in", &plan.to_string_lossy(), "arr", "11"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("check_ins_file: plan.check-ins.jsonl"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn init_writes_a_valid_starter_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("okrs.yaml");
    let path_arg = path.to_string_lossy().into_owned();
    assert_eq!(okr(&["init", &path_arg]).status.code(), Some(0));
    let o = okr(&["validate", &path_arg]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(okr(&["init", &path_arg]).status.code(), Some(2));
    // The plan names its schema for editors, and the schema is written beside it.
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(
        text.starts_with("# yaml-language-server: $schema=okr.schema.json\n"),
        "{text}"
    );
    let schema = std::fs::read_to_string(dir.path().join("okr.schema.json")).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("JSON");
    assert_eq!(
        schema["$id"],
        "https://example.invalid/okr/plan-v1.schema.json"
    );
    // A second plan in the folder keeps the schema that is there.
    let other = dir.path().join("team.yaml").to_string_lossy().into_owned();
    let o = okr(&["init", &other]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stdout(&o).contains("okr.schema.json"), "{}", stdout(&o));
}

#[test]
fn convert_says_that_a_yaml_plans_comments_are_left_out() {
    let o = okr(&["convert", &repo("examples/acme.yaml"), "--to", "yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "warning: the YAML leaves out the comments (14 lines): a plan is written from its data\n"
    );
    // Whole numbers stay whole.
    assert!(stdout(&o).contains("    start: 800\n"), "{}", stdout(&o));
    let dir = tempfile::tempdir().expect("tempdir");
    let json = dir.path().join("acme.json");
    let o = okr(&["convert", &repo("examples/acme.yaml"), "--to", "json"]);
    std::fs::write(&json, &o.stdout).expect("writes");
    let o = okr(&["convert", &json.to_string_lossy(), "--to", "yaml"]);
    assert!(
        stderr(&o).is_empty(),
        "JSON has no comments to lose: {}",
        stderr(&o)
    );
}

#[test]
fn report_since_a_date_and_without_findings() {
    let plan = repo("examples/acme.yaml");
    let o = okr(&[
        "report",
        &plan,
        "--as-of",
        "2026-11-15",
        "--since",
        "2026-11-01",
        "--no-lint",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("## Since 1 November 2026\n"), "{md}");
    assert!(
        md.contains("| **emea-dach** Break into the DACH mid-market | 17% → 77% | +60 pts | behind → on track |"),
        "{md}"
    );
    assert!(!md.contains("Diagnostics:"), "{md}");
    // A unit's subtree, and one person's share.
    let o = okr(&["report", &plan, "--as-of", "2026-11-15", "--unit", "sales"]);
    let md = stdout(&o);
    assert!(
        md.contains("As of 15 November 2026; unit Sales and the units under it."),
        "{md}"
    );
    assert!(
        md.contains("### emea-dach") && md.contains("### sales-na"),
        "{md}"
    );
    assert!(!md.contains("### acme-grow"), "{md}");
    let o = okr(&["report", &plan, "--as-of", "2026-11-15", "--owner", "priya"]);
    let md = stdout(&o);
    assert!(
        md.contains("| nps Lift NPS") && !md.contains("| arr Grow ARR"),
        "{md}"
    );
    let o = okr(&["report", &plan, "--unit", "salse"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("did you mean `sales`?"),
        "{}",
        stderr(&o)
    );
    // An earlier moment after the one reported is bad usage.
    let o = okr(&[
        "report",
        &plan,
        "--as-of",
        "2026-11-01",
        "--since",
        "2026-11-15",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--since must be before"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn report_writes_a_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.html");
    let out_arg = out.to_string_lossy().into_owned();
    let o = okr(&[
        "report",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "html",
        "-o",
        &out_arg,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let html = std::fs::read_to_string(&out).expect("written");
    assert!(
        html.trim_end().ends_with("</html>"),
        "{}",
        &html[html.len().saturating_sub(200)..]
    );
    // Nothing but the report is left in the folder.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // Into a folder that does not exist: an error, and nothing written.
    let o = okr(&[
        "report",
        &repo("examples/acme.yaml"),
        "-o",
        &dir.path().join("no/such/r.md").to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// One table of exit codes for every command: 1 for a plan with problems (whatever the
/// kind: syntax, shape, validation), 2 for bad usage or a file that cannot be read.
#[test]
fn every_command_exits_by_the_same_table() {
    let commands: [&[&str]; 5] = [
        &["validate"],
        &["score"],
        &["lint"],
        &["report"],
        &["check-in", "k1", "1"],
    ];
    for command in commands {
        for (file, code) in [
            ("fixtures/bad/malformed-yaml.yaml", 1),
            ("fixtures/bad/wrong-type.yaml", 1),
            ("fixtures/bad/duplicate-ids.yaml", 1),
            ("fixtures/bad/no-such-plan.yaml", 2),
        ] {
            let mut args = vec![command[0]];
            let path = repo(file);
            args.push(&path);
            args.extend(&command[1..]);
            let o = okr(&args);
            assert_eq!(
                o.status.code(),
                Some(code),
                "okr {}: {}",
                args.join(" "),
                stderr(&o)
            );
        }
    }
    let o = okr(&["score", &repo("examples/acme.yaml"), "--as-of", "someday"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// A CI job uploads what `okr lint --format json|sarif` writes: when the plan cannot be
/// linted, the file still parses and says why.
#[test]
fn lint_json_and_sarif_carry_the_errors_that_stop_linting() {
    let bad = repo("fixtures/bad/wrong-type.yaml");
    let o = okr(&["lint", &bad, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let found: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON on stdout");
    assert_eq!(found[0]["code"], "schema", "{found}");
    assert_eq!(found[0]["path"], "objectives[0].weight", "{found}");
    assert_eq!(found[0]["line"], 6, "{found}");

    let o = okr(&["lint", &bad, "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("SARIF on stdout");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "schema", "{result}");
    assert!(result.get("ruleIndex").is_none(), "{result}");
    assert_eq!(result["level"], "error", "{result}");
}

#[test]
fn validate_checks_every_file_it_is_given_and_reports_them_as_json() {
    let good = repo("examples/acme.yaml");
    let bad = repo("fixtures/bad/duplicate-ids.yaml");
    let o = okr(&["validate", &good, &bad]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("acme.yaml: ok"), "{}", stdout(&o));
    assert!(stderr(&o).contains("error[duplicate_id]"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("duplicate-ids.yaml:11:10\n"),
        "{}",
        stderr(&o)
    );

    let o = okr(&["validate", &bad, &good, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let records: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(records[0]["ok"], false, "{records}");
    assert_eq!(records[0]["errors"][0]["code"], "duplicate_id", "{records}");
    assert_eq!(records[0]["errors"][0]["line"], 11, "{records}");
    assert_eq!(records[1]["ok"], true, "{records}");
    assert_eq!(records[1]["objectives"], 12, "{records}");

    // A file that cannot be read at all makes it a usage failure (exit 2), and the
    // files after it are still checked.
    let o = okr(&["validate", &repo("fixtures/bad/no-such.yaml"), &good]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).contains("acme.yaml: ok"), "{}", stdout(&o));
}

#[test]
fn help_shows_examples_and_the_exit_codes() {
    let help = stdout(&okr(&["--help"]));
    assert!(
        help.contains("Examples:") && help.contains("okr validate okrs/*.yaml"),
        "{help}"
    );
    assert!(help.contains("Exit codes: 0 fine, 1"), "{help}");
}

#[test]
fn completions_cover_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = okr(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for command in ["validate", "score", "lint", "check-in", "completions"] {
            assert!(
                script.contains(command),
                "{shell} completion lacks {command}"
            );
        }
    }
    assert_eq!(okr(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn validate_counts_in_words_that_agree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("one.yaml");
    std::fs::write(
        &path,
        "schema_version: 1\nobjectives:\n  - id: o\n    title: Ship the beta\n    key_results: [{id: k, title: Beta live, type: milestone, check_ins: [{at: 2026-01-05, value: true}]}]\n",
    )
    .expect("writes");
    let o = okr(&["validate", &path.to_string_lossy()]);
    assert!(
        stdout(&o).contains("ok (1 objective, 1 key result, 1 check-in)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn schema_is_json_schema_of_the_plan() {
    let o = okr(&["schema"]);
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(schema["title"], "OKR plan");
    assert!(
        schema["required"]
            .as_array()
            .expect("required")
            .contains(&"schema_version".into())
    );
    assert!(
        schema.to_string().contains("\"stretch\""),
        "key-result fields are in the schema"
    );
}

#[test]
fn convert_to_csv_says_what_it_leaves_out_and_refuses_what_would_not_validate() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The example names a KPI from a key result; CSV carries no KPIs, so its CSV would
    // not validate: refused, nothing on stdout, every loss named on stderr.
    let o = okr(&["convert", &repo("examples/acme.yaml"), "--to", "csv"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    for lost in [
        "1 KPI(s)",
        "initiative(s)",
        "the plan's `name`",
        "`check_ins_file`",
    ] {
        assert!(
            err.contains(&format!("warning: the CSV leaves out {lost}")) || err.contains(lost),
            "{lost}: {err}"
        );
    }
    assert!(
        err.contains("KPI `uptime` does not exist") && err.contains("--lossy"),
        "{err}"
    );

    // With --lossy it is written, one row per key result, and reads back as said.
    let o = okr(&[
        "convert",
        &repo("examples/acme.yaml"),
        "--to",
        "csv",
        "--lossy",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv_path = dir.path().join("acme.csv");
    std::fs::write(&csv_path, &o.stdout).expect("write");
    assert_eq!(
        stdout(&o).lines().count(),
        1 + 30,
        "a header and one row per key result"
    );
    let o = okr(&["validate", &csv_path.to_string_lossy()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "KR-level references to KPIs are not carried by CSV"
    );
    assert!(
        stderr(&o).contains("KPI `uptime` does not exist"),
        "{}",
        stderr(&o)
    );

    // A plan CSV can hold whole converts without a word.
    let plain = dir.path().join("plain.yaml");
    std::fs::write(
        &plain,
        "schema_version: 1\nunits: [{id: co, name: Company, kind: company}]\ncycles: [{id: q, name: Q1, start: 2026-01-01, end: 2026-03-31}]\nobjectives:\n  - id: o\n    title: Grow the business\n    unit: co\n    cycle: q\n    key_results: [{id: k, title: Sign 10 deals, type: increase, start: 0, target: 10}]\n",
    )
    .expect("writes");
    let o = okr(&["convert", &plain.to_string_lossy(), "--to", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn the_shipped_schema_is_up_to_date() {
    let shipped =
        std::fs::read_to_string(repo("docs/plan.schema.json")).expect("docs/plan.schema.json");
    assert!(
        shipped == stdout(&okr(&["schema"])),
        "docs/plan.schema.json is stale: run `cargo run -p okr-cli -- schema > docs/plan.schema.json`"
    );
}

#[test]
fn tree_draws_the_alignment_tree() {
    let o = okr(&["tree", &repo("examples/acme.yaml"), "--as-of", "2026-11-15"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "acme-grow  Become the default ledger for mid-market finance teams  42% behind"
    );
    assert!(
        lines.contains(&"│  └─ support-love  Make support a reason customers stay  90% behind"),
        "{out}"
    );
    assert!(out.contains("└─ growth-activation  Make new customers successful in their first month  42% behind  (also under cs-retention)"), "{out}");
    assert_eq!(lines.len(), 12, "each objective once");
}

#[test]
fn score_json_carries_the_tree() {
    let o = okr(&[
        "score",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "json",
    ]);
    let card: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let grow = &card["objectives"][0];
    assert_eq!(grow["id"], "acme-grow");
    assert_eq!(
        grow["children"],
        serde_json::json!(["sales-na", "cs-retention", "emea-dach", "growth-activation"])
    );
    let growth = card["objectives"]
        .as_array()
        .expect("objectives")
        .iter()
        .find(|o| o["id"] == "growth-activation")
        .expect("growth-activation");
    assert_eq!(
        growth["parents"],
        serde_json::json!(["acme-grow", "cs-retention"])
    );
}

#[test]
fn generate_writes_a_valid_seeded_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.json");
    let a = okr(&["generate", "--size", "200", "--seed", "4"]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(
        a.stdout,
        okr(&["generate", "--size", "200", "--seed", "4"]).stdout,
        "same seed, same plan"
    );
    std::fs::write(&path, &a.stdout).expect("write");
    let o = okr(&["validate", &path.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("200 objectives"));

    // Indented by default, so that a finding's line means something; one line, the
    // same plan, with --compact.
    let lines = String::from_utf8_lossy(&a.stdout).lines().count();
    assert!(lines > 1000, "{lines} lines");
    let compact = okr(&["generate", "--size", "200", "--seed", "4", "--compact"]).stdout;
    assert_eq!(String::from_utf8_lossy(&compact).lines().count(), 1);
    let parsed = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON");
    assert_eq!(parsed(&compact), parsed(&a.stdout));
}

#[test]
fn lint_text_reads_like_a_compiler_and_exits_by_severity() {
    let o = okr(&["lint", &repo("examples/acme.yaml"), "--as-of", "2026-11-15"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "warnings alone do not fail: {}",
        stderr(&o)
    );
    let out = stdout(&o);
    assert!(
        out.contains("warning[OKR202]: key result `pricing-page` is an activity"),
        "{out}"
    );
    assert!(out.contains("acme.yaml:320:9\n"), "{out}");
    assert!(
        out.contains("= note: at objectives[8].key_results[0].title\n"),
        "{out}"
    );
    assert!(out.contains("= help: "), "{out}");
    assert!(
        out.trim_end().ends_with("0 errors, 22 warnings, 6 info"),
        "{out}"
    );
    let o = okr(&[
        "lint",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--deny",
        "warnings",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = okr(&[
        "lint",
        &repo("fixtures/lint/values.yaml"),
        "--as-of",
        "2026-02-14",
    ]);
    assert_eq!(o.status.code(), Some(1), "error-level findings fail");
}

#[test]
fn lint_takes_several_plans_and_counts_them_together() {
    let (time, wording) = (
        repo("fixtures/lint/time.yaml"),
        repo("fixtures/lint/wording.yaml"),
    );
    let one = |file: &str| stdout(&okr(&["lint", file, "--as-of", "2026-02-14"]));
    let both = okr(&["lint", &time, &wording, "--as-of", "2026-02-14"]);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    let out = stdout(&both);
    // Each plan's findings as alone, then one count over both.
    let findings = |text: String| text.rsplit_once("\n\n").map(|(f, _)| f.to_owned());
    let expected = format!(
        "{}\n\n{}\n\n",
        findings(one(&time)).expect("findings"),
        findings(one(&wording)).expect("findings")
    );
    assert!(out.starts_with(&expected), "{out}");
    assert!(
        out.trim_end().ends_with("0 errors, 47 warnings, 18 info"),
        "{out}"
    );

    // A plan that cannot be read fails the run, the others are still linted.
    let bad = repo("fixtures/bad/unknown-field.yaml");
    let o = okr(&["lint", &bad, &time, "--as-of", "2026-02-14"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown-field.yaml:10:9"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("time.yaml:"), "{}", stdout(&o));
    let o = okr(&[
        "lint",
        "/nonexistent/okrs.yaml",
        &time,
        "--as-of",
        "2026-02-14",
    ]);
    assert_eq!(o.status.code(), Some(2), "an unreadable file is bad usage");

    // JSON findings carry no file name, so JSON takes one plan.
    let o = okr(&["lint", &time, &wording, "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--format sarif"), "{}", stderr(&o));
    // A misspelt rule is said once, not once a plan.
    let o = okr(&["lint", &time, &wording, "--select", "stale-check-ins"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).matches("did you mean `stale-check-in`").count(),
        1
    );
}

#[test]
fn lint_github_writes_one_annotation_per_finding_and_load_error() {
    let time = repo("fixtures/lint/time.yaml");
    let bad = repo("fixtures/bad/unknown-field.yaml");
    let json = okr(&["lint", &time, "--as-of", "2026-02-14", "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let o = okr(&[
        "lint",
        &time,
        &bad,
        "--as-of",
        "2026-02-14",
        "--format",
        "github",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the plan with errors fails the job"
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let findings = findings.as_array().expect("findings");
    assert!(lines.len() > findings.len(), "{out}");
    for (line, f) in lines.iter().zip(findings) {
        let level = match f["severity"].as_str() {
            Some("error") => "error",
            Some("warning") => "warning",
            _ => "notice",
        };
        let head = format!(
            "::{level} file={time},line={},col={},title={} {}::",
            f["line"],
            f["column"],
            f["code"].as_str().unwrap_or(""),
            f["rule"].as_str().unwrap_or("")
        );
        assert!(line.starts_with(&head), "{line}\nshould start {head}");
    }
    // `%` is escaped as the Actions runner reads it ("10% against 50%").
    assert!(out.contains("10%25 against 50%25 expected"), "{out}");
    let load = lines.last().expect("a line");
    assert!(
        load.starts_with(&format!(
            "::error file={bad},line=10,col=9,title=unknown_field load::"
        )),
        "{load}"
    );
}

#[test]
fn lint_json_has_the_documented_fields() {
    let o = okr(&[
        "lint",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "json",
        "--select",
        "OKR202,orphan-objective",
    ]);
    let diagnostics: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let list = diagnostics.as_array().expect("a list");
    assert!(!list.is_empty());
    for d in list {
        for field in [
            "code", "rule", "severity", "message", "help", "ids", "path", "line", "column",
        ] {
            assert!(d.get(field).is_some(), "{field} missing in {d}");
        }
        assert!(
            d["rule"] == "activity-key-result" || d["rule"] == "orphan-objective",
            "{d}"
        );
    }
    let o = okr(&[
        "lint",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "json",
        "--ignore",
        "activity-key-result",
    ]);
    let diagnostics: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(
        diagnostics
            .as_array()
            .expect("list")
            .iter()
            .all(|d| d["rule"] != "activity-key-result")
    );
}

#[test]
fn lint_sarif_is_a_2_1_0_log() {
    let o = okr(&[
        "lint",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "sarif",
    ]);
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 34);
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap_or("")));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(
            region["startLine"].as_u64().is_some_and(|l| l > 0),
            "{result}"
        );
    }
}

#[test]
fn lint_reads_a_configuration_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("lint.yaml");
    std::fs::write(&config, "profile: strict\nseverity: {activity-key-result: error}\nsettings: {max_key_results: 10}\n").expect("write");
    let o = okr(&[
        "lint",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "json",
        "--config",
        &config.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1), "an activity is now an error");
    let diagnostics: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let list = diagnostics.as_array().expect("list");
    assert!(
        list.iter()
            .any(|d| d["rule"] == "activity-key-result" && d["severity"] == "error")
    );
    assert!(
        list.iter().all(|d| d["rule"] != "too-many-key-results"),
        "max_key_results raised to 10"
    );
    std::fs::write(&config, "settings: {max_objectivs: 2}\n").expect("write");
    let o = okr(&[
        "lint",
        &repo("examples/acme.yaml"),
        "--config",
        &config.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("max_objectivs"), "{}", stderr(&o));
}

#[test]
fn rules_lists_and_documents_every_rule() {
    let o = okr(&["rules"]);
    assert_eq!(stdout(&o).lines().count(), 34);
    let o = okr(&["rules", "OKR202"]);
    let page = stdout(&o);
    assert!(page.starts_with("# activity-key-result (OKR202)"), "{page}");
    for section in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## Options",
        "## Sources",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    assert_eq!(
        stdout(&okr(&["rules", "activity-key-result"])),
        page,
        "by name or by code"
    );
    assert_eq!(okr(&["rules", "no-such-rule"]).status.code(), Some(2));
}

#[test]
fn docs_rules_is_up_to_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = okr(&["rules", "--write-docs", &dir.path().to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let shipped = PathBuf::from(repo("docs/rules"));
    let mut generated: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    let mut committed: Vec<_> = std::fs::read_dir(&shipped)
        .expect("docs/rules")
        .map(|e| e.expect("entry").file_name())
        .collect();
    generated.sort();
    committed.sort();
    assert_eq!(
        generated, committed,
        "docs/rules has other files: run `cargo run -p okr-cli -- rules --write-docs docs/rules`"
    );
    for name in generated {
        let a = std::fs::read_to_string(dir.path().join(&name)).expect("generated");
        let b = std::fs::read_to_string(shipped.join(&name)).expect("committed");
        assert!(
            a == b,
            "docs/rules/{} is stale: run `cargo run -p okr-cli -- rules --write-docs docs/rules`",
            name.to_string_lossy()
        );
    }
}

#[test]
fn report_markdown_has_every_part() {
    let o = okr(&[
        "report",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.starts_with("# Acme Ledger, Q4 2026\n\nAs of 15 November 2026."),
        "{md}"
    );
    for part in [
        "## Grades by unit",
        "| EMEA Sales | 1 | 0.77 |",
        "## Alignment",
        "  - **sales-na** Make North America our strongest region — 41% behind",
        "### arr",
        "Diagnostics:",
        "warning `OKR202`",
    ] {
        assert!(
            md.contains(part) || md.contains(&part.replace("### arr", "| arr ")),
            "missing {part}"
        );
    }
}

#[test]
fn report_html_is_one_self_contained_page() {
    let o = okr(&[
        "report",
        &repo("examples/acme.yaml"),
        "--as-of",
        "2026-11-15",
        "--format",
        "html",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.starts_with("<!doctype html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("<style>") && html.contains("<svg class=\"bar\""));
    for external in [
        "<script",
        "<link",
        "src=\"http",
        "href=\"http",
        "@import",
        "url(",
    ] {
        assert!(
            !html.contains(external),
            "the page must not load {external}"
        );
    }
    assert!(
        html.contains("Earn customers&#39; trust"),
        "text is escaped"
    );
    assert_eq!(html.matches("<section class=\"objective\"").count(), 12);
    assert!(
        html.contains("As of 15 November 2026</p>"),
        "a date as people write it"
    );
    // Every tree row links to its objective's card, and every link lands somewhere.
    let links: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(links.len(), 12);
    for id in links {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "#{id} leads nowhere"
        );
    }
    // Findings fold under a count; none is an error in the example, so all are closed.
    assert!(
        html.contains("<details class=\"findings\"><summary>"),
        "folded findings"
    );
    assert!(!html.contains("<details class=\"findings\" open>"));
    assert!(html.contains("@media (max-width: 640px)") && html.contains("@media print"));
}

/// A plan with one key result that has no check-in yet, and a log beside it.
fn unchecked_plan(dir: &Path) -> PathBuf {
    let plan = dir.join("team.yaml");
    std::fs::write(
        &plan,
        "schema_version: 1\ncheck_ins_file: team.check-ins.jsonl\ncycles: [{id: q1, name: Q1, start: 2026-01-01, end: 2026-03-31}]\nobjectives:\n  - id: o1\n    title: Make onboarding a delight for new teams\n    owner: ana\n    cycle: q1\n    key_results:\n      - id: k1\n        title: Raise activation from 20% to 40%\n        owner: ana\n        type: increase\n        start: 20\n        target: 40\n",
    )
    .expect("writes the plan");
    plan
}

#[test]
fn lint_sees_the_check_ins_the_log_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = unchecked_plan(dir.path());
    let plan_arg = plan.to_string_lossy().into_owned();
    let lint = || {
        okr(&[
            "lint",
            &plan_arg,
            "--select",
            "not-started-late,stale-check-in",
            "--as-of",
            "2026-02-15",
            "--deny",
            "warnings",
        ])
    };
    let before = lint();
    assert_eq!(before.status.code(), Some(1), "{}", stdout(&before));
    assert!(stdout(&before).contains("OKR"), "{}", stdout(&before));
    let o = okr(&["check-in", &plan_arg, "k1", "24", "--at", "2026-02-13"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = lint();
    assert_eq!(after.status.code(), Some(0), "{}", stdout(&after));
    assert!(
        stdout(&after).contains("0 errors, 0 warnings, 0 info"),
        "{}",
        stdout(&after)
    );
}

#[test]
fn an_unknown_rule_is_a_usage_error_that_names_the_rule() {
    for args in [["--select", "OKR999"], ["--ignore", "no-such-rule"]] {
        let o = okr(&["lint", &repo("examples/acme.yaml"), args[0], args[1]]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("no lint rule has the code or name `{}`", args[1])),
            "{err}"
        );
        assert!(!err.contains("objective"), "{err}");
    }
    let o = okr(&[
        "lint",
        &repo("examples/acme.yaml"),
        "--select",
        "actvity-key-result",
    ]);
    assert!(
        stderr(&o).contains("did you mean `activity-key-result`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_bad_check_ins_log_is_reported_against_the_log_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = unchecked_plan(dir.path());
    let log = dir.path().join("team.check-ins.jsonl");
    std::fs::write(
        &log,
        "{\"key_result\":\"k1\",\"at\":\"2026-01-05\",\"value\":21}\n\n{\"key_result\":\"k1\",\"at\":\"2026-01-12\",\"value\":22,\"confidence\":7}\n",
    )
    .expect("writes the log");
    let o = okr(&["validate", &plan.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error[invalid_value]"), "{err}");
    assert!(err.contains("team.check-ins.jsonl:3:1\n"), "{err}");
    assert!(
        err.contains("= note: at check_ins_file[1].confidence"),
        "{err}"
    );
}

/// `okr diff` on the fixture pair, against the checked-in renderings (snapshots;
/// `OKR_UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change).
#[test]
fn diff_says_what_changed_between_two_versions() {
    let (before, after) = (
        repo("fixtures/diff/before.yaml"),
        repo("fixtures/diff/after.yaml"),
    );
    for (format, ext) in [("text", "txt"), ("markdown", "md"), ("json", "json")] {
        let o = okr(&[
            "diff",
            &before,
            &after,
            "--as-of",
            "2026-02-14",
            "--format",
            format,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let snapshot = repo(&format!("fixtures/diff/expected.{ext}"));
        if std::env::var_os("OKR_UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&snapshot, &o.stdout).expect("writes the snapshot");
        }
        let expected = std::fs::read_to_string(&snapshot).expect("the snapshot");
        assert_eq!(stdout(&o), expected, "okr diff --format {format}");
    }

    // The old version from standard input, as `git show main:okrs.yaml` writes it.
    let piped = Command::new(env!("CARGO_BIN_EXE_okr"))
        .args(["diff", "-", &after, "--as-of", "2026-02-14"])
        .stdin(std::fs::File::open(&before).expect("the fixture"))
        .output()
        .expect("okr runs");
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    let expected = std::fs::read_to_string(repo("fixtures/diff/expected.txt")).expect("snapshot");
    assert_eq!(stdout(&piped), expected);

    // A version compared with itself: nothing to say.
    let o = okr(&["diff", &after, &after, "--as-of", "2026-02-14"]);
    assert_eq!(stdout(&o), "no changes\n");

    // Standard input is for the old version; a version that cannot be read fails.
    assert_eq!(okr(&["diff", &before, "-"]).status.code(), Some(2));
    let o = okr(&["diff", &repo("fixtures/bad/unknown-field.yaml"), &after]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown-field.yaml:10:9"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn calibration_judges_each_owner_in_text_json_and_markdown() {
    let plan = repo("fixtures/calibration/track-record.yaml");
    let o = okr(&["calibration", &plan, "--as-of", "2026-07-15"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for part in [
        "Confidence calibration as of 2026-07-15\n",
        "Everyone: 16 forecasts on 10 key results (5 hit) over 3 cycles.",
        "  ana            8    4    1       2     81%       25%   +56   0.47  overconfident\n",
        "  sales          8    4    1       2     81%       25%   +56   0.47  overconfident\n",
        "  90–100%          4          90%       75%\n",
    ] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }

    let o = okr(&[
        "calibration",
        &plan,
        "--as-of",
        "2026-07-15",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(json["as_of"], "2026-07-15");
    assert_eq!(json["overall"]["brier"], 0.360625);
    assert_eq!(json["owners"][0]["verdict"], "overconfident");
    assert_eq!(json["owners"][0]["bins"].as_array().map(Vec::len), Some(10));

    let o = okr(&[
        "calibration",
        &plan,
        "--as-of",
        "2026-07-15",
        "--format",
        "md",
        "--hit-at",
        "0.5",
        "--min-cycles",
        "3",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.contains("its key result reaches 50% progress by its due date"),
        "{md}"
    );
    assert!(
        md.contains("| ana | 8 | 4 | 2 | 2 | 81% | 50% | +31 | 0.32 | too little evidence |"),
        "{md}"
    );
}

#[test]
fn calibration_refuses_bad_options_and_bad_plans() {
    let plan = repo("fixtures/calibration/track-record.yaml");
    let o = okr(&["calibration", &plan, "--hit-at", "1.5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--hit-at: 1.5 is not a progress above 0 and at most 1"),
        "{}",
        stderr(&o)
    );
    let o = okr(&["calibration", &plan, "--max-gap", "2"]);
    assert_eq!(o.status.code(), Some(2));
    let o = okr(&["calibration", &repo("fixtures/bad/dangling-unit.yaml")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}
