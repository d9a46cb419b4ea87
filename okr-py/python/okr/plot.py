"""Charts of a plan (matplotlib, ``pip install 'okr[plot]'``).

Every number drawn comes from the engine: the history of a key result is evaluated as
of each week of its period, and the forecast is the engine's least-squares projection.
Each function draws on ``ax`` (a new figure when omitted) and returns the axes.
"""

from __future__ import annotations

from typing import Any

from . import _okr
from ._html import STATUS_COLOURS


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
    """Progress of one key result through its period: where it stood each week, where
    it was expected to be, and the forecast to its due date."""
    import pandas as pd

    ax = _axes(ax)
    history = plan.history_frame(key_result)
    card = plan.score(as_of=as_of)
    score = card.key_result(key_result)
    now = pd.Timestamp(card.as_of)
    if now.tzinfo is None:
        now = now.tz_localize("UTC")
    past = history[history["at"] <= now]
    ax.plot(history["at"], history["expected"] * 100, color="#888", linestyle="--", label="expected")
    ax.plot(past["at"], past["progress"] * 100, color="#1565c0", marker="o", markersize=3, label="progress")
    forecast = score.forecast
    if forecast and forecast.get("projected_progress") is not None and len(past):
        end = history["at"].iloc[-1]
        last = past.iloc[-1]
        ax.plot(
            [last["at"], end],
            [last["progress"] * 100, forecast["projected_progress"] * 100],
            color="#1565c0",
            linestyle=":",
            label="forecast",
        )
    ax.set_ylim(bottom=0)
    ax.set_ylabel("progress (%)")
    ax.set_title(f"{score.id}: {score.title}", fontsize=10, loc="left")
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
