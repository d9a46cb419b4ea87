"""Plan.calibration: held to the same hand-worked figures as the Rust suite."""

from __future__ import annotations

from typing import Any

import matplotlib
import pytest

matplotlib.use("Agg")

import numpy as np  # noqa: E402

import okr  # noqa: E402
from conftest import FIXTURES, fixture_json  # noqa: E402

CASES = fixture_json("calibration/expected.json")["cases"]


def _check_group(name: str, group: dict[str, Any], expect: dict[str, Any]) -> None:
    for field, want in expect.items():
        if field == "bins":
            continue
        got = group[field]
        if isinstance(want, float):
            assert got == pytest.approx(want, abs=1e-6), f"{name}.{field}"
        else:
            assert got == want, f"{name}.{field}"
    listed = {round(b[0], 1): b for b in expect["bins"]}
    assert len(group["bins"]) == 10
    for b in group["bins"]:
        want_bin = listed.get(round(b["low"], 1))
        if want_bin is None:
            assert (b["forecasts"], b["mean_confidence"], b["hit_rate"]) == (0, None, None), name
        else:
            assert b["forecasts"] == want_bin[1], name
            assert b["mean_confidence"] == pytest.approx(want_bin[2], abs=1e-6), name
            assert b["hit_rate"] == pytest.approx(want_bin[3], abs=1e-6), name


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['file']}-{c.get('options', {})}")
def test_every_calibration_case_holds(case: dict[str, Any]) -> None:
    plan = okr.load(FIXTURES / "calibration" / case["file"])
    cal = plan.calibration(as_of=case["as_of"], **case.get("options", {}))
    assert cal.judgement == case["judgement"]
    _check_group("overall", cal.overall, case["overall"])
    for key in ["owners", "units", "cycles", "phases"]:
        groups = {g["id"]: g for g in getattr(cal, key)}
        for gid, expect in case.get(key, {}).items():
            _check_group(f"{key}.{gid}", groups[gid], expect)
        if not case.get("only_listed"):
            assert list(groups) == list(case.get(key, {})), key


@pytest.fixture(scope="module")
def cal() -> okr.Calibration:
    return okr.load(FIXTURES / "calibration" / "track-record.yaml").calibration(as_of="2026-07-15")


def test_frames_have_a_row_per_group_and_per_bin(cal: okr.Calibration) -> None:
    owners = cal.frame()
    assert list(owners["id"]) == ["ana", "ben", "cy", "dee"]
    assert list(owners["verdict"].astype(str)) == ["overconfident", "calibrated", "too_little_evidence", "too_little_evidence"]
    assert owners["brier"].iloc[0] == pytest.approx(0.46625)
    assert list(cal.frame(by="phase")["id"]) == ["early", "middle", "late"]
    bins = cal.reliability_frame(by="unit", backend="polars")
    assert bins.height == 20
    overall = cal.reliability_frame()
    assert int(overall["forecasts"].sum()) == 16
    assert np.isnan(overall["hit_rate"].iloc[0])
    with pytest.raises(okr.InvalidArgumentError, match="unknown grouping `team`; use one of `overall`, `owner`, `unit`, `cycle`, `phase`"):
        cal.frame(by="team")


def test_markdown_and_repr(cal: okr.Calibration) -> None:
    md = cal.to_markdown()
    assert md.startswith("# Confidence calibration\n\nAs of 15 July 2026.")
    assert "| ana | 8 | 4 | 1 | 2 | 81% | 25% | +56 | 0.47 | overconfident |" in md
    assert cal._repr_markdown_() == md
    assert repr(cal) == 'Calibration(as_of="2026-07-15", forecasts=16, key_results=10, owners=4, verdict="calibrated")'
    assert cal.to_dict()["overall"]["forecasts"] == 16


def test_bad_options_raise_typed_errors() -> None:
    plan = okr.load(FIXTURES / "calibration" / "track-record.yaml")
    with pytest.raises(okr.InvalidArgumentError, match="hit_at"):
        plan.calibration(hit_at=1.5)
    with pytest.raises(okr.InvalidArgumentError, match="max_gap"):
        plan.calibration(max_gap=-1)
    with pytest.raises(okr.OkrError):
        plan.calibration(as_of="the end of June")


def test_the_reliability_diagram_draws_the_engines_bins(cal: okr.Calibration) -> None:
    ax = cal.plot(by="owner", ids=["ana", "ben"])
    lines = {str(line.get_label()): line for line in ax.get_lines()}
    assert set(lines) == {"calibrated", "ana: 8 forecasts, overconfident", "ben: 6 forecasts, calibrated"}
    ana = lines["ana: 8 forecasts, overconfident"]
    assert [float(x) for x in ana.get_xdata()] == pytest.approx([70, 80, 90])
    assert [float(y) for y in ana.get_ydata()] == pytest.approx([0, 0, 200 / 3])
    with pytest.raises(okr.NotFoundError, match="nobody"):
        cal.plot(by="owner", ids=["nobody"])
    empty = okr.load(FIXTURES / "calibration" / "track-record.yaml").calibration(as_of="2026-01-31")
    assert empty.plot().texts[0].get_text() == "no settled key result has a stated confidence yet"
