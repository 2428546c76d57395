"""The results as Markdown: issue 24's acceptance figures and aims first, then the
self-assessment beside the baseline, and the guidance pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from tools.bench.settings import LATER_S, QUIET_S, SLOW


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def size(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 100_000:
        return f"{value / 1_000_000:.2f} MB"
    return f"{value / 1000:.1f} kB" if value >= 1000 else f"{value:.0f} B"


def python_files(paths: list[str]) -> str:
    """'none', or how many files of Python were downloaded and who asked for them."""
    if not paths:
        return "none"
    askers = sorted({re.sub(r"^.*\(asked by (.*)\)$", r"\1", p).rsplit("/", 1)[-1] for p in paths})
    files = "file" if len(paths) == 1 else "files"
    return f"{len(paths)} {files} (asked by {', '.join(askers)})"


def ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "–"
    return f"{value / base:.3f} ×" if value / base < 0.1 else f"{value / base:.2f} ×"


def tasks(summary: dict[str, Any]) -> str:
    return (
        f"{summary['longtasks']:.0f}, longest {ms(summary['longest_task_ms'])}"
        f" (worst run {ms(summary['worst_longest_task_ms'])})"
    )


def cpu_note(cpu: dict[str, Any]) -> str:
    """What the phone row's CPU slowdown reached, as the probe measured it."""
    plain, slowed = cpu["rate_1"], cpu[f"rate_{cpu['rate']}"]
    return (
        f"The phone's CPU slowdown ({cpu['rate']}×, Chromium's Emulation.setCPUThrottlingRate)"
        " slows the page's main thread, not its workers: the same loop took"
        f" {ms(plain['main_ms'])} → {ms(slowed['main_ms'])} on the main thread"
        f" ({cpu['main_slowdown']:.2f}×) and {ms(plain['worker_ms'])} →"
        f" {ms(slowed['worker_ms'])} in a dedicated worker ({cpu['worker_slowdown']:.2f}×)."
        " Python runs in a worker on both pages, so the phone row shows what a slowed main"
        " thread costs, not a phone's slower Python."
    )


CONDITIONS = (
    ("cold", "cold"),
    ("warm", "warm"),
    ("slow", "cold, 10 Mbit/s 40 ms"),
    ("phone", "cold, phone: CPU 4× slower, 390 px, 10 Mbit/s 40 ms"),
)


