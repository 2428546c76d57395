"""What the employers profiled here ask, said from the profiles data, never written by hand.

A page writes `<!-- page-meta:employers-asking topic=training-refresh -->` (or
`refines=irmer-training`, or both, each a comma-separated list) where it speaks of what
employers ask; the build replaces it with the count and the names, each linked to the
employer's page, e.g. "3 of the 6 employers profiled here, as checked on 1 December 2026
(Dorset County Hospital, Somerset and Cobalt Health)". An employer counts when one of its
requirements has one of the topics, or sharpens one of the evidence items, named.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence

from mkdocs.exceptions import PluginError

from assessment.model.rules_model import Employer, Requirement
from assessment.reading.loader import load_rules
from assessment.views.provenance import title_name
from hooks.page_markdown import human_date

MARKER = re.compile(r"<!--\s*page-meta:employers-asking((?:\s+[a-z]+=[a-z0-9,-]+)+)\s*-->")
SELECTORS = ("topic", "refines")
EMPLOYER_FOLDER = "employers"


def _topics(req: Requirement) -> tuple[str, ...]:
    """A requirement's topics: its own and those it also states (a refresher, the training)."""
    return tuple(topic for topic, _ in req.columns())


def selectors(spec: str, where: str) -> dict[str, set[str]]:
    """`topic=a,b refines=c` -> {"topic": {"a", "b"}, "refines": {"c"}}; unknown keys fail."""
    chosen: dict[str, set[str]] = {}
    for part in spec.split():
        key, _, values = part.partition("=")
        if key not in SELECTORS or not values:
            raise PluginError(f"{where}: page-meta:employers-asking takes "
                              f"{' and '.join(f'{s}=…' for s in SELECTORS)}, not {part!r}")
        chosen.setdefault(key, set()).update(v for v in values.split(",") if v)
    return chosen


def asking(profiles: Iterable[Employer], chosen: dict[str, set[str]]) -> list[Employer]:
    """The profiles with a requirement on one of the chosen topics or items, in order."""
    topics, items = chosen.get("topic", set()), chosen.get("refines", set())
    return [profile for profile in profiles
            if any(set(_topics(req)) & topics or (req.refines in items)
                   for req in profile.requirements)]


def short_name(name: str) -> str:
    """An employer's name without "NHS Foundation Trust", "NHS Trust" or a bracketed part."""
    name = name.split(" (", maxsplit=1)[0]
    for suffix in (" NHS Foundation Trust", " NHS Trust"):
        name = name.removesuffix(suffix)
    return name


def _joined(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _when(profiles: Sequence[Employer]) -> str:
    dates = sorted({profile.checked for profile in profiles})
    if len(dates) == 1:
        return f"as checked on {human_date(dates[0])}"
    return f"as checked between {human_date(dates[0])} and {human_date(dates[-1])}"


def phrase(from_uri: str, profiles: Sequence[Employer], chosen: dict[str, set[str]]) -> str:
    """'3 of the 6 employers profiled here, as checked on …: (A, B and C)', linked."""
    found = asking(profiles, chosen)
    if not found:
        return f"none of the {len(profiles)} employers profiled here"
    # A partner's or a system's profile is named as such, as everywhere.
    words = load_rules().words
    links = [f"[{title_name(p, words, short_name(p.name))}]("
             + posixpath.relpath(f"{EMPLOYER_FOLDER}/{p.id}.md",
                                 posixpath.dirname(from_uri) or ".") + ")"
             for p in found]
    return (f"{len(found)} of the {len(profiles)} employers profiled here, {_when(found)} "
            f"({_joined(links)})")


def expand(markdown: str, from_uri: str, profiles: Sequence[Employer]) -> str:
    """Replace every employers-asking marker in a page with its computed phrase."""
    def one(match: re.Match[str]) -> str:
        return phrase(from_uri, profiles, selectors(match.group(1), from_uri))
    return MARKER.sub(one, markdown)
