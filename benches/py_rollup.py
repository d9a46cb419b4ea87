#!/usr/bin/env python3
"""A straightforward pure-Python rollup of a plan, for comparison with the Rust engine.

It computes what `Engine::evaluate` computes: each key result's value, progress,
expected progress and status as of a moment (every kind, default policy), aggregates,
and objective progress rolled up through the alignment tree (key_results, children or
both). With --check it compares its objective progress with `okr score --format json`.

    python3 benches/py_rollup.py plan.json --as-of 2026-02-14 [--check score.json]

Plain dicts and lists, no libraries: the kind of script a team writes first.
"""
import argparse
import bisect
import datetime as dt
import json
import time

DAY = 86_400_000
ZONES = ["fail", "commit", "target", "stretch"]
ZONE_SCORE = [0.0, 0.3, 0.7, 1.0]
EPS = 1e-9
SEVERITY = {"done": 0, "on_track": 1, "not_started": 2, "stale": 3, "behind": 4, "at_risk": 5}


def millis(text):
    if len(text) == 10:
        d = dt.datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
    else:
        d = dt.datetime.fromisoformat(text)
    return int(d.timestamp() * 1000)


def prepare(plan):
    """Index the plan: per key result its kind, window and sorted check-ins."""
    cycles = {c["id"]: c for c in plan.get("cycles", [])}
    krs, objectives, by_id = [], [], {}
    for o in plan.get("objectives", []):
        cyc = cycles.get(o.get("cycle"), {})
        first = len(krs)
        for k in o.get("key_results", []):
            due = k.get("due") or cyc.get("end")
            window = None
            if cyc.get("start") and due:
                window = (millis(cyc["start"]), millis(due) + DAY)
            steps = [s["id"] for s in k.get("steps", [])]
            series = []
            for c in k.get("check_ins", []):
                v = c["value"]
                if k["type"] == "milestone":
                    v = 1.0 if v else 0.0
                elif k["type"] == "checklist":
                    v = sum(1 << steps.index(s) for s in v)
                elif k["type"] == "zones" and "stretch" not in k:
                    v = float(ZONES.index(v))
                series.append((millis(c["at"]), float(v), c.get("confidence")))
            series.sort(key=lambda r: r[0])
            kr = {"doc": k, "objective": len(objectives), "window": window, "times": [r[0] for r in series], "series": series}
            by_id[k["id"]] = len(krs)
            krs.append(kr)
        objectives.append({"doc": o, "krs": range(first, len(krs)), "children": []})
    index = {o["doc"]["id"]: i for i, o in enumerate(objectives)}
    for i, o in enumerate(objectives):
        for a in o["doc"].get("aligns_to", []):
            p = index.get(a["objective"]) if "objective" in a else krs[by_id[a["key_result"]]]["objective"]
            objectives[p]["children"].append((i, a.get("weight", 1.0) * o["doc"].get("weight", 1.0)))
    return krs, objectives, by_id


def progress(k, v):
    """(score, raw) of key result doc `k` at value `v`, or None when not scored."""
    t = k["type"]
    if t in ("increase", "decrease", "aggregate"):
        if "target" not in k:
            return None
        s, g = k.get("start", 0.0), k["target"]
        if s == g:
            return None
        raw = (v - s) / (g - s)
        return min(max(raw, 0.0), 1.0), raw
    if t == "stay_above":
        p = 1.0 if v > k["threshold"] else 0.0
        return p, p
    if t == "stay_below":
        p = 1.0 if v < k["threshold"] else 0.0
        return p, p
    if t == "within":
        p = 1.0 if k["low"] <= v <= k["high"] else 0.0
        return p, p
    if t == "milestone":
        p = 1.0 if v >= 0.5 else 0.0
        return p, p
    if t == "checklist":
        weights = [s.get("weight", 1.0) for s in k["steps"]]
        mask = int(v)
        done = sum(w for i, w in enumerate(weights) if mask & (1 << i))
        return done / sum(weights), done / sum(weights)
    if t == "zones":
        if "stretch" not in k:
            p = ZONE_SCORE[int(v)]
            return p, p
        b, s = k["start"], k["stretch"]
        c = k.get("commit", b + 0.3 * (s - b))
        tg = k.get("target", b + 0.7 * (s - b))
        up = s >= b
        reach = (lambda x: v >= x) if up else (lambda x: v <= x)
        rank = 3 if reach(s) else 2 if reach(tg) else 1 if reach(c) else 0
        return ZONE_SCORE[rank], (v - b) / (s - b)
    return None


