"""Data frames: the documented columns and types, the same numbers as the scorecard,
pandas and polars alike; and the charts drawn from them."""

from __future__ import annotations

import importlib
import math
from typing import Any

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import polars as pl
import pytest
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

import okr
import okr.plot
from conftest import EXAMPLE

AS_OF = "2026-11-15"


@pytest.fixture(scope="module")
def plan() -> okr.Plan:
    return okr.load(EXAMPLE)


def test_scores_frame_has_the_documented_columns_and_types(plan: okr.Plan) -> None:
    df = plan.scores_frame(as_of=AS_OF)
    assert list(df.columns)[:12] == [
        "id", "kind", "objective_id", "title", "unit", "owner", "type",
        "value", "progress", "raw_progress", "expected", "status",
    ]
    assert "confidence" in df.columns
    for name in ("kind", "unit", "owner", "status", "type"):
        assert isinstance(df[name].dtype, pd.CategoricalDtype), name
    for name in ("value", "progress", "raw_progress", "expected", "confidence"):
        assert df[name].dtype == "float64", name
    assert set(df.attrs["okr_docs"]) == set(df.columns)
    card = plan.score(as_of=AS_OF)
    assert len(df) == len(card.objectives) + len(card.key_results)


def test_scores_frame_numbers_are_the_scorecards(plan: okr.Plan) -> None:
    df = plan.scores_frame(as_of=AS_OF).set_index("id")
    card = plan.score(as_of=AS_OF)
    items: list[okr.ObjectiveScore | okr.KeyResultScore] = [*card.objectives, *card.key_results]
    for item in items:
        row = df.loc[item.id]
        for name in ("progress", "expected", "confidence", "probability"):
            got, want = float(row[name]), getattr(item, name)  # type: ignore[arg-type]
            assert (want is None and math.isnan(got)) or got == pytest.approx(want), (item.id, name)
        assert row["status"] == item.status
    for k in card.key_results:
        got = float(df.loc[k.id, "value"])  # type: ignore[arg-type]
        assert (k.value is None and math.isnan(got)) or got == pytest.approx(k.value), k.id
        low, high = float(df.loc[k.id, "value_low"]), float(df.loc[k.id, "value_high"])  # type: ignore[arg-type]
        if k.value_interval is None:
            assert math.isnan(low) and math.isnan(high), k.id
        else:
            assert (low, high) == pytest.approx(k.value_interval), k.id


def test_chances_are_probabilities_with_intervals(plan: okr.Plan) -> None:
    card = plan.score(as_of=AS_OF)
    arr = card.key_result("arr")
    assert arr.probability is not None and 0.0 < arr.probability < 1.0
    assert arr.value_interval is not None
    low, high = arr.value_interval
    assert low < high
    assert card.key_result("pg16").probability is None  # a milestone has no model
    assert card.objective("apac-expansion").probability is None  # closed
    grow = card.objective("acme-grow")
    assert grow.probability is not None and 0.0 <= grow.probability <= 1.0
    assert grow.to_dict()["probability"] == grow.probability


def test_other_frames(plan: okr.Plan) -> None:
    objectives = plan.objectives_frame()
    assert list(objectives["id"]) == [o.id for o in plan.objectives]
    krs = plan.key_results_frame()
    assert len(krs) == sum(len(o.key_results) for o in plan.objectives)
    assert str(krs["due"].dtype) == "datetime64[ms, UTC]"
    check_ins = plan.check_ins_frame()
    assert str(check_ins["at"].dtype) == "datetime64[ms, UTC]"
    assert isinstance(check_ins["key_result_id"].dtype, pd.CategoricalDtype)
    assert check_ins["at"].notna().all()
    diagnostics = plan.diagnostics_frame(as_of=AS_OF)
    assert len(diagnostics) == len(plan.lint(as_of=AS_OF))
    assert str(diagnostics["line"].dtype) == "Int64"
    assert diagnostics["line"].notna().all()
    history = plan.history_frame("arr")
    assert history["at"].is_monotonic_increasing
    # Each row is as of the end of its day: one day into a 92-day quarter is 1/92.
    assert history["expected"].iloc[0] == pytest.approx(1 / 92)
    assert history["expected"].is_monotonic_increasing
    assert history["expected"].iloc[-1] == pytest.approx(1.0)


def test_polars_frames_hold_the_same_values(plan: okr.Plan) -> None:
    pd_df = plan.scores_frame(as_of=AS_OF)
    pl_df = plan.scores_frame(as_of=AS_OF, backend="polars")
    assert isinstance(pl_df, pl.DataFrame)
    assert pl_df.columns == list(pd_df.columns)
    assert pl_df["id"].to_list() == pd_df["id"].tolist()
    assert pl_df["status"].cast(pl.String).to_list() == [str(s) for s in pd_df["status"]]
    left = pl_df["progress"].to_list()
    right = [None if math.isnan(x) else x for x in pd_df["progress"]]
    assert left == right
    assert plan.check_ins_frame(backend="polars")["at"].dtype == pl.Datetime("ms", "UTC")
    assert plan.to_polars("scores", as_of=AS_OF).equals(pl_df)
    assert plan.to_pandas("scores", as_of=AS_OF).equals(pd_df)
    with pytest.raises(ValueError):
        plan.to_polars("nothing")
    with pytest.raises(ValueError):
        plan.scores_frame(backend="spark")  # type: ignore[call-overload]


