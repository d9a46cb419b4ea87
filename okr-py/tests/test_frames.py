"""Data frames: the documented columns and types, the same numbers as the scorecard,
pandas and polars alike; and the charts drawn from them."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import polars as pl
import pytest

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
        for name in ("progress", "expected", "confidence"):
            got, want = row[name], getattr(item, name)
            assert (want is None and math.isnan(got)) or got == pytest.approx(want), (item.id, name)
        assert row["status"] == item.status
    for k in card.key_results:
        got = df.loc[k.id, "value"]
        assert (k.value is None and math.isnan(got)) or got == pytest.approx(k.value), k.id


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
        plan.scores_frame(backend="spark")  # type: ignore[arg-type]


def test_charts_draw(plan: okr.Plan) -> None:
    ax = okr.plot.burn_up(plan, "arr", as_of=AS_OF)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert {"expected", "actual", "forecast"} <= set(lines)
    # In the key result's own units: the expected line runs from start towards target,
    # and the actual points are its check-in values.
    kr = plan.key_result("arr")
    assert lines["expected"].get_ydata()[0] == pytest.approx(kr.start, abs=0.1)
    values = plan.check_ins_frame().query("key_result_id == 'arr'")["value"]
    assert set(lines["actual"].get_ydata()) <= set(values)
    milestone = next(k.id for o in plan.objectives for k in o.key_results if k.type == "milestone")
    assert okr.plot.burn_up(plan, milestone, as_of=AS_OF).get_ylabel() == "progress (%)"
    assert okr.plot.status_overview(plan, as_of=AS_OF).patches
    assert okr.plot.score_distribution(okr.generate(200), as_of="2026-02-14").get_yticklabels()
