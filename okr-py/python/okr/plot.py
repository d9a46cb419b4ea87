"""Charts of a plan (matplotlib, ``pip install 'okr[plot]'``).

Every number drawn comes from the engine: the history of a key result is evaluated as
of each week of its period, and the forecast is the engine's least-squares projection.
Each function draws on ``ax`` (a new figure when omitted) and returns the axes.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import _okr
from ._html import STATUS_COLOURS


def _text(label: str) -> str:
    """A label as written: matplotlib would read "$10M to $12M" as mathematics."""
    return label.replace("$", r"\$")


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError("charts need matplotlib: pip install 'okr[plot]'") from e
    _, ax = plt.subplots(figsize=(7, 3.5))
    return ax


def burn_up(plan: _okr.Plan, key_result: str, as_of: Any = None, ax: Any = None) -> Any:
    """One key result through its period: its actual values (each check-in), where it
    was expected to be each week, and the engine's forecast to its due date.

    A key result with a start and a target is drawn in its own units (the expected line
    runs from start to target as progress is expected). Other kinds (milestones,
    checklists, thresholds) are drawn as progress in percent."""
    import pandas as pd

    ax = _axes(ax)
    history = plan.history_frame(key_result)
    card = plan.score(as_of=as_of)
    score = card.key_result(key_result)
    kr = plan.key_result(key_result)
    now = pd.Timestamp(card.as_of)
    if now.tzinfo is None:
        now = now.tz_localize("UTC")
    past = history[history["at"] <= now]
    forecast = score.forecast or {}
    in_units = kr.start is not None and kr.target is not None
    if in_units:
        start, target = float(kr.start), float(kr.target)  # type: ignore[arg-type]
        expected = start + history["expected"] * (target - start)
        check_ins = plan.check_ins_frame()
        mine = check_ins[(check_ins["key_result_id"] == key_result) & (check_ins["at"] <= now)]
        actual_at, actual = mine["at"], mine["value"]
        projected = forecast.get("projected_value")
        unit_label = kr.to_dict().get("measure") or "value"
    else:
        expected = history["expected"] * 100
        actual_at, actual = past["at"], past["progress"] * 100
        projected = forecast.get("projected_progress")
        projected = None if projected is None else projected * 100
        unit_label = "progress (%)"
    ax.plot(history["at"], expected, color="#888", linestyle="--", label="expected")
    ax.plot(actual_at, actual, color="#1565c0", marker="o", markersize=3, label="actual")
    if projected is not None and len(actual):
        ax.plot(
            [actual_at.iloc[-1], history["at"].iloc[-1]],
            [actual.iloc[-1], projected],
            color="#1565c0",
            linestyle=":",
            label="forecast",
        )
    # matplotlib.dates has no type annotations; use it as a plain module.
    mdates: Any = importlib.import_module("matplotlib.dates")
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel(_text(unit_label))
    ax.set_title(_text(f"{score.id}: {score.title}"), fontsize=10, loc="left")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return ax


def score_distribution(plan: _okr.Plan, as_of: Any = None, ax: Any = None, top: int = 12) -> Any:
    """Objective progress per unit, as box plots (the `top` units with most objectives)."""
    ax = _axes(ax)
    scores = plan.scores_frame(as_of=as_of)
    objectives = scores[scores["kind"] == "objective"].dropna(subset=["progress"])
    units = objectives["unit"].value_counts().head(top).index
    data = [objectives.loc[objectives["unit"] == u, "progress"] * 100 for u in units]
    ax.boxplot(data, orientation="horizontal")
    ax.set_yticks(range(1, len(units) + 1), [str(u) for u in units])
    ax.set_xlabel("objective progress (%)")
    ax.set_title("Score distribution per unit", fontsize=10, loc="left")
    return ax


def status_overview(plan: _okr.Plan, as_of: Any = None, ax: Any = None) -> Any:
    """How many key results are in each status."""
    ax = _axes(ax)
    scores = plan.scores_frame(as_of=as_of)
    krs = scores[scores["kind"] == "key_result"]
    counts = krs["status"].value_counts(sort=False)
    counts = counts[counts > 0]
    labels = [str(s) for s in counts.index]
    ax.barh(labels, counts.values, color=[STATUS_COLOURS.get(s, "#607d8b") for s in labels])
    ax.invert_yaxis()
    ax.set_xlabel("key results")
    ax.set_title("Status overview", fontsize=10, loc="left")
    return ax
