#!/usr/bin/env python3
"""Writes fixtures/compat/vectors.json from the compact case list below.

Each case becomes a complete plan document, so every binding (Rust, Python, JS,
Kotlin) only has to load it, score it as of `as_of` and compare. The expected numbers
are worked by hand from each peer tool's formula (DESIGN.md §4) and written here as
literals; nothing below computes them.

Run: python3 scripts/gen-compat-fixtures.py
"""
import json
import pathlib

CYCLE = {"id": "q", "name": "Quarter", "start": "2026-01-01", "end": "2026-03-31"}
HALF = "2026-02-14"  # 45 of the quarter's 90 days: elapsed fraction 0.5
CHECK_IN_AT = "2026-02-10"


def kr(id, type, value=None, **fields):
    out = {"id": id, "title": f"Key result {id}", "type": type, **fields}
    if value is not None:
        out["check_ins"] = [{"at": CHECK_IN_AT, "value": value}]
    return out


def plan(*objectives):
    return {"schema_version": 1, "cycles": [CYCLE], "objectives": list(objectives)}


def objective(id, key_results, **fields):
    return {"id": id, "title": f"Objective {id}", "cycle": "q", "key_results": key_results, **fields}


def case(name, source, preset, krs=None, objectives=None, expect_krs=None, expect_objectives=None, as_of=HALF, error=None):
    objs = objectives if objectives is not None else [objective("o", krs)]
    c = {"name": name, "source": source, "preset": preset, "as_of": as_of, "plan": plan(*objs)}
    if error:
        c["expect_error"] = error
    else:
        c["expect"] = {"key_results": expect_krs or {}, "objectives": expect_objectives or {}}
    return c


def inc(id, s, g, v=None, **kw):
    return kr(id, "increase", v, start=s, target=g, **kw)


def dec(id, s, g, v=None, **kw):
    return kr(id, "decrease", v, start=s, target=g, **kw)


