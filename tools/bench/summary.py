"""Medians over the runs of one page in one condition."""

from __future__ import annotations

import statistics
from typing import Any


def median(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the runs (answer changes pooled over all runs)."""
    keys = (
        "first_question_ms",
        "python_ready_ms",
        "result_ms",
        "python_answer_ms",
        "load_ms",
        "longtasks",
        "longest_task_ms",
        "longest_task_after_result_ms",
        "first_contentful_paint_ms",
        "bytes_to_result",
        "bytes_visit",
        "requests",
    )
    out: dict[str, Any] = {key: median([run[key] for run in runs]) for key in keys}
    changes = [ms for run in runs for ms in run["change_ms"]]
    out["change_ms"] = median(changes)
    out["change_samples"] = len(changes)
    out["change_timeouts"] = sum(1 for ms in changes if ms is None)
    later = [ms for run in runs for ms in run["change_later_ms"]]
    out["change_later_ms"] = median(later)
    out["change_later_timeouts"] = sum(1 for ms in later if ms is None)
    out["worst_longest_task_ms"] = max((run["longest_task_ms"] for run in runs), default=None)
    out["encodings"] = sorted({e for run in runs for e in run["encodings"]})
    out["python_requests"] = sorted({p for run in runs for p in run["python_requests"]})
    return out
