"""Charts of a plan (matplotlib, ``pip install 'okr[plot]'``).

Every number drawn comes from the engine: the history of a key result is evaluated as
of each week of its period, the forecast is the engine's least-squares projection, and
the statuses, progress and alignment tree are the scorecard's. Each function draws on
``ax`` (a new figure when omitted) and returns the axes.

The forecast is the least-squares line to the due date; around it, a key result whose
chances the engine models gets a light cone from its last value to the model's 80 %
interval at the due date (docs/forecasting.md). Only the cone's end is the model's; its
edges are straight so that it reads as a range, not as a path.
"""

from __future__ import annotations

import importlib
import textwrap
from typing import TYPE_CHECKING, Any, Optional

from . import _okr
from ._html import STATUS_COLOURS

if TYPE_CHECKING:
    import datetime

    from matplotlib.axes import Axes

    _DateLike = str | datetime.date | datetime.datetime

# The order statuses are stacked and listed in: worst first.
_STATUS_ORDER = ["at_risk", "behind", "stale", "not_started", "on_track", "done", "closed", "no_target"]

# Key result types whose value must stay on one side of a threshold, or in a range.
_THRESHOLDS = {"stay_above", "stay_below", "within"}


def _text(label: str) -> str:
    """A label as written: matplotlib would read "$10M to $12M" as mathematics."""
    return label.replace("$", r"\$")


def _words(status: str) -> str:
    """`on_track` as people write it: "on track"."""
    return status.replace("_", " ")


def _title(ax: Axes, text: str) -> None:
    """A title that wraps rather than running past the axes."""
    ax.set_title(_text(textwrap.fill(text, 70)), fontsize=10, loc="left")


def _axes(ax: Optional[Axes], size: tuple[float, float] = (7, 3.5)) -> Axes:
    if ax is not None:
        return ax
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise ImportError("charts need matplotlib: pip install 'okr[plot]'") from e
    _, new = plt.subplots(figsize=size)
    return new


def _dates(ax: Axes) -> None:
    # matplotlib.dates has no type annotations; use it as a plain module.
    mdates: Any = importlib.import_module("matplotlib.dates")
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _unit_names(plan: _okr.Plan) -> dict[str, str]:
    """Each unit's name by id (the id when it has none)."""
    return {u["id"]: u.get("name") or u["id"] for u in plan.units}


def _status_legend(ax: Axes, statuses: list[str], below: bool) -> None:
    """A legend of the status colours, under the axes (where it covers nothing)."""
    from matplotlib.patches import Patch

    ax.legend(
        handles=[Patch(color=STATUS_COLOURS.get(s, "#607d8b"), label=_words(s)) for s in statuses],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2 if below else -0.35),
        ncol=min(len(statuses), 4),
        fontsize=8,
        frameon=False,
    )


