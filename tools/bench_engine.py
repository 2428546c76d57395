"""Benchmark: the median time of one full evaluation (`evaluate` + `render_json`) over the
scenario files, in CPython and in Pyodide (CPython in WebAssembly, under Node).

Run with `python -m tools.bench_engine [--rounds N]`. It reports numbers; it asserts none.
The same `measure` function runs on both sides: the Node part (tools/bench_engine.mjs)
copies this file and the `assessment` package (the build's list of its files, sent on stdin)
into Pyodide's file system and calls it.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_DIR = ROOT / "tests" / "scenarios"
NODE_SCRIPT = Path(__file__).with_suffix(".mjs")


def measure(scenarios: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    """Time each scenario's evaluation `rounds` times (after one warm-up round)."""
    from assessment.engine.answers import settled_answers  # noqa: PLC0415 (also in Pyodide)
    from assessment.engine.evaluate import evaluate  # noqa: PLC0415
    from assessment.reading.loader import load_rules  # noqa: PLC0415
    from assessment.renderers.result_json import render_json  # noqa: PLC0415

    started = time.perf_counter()
    rules = load_rules()
    load_ms = (time.perf_counter() - started) * 1000
    timings = []
    for round_number in range(rounds + 1):
        for answers in scenarios:
            begin = time.perf_counter_ns()
            render_json(evaluate(settled_answers(answers, rules), rules))
            elapsed = time.perf_counter_ns() - begin
            if round_number:  # the first round only warms up
                timings.append(elapsed / 1e6)
    timings.sort()
    return {
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "evaluations": len(timings),
        "median_ms": statistics.median(timings),
        "p90_ms": timings[int(len(timings) * 0.9)],
        "load_rules_ms": load_ms,
    }


def load_scenarios() -> list[dict[str, Any]]:
    """The answers of every scenario file."""
    return [json.loads(path.read_text(encoding="utf-8"))["answers"]
            for path in sorted(SCENARIO_DIR.glob("*.json"))]


def run_pyodide(rounds: int) -> dict[str, Any] | str:
    """The same measurement inside Pyodide, or why it could not run."""
    node = shutil.which("node")
    if node is None:
        return "skipped: node is not on PATH"
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").is_file():
        return "skipped: node_modules/pyodide is missing (run `npm ci`)"
    # The package's files as the build lists them (not imported at the top: this module also
    # runs inside Pyodide, which has no hooks), and this file, for the Node script to copy.
    from hooks.assessment_page import package_files  # noqa: PLC0415

    files = [*package_files(), Path(__file__).resolve()]
    listed = json.dumps([path.relative_to(ROOT).as_posix() for path in files])
    done = subprocess.run([node, str(NODE_SCRIPT), str(ROOT), str(rounds)], cwd=ROOT,
                          input=listed, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"failed: {done.stderr.strip().splitlines()[-1] if done.stderr else done.returncode}"
    return json.loads(done.stdout)


def describe(label: str, found: dict[str, Any] | str) -> str:
    """One report line; `label` may name the interpreter as {python}."""
    if isinstance(found, str):
        return f"  {label.format(python='Python')}: {found}"
    return (f"  {label.format(python=found['python'])}: median {found['median_ms']:.3f} ms, "
            f"p90 {found['p90_ms']:.3f} ms over {found['evaluations']} evaluations "
            f"(loading and checking the rules once: {found['load_rules_ms']:.0f} ms)")


def main(argv: list[str] | None = None) -> int:
    """Measure in CPython, then in Pyodide, and print both."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench_engine",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200,
                        help="rounds over all scenarios (default: 200)")
    options = parser.parse_args(argv)
    scenarios = load_scenarios()
    print(f"One full evaluation (evaluate + render_json), {len(scenarios)} scenarios x "
          f"{options.rounds} rounds:")
    sys.path.insert(0, str(ROOT))
    print(describe("{python}", measure(scenarios, options.rounds)), flush=True)
    print(describe("Pyodide ({python} in WebAssembly, under Node)", run_pyodide(options.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
