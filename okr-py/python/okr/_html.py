"""Notebook displays (``_repr_html_``): compact tables with inline progress bars.

Everything shown is computed by the engine; this only lays it out. Text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any, Iterable

STATUS_COLOURS = {
    # One colour per engine status, shared by the displays and the charts.
    "on_track": "#2e7d32",
    "done": "#1b5e20",
    "at_risk": "#c62828",
    "behind": "#f9a825",
    "stale": "#8d6e63",
    "not_started": "#757575",
    "closed": "#455a64",
    "no_target": "#9e9e9e",
}

_STYLE = (
    "<style>.okr-t{border-collapse:collapse;font:13px system-ui,sans-serif}"
    ".okr-t th,.okr-t td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left}"
    ".okr-t td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".okr-kr td:first-child{padding-left:22px;color:#555}</style>"
)


def _bar(progress: float | None, expected: float | None, status: str) -> str:
    if progress is None:
        return "–"
    width = max(0.0, min(progress, 1.0)) * 100
    colour = STATUS_COLOURS.get(status, "#607d8b")
    mark = ""
    if expected is not None:
        x = max(0.0, min(expected, 1.0)) * 100
        mark = f'<div style="position:absolute;left:{x:.1f}%;top:-2px;width:2px;height:14px;background:#222"></div>'
    return (
        '<div style="position:relative;width:120px;height:10px;background:#eee;border-radius:3px">'
        f'<div style="width:{width:.1f}%;height:10px;background:{colour};border-radius:3px"></div>{mark}</div>'
    )


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.0f}%"


def _status(s: str) -> str:
    colour = STATUS_COLOURS.get(s, "#607d8b")
    return f'<span style="color:{colour};font-weight:600">{escape(s.replace("_", " "))}</span>'


def scorecard(card: Any, limit: int = 200) -> str:
    rows = []
    for o in card.objectives[:limit]:
        rows.append(
            f"<tr><td><b>{escape(o.id)}</b> {escape(o.title)}</td><td>{_bar(o.progress, o.expected, o.status)}</td>"
            f'<td class="n">{_pct(o.progress)}</td><td class="n">{_pct(o.expected)}</td><td>{_status(o.status)}</td></tr>'
        )
        for k in o.key_results:
            rows.append(
                f'<tr class="okr-kr"><td>{escape(k.id)} {escape(k.title)}</td><td>{_bar(k.progress, k.expected, k.status)}</td>'
                f'<td class="n">{_pct(k.progress)}</td><td class="n">{_pct(k.expected)}</td><td>{_status(k.status)}</td></tr>'
            )
    more = len(card.objectives) - limit
    tail = f"<p>… and {more} more objectives</p>" if more > 0 else ""
    return (
        f"{_STYLE}<p>Scores as of {escape(card.as_of)}</p><table class=\"okr-t\">"
        "<tr><th>objective / key result</th><th></th><th>progress</th><th>expected</th><th>status</th></tr>"
        + "".join(rows)
        + f"</table>{tail}"
    )


def objective(o: Any) -> str:
    krs = "".join(
        f"<tr><td>{escape(k.id)}</td><td>{escape(k.title)}</td><td>{escape(k.type)}</td></tr>"
        for k in o.key_results
    )
    meta = ", ".join(
        f"{name}: {escape(str(value))}"
        for name, value in (("unit", o.unit), ("cycle", o.cycle), ("owner", o.owner), ("type", o.type))
        if value
    )
    return (
        f"{_STYLE}<p><b>{escape(o.id)}</b> {escape(o.title)}<br><small>{meta}</small></p>"
        f'<table class="okr-t"><tr><th>key result</th><th>title</th><th>type</th></tr>{krs}</table>'
    )


def diagnostics(found: Iterable[Any]) -> str:
    colours = {"error": "#c62828", "warning": "#ef6c00", "info": "#1565c0"}
    rows = "".join(
        f'<tr><td style="color:{colours.get(d.severity, "#333")};font-weight:600">{escape(d.severity)}</td>'
        f"<td>{escape(d.code)}</td><td>{escape(d.rule)}</td><td>{escape(d.message)}<br><small>{escape(d.help)}</small></td>"
        f"<td><code>{escape(d.path)}</code></td></tr>"
        for d in found
    )
    return (
        f'{_STYLE}<table class="okr-t"><tr><th>severity</th><th>code</th><th>rule</th><th>message</th><th>where</th></tr>'
        f"{rows}</table>"
    )


def plan(p: Any) -> str:
    objectives = p.objectives
    rows = "".join(
        f"<tr><td>{escape(o.id)}</td><td>{escape(o.title)}</td><td>{escape(o.unit or '')}</td>"
        f'<td>{escape(o.owner or "")}</td><td class="n">{len(o.key_results)}</td></tr>'
        for o in objectives[:50]
    )
    more = len(objectives) - 50
    tail = f"<p>… and {more} more objectives</p>" if more > 0 else ""
    return (
        f"{_STYLE}<p><b>{escape(p.name or 'Plan')}</b>: {len(objectives)} objectives</p>"
        f'<table class="okr-t"><tr><th>id</th><th>objective</th><th>unit</th><th>owner</th><th>KRs</th></tr>{rows}</table>{tail}'
    )