def measured(found: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The conditions (key, label) that `found` has figures for, in the table's order."""
    return ((condition, name) for condition, name in CONDITIONS if condition in found)


# Issue 24's acceptance figures (the self-assessment's result from a share link over the bare
# page's Python answering, in one run) and its aims: (label, condition, figure, at most, unit).
ACCEPTANCE = (
    ("First visit at 10 Mbit/s 40 ms, × bare page", "slow", "result_ms", 0.75, "×"),
    ("Loopback warm, × bare page", "warm", "result_ms", 0.3, "×"),
    ("Loopback cold, × bare page", "cold", "result_ms", 0.35, "×"),
)
AIMS = (
    ("Bytes before the result, first visit at 10 Mbit/s", "slow", "bytes_to_result", 4.5e6, "B"),
    ("Longest main-thread task after the result, warm", "warm",
     "longest_task_after_result_ms", 50, "ms"),
    ("Longest main-thread task after the result, cold", "cold",
     "longest_task_after_result_ms", 50, "ms"),
    ("First contentful paint, loopback cold", "cold", "first_contentful_paint_ms", 100, "ms"),
    ("Answer change to result (2 s later), loopback warm", "warm", "change_later_ms", 16, "ms"),
)


def acceptance(results: dict[str, Any]) -> list[str]:
    """The acceptance rows and the aims, each with its figure, its bound and whether it is
    met (reported, never asserted), and the load averages they were measured at."""
    app, base, meta = results["assessment"], results["baseline"], results["meta"]
    lines = [
        f"Issue 24's acceptance figures and aims (load average {meta['load_average_before']}"
        f" before, {meta['load_average_after']} after; {meta['cpus']} CPUs; median of"
        f" {meta['runs']} runs on loopback, {meta['slow_runs']} on the emulated network):",
        "",
        "| Figure | Self-assessment | Bare page | Measured | At most | Met |",
        "|---|---|---|---|---|---|",
    ]
    for label, condition, key, bound, unit in ACCEPTANCE + AIMS:
        mine = app.get(condition, {}).get(key)
        theirs = base.get(condition, {}).get("python_answer_ms")
        if unit == "×":
            value = mine / theirs if mine is not None and theirs else None
            shown, limit, other = ratio(mine, theirs), f"{bound} ×", ms(theirs)
            mine_shown = ms(mine)
        else:
            value = mine
            shown = size(mine) if unit == "B" else ms(mine)
            limit = size(bound) if unit == "B" else ms(bound)
            mine_shown, other = shown, "–"
        met = "not measured" if value is None else "yes" if value <= bound else "no"
        lines.append(f"| {label} | {mine_shown} | {other} | {shown} | {limit} | {met} |")
    return [*lines, ""]


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables: the acceptance figures, then the self-assessment beside
    the baseline."""
    app, base = results["assessment"], results["baseline"]
    meta = results["meta"]
    lines = [
        *acceptance(results),
        f"Headless Chromium {meta['chromium']}, {meta.get('protocol', 'HTTP')} on loopback,"
        f" {meta['cpus']} CPUs (load average"
        f" {meta['load_average_before']} before, {meta['load_average_after']} after), median"
        f" of {meta['runs']} runs ({meta['slow_runs']} on the emulated network). Baseline: a"
        " bare `loadPyodide()` in a dedicated worker (where the self-assessment runs Python"
        ' too) from the same self-hosted files, then `runPython("1+1")`; the ratio divides'
        " each self-assessment figure by the baseline's in the same condition (times by its"
        " time to Python answering).",
        "",
        "| Self-assessment | Condition | Self-assessment | Baseline: Python answering |"
        " × baseline |",
        "|---|---|---|---|---|",
    ]
    rows = (
        ("First question usable", "first_question_ms"),
        ("Result from a share link", "result_ms"),
        ("Python ready (for reference)", "python_ready_ms"),
        ("Answer change to updated result", "change_ms"),
        (f"… the same, {LATER_S:.0f} s later", "change_later_ms"),
    )
    for label, key in rows:
        for condition, name in measured(app):
            value, answer = app[condition][key], base[condition]["python_answer_ms"]
            lines.append(
                f"| {label} | {name} | {ms(value)} | {ms(answer)} | {ratio(value, answer)} |"
            )
    for condition, name in measured(app):
        mine, theirs = app[condition], base[condition]
        lines.append(
            f"| Main-thread long tasks | {name} | {tasks(mine)} | {tasks(theirs)} |"
            f" {ratio(mine['longest_task_ms'], theirs['longest_task_ms'])} (longest) |"
        )
    for condition, name in measured(app):
        mine, theirs = app[condition], base[condition]
        lines.append(
            f"| Bytes to the result (whole visit) | {name} | {size(mine['bytes_to_result'])}"
            f" ({size(mine['bytes_visit'])}) | {size(theirs['bytes_to_result'])}"
            f" ({size(theirs['bytes_visit'])}) |"
            f" {ratio(mine['bytes_to_result'], theirs['bytes_to_result'])} |"
        )
    lines += [
        "",
        "| Guidance page | Condition | Bytes to load (whole visit) | Requests | Load |"
        " Long tasks | Parts of Python downloaded |",
        "|---|---|---|---|---|---|---|",
    ]
    for page, by_condition in results["guidance"].items():
        for condition, name in measured(by_condition):
            found = by_condition[condition]
            python = python_files(found["python_requests"])
            lines.append(
                f"| {page or 'home'} | {name} | {size(found['bytes_to_result'])}"
                f" ({size(found['bytes_visit'])}) |"
                f" {found['requests']:.0f} | {ms(found['load_ms'])} | {tasks(found)} | {python} |"
            )
    probe = results["meta"].get("worker_throttling")
    lines.append("")
    if probe:
        verdict = "were" if probe["throttled"] else "were NOT"
        lines.append(
            f"Under the emulated network, fetches from a dedicated worker {verdict} throttled:"
            f" {size(probe['bytes'])} took {ms(probe['worker_ms'])} in a worker, against at least"
            f" {ms(probe['least_ms_at_emulated_rate'])} at {SLOW['mbit_s']} Mbit/s. A service"
            " worker's own fetches are not throttled (it runs outside the tab)."
        )
    cpu = results["meta"].get("cpu_throttling")
    if cpu:
        lines.append(cpu_note(cpu))
    encodings = sorted({e for found in app.values() for e in found.get("encodings", [])}
                       | {e for found in base.values() for e in found.get("encodings", [])})
    if encodings:
        lines.append(
            "The large files were sent as (file: Content-Encoding, over every condition, both"
            f" pages): {'; '.join(encodings)}."
        )
    lines.append(
        "Bytes are the response bodies the server sent (as sent: Brotli or gzip where the"
        " browser took a compressed copy), from navigation until the result (or load), and, in"
        " brackets, until"
        f" the network was quiet for {QUIET_S} s (a service worker's background downloads"
        " included). Times are in-page, from navigation start; an answer change is timed from"
        " the click to the rendered result (DOM updated)."
    )
    return "\n".join(lines) + "\n"
