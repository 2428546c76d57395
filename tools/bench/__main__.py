"""`python -m tools.bench` (`make bench`): run the benchmark, write and print the table, and
fail if a guidance page downloaded any part of Python or a page asked another host."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import tools.bench
from tools.bench.run import CONDITIONS, load_average, run
from tools.bench.settings import ROOT
from tools.bench.table import markdown
from tools.chromium import CHROMIUM


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench", description=tools.bench.__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    parser.add_argument(
        "--slow-runs", type=int, help="runs on the emulated network (default: --runs; 0 skips)"
    )
    parser.add_argument(
        "--only", action="append", choices=CONDITIONS,
        help="measure only this condition (repeatable; default: all: loopback cold and warm,"
        " slow: 10 Mbit/s, phone), e.g. a short check: --only loopback --runs 1",
    )
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html is missing: build the site first (make build).")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make chromium`.")
    started = time.monotonic()
    load_before = load_average()
    runs = max(1, args.runs)
    slow_runs = runs if args.slow_runs is None else max(0, args.slow_runs)
    conditions = tuple(c for c in CONDITIONS if c in args.only) if args.only else CONDITIONS
    results = run(args.site, runs, slow_runs, conditions)
    results["meta"].update(
        seconds=round(time.monotonic() - started),
        load_average_before=load_before,
        load_average_after=load_average(),
    )
    table = markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "bench.md").write_text(table, encoding="utf-8")
    print(table)
    print(f"Written to {args.out}/bench.json and bench.md in {results['meta']['seconds']} s.")
    problems = [
        f"guidance page {page or 'home'} downloaded {path}"
        for page, by in results["guidance"].items()
        for path in sorted({p for found in by.values() for p in found["python_requests"]})
    ]
    problems += [f"a request to another host: {url}" for url in results["meta"]["foreign_requests"]]
    if problems:
        print("FAILED:\n  " + "\n  ".join(sorted(set(problems))), file=sys.stderr)
        raise SystemExit(1)
    print("Guidance pages downloaded no part of Python; no request went to another host.")


if __name__ == "__main__":
    main()
