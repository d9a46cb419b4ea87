"""Python-side cost of the okr package at sizes S, M and L: generate, compile (first
score), score again, and build each DataFrame. Best of `--repeat` runs, in ms.

    .venv/bin/python benches/py_frames.py S M L
"""

from __future__ import annotations

import argparse
import time
from typing import Any, Callable

import okr

AS_OF = "2026-02-14"


def best(f: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1e3)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", default=["S", "M"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| size | generate | load JSON | compile + score | score (compiled) | scores_frame | key_results_frame | objectives_frame | check_ins_frame | scores_frame (polars) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        t = time.perf_counter()
        plan = okr.generate(size)
        generate = (time.perf_counter() - t) * 1e3
        text = plan.to_json()
        load = best(lambda: okr.loads(text, "json"), 1)
        t = time.perf_counter()
        plan.score(as_of=AS_OF)
        first = (time.perf_counter() - t) * 1e3
        row = [
            generate,
            load,
            first,
            best(lambda: plan.score(as_of=AS_OF), args.repeat),
            best(lambda: plan.scores_frame(as_of=AS_OF), args.repeat),
            best(lambda: plan.key_results_frame(), args.repeat),
            best(lambda: plan.objectives_frame(), args.repeat),
            best(lambda: plan.check_ins_frame(), 1),
            best(lambda: plan.scores_frame(as_of=AS_OF, backend="polars"), args.repeat),
        ]
        print(f"| {size} | " + " | ".join(f"{x:,.0f}" for x in row) + " |", flush=True)


if __name__ == "__main__":
    main()
