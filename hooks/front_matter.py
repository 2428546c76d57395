"""A guidance page's front matter, checked: title, description, the date it was `reviewed`
and its `sources` (ids in the registry). A mistake fails the build naming page and key."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs.exceptions import PluginError

from hooks.page_sources import Sources


@dataclass(frozen=True)
class PageMeta:
    """What the hooks need from one page's front matter, once checked."""

    src_uri: str
    title: str
    reviewed: dt.date
    sources: tuple[str, ...]


def page_file(src_uri: str, docs: str = "docs") -> str:
    """The page's file as a reader finds it: the docs folder (relative to mkdocs.yml) + path."""
    return f"{docs}/{src_uri}"


def _fail(src_uri: str, key: str, problem: str, docs: str) -> PluginError:
    return PluginError(f"{page_file(src_uri, docs)}: front matter '{key}': {problem}")


def parse_reviewed(value: object, src_uri: str, docs: str = "docs") -> dt.date:
    """A `reviewed` value as a date: YAML gives a date; a quoted ISO string also works."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if value is None:
        raise _fail(src_uri, "reviewed",
                    "missing (give the date you checked the page, YYYY-MM-DD)", docs)
    raise _fail(src_uri, "reviewed", f"'{value}' is not a date in the form YYYY-MM-DD", docs)


def validate_meta(meta: Mapping[str, Any], src_uri: str, sources: Sources,
                  docs: str = "docs") -> PageMeta:
    """Check one page's front matter; raise PluginError naming the page file and the key."""
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise _fail(src_uri, key, "missing or empty", docs)
        if re.search(r'["<>&]', meta[key]):
            # The link-preview tags quote these values as they are: use typographic quotes.
            raise _fail(src_uri, key, 'must not contain " < > or & (use “ ” instead of ")', docs)
    reviewed = parse_reviewed(meta.get("reviewed"), src_uri, docs)
    if "sources" not in meta:
        raise _fail(src_uri, "sources", "missing (list the source ids from sources.toml)", docs)
    ids = meta["sources"]
    if ids is None:
        ids = []
    if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
        raise _fail(src_uri, "sources", "must be a list of source ids", docs)
    unknown = [item for item in ids if item not in sources]
    if unknown:
        raise _fail(src_uri, "sources", f"unknown source id(s): {', '.join(unknown)}", docs)
    duplicates = sorted({item for item in ids if ids.count(item) > 1})
    if duplicates:
        raise _fail(src_uri, "sources", f"listed twice: {', '.join(duplicates)}", docs)
    return PageMeta(src_uri, meta["title"].strip(), reviewed, tuple(ids))


def with_rules_sources(meta: PageMeta, sources: Sources, rules_ids: set[str]) -> PageMeta:
    """The page's own sources followed by those the rules data cites, in registry order."""
    extra = tuple(source_id for source_id in sources
                  if source_id in rules_ids and source_id not in meta.sources)
    return PageMeta(meta.src_uri, meta.title, meta.reviewed, meta.sources + extra)


def count_h1(markdown: str) -> int:
    """Number of ATX h1 headings outside fenced code."""
    count, fenced = 0, False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"# \S", line):
            count += 1
    return count
