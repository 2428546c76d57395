"""The Markdown the hooks write into pages: the "Last reviewed" line (with a visible note when
a review is due), the "Sources" section and link references of each page, the references
page, the table of review dates and the evidence items at a glance, each generated from the
data so that none of them can drift from it."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping

from assessment.model.phrases import long_date, partial_date
from assessment.model.rules_model import Source
from assessment.reading.loader import load_rules
from assessment.views.catalogue import evidence_catalogue
from hooks.front_matter import PageMeta
from hooks.page_sources import KIND_HEADINGS, KIND_LABELS, Sources

GENERATED_START = "<!-- page-meta:generated -->"
GENERATED_END = "<!-- /page-meta:generated -->"
# The self-assessment page: its body is generated from the rules data (by another hook).
RULES_PAGE = "assessment/index.md"
# A page whose last review is older than this at build time tells its readers so.
REVIEW_DUE_AFTER = dt.timedelta(days=365)


def human_date(value: str | dt.date) -> str:
    """'2025-01-17' -> '17 January 2025'; '2024-02' -> 'February 2024'; '2020' -> '2020'."""
    if isinstance(value, dt.date):
        return long_date(value.year, value.month, value.day)
    return partial_date(str(value))


def _md_escape(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def _link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


NOT_RECHECKED = ("**Not re-checked:** we have not re-read this source against what the site "
                 "says of it since it was first cited.")


def source_line(entry: Source) -> str:
    """One source as a Markdown list item: linked title, publisher, date, what kind it is, and
    a visible note when the registry records no date on which we re-read it."""
    parts = [f"[{_md_escape(entry.title)}](<{entry.url}>)", entry.publisher]
    if entry.date:
        parts.append(human_date(entry.date))
    line = f"- {', '.join(parts)} ({KIND_LABELS[entry.kind]})."
    return line if entry.checked else f"{line} {NOT_RECHECKED}"


def review_due(reviewed: dt.date, today: dt.date) -> bool:
    """Whether a review dated `reviewed` is more than twelve months old on `today`."""
    return today - reviewed > REVIEW_DUE_AFTER


def reviewed_block(meta: PageMeta, today: dt.date) -> str:
    """The "Last reviewed" line under the h1, and a visible note when a review is due."""
    when = f'<time datetime="{meta.reviewed.isoformat()}">{human_date(meta.reviewed)}</time>'
    block = (f'\n<p class="page-reviewed">Last reviewed: {when}. Every claim on this page was '
             "checked against its sources that day.</p>\n")
    if review_due(meta.reviewed, today):
        block += ('\n<p class="page-review-due" role="note"><strong>Due for review:</strong> '
                  "this page was last checked more than 12 months ago. Positions may have "
                  "changed since: check the sources listed at the end of the page.</p>\n")
    return block


def sources_section(meta: PageMeta, sources: Sources) -> str:
    """The "Sources" section appended to every page."""
    lines = ["", "", "## Sources {#sources .page-sources-heading}", ""]
    if meta.sources:
        lines.append("The outside sources this page relies on:")
        lines.append("")
        lines.extend(source_line(sources[source_id]) for source_id in meta.sources)
    else:
        lines.append(
            "This page describes how this site itself works; it relies on no outside source."
        )
    lines.append("")
    lines.append(
        "All sources used on the site are listed in [References]("
        + _link(meta.src_uri, "help/references.md") + ")."
    )
    return "\n".join(lines) + "\n"


def link_references(meta: PageMeta, sources: Sources) -> str:
    """Markdown link reference definitions, `[source-id]: url`, for the page's sources."""
    lines = [f"[{source_id}]: <{sources[source_id].url}>" for source_id in meta.sources]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def insert_after_h1(markdown: str, block: str) -> str:
    """Put `block` right after the page's h1 (or at the top if there is none)."""
    lines = markdown.split("\n")
    fenced = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"# \S", line):
            return "\n".join([*lines[: index + 1], block, *lines[index + 1 :]])
    return block + "\n" + markdown


def references_markdown(from_uri: str, sources: Sources, pages: Mapping[str, PageMeta],
                        rules_ids: set[str]) -> str:
    """Every source cited by a page or by the rules, grouped by kind, primary sources first,
    each with the date its claims were last checked."""
    cited_by: dict[str, list[PageMeta]] = {}
    for meta in sorted(pages.values(), key=lambda item: item.src_uri):
        for source_id in meta.sources:
            cited_by.setdefault(source_id, []).append(meta)
    used = set(cited_by) | rules_ids
    out = [GENERATED_START, ""]
    out.append(f"{len(used)} sources are cited on this site or by the self-assessment.")
    out.append("")
    for kind, heading in KIND_HEADINGS.items():
        # Registry order within each kind: the registry lists the main source first.
        ids = [sid for sid, entry in sources.items() if sid in used and entry.kind == kind]
        if not ids:
            continue
        out.extend([f"## {heading}", ""])
        for source_id in ids:
            entry = sources[source_id]
            lines = [source_line(entry)]
            if entry.note:
                lines.append(entry.note)
            if entry.checked:
                lines.append(f"Last checked: {human_date(entry.checked)}.")
            where = [
                f"[{_md_escape(meta.title)}]({_link(from_uri, meta.src_uri)})"
                for meta in cited_by.get(source_id, [])
            ]
            if source_id in rules_ids and RULES_PAGE not in {
                m.src_uri for m in cited_by.get(source_id, [])
            }:
                where.append("the self-assessment's rules")
            lines.append(f"Cited by: {', '.join(where)}.")
            # Line breaks keep the note and "Cited by" inside the same list item. Written as
            # HTML `<br>`: a Markdown hard break would come out as XHTML-style `<br />`.
            out.append("<br>\n    ".join(lines))
        out.append("")
    out.append(GENERATED_END)
    return "\n".join(out) + "\n"


def review_dates_markdown(from_uri: str, pages: Mapping[str, PageMeta], today: dt.date) -> str:
    """A table of every page, the date it was last reviewed and whether a review is due."""
    rows = ["| Page | Last reviewed | Review due |", "|---|---|---|"]
    for meta in sorted(pages.values(), key=lambda item: item.src_uri):
        link = f"[{_md_escape(meta.title)}]({_link(from_uri, meta.src_uri)})"
        due = "yes" if review_due(meta.reviewed, today) else "no"
        rows.append(f"| {link} | {human_date(meta.reviewed)} | {due} |")
    return "\n".join(rows) + "\n"


def evidence_table_markdown() -> str:
    """The evidence items at a glance: each item linked to its section, what it rests on and
    when it applies, in the rules' own words."""
    rows = ["| Evidence | What it rests on | When it applies |", "|---|---|---|"]
    for item in evidence_catalogue(load_rules()):
        applies = item["applies_text"]
        rows.append(f"| [{_md_escape(item['title'])}](#{item['id']}) | {item['basis_label']} "
                    f"| {applies[:1].upper() + applies[1:]} |")
    return "\n".join(rows) + "\n"
