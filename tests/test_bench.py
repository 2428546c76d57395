"""The benchmark's bookkeeping (tools/bench/), without a browser: medians, the table, and
who downloaded parts of Python. Speed itself is reported by `make bench`, never asserted."""

from __future__ import annotations

from tools.bench.settings import PYTHON_PATHS
from tools.bench.summary import summarise
from tools.bench.table import markdown


def visit(**overrides: object) -> dict:
    found = {
        "first_question_ms": 40.0,
        "python_ready_ms": 800.0,
        "result_ms": 850.0,
        "python_answer_ms": None,
        "load_ms": 300.0,
        "change_ms": [3.0, 4.0],
        "change_later_ms": [2.0],
        "longtasks": 1,
        "longest_task_ms": 70.0,
        "longest_task_after_result_ms": 40.0,
        "first_contentful_paint_ms": 120.0,
        "longtask_support": True,
        "bytes_to_result": 5_000_000,
        "bytes_visit": 6_000_000,
        "requests": 30,
        "python_requests": [],
        "encodings": ["pyodide.asm.wasm: br"],
    }
    return {**found, **overrides}


def test_summaries_are_medians_and_answer_changes_are_pooled() -> None:
    runs = [visit(result_ms=800.0), visit(result_ms=900.0), visit(result_ms=5000.0)]
    runs[2]["change_ms"] = [None, 10.0]
    summary = summarise(runs)
    assert summary["result_ms"] == 900.0
    assert summary["change_ms"] == 4.0  # of 3, 4, 3, 4, 10 (the timed-out one left out)
    assert summary["change_samples"] == 6
    assert summary["change_timeouts"] == 1
    assert summary["change_later_ms"] == 2.0


def test_the_table_puts_each_figure_beside_the_baseline_as_a_ratio() -> None:
    app = {c: summarise([visit()]) for c in ("cold", "warm", "slow", "phone")}
    baseline = {
        c: summarise([visit(python_answer_ms=2000.0, result_ms=None)])
        for c in ("cold", "warm", "slow", "phone")
    }
    guidance = {
        "": {
            "cold": summarise(
                [visit(python_requests=["/pyodide/x/pyodide.mjs (asked by http://h/sw.js)"])]
            )
        }
    }
    results = {
        "meta": {
            "chromium": "1.0",
            "cpus": 2,
            "runs": 1,
            "slow_runs": 1,
            "load_average_before": "0.1",
            "load_average_after": "0.2",
            "worker_throttling": {
                "bytes": 2_500_000,
                "worker_ms": 2100,
                "least_ms_at_emulated_rate": 2000,
                "throttled": True,
            },
        },
        "assessment": app,
        "baseline": baseline,
        "guidance": guidance,
    }
    table = markdown(results)
    assert "| Result from a share link | cold | 850 ms | 2,000 ms | 0.42 × |" in table
    assert "| First question usable | warm | 40 ms | 2,000 ms | 0.020 × |" in table
    assert "| … the same, 2 s later | warm | 2.0 ms |" in table
    assert ("| Result from a share link | cold, phone: CPU 4× slower, 390 px, 10 Mbit/s 40 ms"
            " | 850 ms | 2,000 ms | 0.42 × |") in table
    assert "1 file (asked by sw.js)" in table
    assert "were throttled" in table


def test_python_paths_match_the_runtime_and_engine_but_not_guidance_assets() -> None:
    for path in (
        "pyodide/314.0.7/pyodide.asm.wasm",
        "assets/py/assessment-0123456789ab.zip",
        "assets/js/assessment-worker-0123456789ab.mjs",
        "assets/py/assessment-0123.snapshot",
    ):
        assert PYTHON_PATHS.search(path), path
    for path in ("assets/javascripts/bundle.min.js", "search/search_index.json", "index.html"):
        assert not PYTHON_PATHS.search(path), path


def test_the_table_says_the_phones_cpu_slowdown_does_not_reach_workers() -> None:
    app = {c: summarise([visit()]) for c in ("cold", "phone")}
    baseline = {c: summarise([visit(python_answer_ms=2000.0)]) for c in ("cold", "phone")}
    cpu = {
        "rate": 4,
        "rate_1": {"main_ms": 480, "worker_ms": 472},
        "rate_4": {"main_ms": 1678, "worker_ms": 634},
        "main_slowdown": 3.5,
        "worker_slowdown": 1.34,
    }
    meta = {"chromium": "1.0", "cpus": 2, "runs": 1, "slow_runs": 1,
            "load_average_before": "0.1", "load_average_after": "0.2", "cpu_throttling": cpu}
    table = markdown({"meta": meta, "assessment": app, "baseline": baseline, "guidance": {}})
    assert "bare `loadPyodide()` in a dedicated worker" in table
    assert "slows the page's main thread, not its workers" in table
    assert "480 ms → 1,678 ms on the main thread (3.50×)" in table
    assert "472 ms → 634 ms in a dedicated worker (1.34×)" in table
    without = markdown({"meta": {**meta, "cpu_throttling": None}, "assessment": app,
                        "baseline": baseline, "guidance": {}})
    assert "not its workers" not in without


def test_the_table_opens_with_the_acceptance_figures_and_the_load_averages() -> None:
    """Issue 24's acceptance rows (the result over the bare page's Python answering, at
    10 Mbit/s and on loopback warm and cold) and aims, each with its bound and whether it was
    met; a condition not measured says so rather than passing."""
    app = {
        "slow": summarise([visit(result_ms=6000.0, bytes_to_result=4_400_000)]),
        "cold": summarise([visit(result_ms=1000.0)]),
    }
    baseline = {
        "slow": summarise([visit(python_answer_ms=10_000.0)]),
        "cold": summarise([visit(python_answer_ms=2000.0)]),
    }
    meta = {"chromium": "1.0", "cpus": 2, "runs": 1, "slow_runs": 1,
            "load_average_before": "1.5", "load_average_after": "2.5"}
    table = markdown({"meta": meta, "assessment": app, "baseline": baseline, "guidance": {}})
    head = table.split("\n\n", 2)
    assert "load average 1.5 before, 2.5 after" in head[0]
    rows = head[1]
    assert ("| First visit at 10 Mbit/s 40 ms, × bare page | 6,000 ms | 10,000 ms | 0.60 ×"
            " | 0.75 × | yes |") in rows
    assert "| Loopback cold, × bare page | 1,000 ms | 2,000 ms | 0.50 × | 0.35 × | no |" in rows
    assert "| Loopback warm, × bare page | – | – | – | 0.3 × | not measured |" in rows
    assert "| Bytes before the result, first visit at 10 Mbit/s | 4.40 MB |" in rows
    assert "| First contentful paint, loopback cold | 120 ms | – | 120 ms | 100 ms | no |" in rows
    assert "pyodide.asm.wasm: br" in table