CASES = [
    # okr-tracker
    case("overshoot clamps to 1, raw kept", "okr-tracker", "okr-tracker",
         [inc("k", 0, 100, 150)], expect_krs={"k": {"progress": 1.0, "raw_progress": 1.5}}),
    case("decrease half way", "okr-tracker", "okr-tracker",
         [dec("k", 100, 50, 75)], expect_krs={"k": {"progress": 0.5, "raw_progress": 0.5}}),
    case("decrease past target clamps", "okr-tracker", "okr-tracker",
         [dec("k", 100, 50, 40)], expect_krs={"k": {"progress": 1.0, "raw_progress": 1.2}}),
    case("start equals target scores 0.5 (server)", "okr-tracker", "okr-tracker",
         [inc("k", 10, 10, 10)], expect_krs={"k": {"progress": 0.5}}),
    case("no check-in is 0 and not started", "okr-tracker", "okr-tracker",
         [inc("k", 0, 100)], expect_krs={"k": {"progress": 0.0, "status": "not_started", "value": 0.0}}),
    case("objective is the weighted mean", "okr-tracker", "okr-tracker",
         [inc("a", 0, 10, 10, weight=1), inc("b", 0, 10, 5, weight=3)],
         expect_objectives={"o": {"progress": 0.625}}),
    # BurningOKR
    case("half way", "BurningOKR", "burning-okr",
         [inc("k", 0, 10, 5)], expect_krs={"k": {"progress": 0.5}}),
    case("overshoot shows 100% in the UI", "BurningOKR", "burning-okr",
         [inc("k", 0, 10, 15)], expect_krs={"k": {"progress": 1.0, "raw_progress": 1.5}}),
    case("objective mean of 1.0, 0.5, 0", "BurningOKR", "burning-okr",
         [inc("a", 0, 10, 10), inc("b", 0, 10, 5), inc("c", 0, 10, 0)],
         expect_objectives={"o": {"progress": 0.5}}),
    case("status at 50% elapsed: -0.2 and -0.4 against elapsed", "BurningOKR", "burning-okr",
         [inc("a", 0, 100, 35), inc("b", 0, 100, 25), inc("c", 0, 100, 5)],
         expect_krs={"a": {"expected": 0.5, "status": "on_track"},
                     "b": {"status": "behind"},
                     "c": {"status": "at_risk"}}),
    # PuzzleOKR zones
    case("zones: ratio 0.5 lands in commit", "PuzzleOKR", "puzzle-okr",
         [kr("k", "zones", 15, start=10, stretch=20)],
         expect_krs={"k": {"progress": 0.3, "raw_progress": 0.5}}),
    case("zones: past stretch", "PuzzleOKR", "puzzle-okr",
         [kr("k", "zones", 25, start=10, stretch=20)], expect_krs={"k": {"progress": 1.0, "status": "done"}}),
    case("zones: below commit fails", "PuzzleOKR", "puzzle-okr",
         [kr("k", "zones", 5, start=10, stretch=20)], expect_krs={"k": {"progress": 0.0}}),
    case("zones going down: ratio 0.8 lands in target", "PuzzleOKR", "puzzle-okr",
         [kr("k", "zones", 12, start=20, stretch=10)],
         expect_krs={"k": {"progress": 0.7, "raw_progress": 0.8}}),
    case("zones: stored commit and target values", "PuzzleOKR", "puzzle-okr",
         [kr("k", "zones", 13, start=10, commit=13, target=17, stretch=20)], expect_krs={"k": {"progress": 0.3}}),
    case("backslide goes negative", "PuzzleOKR", "puzzle-okr",
         [inc("k", 10, 20, 8)], expect_krs={"k": {"progress": -0.2, "raw_progress": -0.2}}),
    # Quantive
    case("decrease past target kept above 1", "Quantive", "quantive",
         [dec("k", 100, 60, 50)], expect_krs={"k": {"progress": 1.25}}),
    case("cascaded KR: parent value is the sum of children", "Quantive", "quantive",
         [inc("c1", 0, 2, 1), inc("c2", 0, 5, 3), kr("p", "aggregate", of=["c1", "c2"], op="sum", start=0, target=3)],
         expect_krs={"p": {"value": 4.0, "progress": 4 / 3}}),
    # Leantime
    case("increase a quarter of the way", "Leantime", "leantime",
         [inc("k", 0, 200, 50)], expect_krs={"k": {"progress": 0.25}}),
    case("children values summed into the parent", "Leantime", "leantime",
         [inc("c1", 0, 100, 30), inc("c2", 0, 100, 50), kr("p", "aggregate", of=["c1", "c2"], op="sum", start=0, target=200)],
         expect_krs={"p": {"value": 80.0, "progress": 0.4}}),
    # Operately
    case("decrease half way", "Operately", "operately",
         [dec("k", 100, 50, 75)], expect_krs={"k": {"progress": 0.5}}),
    case("decrease past target", "Operately", "operately",
         [dec("k", 100, 50, 40)], expect_krs={"k": {"progress": 1.0}}),
    case("start equals target scores 0", "Operately", "operately",
         [inc("k", 10, 10, 12)], expect_krs={"k": {"progress": 0.0}}),
    # Frappe HRMS
    case("parent goal is the mean of its children", "Frappe HRMS", "default",
         objectives=[
             objective("parent", [], progress_from="children"),
             objective("c1", [inc("k1", 0, 10, 10)], aligns_to=[{"objective": "parent"}]),
             objective("c2", [inc("k2", 0, 10, 5)], aligns_to=[{"objective": "parent"}]),
             objective("c3", [inc("k3", 0, 10, 0)], aligns_to=[{"objective": "parent"}]),
         ],
         expect_objectives={"parent": {"progress": 0.5}}),
    # Google grading
    case("grade bands and expectations", "Google OKR playbook", "google",
         objectives=[
             objective("red", [inc("r", 0, 10, 3)], type="aspirational"),
             objective("yellow", [inc("y", 0, 10, 5)], type="aspirational"),
             objective("green", [inc("g", 0, 10, 7)], type="aspirational"),
             objective("committed-miss", [inc("m", 0, 10, 9)], type="committed"),
             objective("manual", [inc("h", 0, 10, 9)], type="committed", score=1.0),
         ],
         expect_objectives={"red": {"grade_band": "red"},
                            "yellow": {"grade_band": "yellow"},
                            "green": {"grade_band": "green", "meets_expectation": True},
                            "committed-miss": {"grade_band": "green", "meets_expectation": False},
                            "manual": {"grade_score": 1.0, "meets_expectation": True}}),
    case("threshold equality passes when inclusive", "Google OKR playbook", "google",
         [kr("k", "stay_above", 99, threshold=99)], expect_krs={"k": {"progress": 1.0}}),
    # This library's defaults, worked by hand
    case("default: threshold equality fails (strict)", "Quantive, Viva Goals", "default",
         [kr("k", "stay_above", 99, threshold=99)], expect_krs={"k": {"progress": 0.0, "status": "at_risk"}}),
    case("default: start == target is refused at load", "GitLab, PuzzleOKR", "default",
         [inc("k", 10, 10, 10)],
         error={"kind": "zero_range", "path": "objectives[0].key_results[0].target"}),
    case("default: Viva Goals gaps", "Viva Goals", "default",
         [inc("a", 0, 100, 50), inc("b", 0, 100, 30), inc("c", 0, 100, 25), inc("d", 0, 100, 20)],
         expect_krs={"a": {"status": "on_track", "gap": 0.0},
                     "b": {"status": "behind"},
                     "c": {"status": "behind", "gap": 0.25},
                     "d": {"status": "at_risk"}}),
    case("default: checklist weights", "this library", "default",
         [kr("k", "checklist", ["b"], steps=[{"id": "a", "weight": 1}, {"id": "b", "weight": 3}])],
         expect_krs={"k": {"progress": 0.75}}),
    case("default: within range and stay below", "this library", "default",
         [kr("in", "within", 3.5, low=3, high=4), kr("out", "within", 4.5, low=3, high=4), kr("below", "stay_below", 150, threshold=200)],
         expect_krs={"in": {"progress": 1.0}, "out": {"progress": 0.0}, "below": {"progress": 1.0}}),
    case("default: baseline is not scored", "open-okr spec", "default",
         [kr("k", "baseline", 42)], expect_krs={"k": {"progress": None, "status": "no_target", "value": 42.0}}),
    case("default: weight 0 excludes a key result", "this library", "default",
         [inc("a", 0, 10, 10), inc("b", 0, 10, 0, weight=0)], expect_objectives={"o": {"progress": 1.0}}),
    case("default: phased targets set the expected progress", "this library", "default",
         # Path 0 (Jan 1) -> 80 at the end of Jan 31 -> 100 at the end of Mar 31. The end of
         # Feb 14 is 14 of Feb-Mar's 59 days: 80 + 20 * 14/59 = 84.7457..., so expected is
         # 0.847457...; the value 60 gives 0.6 and a gap of 0.2475: behind.
         [inc("k", 0, 100, 60, phases=[{"at": "2026-01-31", "target": 80}])],
         expect_krs={"k": {"expected": 0.847457627118644, "progress": 0.6, "status": "behind"}}),
]


def main():
    out = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "compat" / "vectors.json"
    out.write_text(json.dumps({"cases": CASES}, indent=1) + "\n")
    print(f"wrote {len(CASES)} cases to {out}")


if __name__ == "__main__":
    main()