def evaluate(krs, objectives, by_id, instant, cutoff):
    results = [None] * len(krs)

    def finish(i, value, count, last):
        kr = krs[i]
        k = kr["doc"]
        initial = k.get("start", 0.0) if k["type"] != "zones" or "stretch" in k else 0.0
        p = progress(k, initial if value is None else value)
        expected = None
        if kr["window"]:
            start, end = kr["window"]
            e = min(max((instant - start) / (end - start), 0.0), 1.0)
            t = k["type"]
            if t in ("stay_above", "stay_below", "within"):
                expected = 1.0
            elif t == "milestone":
                expected = 1.0 if instant >= end else 0.0
            elif t == "baseline" or (t in ("increase", "decrease", "aggregate") and "target" not in k):
                expected = None
            elif k.get("phases"):
                pts = [(start, k.get("start", 0.0))] + [(millis(ph["at"]) + DAY, ph["target"]) for ph in k["phases"]] + [(end, k["target"])]
                j = bisect.bisect_right([q[0] for q in pts], instant)
                if j == 0:
                    planned = pts[0][1]
                elif j == len(pts):
                    planned = pts[-1][1]
                else:
                    (t0, v0), (t1, v1) = pts[j - 1], pts[j]
                    planned = v0 + (v1 - v0) * (instant - t0) / (t1 - t0)
                s0 = k.get("start", 0.0)
                expected = min(max((planned - s0) / (k["target"] - s0), 0.0), 1.0)
            else:
                expected = e
        state = objectives[kr["objective"]]["doc"].get("state")
        if state in ("closed", "cancelled"):
            status = "closed"
        elif p is None:
            status = "not_started" if count == 0 else "no_target"
        elif count == 0:
            status = "not_started"
        elif k["type"] not in ("stay_above", "stay_below", "within") and p[1] >= 1.0 - EPS:
            status = "done"
        elif (kr["window"] is None or instant <= kr["window"][1]) and instant - last > 14 * DAY:
            status = "stale"
        elif k["type"] in ("stay_above", "stay_below"):
            band = k.get("band", 0.0)
            status = "at_risk" if p[0] < 0.5 else "behind" if abs(value - k["threshold"]) < band else "on_track"
        elif k["type"] == "within":
            status = "at_risk" if p[0] < 0.5 else "on_track"
        elif expected is None:
            status = "on_track"
        else:
            gap = expected - p[0]
            status = "on_track" if gap <= EPS else "behind" if gap <= 0.25 + EPS else "at_risk"
        results[i] = {"value": value, "progress": p and p[0], "raw": p and p[1], "expected": expected, "status": status, "count": count, "last": last}

    aggregates = []
    for i, kr in enumerate(krs):
        if kr["doc"]["type"] == "aggregate":
            aggregates.append(i)
            continue
        n = bisect.bisect_right(kr["times"], cutoff)
        value = kr["series"][n - 1][1] if n else None
        last = kr["series"][n - 1][0] if n else -(2**62)
        finish(i, value, n, last)
    # Aggregates, children first.
    done = set()

    def aggregate(i):
        stack = [(i, False)]
        while stack:
            a, ready = stack.pop()
            if a in done:
                continue
            kids = [by_id[c] for c in krs[a]["doc"]["of"]]
            if not ready:
                stack.append((a, True))
                stack.extend((c, False) for c in kids if krs[c]["doc"]["type"] == "aggregate")
                continue
            values = [results[c]["value"] if results[c]["value"] is not None else krs[c]["doc"].get("start", 0.0) for c in kids]
            op = krs[a]["doc"]["op"]
            v = sum(values) if op == "sum" else sum(values) / len(values) if op == "mean" else min(values) if op == "min" else max(values)
            count = sum(results[c]["count"] for c in kids)
            finish(a, v if count else None, count, max(results[c]["last"] for c in kids))
            done.add(a)

    for a in aggregates:
        aggregate(a)

    # Objectives, children first (iterative post-order).
    out = [None] * len(objectives)
    for root in range(len(objectives)):
        stack = [(root, False)]
        while stack:
            o, ready = stack.pop()
            if out[o] is not None:
                continue
            if not ready:
                stack.append((o, True))
                stack.extend((c, False) for c, _ in objectives[o]["children"] if out[c] is None)
                continue
            doc = objectives[o]["doc"]
            mode = doc.get("progress_from", "key_results")
            items = []
            if mode != "children":
                for i in objectives[o]["krs"]:
                    w = krs[i]["doc"].get("weight", 1.0)
                    if w > 0:
                        items.append((w, results[i]["progress"], results[i]["status"]))
            if mode != "key_results":
                for c, w in objectives[o]["children"]:
                    if w > 0:
                        items.append((w, out[c]["progress"], out[c]["status"]))
            scored = [(w, p) for w, p, _ in items if p is not None]
            total = sum(w for w, _ in scored)
            # The worst of the items that have started; "done" beside an item not yet
            # started is "on track"; "not started" only when nothing has (docs/scoring.md).
            graded = [s for _, _, s in items if s in SEVERITY and s != "not_started"]
            others = {s for _, _, s in items}
            worst = max(graded, key=SEVERITY.get) if graded else None
            if worst == "done" and "not_started" in others:
                worst = "on_track"
            fallback = (
                "not_started" if "not_started" in others
                else "closed" if "closed" in others
                else "no_target" if "no_target" in others
                else "not_started"
            )
            status = "closed" if doc.get("state") in ("closed", "cancelled") else worst or fallback
            out[o] = {"progress": sum(w * p for w, p in scored) / total if total else None, "status": status}
    return results, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan")
    ap.add_argument("--as-of", default="2026-02-14")
    ap.add_argument("--check", help="`okr score --format json` output to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    with open(args.plan) as f:
        plan = json.load(f)
    t1 = time.perf_counter()
    krs, objectives, by_id = prepare(plan)
    t2 = time.perf_counter()
    instant = millis(args.as_of) + DAY
    best = float("inf")
    for _ in range(args.rounds):
        s = time.perf_counter()
        results, out = evaluate(krs, objectives, by_id, instant, instant - 1)
        best = min(best, time.perf_counter() - s)
    print(json.dumps({
        "objectives": len(objectives), "key_results": len(krs),
        "json_load_s": round(t1 - t0, 3), "prepare_s": round(t2 - t1, 3), "rollup_s": round(best, 4),
    }))
    if args.check:
        with open(args.check) as f:
            card = json.load(f)
        mismatches = 0
        for mine, theirs in zip(out, card["objectives"]):
            a, b = mine["progress"], theirs["progress"]
            if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9) or mine["status"] != theirs["status"]:
                mismatches += 1
                if mismatches <= 5:
                    print("mismatch", theirs["id"], mine, {"progress": b, "status": theirs["status"]})
        print(f"checked {len(out)} objectives against the Rust engine: {mismatches} mismatches")
        raise SystemExit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
