"""Import cost: what `import slbmc_tui.app` and the CLI pay before any screen exists.

Measured with `python -X importtime` in fresh processes. The app is compared with
`import textual.app` (which it cannot avoid); the CLI module must not import Textual
at all, so `slbmc list` stays fast. `python -m bench.bench_imports --top 25 MODULE`
lists the modules that cost the most, to find what to make lazy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass

from bench.common import Result, compile_bytecode, median, ratio_result, shape

NAME = "imports"


@dataclass(frozen=True)
class ImportCost:
    module: str
    self_us: int
    cumulative_us: int


def import_costs(statement: str) -> list[ImportCost]:
    """Every module imported by `statement` in a fresh interpreter, in import order."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", statement],
                          check=True, capture_output=True, text=True)
    costs = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[12:].split("|"))
        costs.append(ImportCost(name.strip(), int(self_us), int(cumulative)))
    return costs


def total_ms(module: str) -> float:
    """Cumulative import time of `module` (and all it pulls in), in ms."""
    costs = import_costs(f"import {module}")
    return next(c.cumulative_us for c in costs if c.module == module) / 1000


def imports_textual(module: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys, {module}; print('textual' in sys.modules)"],
        check=True, capture_output=True, text=True)
    return done.stdout.strip() == "True"


def run(size: str = "full") -> list[Result]:
    s = shape(size)
    repeats = max(3, s.repeats) if size != "tiny" else 1
    compile_bytecode()
    cli = median([total_ms("slbmc_tui.cli") for _ in range(repeats)])
    cli_pulls_textual = imports_textual("slbmc_tui.cli")
    results = [
        Result(NAME, "CLI module imports textual", float(cli_pulls_textual), "", target="0",
               passed=not cli_pulls_textual, note="1 = it does, and `slbmc list` pays for it"),
        Result(NAME, "import slbmc_tui.cli", cli, "ms"),
    ]
    textual = median([total_ms("textual.app") for _ in range(repeats)])
    app = median([total_ms("slbmc_tui.app") for _ in range(repeats)])
    results.append(ratio_result(NAME, "import slbmc_tui.app", app, textual, "ms", 1.5,
                                f"baseline: import textual.app; median of {repeats}"))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("module", nargs="?", default="slbmc_tui.app")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    costs = import_costs(f"import {args.module}")
    print(f"{'self ms':>8} {'cum ms':>8}  module")
    for cost in sorted(costs, key=lambda c: c.self_us, reverse=True)[: args.top]:
        print(f"{cost.self_us / 1000:8.1f} {cost.cumulative_us / 1000:8.1f}  {cost.module}")
    ours = [c for c in costs if c.module.startswith("slbmc_tui")]
    print(f"\n{len(costs)} modules; slbmc_tui's own: "
          + ", ".join(f"{c.module} {c.cumulative_us / 1000:.1f}" for c in ours))


if __name__ == "__main__":
    main()
