"""Checks that every claim on a rendered page can be traced to its source: external links are
the addresses of the page's own sources, every listed source is cited in the text, no
citation is left unresolved, and a sentence that states what the law, the guidance, a body
or an employer requires has a citation in the same paragraph (or list item, or table row).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

from hooks.front_matter import PageMeta, page_file
from hooks.page_markdown import GENERATED_END, GENERATED_START
from hooks.page_sources import Sources

# Words that mark a sentence as stating a requirement or a source's position. "Regulation" is
# matched in lower case only: capitalised, it is part of a name ("the Ionising Radiation
# (Medical Exposure) Regulations", "Regulation and Quality Improvement Authority").
REQUIREMENT = re.compile(r"\b([Mm]ust|[Rr]equires?|[Rr]equired|[Tt]he law|[Tt]he guidance"
                         r"|regulations?|[Ss]ays)\b")
# Where claims are made: paragraphs, list items, table rows (a row's label and its cited
# cells belong together) and definitions. Table headers, terms and headings only name
# things; so does the text of a link to another page here.
BLOCKS = {"p", "li", "tr", "dd"}
SKIPPED = {"code", "pre", "kbd", "script", "style", "th", "dt", "h1", "h2", "h3", "h4", "h5", "h6"}
ALLOWLIST_FILE = Path(__file__).resolve().parent / "uncited_claims_allowed.toml"


def _external(url: str | None) -> bool:
    return bool(url) and re.match(r"(?i)(https?:)?//", url or "") is not None


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src"} and value and _external(value):
                self.urls.append(value)


def external_links(html: str) -> list[str]:
    """External http(s) addresses linked or embedded in a page's HTML."""
    collector = _LinkCollector()
    collector.feed(html)
    return collector.urls


def _without_generated(html: str) -> str:
    return re.sub(re.escape(GENERATED_START) + ".*?" + re.escape(GENERATED_END), "", html,
                  flags=re.S)


def _body(html: str) -> str:
    """The page's own text: before its generated "Sources" section."""
    return re.split(r'<h2[^>]*\bid="sources"', _without_generated(html), maxsplit=1)[0]


def check_external_links(html: str, meta: PageMeta, sources: Sources, docs: str = "docs") -> None:
    """Every external link must be the address of a source in the page's front matter."""
    allowed = {sources[source_id].url for source_id in meta.sources}
    for url in external_links(_without_generated(html)):
        if url.split("#", 1)[0] not in allowed:
            raise PluginError(
                f"{page_file(meta.src_uri, docs)}: external link {url} is not the address of a "
                "source listed in the page's front matter 'sources' (add it to "
                "assessment/rules/sources.toml and to the page's sources)"
            )


def check_every_source_cited(html: str, meta: PageMeta, sources: Sources,
                             docs: str = "docs") -> None:
    """Each source in the front matter must be linked in the text, where its claim is made."""
    linked = {url.split("#", 1)[0] for url in external_links(_body(html))}
    for source_id in meta.sources:
        if sources[source_id].url not in linked:
            raise PluginError(
                f"{page_file(meta.src_uri, docs)}: front matter 'sources' lists '{source_id}', "
                f"but the page never cites it; link it where its claim is made "
                f"([words][{source_id}]) or remove it"
            )


def check_unresolved_references(html: str, meta: PageMeta, sources: Sources,
                                docs: str = "docs") -> None:
    """A `[words][source-id]` citation of a source the page does not list renders as plain
    text; fail rather than publish a claim without its link."""
    for match in re.finditer(r"\]\[([A-Za-z0-9_.-]+)\]", html):
        label = match.group(1)
        problem = "is not listed in" if label in sources else "is not a source id; check"
        raise PluginError(
            f"{page_file(meta.src_uri, docs)}: the citation [..][{label}] {problem} the page's "
            "front matter 'sources'"
        )


@dataclass
class _Block:
    """One paragraph-like element: its text so far and whether it cites a source."""

    text: list[str] = field(default_factory=list)
    cited: bool = False


class _Blocks(HTMLParser):
    """The text of each innermost paragraph-like block, and whether it holds a citation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Block] = []
        self.done: list[_Block] = []
        self.skipping = 0
        self.internal_links = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        if tag in BLOCKS:
            self.stack.append(_Block())
        elif tag == "a" and self.stack and _external(dict(attrs).get("href")):
            self.stack[-1].cited = True
        elif tag == "a":
            self.internal_links += 1
        elif tag == "sup" and self.stack and (dict(attrs).get("id") or "").startswith("fnref"):
            self.stack[-1].cited = True  # a footnote reference

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.internal_links:
            self.internal_links -= 1
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        if tag in BLOCKS and self.stack:
            self.done.append(self.stack.pop())

    def handle_data(self, data: str) -> None:
        if self.stack and not self.skipping and not self.internal_links:
            self.stack[-1].text.append(data)


def uncited_claims(html: str) -> list[str]:
    """Sentences that state a requirement or a position with no citation in their block."""
    parser = _Blocks()
    parser.feed(_body(html))
    found = []
    for block in parser.done:
        if block.cited:
            continue
        text = " ".join("".join(block.text).split())
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if REQUIREMENT.search(sentence):
                found.append(sentence)
    return found


def load_allowlist(path: Path = ALLOWLIST_FILE) -> dict[str, list[str]]:
    """Page path -> sentence beginnings allowed without a citation (each entry says why)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    allowed: dict[str, list[str]] = {}
    for index, entry in enumerate(data.get("allowed", [])):
        if set(entry) != {"page", "starts", "why"} or not all(
                isinstance(value, str) and value.strip() for value in entry.values()):
            raise PluginError(f"{path.name}: allowed[{index}]: needs page, starts and why")
        allowed.setdefault(entry["page"], []).append(entry["starts"])
    return allowed


def check_claims_cited(html: str, meta: PageMeta, allowed: dict[str, list[str]],
                       docs: str = "docs") -> None:
    """Fail, listing them, on sentences stating a requirement with no citation beside them."""
    exempt = allowed.get(meta.src_uri, [])
    missing = [sentence for sentence in uncited_claims(html)
               if not any(sentence.startswith(start) for start in exempt)]
    if missing:
        listed = "\n".join(f"  - {sentence}" for sentence in missing)
        raise PluginError(
            f"{page_file(meta.src_uri, docs)}: {len(missing)} sentence(s) state what the law, "
            "the guidance, a body or an employer requires with no citation in the same "
            "paragraph; cite the source there ([words][source-id]), or add the sentence to "
            f"hooks/{ALLOWLIST_FILE.name} saying why it needs none:\n{listed}"
        )
