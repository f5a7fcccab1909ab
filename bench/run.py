"""Run every bench and print one table: `python bench/run.py [--quick | --size S] [--only N]`."""

from __future__ import annotations

import argparse
import importlib
import math
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make `bench` importable as a package.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SIZES, Result

MODULES = (
    "bench.bench_imports",
    "bench.bench_startup",
    "bench.bench_typing",
    "bench.bench_autosave",
    "bench.bench_listing",
    "bench.bench_search",
    "bench.bench_compare",
    "bench.bench_long_line",
)
HEADERS = ("name", "metric", "ours", "baseline", "ratio", "target", "result")


def _number(value: float | None, unit: str = "") -> str:
    if value is None or math.isnan(value):
        return "-"
    text = f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}"
    return f"{text} {unit}".strip()


def rows(results: list[Result]) -> list[tuple[str, ...]]:
    out = []
    for r in results:
        ratio = r.ratio
        verdict = {True: "pass", False: "FAIL", None: "-"}[r.passed]
        if r.metric == "skipped":
            verdict = "skip"
        out.append((r.name, r.metric, _number(r.ours, r.unit), _number(r.baseline, r.unit),
                    f"{ratio:.2f}x" if ratio is not None else "-", r.target or "-", verdict))
    return out


def print_table(results: list[Result], out=sys.stdout) -> None:
    table = [HEADERS, *rows(results)]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADERS))]
    for n, row in enumerate(table):
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                  + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")
    notes = [(r.name, r.metric, r.note) for r in results if r.note]
    if notes:
        out.write("\n")
        for name, metric, note in notes:
            out.write(f"{name} / {metric}: {note}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_const", const="quick", dest="size",
                        help="smaller data and fewer runs (about a minute)")
    parser.add_argument("--size", choices=SIZES)
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only benches whose module name contains NAME (repeatable)")
    parser.set_defaults(size="full")
    args = parser.parse_args(argv)
    results: list[Result] = []
    for module_name in MODULES:
        if args.only and not any(part in module_name for part in args.only):
            continue
        start = time.perf_counter()
        module = importlib.import_module(module_name)
        print(f"running {module_name} ({args.size}) ...", file=sys.stderr, flush=True)
        try:
            results.extend(module.run(args.size))
        except Exception as error:  # one broken bench must not hide the others' figures
            results.append(Result(module_name.removeprefix("bench."), "error", float("nan"),
                                  "", passed=False, note=f"{type(error).__name__}: "
                                  + str(error).splitlines()[0]))
        print(f"  done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    print_table(results)
    return 1 if any(r.passed is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