def burn_up(
    plan: _okr.Plan,
    key_result: str,
    as_of: Optional[_DateLike] = None,
    ax: Optional[Axes] = None,
) -> Axes:
    """One key result through its period: its actual values (each check-in), where it
    was expected to be, the engine's forecast to its due date with its chance to hit and
    the range the value is likely to end in (80 %), and today.

    A key result with a start and a target is drawn in its own units, the expected line
    running from start to target as progress is expected. A threshold or range key
    result (stay above, stay below, within) is drawn in its units against its
    threshold or range, shaded where the value holds. Other kinds (milestones,
    checklists, zones) are drawn as progress in percent. Nothing is drawn before the
    first check-in: there is no value to draw."""
    import pandas as pd

    ax = _axes(ax)
    history = plan.history_frame(key_result)
    card = plan.score(as_of=as_of)
    score = card.key_result(key_result)
    kr = plan.key_result(key_result)
    fields = kr.to_dict()
    now = pd.Timestamp(card.as_of)
    if now.tzinfo is None:
        now = now.tz_localize("UTC")
    forecast = score.forecast or {}
    check_ins = plan.check_ins_frame()
    mine = check_ins[(check_ins["key_result_id"] == key_result) & (check_ins["at"] <= now)]
    due = history["at"].iloc[-1]
    colour = STATUS_COLOURS.get(score.status, "#1565c0")
    in_units = kr.start is not None and kr.target is not None
    threshold = kr.type in _THRESHOLDS
    if (in_units or threshold) and len(mine):
        actual_at, actual = mine["at"], mine["value"].astype(float)
        projected = forecast.get("projected_value")
        unit_label = fields.get("measure") or "value"
    elif in_units or threshold:
        # Values from elsewhere (a KPI, the key results it sums): the engine's value as
        # of each week.
        known = history[(history["at"] <= now) & history["value"].notna()]
        actual_at, actual = known["at"], known["value"].astype(float)
        projected = forecast.get("projected_value")
        unit_label = fields.get("measure") or "value"
    else:
        first = mine["at"].min() if len(mine) else None
        past = history[(history["at"] <= now) & (history["at"] >= first)] if first is not None else history[:0]
        actual_at, actual = past["at"], past["progress"] * 100
        projected = forecast.get("projected_progress")
        projected = None if projected is None else projected * 100
        unit_label = "progress (%)"

    if in_units:
        start, target = float(kr.start), float(kr.target)  # type: ignore[arg-type]
        ax.plot(history["at"], start + history["expected"] * (target - start), color="#888", linestyle="--", label="expected")
    elif threshold:
        low = fields.get("low", fields.get("threshold"))
        high = fields.get("high", fields.get("threshold"))
        lines = {v for v in (low, high) if v is not None}
        for i, v in enumerate(sorted(lines)):
            ax.axhline(v, color="#888", linestyle="--", linewidth=1, label="threshold" if i == 0 else None)
        if kr.type == "within" and low is not None and high is not None:
            ax.axhspan(low, high, color="#2e7d32", alpha=0.08, label="range to hold")
    else:
        ax.plot(history["at"], history["expected"] * 100, color="#888", linestyle="--", label="expected")

    if len(actual):
        ax.plot(actual_at, actual, color=colour, marker="o", markersize=3, label=f"actual ({_words(score.status)})")
        chance = "" if score.probability is None else f" ({score.probability:.0%} to hit)"
        if projected is not None and now < due:
            ax.plot(
                [actual_at.iloc[-1], due],
                [actual.iloc[-1], projected],
                color=colour,
                linestyle=":",
                label=f"forecast at due{chance}",
            )
        interval = score.value_interval
        if interval is not None and (in_units or threshold) and now < due:
            low, high = interval
            last = float(actual.iloc[-1])
            ax.fill_between(
                [actual_at.iloc[-1], due],
                [last, low],
                [last, high],
                color=colour,
                alpha=0.12,
                linewidth=0,
                label="likely at due (80%)",
            )
    mdates: Any = importlib.import_module("matplotlib.dates")
    today = float(mdates.date2num(now))
    ax.axvline(today, color="#1d2330", linewidth=0.8, alpha=0.5)
    ax.annotate(
        "today",
        xy=(today, 1),
        xycoords=("data", "axes fraction"),
        xytext=(2, -2),
        textcoords="offset points",
        fontsize=7,
        color="#1d2330",
        va="top",
    )
    ax.set_xlim(history["at"].iloc[0], due)
    _dates(ax)
    ax.set_ylabel(_text(unit_label))
    _title(ax, f"{score.id}: {score.title}")
    # Where the lines are not: the legend never covers the data.
    ax.legend(loc="best", fontsize=7, framealpha=0.9)
    return ax


