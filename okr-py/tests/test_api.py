"""The Python face of the engine: building, loading, saving, scoring, linting,
policies, errors, pickling and displays."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import threading
from pathlib import Path

import pytest

import okr
from conftest import EXAMPLE


def built() -> okr.Plan:
    plan = okr.Plan(name="Built in Python")
    plan.add_unit("co", "Company", kind="company")
    plan.add_unit("sales", "Sales", kind="department", parent="co")
    plan.add_cycle("q1", start=dt.date(2026, 1, 1), end="2026-03-31")
    plan.add_objective("grow", "Grow the business", unit="co", cycle="q1", owner="ana", type="committed")
    plan.add_objective("win", "Win the DACH market", unit="sales", cycle="q1", aligns_to=[{"objective": "grow"}])
    plan.add_key_result("win", "deals", "Sign 20 DACH customers", "increase", start=0, target=20)
    plan.add_key_result("win", "launch", "Launch the German site", "milestone")
    plan.add_check_in("deals", dt.datetime(2026, 2, 1, 12, 0), 10, confidence=0.8)
    plan.add_check_in("launch", "2026-01-20", True)
    return plan


def test_a_plan_built_with_keywords_scores() -> None:
    plan = built()
    plan.check()
    card = plan.score(as_of=dt.date(2026, 2, 14))
    deals = card.key_result("deals")
    assert deals.progress == pytest.approx(0.5)
    assert deals.value == 10
    assert deals.confidence == pytest.approx(0.8)
    assert card.key_result("launch").progress == 1.0
    assert card.objective("win").progress == pytest.approx(0.75)
    assert card.objective("grow").children == ["win"]


def test_dates_as_strings_dates_and_datetimes_agree() -> None:
    plan = built()
    a = plan.score(as_of="2026-02-14").key_result("deals").expected
    b = plan.score(as_of=dt.date(2026, 2, 14)).key_result("deals").expected
    c = plan.score(as_of=dt.datetime(2026, 2, 14, 23, 59, 59, 999000, tzinfo=dt.timezone.utc)).key_result("deals").expected
    assert a == b
    assert c == pytest.approx(b, abs=1e-6)
    with pytest.raises(okr.InvalidArgumentError) as bad:
        plan.score(as_of="the fourteenth")
    assert bad.value.code == "invalid_argument"
    assert isinstance(bad.value, ValueError)
    with pytest.raises(TypeError):
        plan.score(as_of=3.5)  # type: ignore[arg-type]


def test_adding_checks_the_item() -> None:
    plan = built()
    with pytest.raises(okr.DuplicateIdError) as dup:
        plan.add_objective("win", "Again")
    assert dup.value.path == "objectives[2]"
    with pytest.raises(okr.NotFoundError):
        plan.add_key_result("nope", "k9", "x", "milestone")
    with pytest.raises(okr.SchemaError) as wrong:
        plan.add_key_result("win", "k9", "x", "milestone", target=3)
    assert wrong.value.path.startswith("objectives[1].key_results[2]")
    with pytest.raises(okr.UnknownFieldError):
        plan.add_key_result("win", "k9", "x", "increase", start=0, tagret=3)
    with pytest.raises(okr.ValidationError):
        plan.add_check_in("deals", "2026-02-02", float("nan"))
    with pytest.raises(okr.NotFoundError):
        plan.add_check_in("nope", "2026-02-02", 1)


def test_problems_found_later_are_typed_and_listed() -> None:
    plan = built()
    plan.add_objective("stray", "Point nowhere", aligns_to=[{"objective": "ghost"}], unit="nowhere")
    problems = plan.validate()
    assert {type(p) for p in problems} == {okr.UnknownReferenceError}
    assert all(isinstance(p, okr.OkrError) for p in problems)
    with pytest.raises(okr.UnknownReferenceError) as raised:
        plan.score(as_of="2026-02-14")
    assert raised.value.path.startswith("objectives[2]")
    with pytest.raises(okr.OkrError) as checked:
        plan.check()
    assert len(checked.value.errors) == len(problems) == 2
    assert "1 more problem" in str(checked.value)


def test_errors_carry_line_and_column() -> None:
    text = "schema_version: 1\nobjectives:\n  - id: o\n    title: t\n    weight: heavy\n"
    with pytest.raises(okr.SchemaError) as raised:
        okr.loads(text)
    e = raised.value
    assert (e.kind, e.path, e.line) == ("schema", "objectives[0].weight", 5)
    assert isinstance(e.column, int)
    with pytest.raises(okr.ParseError):
        okr.loads("{", "json")
    with pytest.raises(okr.CycleError) as cycle:
        okr.loads(
            "schema_version: 1\nobjectives:\n"
            "  - {id: a, title: A, aligns_to: [{objective: b}]}\n"
            "  - {id: b, title: B, aligns_to: [{objective: a}]}\n"
        )
    assert set(cycle.value.ids) == {"a", "b"}


def test_json_refuses_a_number_it_cannot_hold_rather_than_lose_it() -> None:
    text = (
        "schema_version: 1\nobjectives:\n  - id: o\n    title: T\n    key_results:\n"
        "      - {id: k, title: K, type: increase, start: 0, target: .nan}\n"
    )
    plan = okr.loads(text, validate=False)
    for write in (plan.to_json, plan.to_dict, lambda: plan.dumps("json")):
        with pytest.raises(okr.ValidationError) as raised:
            write()
        assert raised.value.path == "objectives[0].key_results[0].target"
    assert ".nan" in plan.dumps("yaml")


def test_every_family_is_an_okr_error() -> None:
    for cls in (
        okr.ParseError,
        okr.LimitError,
        okr.SchemaError,
        okr.UnknownFieldError,
        okr.ValidationError,
        okr.DuplicateIdError,
        okr.ZeroRangeError,
        okr.DirectionMismatchError,
        okr.DateOrderError,
        okr.PolicyError,
        okr.UnknownReferenceError,
        okr.CycleError,
        okr.NotFoundError,
        okr.UnknownRuleError,
        okr.InvalidArgumentError,
        okr.ReadError,
    ):
        assert issubclass(cls, okr.OkrError)
    assert issubclass(okr.LimitError, okr.ParseError)
    assert issubclass(okr.PolicyError, okr.ValidationError)
    assert issubclass(okr.InvalidArgumentError, ValueError)
    assert issubclass(okr.ReadError, OSError)
    assert issubclass(okr.NotFoundError, KeyError)


def test_errors_are_named_where_they_are_imported_from() -> None:
    """Tracebacks say `okr.UnknownFieldError`, and pickle finds each class by that name."""
    classes = [getattr(okr, name) for name in dir(okr) if name.endswith("Error")]
    assert len(classes) == 17
    for cls in classes:
        assert cls.__module__ == "okr", cls
        assert getattr(okr, cls.__name__) is cls
    with pytest.raises(okr.UnknownFieldError) as raised:
        okr.loads("schema_version: 1\nobjectivs: []\n")
    again = pickle.loads(pickle.dumps(raised.value))
    assert type(again) is okr.UnknownFieldError
    assert str(again) == str(raised.value)


def test_an_id_the_plan_does_not_hold_is_a_key_error_with_a_plain_message() -> None:
    plan = okr.load(EXAMPLE)
    with pytest.raises(KeyError) as raised:
        plan.objective("nope")
    assert isinstance(raised.value, okr.NotFoundError)
    assert raised.value.code == "not_found"
    # KeyError would print the message in quotes; okr's errors print it as written.
    assert str(raised.value) == "objective `nope` not found in the plan"


def test_load_reads_the_file_in_the_engine_and_names_a_file_it_cannot_read(tmp_path: Path) -> None:
    plan = okr.load(EXAMPLE)
    assert plan.objectives and plan.check_ins_file
    copy = tmp_path / "plan.txt"
    copy.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert okr.load(copy, format="yaml").to_dict() == okr.loads(EXAMPLE.read_text(encoding="utf-8")).to_dict()
    with pytest.raises(okr.InvalidArgumentError):
        okr.load(copy)
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(okr.ReadError) as raised:
        okr.load(missing)
    assert isinstance(raised.value, OSError)
    assert "nowhere.yaml" in str(raised.value)
    (tmp_path / "latin1.yaml").write_bytes("schema_version: 1\nname: caf\xe9\n".encode("latin-1"))
    with pytest.raises(okr.ParseError) as not_utf8:
        okr.load(tmp_path / "latin1.yaml")
    assert (not_utf8.value.line, not_utf8.value.column) == (2, 10)
    (tmp_path / "folder.yaml").mkdir()
    with pytest.raises(okr.ReadError, match="folder"):
        okr.load(tmp_path / "folder.yaml")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.yaml")
        with pytest.raises(okr.ReadError, match="not a regular file"):
            okr.load(tmp_path / "fifo.yaml")


def test_a_plan_is_edited_on_one_thread_while_another_reads_it() -> None:
    plan = okr.load(EXAMPLE)
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                plan.lint(as_of="2026-11-15")
                plan.score(as_of="2026-11-15")
        except BaseException as e:  # noqa: BLE001 - any failure is the test's finding
            errors.append(e)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        for n in range(40):
            plan.add_objective(f"extra-{n}", f"Make onboarding effortless for segment {n}")
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert errors == []
    assert len(plan) == len(okr.load(EXAMPLE)) + 40


def test_load_save_and_dict_round_trips_keep_every_field(tmp_path: Path) -> None:
    # The document alone: the check-ins log it names is a file of its own.
    plan = okr.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert okr.Plan.from_dict(plan.to_dict()) == plan
    for suffix in (".yaml", ".json"):
        target = tmp_path / f"plan{suffix}"
        okr.save(plan, target)
        assert okr.load(target, validate=True).to_dict() == plan.to_dict()
    assert okr.loads(plan.to_json(), "json") == plan


def test_the_example_merges_its_check_ins_log() -> None:
    plan = okr.load(EXAMPLE)
    assert plan.check_ins_file is not None
    checked_in = plan.check_ins_frame()
    written = sum(len(k.check_ins) for o in plan.objectives for k in o.key_results)
    assert len(checked_in) > written


def test_pickle_keeps_plans_and_items() -> None:
    plan = okr.load(EXAMPLE)
    again = pickle.loads(pickle.dumps(plan))
    assert again == plan
    assert again.score(as_of="2026-11-23").to_dict() == plan.score(as_of="2026-11-23").to_dict()
    o = plan.objectives[0]
    assert pickle.loads(pickle.dumps(o)) == o
    k = o.key_results[0]
    assert pickle.loads(pickle.dumps(k)) == k
    card = plan.score(as_of="2026-11-23")
    assert pickle.loads(pickle.dumps(card)) == card
    assert pickle.loads(pickle.dumps(card.objectives[0])) == card.objectives[0]
    assert pickle.loads(pickle.dumps(card.key_results[0])) == card.key_results[0]
    found = plan.lint(as_of="2026-11-23")
    assert pickle.loads(pickle.dumps(found)) == found
    unfinished = okr.Plan()
    unfinished.add_objective("o", "Aligned to something not added yet", aligns_to=[{"objective": "later"}])
    assert pickle.loads(pickle.dumps(unfinished)) == unfinished


def test_reprs_say_what_they_hold() -> None:
    plan = okr.load(EXAMPLE)
    assert repr(plan).startswith('Plan(name="Acme Ledger')
    card = plan.score(as_of="2026-11-23")
    assert "ObjectiveScore(id=" in repr(card.objectives[0])
    for html in (plan._repr_html_(), card._repr_html_(), plan.objectives[0]._repr_html_()):
        assert html.startswith("<style>") and "<table" in html
    found = plan.lint(as_of="2026-11-23")
    assert found and "<table" in found[0]._repr_html_()


def test_lint_report_alignment_and_rules() -> None:
    plan = okr.load(EXAMPLE)
    found = plan.lint(as_of="2026-11-23")
    assert {d.rule for d in found} >= {"activity-key-result"}
    strict = plan.lint(profile="strict", as_of="2026-11-23")
    assert len(strict) >= len(found)
    only = plan.lint(select=["OKR202"], as_of="2026-11-23")
    assert {d.code for d in only} == {"OKR202"}
    with pytest.raises(okr.UnknownRuleError) as unknown:
        plan.lint(select=["no-such-rule"])
    assert (unknown.value.code, unknown.value.ids) == ("unknown_rule", ["no-such-rule"])
    assert "objective" not in str(unknown.value)
    with pytest.raises(okr.UnknownRuleError):
        okr.rule("OKR999")
    with pytest.raises(okr.UnknownFieldError) as typo:
        plan.lint(settings={"max_objectivs": 4})
    assert typo.value.path == "lint.settings.max_objectivs"
    assert len(plan.lint(select=["OKR101"], settings={"max_objectives": 1}, as_of="2026-11-23")) > len(
        plan.lint(select=["OKR101"], as_of="2026-11-23")
    )
    assert okr.rule("OKR202").name == "activity-key-result"
    assert len(okr.rules()) == 34
    assert "## What it does" in okr.rule("activity-key-result").doc
    assert plan.report(as_of="2026-11-23").startswith("#")
    assert "<html" in plan.report("html", as_of="2026-11-23")
    since = plan.report(as_of="2026-11-15", since=dt.date(2026, 11, 1), lint=False)
    assert "## Since 1 November 2026" in since and "Diagnostics:" not in since
    assert "| **emea-dach** Break into the DACH mid-market | 17% → 77% | +60 pts |" in since
    sales = plan.report(as_of="2026-11-15", unit="sales")
    assert "unit Sales and the units under it" in sales and "### acme-grow" not in sales
    assert "| nps Lift NPS" in plan.report(as_of="2026-11-15", owner="priya")
    with pytest.raises(okr.UnknownReferenceError) as no_unit:
        plan.report(unit="salse")
    assert "did you mean `sales`?" in str(no_unit.value)
    alignment = plan.alignment()
    assert set(alignment) >= {"roots", "orphans", "objectives"}


def test_policies_and_presets() -> None:
    assert "google" in okr.presets()
    data = {
        "schema_version": 1,
        "objectives": [
            {
                "id": "o",
                "title": "t",
                "key_results": [
                    {"id": "k", "title": "k", "type": "increase", "start": 0, "target": 100,
                     "check_ins": [{"at": "2026-01-05", "value": 150}]}
                ],
            }
        ],
    }
    plan = okr.Plan.from_dict(data)
    assert plan.score(as_of="2026-02-01").key_result("k").progress == 1.0
    quantive = plan.with_policy("quantive")
    assert quantive.score(as_of="2026-02-01").key_result("k").progress == pytest.approx(1.5)
    assert quantive.policy["scoring"]["overshoot"] == "keep"
    with pytest.raises(okr.PolicyError):
        plan.with_policy("no-such-tool")
    with pytest.raises(okr.OkrError):
        plan.with_policy(overshoot="sometimes")


def test_generator_sizes() -> None:
    small = okr.generate("S", seed=3)
    assert len(small) == 1000
    assert okr.generate(50) == okr.generate(50)
    with pytest.raises(ValueError):
        okr.generate("XL")


def test_a_bad_check_ins_log_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "schema_version: 1\ncheck_ins_file: log.jsonl\nobjectives:\n"
        "  - id: o\n    title: Grow\n    key_results:\n"
        "      - {id: k, title: Sign 10, type: increase, start: 0, target: 10}\n",
        encoding="utf-8",
    )
    (tmp_path / "log.jsonl").write_text(
        '{"key_result": "k", "at": "2026-01-05", "value": 3}\n{"key_result": "k", "at": "2026-01-12", "valu": 4}\n',
        encoding="utf-8",
    )
    with pytest.raises(okr.OkrError) as raised:
        okr.load(tmp_path / "plan.yaml")
    assert raised.value.path.startswith("check_ins_file[1]")
    # The file it is in: the log, named in the message too.
    assert raised.value.file == str(tmp_path / "log.jsonl")
    assert str(raised.value).startswith(f"{tmp_path / 'log.jsonl'}: ")
    (tmp_path / "plan.yaml").write_text(
        (tmp_path / "plan.yaml").read_text(encoding="utf-8").replace("title: Grow", "titel: Grow"),
        encoding="utf-8",
    )
    with pytest.raises(okr.UnknownFieldError) as typo:
        okr.load(tmp_path / "plan.yaml")
    assert typo.value.file == str(tmp_path / "plan.yaml")
    assert str(typo.value).startswith(f"{tmp_path / 'plan.yaml'}: objectives[0].titel (line 5, column 5)")
    with pytest.raises(okr.OkrError) as not_from_a_file:
        okr.loads("schema_version: 1\nobjectives: [{id: o, titel: Grow}]\n")
    assert not_from_a_file.value.file is None
    (tmp_path / "plan.yaml").write_text(
        (tmp_path / "plan.yaml").read_text(encoding="utf-8").replace("titel: Grow", "title: Grow"),
        encoding="utf-8",
    )
    (tmp_path / "log.jsonl").write_text('{"key_result": "k", "at": "2026-01-05", "value": 3}\n', encoding="utf-8")
    plan = okr.load(tmp_path / "plan.yaml")
    assert plan.score(as_of="2026-01-06").key_result("k").value == 3


def test_csv_plans_load_and_save(tmp_path: Path) -> None:
    plan = okr.loads(EXAMPLE.read_text(encoding="utf-8"))
    okr.save(plan, tmp_path / "plan.csv")
    # CSV carries a documented subset (no KPIs), so the example's KPI links dangle.
    again = okr.load(tmp_path / "plan.csv", validate=False)
    assert [o.id for o in again.objectives] == [o.id for o in plan.objectives]
    with pytest.raises(ValueError):
        okr.format_of(tmp_path / "plan.txt")
