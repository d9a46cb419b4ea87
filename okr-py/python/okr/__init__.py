"""Objectives and Key Results as a library.

Load a plan, score it as of a date, roll progress up the alignment tree, forecast,
lint it for the anti-patterns that make OKR programmes fail, and analyse the results as
pandas (or polars) DataFrames and charts::

    import okr
    plan = okr.load("examples/acme.yaml")
    plan.scores_frame(as_of="2026-02-14")

The engine is written in Rust (`okr._okr`); this package adds the file handling, the
data frames, the notebook displays and the charts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Union

from . import _okr
from ._okr import (
    Calibration,
    CycleError,
    DateOrderError,
    Diagnostic,
    DirectionMismatchError,
    DuplicateIdError,
    InvalidArgumentError,
    KeyResult,
    KeyResultScore,
    LimitError,
    NotFoundError,
    Objective,
    ObjectiveScore,
    OkrError,
    ParseError,
    Plan,
    PolicyError,
    ReadError,
    Rule,
    SchemaError,
    Scorecard,
    UnknownFieldError,
    UnknownReferenceError,
    UnknownRuleError,
    ValidationError,
    WhatIf,
    ZeroRangeError,
    generate,
    presets,
    rule,
    rules,
    schema,
)

__version__ = _okr.version()

PathLike = Union[str, Path]


def format_of(path: PathLike) -> str:
    """The format a file's extension names: "yaml", "json" or "csv". Any other raises
    `InvalidArgumentError` (a `ValueError`)."""
    return _okr.format_of(Path(path))


def load(path: PathLike, format: str | None = None, validate: bool = True) -> Plan:
    """Reads and validates a plan file, with the check-ins log it names (resolved
    against the file's folder) merged in. Raises a subclass of `OkrError` carrying the
    path, line and column of the first problem, and every problem in `errors`."""
    return _okr.Plan.load(Path(path), format, validate)


def loads(
    text: str, format: str = "yaml", check_ins: str | None = None, validate: bool = True
) -> Plan:
    """Parses and validates a plan from text ("yaml", "json" or "csv"); with
    ``validate=False`` it is only parsed (to lint or repair a plan with problems)."""
    return _okr.Plan.loads(text, format, check_ins, validate)


def save(plan: Plan, path: PathLike, format: str | None = None) -> None:
    """Writes a plan to a file in the format its extension names."""
    path = Path(path)
    path.write_text(plan.dumps(format or format_of(path)), encoding="utf-8")


__all__ = [
    "Calibration",
    "CycleError",
    "DateOrderError",
    "Diagnostic",
    "DirectionMismatchError",
    "DuplicateIdError",
    "InvalidArgumentError",
    "KeyResult",
    "KeyResultScore",
    "LimitError",
    "NotFoundError",
    "Objective",
    "ObjectiveScore",
    "OkrError",
    "ParseError",
    "Plan",
    "PolicyError",
    "ReadError",
    "Rule",
    "SchemaError",
    "Scorecard",
    "UnknownFieldError",
    "UnknownReferenceError",
    "UnknownRuleError",
    "ValidationError",
    "WhatIf",
    "ZeroRangeError",
    "format_of",
    "generate",
    "load",
    "loads",
    "presets",
    "rule",
    "rules",
    "save",
    "schema",
]