def score_distribution(
    plan: _okr.Plan,
    as_of: Optional[_DateLike] = None,
    ax: Optional[Axes] = None,
    top: int = 12,
) -> Axes:
    """Objective progress per unit (the `top` units with most objectives), each
    objective a dot coloured by its status, with a box where a unit has five or more;
    units by name, best median first. Works with one objective per unit."""
    ax = _axes(ax, (7, 0.45 * top + 1))
    scores = plan.scores_frame(as_of=as_of)
    objectives = scores[scores["kind"] == "objective"].dropna(subset=["progress"])
    names = _unit_names(plan)
    counts = objectives["unit"].fillna("").value_counts().head(top)
    medians = {u: objectives.loc[objectives["unit"].fillna("") == u, "progress"].median() for u in counts.index}
    units = sorted(counts.index, key=lambda u: medians[u])
    for row, unit in enumerate(units, start=1):
        mine = objectives[objectives["unit"].fillna("") == unit]
        values = mine["progress"] * 100
        if len(values) >= 5:
            ax.boxplot([values], positions=[row], orientation="horizontal", widths=0.5, showfliers=False)
        ax.scatter(
            values,
            [row] * len(values),
            s=18,
            c=[STATUS_COLOURS.get(s, "#607d8b") for s in mine["status"]],
            zorder=3,
        )
    ax.set_yticks(range(1, len(units) + 1), [_text(names.get(u, u or "(no unit)")) for u in units])
    ax.set_xlim(-5, 105)
    _status_legend(ax, [s for s in _STATUS_ORDER if (objectives["status"] == s).any()], below=len(units) > 3)
    ax.set_xlabel("objective progress (%)")
    _title(ax, "Objective progress per unit")
    return ax


