"""The benchmark's own pages (tools/bench/page/) in real headless Chromium: the baseline runs
its bare `loadPyodide()` in a dedicated worker, as the self-assessment runs Python, and the
probe times the same loop on the main thread and in a worker. What they measure is reported
by `make bench`, never asserted."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hooks.pyodide_runtime import pyodide_version
from tools.bench.server import BenchServer, bench_root

pytestmark = pytest.mark.browser
TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def bench_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = bench_root(built_site, tmp_path_factory.mktemp("bench"), pyodide_version())
    server = BenchServer(root)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def test_the_baseline_runs_python_in_a_dedicated_worker(bench_url: str, page: Any) -> None:
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(bench_url + "bench-baseline/")
    page.wait_for_selector("#status:has-text('Python answered')", timeout=TIMEOUT_MS)
    assert page.inner_text("#status") == "Python answered 2."
    assert page.evaluate("typeof window.__baselineDone") == "number"
    assert [url for url in workers if re.search(r"/bench-baseline/baseline-worker\.mjs$", url)]
    # The page itself never fetched Python's WebAssembly (the worker did, on its own timeline).
    fetched = page.evaluate("performance.getEntriesByType('resource').map(entry => entry.name)")
    assert not [name for name in fetched if name.endswith("pyodide.asm.wasm")], fetched
    assert page.errors == []


def test_the_probe_times_the_loop_on_the_main_thread_and_in_a_worker(
    bench_url: str, page: Any
) -> None:
    page.goto(bench_url + "bench-probe/")
    got = page.evaluate("(rounds) => window.spin(rounds)", 100_000)
    assert got["main"]["x"] == got["worker"]["x"]  # the same work on both
    assert got["main"]["ms"] >= 0 and got["worker"]["ms"] >= 0
    assert page.errors == []
