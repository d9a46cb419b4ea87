"""Rebuilders that pickle calls; kept apart so the native classes can name them."""

from __future__ import annotations

from typing import Any

from . import _okr


def plan(json: str, log: list[str]) -> _okr.Plan:
    return _okr.Plan._unpickle(json, log)


def objective(data: dict[str, Any]) -> _okr.Objective:
    return _okr.Objective.from_dict(data)


def key_result(data: dict[str, Any]) -> _okr.KeyResult:
    return _okr.KeyResult.from_dict(data)


def scorecard(data: dict[str, Any]) -> _okr.Scorecard:
    return _okr.Scorecard._from_dict(data)


def objective_score(data: dict[str, Any]) -> _okr.ObjectiveScore:
    return _okr.ObjectiveScore._from_dict(data)


def key_result_score(data: dict[str, Any]) -> _okr.KeyResultScore:
    return _okr.KeyResultScore._from_dict(data)


def diagnostic(data: dict[str, Any]) -> _okr.Diagnostic:
    return _okr.Diagnostic._from_dict(data)