def status_overview(
    plan: _okr.Plan,
    as_of: Optional[_DateLike] = None,
    ax: Optional[Axes] = None,
    top: int = 12,
) -> Axes:
    """Key results by status: one bar for the whole plan and one per unit (the `top`
    units with most key results), each stacked to 100 % so that a unit of three key
    results reads as well as a plan of forty thousand; every status its own colour in a
    fixed order, worst first, each segment labelled with its count where it fits, and
    each row with its total."""
    scores = plan.scores_frame(as_of=as_of)
    krs = scores[scores["kind"] == "key_result"]
    names = _unit_names(plan)
    units = list(krs["unit"].fillna("").value_counts().head(top).index)
    rows = [("All key results", krs)] + [
        (names.get(u, u or "(no unit)"), krs[krs["unit"].fillna("") == u]) for u in units
    ]
    ax = _axes(ax, (8, 0.42 * len(rows) + 1.4))
    present = [s for s in _STATUS_ORDER if (krs["status"] == s).any()]
    for y, (_, group) in enumerate(rows):
        total = max(len(group), 1)
        left = 0.0
        for status in present:
            n = int((group["status"] == status).sum())
            if n == 0:
                continue
            width = 100 * n / total
            ax.barh(y, width, left=left, color=STATUS_COLOURS.get(status, "#607d8b"), edgecolor="white", linewidth=0.8)
            if width >= 6:
                ax.text(left + width / 2, y, f"{n:,}", ha="center", va="center", fontsize=7, color="white")
            left += width
    ax.set_yticks(range(len(rows)), [_text(f"{label} ({len(group):,})") for label, group in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of key results (%)")
    _status_legend(ax, present, below=len(rows) > 3)
    _title(ax, "Key results by status")
    return ax


def alignment_tree(
    plan: _okr.Plan,
    as_of: Optional[_DateLike] = None,
    ax: Optional[Axes] = None,
) -> Axes:
    """The alignment tree as `okr tree` prints it: each objective a row, indented under
    the objective it aligns to, with its progress as a bar and its status as the bar's
    colour. An objective under several parents is drawn under the first."""
    card = plan.score(as_of=as_of)
    tree = card.tree()
    ax = _axes(ax, (9, 0.38 * len(tree) + 0.8))
    indent, bar_at, bar_width = 0.035, 0.62, 0.25
    rows: dict[str, tuple[int, int]] = {}
    for y, (depth, o) in enumerate(tree):
        rows[o.id] = (y, depth)
        x = depth * indent
        parent = o.parents[0] if o.parents else None
        if parent in rows:
            py, pdepth = rows[parent]
            px = pdepth * indent + indent * 0.4
            ax.plot([px, px, x - 0.005], [py + 0.3, y, y], color="#b0b6c3", linewidth=0.8)
        label = f"{o.id}  {o.title}"
        ax.text(x, y, _text(textwrap.shorten(label, 60 - depth * 3)), va="center", fontsize=8)
        progress = o.progress or 0.0
        colour = STATUS_COLOURS.get(o.status, "#607d8b")
        ax.barh(y, bar_width, left=bar_at, height=0.5, color="#eceff5")
        ax.barh(y, bar_width * min(max(progress, 0.0), 1.0), left=bar_at, height=0.5, color=colour)
        shown = "–" if o.progress is None else f"{o.progress:.0%}"
        ax.text(bar_at + bar_width + 0.01, y, f"{shown} {_words(o.status)}", va="center", fontsize=8)
    ax.set_xlim(0, 1.05)
    ax.set_ylim(len(tree) - 0.5, -0.8)
    ax.axis("off")
    _title(ax, f"Alignment as of {card.as_of}")
    return ax


# One colour per group in a reliability diagram, in the order the groups are drawn.
_GROUP_COLOURS = ["#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457"]


def reliability(
    calibration: _okr.Calibration,
    by: str = "overall",
    ids: Optional[list[str]] = None,
    ax: Optional[Axes] = None,
    top: int = 6,
) -> Axes:
    """The reliability diagram of a calibration (`Plan.calibration`): for each tenth of
    stated confidence, the share of forecasts whose key result hit, against the diagonal
    a calibrated forecaster follows. Points above the diagonal are underconfidence,
    below it overconfidence; each point's area is its number of forecasts.

    One line per group of `by` (`"overall"`, `"owner"`, `"unit"`, `"cycle"` or
    `"phase"`, the third of the period a forecast was made in): the
    groups named in `ids`, else the `top` with most forecasts. Every number is the
    engine's (`Calibration.reliability_frame`)."""
    ax = _axes(ax, (5.5, 5.5))
    groups = {
        "overall": [calibration.overall],
        "owner": calibration.owners,
        "unit": calibration.units,
        "cycle": calibration.cycles,
        "phase": calibration.phases,
    }
    if by not in groups:
        # The engine names the choices; ask it, so that the message is the same everywhere.
        calibration.frame(by)
    chosen = [g for g in groups[by] if g["forecasts"] > 0]
    if ids is not None:
        wanted = set(ids)
        missing = wanted - {g["id"] for g in chosen}
        if missing:
            raise _okr.NotFoundError(f"no {by} with settled forecasts: {', '.join(sorted(missing))}")
        chosen = [g for g in chosen if g["id"] in wanted]
    else:
        chosen = sorted(chosen, key=lambda g: (-g["forecasts"], g["id"]))[:top]
    ax.plot([0, 100], [0, 100], linestyle="--", color="#9e9e9e", linewidth=1, label="calibrated")
    largest = max((b["forecasts"] for g in chosen for b in g["bins"]), default=1)
    for n, g in enumerate(chosen):
        bins = [b for b in g["bins"] if b["forecasts"] > 0]
        x = [b["mean_confidence"] * 100 for b in bins]
        y = [b["hit_rate"] * 100 for b in bins]
        colour = _GROUP_COLOURS[n % len(_GROUP_COLOURS)]
        name = g["id"] or "everyone"
        forecasts = f"{g['forecasts']} forecast" + ("" if g["forecasts"] == 1 else "s")
        label = f"{_text(name)}: {forecasts}, {_words(g['verdict'])}"
        ax.plot(x, y, color=colour, linewidth=1.2, alpha=0.8, label=label)
        ax.scatter(x, y, s=[20 + 280 * b["forecasts"] / largest for b in bins], color=colour, alpha=0.6, zorder=3)
    ax.set_xlim(0, 100)
    ax.set_ylim(-3, 103)
    ax.set_aspect("equal")
    ax.set_xlabel("stated confidence (%)")
    ax.set_ylabel("forecasts whose key result hit (%)")
    ax.grid(True, color="#eeeeee")
    # Below the axes: the top corners are where points of low or high confidence land.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8, frameon=False)
    if not chosen:
        ax.text(50, 50, "no settled key result has a stated confidence yet", ha="center", fontsize=9, color="#616161")
    _title(ax, f"Stated confidence against outcomes, as of {calibration.as_of}")
    return ax
