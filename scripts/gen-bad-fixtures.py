#!/usr/bin/env python3
"""Writes the generated half of the bad-input matrix: fixtures/bad/generated/.

A valid plan (BASE, every entity and key-result kind) is broken in one place per case:
a wrong type, a value out of its domain, an unknown field, a dangling reference, a
duplicate id, an invisible character in an id, dates or ranges out of order. Each case
is written as JSON and as YAML, so both parsers are held to it, with the error code and
document path the break must produce; the generator knows where it broke the plan, so
the expectation comes from the case, not from running the engine.

Every language's suite reads fixtures/bad/generated/expected.json beside the hand-written
fixtures/bad/expected.json. scripts/test fails when these files are not what this script
writes. Run it after changing a case: `python3 scripts/gen-bad-fixtures.py`.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "bad" / "generated"

BASE: dict = {
    "schema_version": 1,
    "name": "Generated base plan",
    "units": [
        {"id": "co", "name": "Company", "kind": "company"},
        {"id": "sales", "name": "Sales", "kind": "department", "parent": "co"},
    ],
    "cycles": [
        {"id": "fy", "name": "FY 2026", "start": "2026-01-01", "end": "2026-12-31"},
        {"id": "q1", "name": "Q1 2026", "start": "2026-01-01", "end": "2026-03-31", "parent": "fy"},
    ],
    "kpis": [
        {
            "id": "uptime",
            "name": "API uptime",
            "direction": "higher_is_better",
            "threshold": 99.9,
            "check_ins": [{"at": "2026-01-15", "value": 99.95}],
        }
    ],
    "objectives": [
        {
            "id": "grow",
            "title": "Grow the business",
            "unit": "co",
            "cycle": "q1",
            "type": "committed",
            "key_results": [
                {
                    "id": "arr",
                    "title": "Grow ARR from 10 to 12",
                    "type": "increase",
                    "start": 10,
                    "target": 12,
                    "check_ins": [{"at": "2026-02-01", "value": 11, "confidence": 0.7}],
                },
                {"id": "churn", "title": "Cut churn from 5% to 3%", "type": "decrease", "start": 5, "target": 3},
                {"id": "beta", "title": "Ship the beta", "type": "milestone"},
                {
                    "id": "setup",
                    "title": "Finish the setup",
                    "type": "checklist",
                    "steps": [{"id": "design", "title": "Design"}, {"id": "build", "title": "Build"}],
                },
                {"id": "avail", "title": "Keep availability above 99.9%", "type": "stay_above", "threshold": 99.9},
                {"id": "nps", "title": "Keep NPS between 40 and 60", "type": "within", "low": 40, "high": 60},
                {
                    "id": "trials",
                    "title": "Lift trial conversion",
                    "type": "zones",
                    "start": 8,
                    "commit": 10,
                    "target": 12,
                    "stretch": 14,
                },
                {
                    "id": "deals",
                    "title": "Close 20 deals in all",
                    "type": "aggregate",
                    "op": "sum",
                    "start": 0,
                    "target": 20,
                    "of": ["dach"],
                },
            ],
            "initiatives": [{"id": "pricing", "title": "Rework pricing", "state": "in_progress", "progress": 0.5}],
        },
        {
            "id": "win",
            "title": "Win the DACH market",
            "unit": "sales",
            "cycle": "q1",
            "aligns_to": [{"objective": "grow"}],
            "key_results": [
                {"id": "dach", "title": "Sign 20 DACH customers", "type": "increase", "start": 0, "target": 20}
            ],
        },
    ],
}

O = "objectives[0]"
KR = f"{O}.key_results"


def kr(i: int) -> str:
    return f"{KR}[{i}]"


# (name, path to change as keys and indices, new value or DELETE, expected code, expected path)
DELETE = object()
CASES: list[tuple[str, list, object, str, str]] = []


def case(name: str, where: list, value: object, code: str, path: str) -> None:
    CASES.append((name, where, value, code, path))


# Wrong types.
case("objective-title-list", ["objectives", 0, "title"], ["a"], "schema", f"{O}.title")
case("objective-weight-text", ["objectives", 0, "weight"], "heavy", "schema", f"{O}.weight")
case("kr-start-text", ["objectives", 0, "key_results", 0, "start"], "ten", "schema", f"{kr(0)}.start")
case("kr-target-bool", ["objectives", 0, "key_results", 0, "target"], True, "schema", f"{kr(0)}.target")
case("kr-due-not-a-date", ["objectives", 0, "key_results", 0, "due"], "tomorrow", "schema", f"{kr(0)}.due")
case("kr-steps-not-a-list", ["objectives", 0, "key_results", 3, "steps"], "design", "schema", f"{kr(3)}.steps")
case("cycle-start-not-a-date", ["cycles", 0, "start"], "2026-13-01", "schema", "cycles[0].start")
case("check-in-at-not-a-date", ["objectives", 0, "key_results", 0, "check_ins", 0, "at"], "2026-02-30", "schema", f"{kr(0)}.check_ins[0].at")
case("units-not-a-list", ["units"], {"id": "co"}, "schema", "units")
case("schema-version-text", ["schema_version"], "one", "schema", "schema_version")
# Values out of their domain.
case("objective-weight-negative", ["objectives", 0, "weight"], -1, "invalid_value", f"{O}.weight")
case("kr-weight-negative", ["objectives", 0, "key_results", 1, "weight"], -0.5, "invalid_value", f"{kr(1)}.weight")
case("link-weight-negative", ["objectives", 1, "aligns_to", 0, "weight"], -2, "invalid_value", "objectives[1].aligns_to[0].weight")
case("kr-band-negative", ["objectives", 0, "key_results", 4, "band"], -1, "invalid_value", f"{kr(4)}.band")
case("within-high-below-low", ["objectives", 0, "key_results", 5, "high"], 30, "invalid_value", f"{kr(5)}.high")
case("confidence-above-one", ["objectives", 0, "key_results", 0, "check_ins", 0, "confidence"], 1.5, "invalid_value", f"{kr(0)}.check_ins[0].confidence")
case("initiative-progress-above-one", ["objectives", 0, "initiatives", 0, "progress"], 2, "invalid_value", f"{O}.initiatives[0].progress")
case("objective-score-negative", ["objectives", 0, "score"], -0.1, "invalid_value", f"{O}.score")
case("checklist-no-steps", ["objectives", 0, "key_results", 3, "steps"], [], "invalid_value", f"{kr(3)}.steps")
case("aggregate-no-children", ["objectives", 0, "key_results", 7, "of"], [], "invalid_value", f"{kr(7)}.of")
for field, i in [("start", 0), ("target", 0), ("threshold", 4), ("low", 5), ("high", 5), ("commit", 6), ("stretch", 6)]:
    case(f"kr-{field}-nan", ["objectives", 0, "key_results", i, field], math.nan, "invalid_value", f"{kr(i)}.{field}")
case("kr-weight-infinite", ["objectives", 0, "key_results", 2, "weight"], math.inf, "invalid_value", f"{kr(2)}.weight")
case("check-in-value-infinite", ["objectives", 0, "key_results", 0, "check_ins", 0, "value"], -math.inf, "invalid_value", f"{kr(0)}.check_ins[0].value")
case("kpi-threshold-nan", ["kpis", 0, "threshold"], math.nan, "invalid_value", "kpis[0].threshold")
# Unknown fields, at every level.
for name, where, path in [
    ("plan", [], ""),
    ("unit", ["units", 0], "units[0]"),
    ("cycle", ["cycles", 0], "cycles[0]"),
    ("kpi", ["kpis", 0], "kpis[0]"),
    ("objective", ["objectives", 0], O),
    ("key-result", ["objectives", 0, "key_results", 0], kr(0)),
    ("check-in", ["objectives", 0, "key_results", 0, "check_ins", 0], f"{kr(0)}.check_ins[0]"),
    ("step", ["objectives", 0, "key_results", 3, "steps", 0], f"{kr(3)}.steps[0]"),
    ("initiative", ["objectives", 0, "initiatives", 0], f"{O}.initiatives[0]"),
    ("alignment-link", ["objectives", 1, "aligns_to", 0], "objectives[1].aligns_to[0]"),
]:
    typo = "titel"
    case(f"unknown-field-in-{name}", where + [typo], "x", "unknown_field", f"{path}.{typo}" if path else typo)
case("kind-field-on-milestone", ["objectives", 0, "key_results", 2, "target"], 1, "schema", kr(2))
# Unknown enum values.
case("unknown-kr-type", ["objectives", 0, "key_results", 2, "type"], "moonshot", "schema", f"{kr(2)}.type")
case("unknown-unit-kind", ["units", 1, "kind"], "tribe", "schema", "units[1].kind")
case("unknown-objective-type", ["objectives", 0, "type"], "stretchy", "schema", f"{O}.type")
case("unknown-objective-state", ["objectives", 0, "state"], "paused", "schema", f"{O}.state")
case("unknown-aggregate-op", ["objectives", 0, "key_results", 7, "op"], "median", "schema", f"{kr(7)}.op")
case("unknown-kpi-direction", ["kpis", 0, "direction"], "sideways", "schema", "kpis[0].direction")
case("unknown-initiative-state", ["objectives", 0, "initiatives", 0, "state"], "blocked", "schema", f"{O}.initiatives[0].state")
# Missing required fields.
case("objective-without-title", ["objectives", 0, "title"], DELETE, "schema", O)
case("kr-without-type", ["objectives", 0, "key_results", 2, "type"], DELETE, "schema", kr(2))
case("unit-without-name", ["units", 0, "name"], DELETE, "schema", "units[0]")
case("kpi-without-direction", ["kpis", 0, "direction"], DELETE, "schema", "kpis[0]")
# References to nothing.
case("objective-unit-dangling", ["objectives", 0, "unit"], "marketing", "unknown_reference", f"{O}.unit")
case("objective-cycle-dangling", ["objectives", 0, "cycle"], "q9", "unknown_reference", f"{O}.cycle")
case("unit-parent-dangling", ["units", 1, "parent"], "holding", "unknown_reference", "units[1].parent")
case("cycle-parent-dangling", ["cycles", 1, "parent"], "fy2030", "unknown_reference", "cycles[1].parent")
case("link-to-missing-objective", ["objectives", 1, "aligns_to", 0, "objective"], "shrink", "unknown_reference", "objectives[1].aligns_to[0].objective")
case("link-to-missing-key-result", ["objectives", 1, "aligns_to", 0], {"key_result": "gmv"}, "unknown_reference", "objectives[1].aligns_to[0].key_result")
case("aggregate-child-dangling", ["objectives", 0, "key_results", 7, "of", 0], "emea", "unknown_reference", f"{kr(7)}.of[0]")
case("kr-kpi-dangling", ["objectives", 0, "key_results", 4, "kpi"], "latency", "unknown_reference", f"{kr(4)}.kpi")
case("kr-unit-dangling", ["objectives", 0, "key_results", 0, "unit"], "ops", "unknown_reference", f"{kr(0)}.unit")
case("checklist-check-in-unknown-step", ["objectives", 0, "key_results", 3, "check_ins"], [{"at": "2026-02-01", "value": ["deploy"]}], "invalid_value", f"{kr(3)}.check_ins[0].value")
# Ids used twice.
case("duplicate-unit-id", ["units", 1, "id"], "co", "duplicate_id", "units[1].id")
case("duplicate-cycle-id", ["cycles", 1, "id"], "fy", "duplicate_id", "cycles[1].id")
case("duplicate-objective-id", ["objectives", 1, "id"], "grow", "duplicate_id", "objectives[1].id")
case("duplicate-kr-id-across-objectives", ["objectives", 1, "key_results", 0, "id"], "arr", "duplicate_id", "objectives[1].key_results[0].id")
case("kr-id-taken-by-kpi", ["objectives", 0, "key_results", 1, "id"], "uptime", "duplicate_id", f"{kr(1)}.id")
case("duplicate-step-id", ["objectives", 0, "key_results", 3, "steps", 1, "id"], "design", "duplicate_id", f"{kr(3)}.steps[1].id")
# Invisible characters in ids.
for label, char in [("escape", "\x1b"), ("newline", "\n"), ("bidi", "\u202e"), ("zero-width", "\u200b")]:
    case(f"objective-id-with-{label}", ["objectives", 0, "id"], f"gr{char}ow", "invalid_value", f"{O}.id")
case("unit-id-with-tab", ["units", 1, "id"], "sal\tes", "invalid_value", "units[1].id")
case("kpi-id-with-nul", ["kpis", 0, "id"], "up\u0000time", "invalid_value", "kpis[0].id")
# Dates and ranges out of order.
case("cycle-ends-before-it-starts", ["cycles", 1, "end"], "2025-12-31", "date_order", "cycles[1].end")
case("increase-going-down", ["objectives", 0, "key_results", 0, "target"], 8, "direction_mismatch", f"{kr(0)}.target")
case("decrease-going-up", ["objectives", 0, "key_results", 1, "target"], 9, "direction_mismatch", f"{kr(1)}.target")
case("start-equals-target", ["objectives", 0, "key_results", 1, "target"], 5, "zero_range", f"{kr(1)}.target")
case("zones-out-of-order", ["objectives", 0, "key_results", 6, "commit"], 13, "invalid_value", kr(6))
case("empty-objective-id", ["objectives", 0, "id"], " ", "invalid_value", f"{O}.id")
case("blank-objective-title", ["objectives", 0, "title"], " ", "invalid_value", f"{O}.title")
case("empty-kr-title", ["objectives", 0, "key_results", 2, "title"], "", "invalid_value", f"{kr(2)}.title")
case("empty-unit-name", ["units", 0, "name"], "", "invalid_value", "units[0].name")
case("empty-cycle-name", ["cycles", 1, "name"], "", "invalid_value", "cycles[1].name")
# Loops.
case("alignment-loop", ["objectives", 0, "aligns_to"], [{"objective": "win"}], "cycle", "objectives[0].aligns_to")
case("unit-loop", ["units", 0, "parent"], "sales", "cycle", "units[0].parent")


def apply(plan: dict, where: list, value: object) -> dict:
    plan = copy.deepcopy(plan)
    node = plan
    for key in where[:-1]:
        node = node[key]
    if value is DELETE:
        del node[where[-1]]
    else:
        node[where[-1]] = value
    return plan


def to_json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)


def yaml_scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    # JSON's double-quoted strings are YAML's double-quoted strings.
    return json.dumps(value, ensure_ascii=True)


def to_yaml(value: object, indent: int = 0) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        out = ""
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                out += f"{pad}{k}:\n{to_yaml(v, indent + 2)}"
            else:
                out += f"{pad}{k}: {flow(v)}\n"
        return out
    if isinstance(value, list):
        out = ""
        for item in value:
            if isinstance(item, dict) and item:
                body = to_yaml(item, indent + 2)
                out += f"{pad}- {body[indent + 2:]}"
            else:
                out += f"{pad}- {flow(item)}\n"
        return out
    return pad + yaml_scalar(value) + "\n"


def flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return yaml_scalar(value)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    (OUT / "base.json").write_text(to_json(BASE) + "\n", encoding="utf-8")
    (OUT / "base.yaml").write_text(to_yaml(BASE), encoding="utf-8")
    cases = []
    names = set()
    for name, where, value, code, path in CASES:
        assert name not in names, name
        names.add(name)
        plan = apply(BASE, where, value)
        # JSON has no NaN or infinity: those cases are YAML's alone.
        finite = not (isinstance(value, float) and not math.isfinite(value))
        texts = [("json", to_json(plan) + "\n")] if finite else []
        texts.append(("yaml", to_yaml(plan)))
        for ext, text in texts:
            (OUT / f"{name}.{ext}").write_text(text, encoding="utf-8")
            cases.append({"file": f"generated/{name}.{ext}", "kind": code, "path": path})
    about = (
        "Written by scripts/gen-bad-fixtures.py: base.json and base.yaml are valid, and each "
        "case breaks them in one place. Same rules as ../expected.json."
    )
    lines = ["{", f' "about": {json.dumps(about)},', ' "valid": ["generated/base.json", "generated/base.yaml"],', ' "cases": [']
    lines.append(",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases))
    lines += [" ]", "}"]
    (OUT / "expected.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases in {OUT}")


if __name__ == "__main__":
    main()
