"""`make review`: every guidance page and every source, oldest check first, so the next
review starts where it is most needed. Pages give their front-matter `reviewed` date,
sources their `checked` date in assessment/rules/sources.toml (a source never checked
comes first). A page more than twelve months old is marked due, as the site shows it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from mkdocs.utils.meta import get_data

from hooks.page_markdown import review_due
from hooks.page_sources import registry

DOCS = Path(__file__).resolve().parent.parent / "docs"
NEVER = dt.date.min


def page_dates() -> list[tuple[dt.date, str]]:
    """(reviewed, page path) for every page of the site."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        if "includes" in path.relative_to(DOCS).parts:
            continue
        _, meta = get_data(path.read_text(encoding="utf-8"))
        reviewed = meta.get("reviewed")
        found.append((reviewed if isinstance(reviewed, dt.date) else NEVER,
                      path.relative_to(DOCS).as_posix()))
    return sorted(found)


def source_dates() -> list[tuple[dt.date, str]]:
    """(checked, source id) for every source in the registry."""
    return sorted((entry.checked or NEVER, source_id) for source_id, entry in registry().items())


def _row(when: dt.date, name: str, today: dt.date) -> str:
    if when == NEVER:
        return f"  never checked  {name}"
    age = (today - when).days
    due = "  DUE" if review_due(when, today) else ""
    return f"  {when.isoformat()}  {age:>4} days  {name}{due}"


def main() -> int:
    """Print the two lists; exit 0."""
    today = dt.date.today()
    print(f"Pages by last review (today {today.isoformat()}):")
    for when, name in page_dates():
        print(_row(when, name, today))
    print("\nSources by last check:")
    for when, name in source_dates():
        print(_row(when, name, today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
