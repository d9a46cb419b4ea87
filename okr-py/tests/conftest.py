"""Shared paths: the Python tests read the same fixtures as the Rust tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
EXAMPLE = ROOT / "examples" / "acme.yaml"


def fixture_json(relative: str) -> Any:
    return json.loads((FIXTURES / relative).read_text(encoding="utf-8"))


def close(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        if actual is None or expected is None:
            return actual is expected
        return abs(float(actual) - float(expected)) < 1e-9
    return bool(actual == expected)