def _values(data: object) -> list[float]:
    """A line's or a collection's data as plain floats (matplotlib types it loosely)."""
    return [float(v) for v in np.asarray(data, dtype=float).ravel()]


def _lines(ax: Axes) -> dict[str, Line2D]:
    return {str(line.get_label()): line for line in ax.get_lines()}


def test_charts_draw(plan: okr.Plan) -> None:
    ax = okr.plot.burn_up(plan, "arr", as_of=AS_OF)
    lines = _lines(ax)
    assert {"expected", "actual (behind)", "forecast at due (47% to hit)"} <= set(lines)
    # The cone to the engine's 80 % interval at the due date, from the last value.
    score = plan.score(as_of=AS_OF).key_result("arr")
    assert score.value_interval is not None
    low, high = score.value_interval
    band = next(c for c in ax.collections if c.get_label() == "likely at due (80%)")
    edge = np.asarray(band.get_paths()[0].vertices)[:, 1]
    assert any(y == pytest.approx(low) for y in edge) and max(edge) == pytest.approx(high)
    # In the key result's own units: the expected line runs from start towards target,
    # and the actual points are its check-in values.
    kr = plan.key_result("arr")
    assert _values(lines["expected"].get_ydata())[0] == pytest.approx(kr.start, abs=0.1)
    values = plan.check_ins_frame().query("key_result_id == 'arr'")["value"]
    assert set(_values(lines["actual (behind)"].get_ydata())) <= set(values)
    # Today is marked, and the legend sits where it covers no line ("best" is code 0).
    assert any(t.get_text() == "today" for t in ax.texts)
    legend = ax.get_legend()
    assert legend is not None and getattr(legend, "_loc") == 0
    milestone = next(k.id for o in plan.objectives for k in o.key_results if k.type == "milestone")
    assert okr.plot.burn_up(plan, milestone, as_of=AS_OF).get_ylabel() == "progress (%)"


def test_threshold_and_kpi_key_results_are_drawn_in_their_units(plan: okr.Plan) -> None:
    mdates: Any = importlib.import_module("matplotlib.dates")
    # A range to hold: its values against the range, nothing before the first check-in
    # (no 0 % line), and the forecast in its units.
    ax = okr.plot.burn_up(plan, "emea-coverage", as_of=AS_OF)
    assert ax.get_ylabel() == "x quota"
    lines = _lines(ax)
    actual = next(v for k, v in lines.items() if k.startswith("actual"))
    first = plan.check_ins_frame().query("key_result_id == 'emea-coverage'")["at"].min()
    assert mdates.num2date(_values(actual.get_xdata(orig=False))[0]).date() == first.date()
    assert min(_values(actual.get_ydata())) > 2
    forecast = plan.score(as_of=AS_OF).key_result("emea-coverage").forecast
    assert forecast is not None
    line = next(v for k, v in lines.items() if k.startswith("forecast at due ("))
    assert _values(line.get_ydata())[-1] == pytest.approx(forecast["projected_value"])
    # A key result whose values come from a KPI: the engine's values, near its threshold.
    ax = okr.plot.burn_up(plan, "availability", as_of=AS_OF)
    actual = next(v for k, v in _lines(ax).items() if k.startswith("actual"))
    assert all(99.9 <= v <= 100 for v in _values(actual.get_ydata()))


def test_overview_distribution_and_tree_read_as_people_write(plan: okr.Plan) -> None:
    ax = okr.plot.status_overview(plan, as_of=AS_OF)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows[0] == "All key results (30)" and "Customer Success (2)" in rows
    legend = ax.get_legend()
    assert legend is not None
    names = [t.get_text() for t in legend.get_texts()]
    assert "on track" in names and "on_track" not in names
    # Every status with key results has its segment in the first bar: nothing hidden.
    statuses = plan.scores_frame(as_of=AS_OF).query("kind == 'key_result'")["status"]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    first_bar = [p for p in bars if abs(p.get_y() + p.get_height() / 2) < 1e-9]
    assert len(first_bar) == statuses.nunique()
    assert sum(p.get_width() for p in first_bar) == pytest.approx(100)
    counts = [t.get_text() for t in ax.texts]
    assert str((statuses == "on_track").sum()) in counts

    # One objective per unit still draws (a dot per objective), by unit name.
    ax = okr.plot.score_distribution(plan, as_of=AS_OF)
    units = [t.get_text() for t in ax.get_yticklabels()]
    assert "EMEA Sales" in units and "emea-sales" not in units
    objectives = plan.scores_frame(as_of=AS_OF).query("kind == 'objective'")["progress"].notna().sum()
    dots = sum(len(_values(c.get_offsets())) // 2 for c in ax.collections)
    assert dots == objectives
    assert okr.plot.score_distribution(okr.generate(200), as_of="2026-02-14").get_yticklabels()

    ax = okr.plot.alignment_tree(plan, as_of=AS_OF)
    texts = [t.get_text() for t in ax.texts]
    card = plan.score(as_of=AS_OF)
    assert [d for d, _ in card.tree()][:2] == [0, 1]
    assert len([t for t in texts if t.startswith("acme-grow ")]) == 1
    assert any(t.endswith("% on track") for t in texts)
