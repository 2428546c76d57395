"""The route to entitlement in eight steps, read from docs/guidance/at-a-glance.toml and
checked: the at-a-glance page and the poster are both made from what this returns.

A mistake fails naming the file and the key: an unknown or missing key, a step without
sources, a source id the registry does not know, or a citation in a step's text to a source
the step does not list (and a listed source the text never cites).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "docs" / "guidance" / "at-a-glance.toml"
STEP_COUNT = 8

PAGE_KEYS = {
    "title", "description", "reviewed", "heading", "intro", "start", "start_label", "end",
    "end_label", "basis_label", "suggestion_label", "closing",
}
POSTER_KEYS = {
    "heading", "intro", "title", "label", "image_alt", "downloads", "a4", "a3", "png", "svg",
    "print_note", "qr_caption", "sources_line", "reviewed_line", "independent",
}
STEP_KEYS = {"title", "text", "basis", "sources", "more"}
OPTIONAL_STEP_KEYS = {"suggestion"}
MORE_KEYS = {"text", "page"}
# `[words][source-id]`: a citation as the pages write it.
CITATION = re.compile(r"\[([^\]]+)\]\[([a-z0-9-]+)\]")
# `[words](page.md#anchor)`: an internal link, printed as its words on the poster.
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
MARKUP = re.compile(r"\*\*|__|`")


class GlanceError(ValueError):
    """The at-a-glance data is wrong; the message names the file and the key."""


@dataclass(frozen=True)
class MoreLink:
    text: str
    page: str


@dataclass(frozen=True)
class Step:
    """One step of the route: what to do, on what basis, and who says so."""

    number: int
    title: str
    text: str  # Markdown, with citations `[words][source-id]`
    suggestion: str  # this site's own suggestion, marked as such; may be empty
    basis: str
    sources: tuple[str, ...]
    more: MoreLink


@dataclass(frozen=True)
class Glance:
    """The whole at-a-glance data: the page's words, the poster's words and the steps."""

    page: Mapping[str, str]
    reviewed: dt.date
    poster: Mapping[str, str]
    steps: tuple[Step, ...]

    def sources(self) -> tuple[str, ...]:
        """Every source the steps cite, in the order they first appear."""
        return tuple(dict.fromkeys(source for step in self.steps for source in step.sources))


def plain(markdown: str) -> str:
    """A step's text as the poster prints it: citations and links as their words."""
    return MARKUP.sub("", LINK.sub(r"\1", CITATION.sub(r"\1", markdown)))


def _where(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def _check_keys(table: Any, key: str, required: set[str], optional: set[str],
                where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise GlanceError(f"{where}: '{key}' must be a table")
    unknown = sorted(set(table) - required - optional)
    if unknown:
        raise GlanceError(f"{where}: '{key}': unknown key(s) {', '.join(unknown)}")
    missing = sorted(required - set(table))
    if missing:
        raise GlanceError(f"{where}: '{key}': missing key(s) {', '.join(missing)}")
    return table


def _strings(table: dict[str, Any], key: str, where: str, skip: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in table.items():
        if name in skip:
            continue
        if not isinstance(value, str) or not value.strip():
            raise GlanceError(f"{where}: '{key}.{name}' must be a non-empty string")
        out[name] = value.strip()
    return out


def _step(index: int, table: Any, known: Mapping[str, Any] | set[str], where: str) -> Step:
    key = f"steps[{index}]"
    table = _check_keys(table, key, STEP_KEYS, OPTIONAL_STEP_KEYS, where)
    words = _strings(table, key, where, skip={"sources", "more"})
    ids = table["sources"]
    if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
        raise GlanceError(f"{where}: '{key}.sources' must be a list of source ids")
    if not ids:
        raise GlanceError(f"{where}: '{key}.sources' is empty: every step needs its sources")
    unknown = [item for item in ids if item not in known]
    if unknown:
        raise GlanceError(f"{where}: '{key}.sources': unknown source id(s) {', '.join(unknown)}"
                          " (not in assessment/rules/sources.toml)")
    cited = {source for _, source in CITATION.findall(words["text"])}
    unlisted = sorted(cited - set(ids))
    if unlisted:
        raise GlanceError(f"{where}: '{key}.text' cites {', '.join(unlisted)}, which "
                          f"'{key}.sources' does not list")
    uncited = [item for item in ids if item not in cited]
    if uncited:
        raise GlanceError(f"{where}: '{key}.sources' lists {', '.join(uncited)}, which "
                          f"'{key}.text' never cites")
    more = _check_keys(table["more"], f"{key}.more", MORE_KEYS, set(), where)
    more_words = _strings(more, f"{key}.more", where, skip=set())
    return Step(index + 1, words["title"], words["text"], words.get("suggestion", ""),
                words["basis"], tuple(ids), MoreLink(more_words["text"], more_words["page"]))


def parse_glance(data: Mapping[str, Any], known_sources: Mapping[str, Any] | set[str],
                 where: str = "docs/guidance/at-a-glance.toml") -> Glance:
    """Check the data read from the TOML file; `known_sources` is the source registry."""
    _check_keys(dict(data), "(top level)", {"page", "poster", "steps"}, set(), where)
    page_table = _check_keys(data["page"], "page", PAGE_KEYS, set(), where)
    reviewed = page_table["reviewed"]
    if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
        raise GlanceError(f"{where}: 'page.reviewed' must be a date (YYYY-MM-DD, unquoted)")
    page = _strings(page_table, "page", where, skip={"reviewed"})
    poster = _strings(_check_keys(data["poster"], "poster", POSTER_KEYS, set(), where),
                      "poster", where, skip=set())
    steps = data["steps"]
    if not isinstance(steps, list) or len(steps) != STEP_COUNT:
        raise GlanceError(f"{where}: 'steps' must be a list of {STEP_COUNT} [[steps]] tables")
    return Glance(page, reviewed, poster,
                  tuple(_step(i, table, known_sources, where) for i, table in enumerate(steps)))


def load_glance(known_sources: Mapping[str, Any] | set[str], path: Path = DATA_FILE) -> Glance:
    """Read and check the at-a-glance data file."""
    where = _where(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise GlanceError(f"{where}: {error}") from error
    return parse_glance(data, known_sources, where)
