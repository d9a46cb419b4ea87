"""The shared fixtures hold Python to the same numbers, diagnostics and errors as Rust."""

from __future__ import annotations

import copy
from typing import Any

import pytest

import okr
from conftest import FIXTURES, close, fixture_json

COMPAT = fixture_json("compat/vectors.json")["cases"]
ROLLUP = fixture_json("rollup/expected.json")["cases"]
LINT = fixture_json("lint/expected.json")["cases"]
BAD = fixture_json("bad/expected.json")["cases"]
# Written by scripts/gen-bad-fixtures.py: one break per case of a valid base plan.
GENERATED = fixture_json("bad/generated/expected.json")


def field(record: dict[str, Any], name: str) -> Any:
    grade = record.get("grade") or {}
    mapped = {
        "grade_band": grade.get("band"),
        "grade_score": grade.get("score"),
        "meets_expectation": grade.get("meets_expectation"),
    }
    return mapped[name] if name in mapped else record.get(name)


def mismatches(card: okr.Scorecard, expect: dict[str, Any]) -> list[str]:
    out = []
    for kind, getter in (("objectives", card.objective), ("key_results", card.key_result)):
        for id_, fields in expect.get(kind, {}).items():
            record = getter(id_).to_dict()
            for name, want in fields.items():
                got = field(record, name)
                if not close(got, want):
                    out.append(f"{kind} {id_}.{name}: got {got!r}, want {want!r}")
    return out


@pytest.mark.parametrize("case", COMPAT, ids=[c["name"] for c in COMPAT])
def test_compat_vectors(case: dict[str, Any]) -> None:
    data = copy.deepcopy(case["plan"])
    data["policy"] = {"preset": case["preset"]}
    if "expect_error" in case:
        with pytest.raises(okr.OkrError) as raised:
            okr.Plan.from_dict(data).score(as_of=case["as_of"])
        assert raised.value.kind == case["expect_error"]["kind"]
        return
    card = okr.Plan.from_dict(data).score(as_of=case["as_of"])
    assert mismatches(card, case["expect"]) == []


@pytest.mark.parametrize("case", ROLLUP, ids=[c["file"] for c in ROLLUP])
def test_rollup_cases(case: dict[str, Any]) -> None:
    plan = okr.load(FIXTURES / "rollup" / case["file"])
    assert mismatches(plan.score(as_of=case["as_of"]), case["expect"]) == []


def lint_case_id(case: dict[str, Any]) -> str:
    return f"{case['file']}-{case['rule']}-{case.get('config', '')}"


@pytest.mark.parametrize("case", LINT, ids=[lint_case_id(c) for c in LINT])
def test_lint_cases(case: dict[str, Any]) -> None:
    plan = okr.load(FIXTURES / "lint" / case["file"], validate=False)
    config = dict(case.get("config", {}))
    select = None if case.get("all_rules") else [case["rule"]]
    found = plan.lint(
        profile=config.get("profile"),
        select=select or config.get("select"),
        ignore=config.get("ignore"),
        severity=config.get("severity"),
        settings=config.get("settings"),
        as_of=case.get("as_of", "2026-02-14"),
    )
    got = [(d.path, d.ids[0] if d.ids else "", d.severity) for d in found if d.rule == case["rule"]]
    want = [
        (e[0], e[1], e[2] if len(e) > 2 else case.get("severity"))
        for e in case["expect"]
    ]
    assert [g[:2] for g in got] == [w[:2] for w in want]
    for g, w in zip(got, want):
        if w[2] is not None:
            assert g[2] == w[2], g


FILE_CASES = [c for c in BAD + GENERATED["cases"] if "file" in c]


def test_the_generated_cases_start_from_a_valid_plan() -> None:
    for file in GENERATED["valid"]:
        okr.load(FIXTURES / "bad" / file)


@pytest.mark.parametrize("case", FILE_CASES, ids=[c["file"] for c in FILE_CASES])
def test_bad_inputs_raise_typed_errors(case: dict[str, Any]) -> None:
    with pytest.raises(okr.OkrError) as raised:
        okr.load(FIXTURES / "bad" / case["file"])
    e = raised.value
    assert e.kind == case["kind"], str(e)
    if "path" in case:
        assert e.path == case["path"], str(e)
    if "path_prefix" in case:
        assert e.path.startswith(case["path_prefix"]), str(e)
    if "line" in case:
        assert e.line == case["line"], str(e)
    if "ids" in case:
        assert e.ids == case["ids"], str(e)
    assert e.errors and e.errors[0].kind == e.kind


def test_a_50_mb_note_is_refused_with_its_path() -> None:
    case = next(c for c in BAD if c.get("generate") == "50MB")
    note = "x" * (50 * 1024 * 1024)
    text = (
        '{"schema_version": 1, "objectives": [{"id": "o", "title": "t", "key_results": '
        '[{"id": "k", "title": "t", "type": "milestone", "check_ins": '
        '[{"at": "2026-01-05", "value": true, "note": "' + note + '"}]}]}]}'
    )
    with pytest.raises(okr.OkrError) as raised:
        okr.loads(text, "json")
    assert raised.value.kind == case["kind"]
    assert raised.value.path == case["path"]


def test_diff_of_the_fixture_pair_matches_the_cli_renderings() -> None:
    """The same diff the CLI's snapshots hold, from Python: dict, text and Markdown."""
    folder = FIXTURES / "diff"
    before = okr.load(folder / "before.yaml")
    after = okr.load(folder / "after.yaml")
    as_of = "2026-02-14"
    assert before.diff(after, as_of=as_of) == fixture_json("diff/expected.json")
    text = (folder / "expected.txt").read_text(encoding="utf-8")
    assert before.diff(after, as_of=as_of, format="text") == text
    markdown = (folder / "expected.md").read_text(encoding="utf-8")
    assert before.diff(after, as_of=as_of, format="markdown") == markdown
    assert after.diff(after, as_of=as_of)["items"] == []
    with pytest.raises(okr.InvalidArgumentError):
        before.diff(after, format="html")
