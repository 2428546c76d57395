"""Page metadata: sources, review dates and link previews for every guidance page.

Every page's front matter names its `sources` (ids from assessment/rules/sources.toml, the
site's single source registry) and the date it was last `reviewed`. This hook:

- fails the build, naming the page and the key, on a missing or invalid `title`,
  `description`, `reviewed` or `sources`, an unknown source id, or a page without exactly
  one h1;
- shows "Last reviewed" under each page's h1 and appends a "Sources" section;
- gives each page a Markdown link reference for each of its sources, so the text cites a
  source where it makes a claim with `[words][source-id]`; a reference to a source the page
  does not list stays unresolved, and the build fails naming it;
- fails the build when an external link on a page is not the address of one of the page's
  own sources, so every outside claim can be traced to the registry;
- generates the references page (every source cited by a page or by the rules data) and
  the table of review dates, so neither can drift from the pages;
- keeps `docs/includes/` (snippets, such as the abbreviations) out of the built pages;
- fails the build when a page lists a source in its front matter but never cites it in its
  text (the self-assessment page, generated from the rules data, gets the rules' sources);
- makes the first use of each abbreviation on a page reachable by keyboard, so its
  expansion shows on focus as well as on hover.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import tomllib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "assessment" / "rules"
SOURCES_FILE = RULES_DIR / "sources.toml"
INCLUDES_PREFIX = "includes/"
REFERENCES_MARKER = "<!-- page-meta:references -->"
REVIEW_DATES_MARKER = "<!-- page-meta:review-dates -->"
GENERATED_START = "<!-- page-meta:generated -->"
GENERATED_END = "<!-- /page-meta:generated -->"
REQUIRED_SOURCE_FIELDS = ("title", "publisher", "url", "kind")
# The self-assessment page: its body is generated from the rules data (by another hook), so
# the sources the rules cite are added to its own, and its body is not checked for citations.
RULES_PAGE = "assessment/index.md"

# Headings of the references page, in the order shown: primary sources first.
KIND_HEADINGS = {
    "law": "Law",
    "inspectorate": "Inspectorates",
    "national-guidance": "National guidance",
    "framework": "Practice frameworks and standards",
    "regulator": "Regulators",
    "professional-body": "Professional bodies",
    "employer": "Employers and imaging providers (local examples)",
    "news": "News and commentary",
}
KIND_LABELS = {
    "law": "law",
    "inspectorate": "inspectorate",
    "national-guidance": "national guidance",
    "framework": "framework or standard",
    "regulator": "regulator",
    "professional-body": "professional body",
    "employer": "one employer's own page: a local example",
    "news": "news or commentary",
}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class PageMeta:
    """What the hook needs from one page's front matter, once checked."""

    src_uri: str
    title: str
    reviewed: dt.date
    sources: tuple[str, ...]


_state: dict[str, Any] = {"sources": {}, "pages": {}, "rules_ids": set(), "docs": "docs"}


# --- the source registry --------------------------------------------------------------


def load_sources(path: Path = SOURCES_FILE) -> dict[str, dict[str, str]]:
    """Read the registry: source id -> its fields. Fails clearly on a malformed entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise PluginError(f"{path}: cannot read the source registry: {error}") from error
    sources = data.get("sources")
    if not isinstance(sources, dict) or not sources:
        raise PluginError(f"{path}: no [sources.<id>] tables found")
    for source_id, entry in sources.items():
        missing = [key for key in REQUIRED_SOURCE_FIELDS if not entry.get(key)]
        if missing:
            raise PluginError(f"{path}: source '{source_id}' lacks {', '.join(missing)}")
        if entry["kind"] not in KIND_HEADINGS:
            raise PluginError(f"{path}: source '{source_id}' has unknown kind '{entry['kind']}'")
    return sources


def rules_source_ids(sources: dict[str, dict[str, str]], rules_dir: Path = RULES_DIR) -> set[str]:
    """Source ids (or source URLs) that the self-assessment's rules data mentions."""
    by_url = {entry["url"]: source_id for source_id, entry in sources.items()}
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            if value in sources:
                found.add(value)
            elif value in by_url:
                found.add(by_url[value])
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(rules_dir.rglob("*")):
        if path == SOURCES_FILE or path.suffix not in {".toml", ".json"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
            walk(tomllib.loads(text) if path.suffix == ".toml" else json.loads(text))
        except (OSError, ValueError):
            continue  # the rules' own validation reports broken rules files
    return found


# --- front matter -----------------------------------------------------------------------


def page_file(src_uri: str) -> str:
    """The page's file as a reader finds it: the docs folder (relative to mkdocs.yml) + path."""
    return f"{_state['docs']}/{src_uri}"


def _fail(src_uri: str, key: str, problem: str) -> PluginError:
    return PluginError(f"{page_file(src_uri)}: front matter '{key}': {problem}")


def parse_reviewed(value: object, src_uri: str) -> dt.date:
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
        raise _fail(src_uri, "reviewed", "missing (give the date you checked the page, YYYY-MM-DD)")
    raise _fail(src_uri, "reviewed", f"'{value}' is not a date in the form YYYY-MM-DD")


def validate_meta(
    meta: dict[str, Any], src_uri: str, sources: dict[str, dict[str, str]]
) -> PageMeta:
    """Check one page's front matter; raise PluginError naming the page file and the key."""
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise _fail(src_uri, key, "missing or empty")
        if re.search(r'["<>&]', meta[key]):
            # The link-preview tags quote these values as they are: use typographic quotes.
            raise _fail(src_uri, key, 'must not contain " < > or & (use “ ” instead of ")')
    reviewed = parse_reviewed(meta.get("reviewed"), src_uri)
    if "sources" not in meta:
        raise _fail(src_uri, "sources", "missing (list the source ids from sources.toml)")
    ids = meta["sources"]
    if ids is None:
        ids = []
    if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
        raise _fail(src_uri, "sources", "must be a list of source ids")
    unknown = [item for item in ids if item not in sources]
    if unknown:
        raise _fail(src_uri, "sources", f"unknown source id(s): {', '.join(unknown)}")
    duplicates = sorted({item for item in ids if ids.count(item) > 1})
    if duplicates:
        raise _fail(src_uri, "sources", f"listed twice: {', '.join(duplicates)}")
    return PageMeta(src_uri, meta["title"].strip(), reviewed, tuple(ids))


def with_rules_sources(
    meta: PageMeta, sources: dict[str, dict[str, str]], rules_ids: set[str]
) -> PageMeta:
    """The page's own sources followed by those the rules data cites, in registry order."""
    extra = tuple(
        source_id
        for source_id in sources
        if source_id in rules_ids and source_id not in meta.sources
    )
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


# --- rendering ----------------------------------------------------------------------------


def human_date(value: str | dt.date) -> str:
    """'2025-01-17' -> '17 January 2025'; '2024-02' -> 'February 2024'; '2020' -> '2020'."""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    parts = str(value).split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return str(value)


def _md_escape(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def source_line(entry: dict[str, str]) -> str:
    """One source as a Markdown list item: linked title, publisher, date, what kind it is."""
    parts = [f"[{_md_escape(entry['title'])}](<{entry['url']}>)", entry["publisher"]]
    if entry.get("date"):
        parts.append(human_date(entry["date"]))
    return f"- {', '.join(parts)} ({KIND_LABELS[entry['kind']]})."


def sources_section(meta: PageMeta, sources: dict[str, dict[str, str]]) -> str:
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
        + posixpath.relpath("help/references.md", posixpath.dirname(meta.src_uri) or ".")
        + ")."
    )
    return "\n".join(lines) + "\n"


def link_references(meta: PageMeta, sources: dict[str, dict[str, str]]) -> str:
    """Markdown link reference definitions, `[source-id]: url`, for the page's sources."""
    lines = [f"[{source_id}]: <{sources[source_id]['url']}>" for source_id in meta.sources]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def reviewed_block(meta: PageMeta) -> str:
    """The "Last reviewed" line shown under the h1."""
    return (
        '\n<p class="page-reviewed">Last reviewed: '
        f'<time datetime="{meta.reviewed.isoformat()}">{human_date(meta.reviewed)}</time></p>\n'
    )


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


def _link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def references_markdown(
    from_uri: str,
    sources: dict[str, dict[str, str]],
    pages: dict[str, PageMeta],
    rules_ids: set[str],
) -> str:
    """Every source cited by a page or by the rules, grouped by kind, primary sources first."""
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
        ids = [sid for sid, entry in sources.items() if sid in used and entry["kind"] == kind]
        if not ids:
            continue
        out.extend([f"## {heading}", ""])
        for source_id in ids:
            entry = sources[source_id]
            lines = [source_line(entry)]
            if entry.get("note"):
                lines.append(entry["note"])
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


def review_dates_markdown(from_uri: str, pages: dict[str, PageMeta]) -> str:
    """A table of every page and the date it was last reviewed."""
    rows = ["| Page | Last reviewed |", "|---|---|"]
    for meta in sorted(pages.values(), key=lambda item: item.src_uri):
        link = f"[{_md_escape(meta.title)}]({_link(from_uri, meta.src_uri)})"
        rows.append(f"| {link} | {human_date(meta.reviewed)} |")
    return "\n".join(rows) + "\n"


# --- checks on the rendered page -------------------------------------------------------------


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src"} and value and re.match(r"(?i)(https?:)?//", value):
                self.urls.append(value)


def external_links(html: str) -> list[str]:
    """External http(s) addresses linked or embedded in a page's HTML."""
    collector = _LinkCollector()
    collector.feed(html)
    return collector.urls


def check_external_links(html: str, meta: PageMeta, sources: dict[str, dict[str, str]]) -> None:
    """Every external link must be the address of a source in the page's front matter."""
    checked = re.sub(
        re.escape(GENERATED_START) + ".*?" + re.escape(GENERATED_END), "", html, flags=re.S
    )
    allowed = {sources[source_id]["url"] for source_id in meta.sources}
    for url in external_links(checked):
        if url.split("#", 1)[0] not in allowed:
            raise PluginError(
                f"{page_file(meta.src_uri)}: external link {url} is not the address of a source "
                "listed in the page's front matter 'sources' (add it to "
                "assessment/rules/sources.toml and to the page's sources)"
            )


def check_every_source_cited(html: str, meta: PageMeta, sources: dict[str, dict[str, str]]) -> None:
    """Each source in the front matter must be linked in the text, where its claim is made."""
    body = re.split(r'<h2[^>]*\bid="sources"', html, maxsplit=1)[0]
    linked = {url.split("#", 1)[0] for url in external_links(body)}
    for source_id in meta.sources:
        if sources[source_id]["url"] not in linked:
            raise PluginError(
                f"{page_file(meta.src_uri)}: front matter 'sources' lists '{source_id}', but "
                f"the page never cites it; link it where its claim is made "
                f"([words][{source_id}]) or remove it"
            )


def check_unresolved_references(
    html: str, meta: PageMeta, sources: dict[str, dict[str, str]]
) -> None:
    """A `[words][source-id]` citation of a source the page does not list renders as plain
    text; fail rather than publish a claim without its link."""
    for match in re.finditer(r"\]\[([A-Za-z0-9_.-]+)\]", html):
        label = match.group(1)
        problem = "is not listed in" if label in sources else "is not a source id; check"
        raise PluginError(
            f"{page_file(meta.src_uri)}: the citation [..][{label}] {problem} the page's front "
            "matter 'sources'"
        )


_ABBR_OR_LINK = re.compile(r"<a\b[^>]*>|</a>|<abbr\b([^>]*)>([^<]*)</abbr>")


def focusable_first_abbreviations(html: str) -> str:
    """Let keyboard users reach the first use of each abbreviation on a page.

    The theme shows an abbreviation's expansion as a tooltip on hover and on focus; an
    <abbr> is not focusable by default. Only the first use of each one (outside links, where
    a focusable element would nest inside another) gets tabindex="0", to keep tab stops few.
    """
    seen: set[str] = set()
    depth = 0
    out: list[str] = []
    last = 0
    for match in _ABBR_OR_LINK.finditer(html):
        token = match.group(0)
        if token.startswith("<a") and not token.startswith("<abbr"):
            depth += 1
            continue
        if token == "</a>":
            depth = max(0, depth - 1)
            continue
        text = match.group(2)
        if depth or text in seen or "title=" not in match.group(1):
            continue
        seen.add(text)
        out.append(html[last : match.start()])
        out.append(f'<abbr{match.group(1)} tabindex="0" class="abbr-first">{text}</abbr>')
        last = match.end()
    out.append(html[last:])
    return "".join(out)


# --- MkDocs events -------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the source registry and the source ids the rules data cites."""
    sources = load_sources()
    _state["sources"] = sources
    docs_dir = Path(config.docs_dir)
    config_dir = Path(config.config_file_path or ".").resolve().parent
    try:
        _state["docs"] = docs_dir.resolve().relative_to(config_dir).as_posix()
    except ValueError:
        _state["docs"] = docs_dir.as_posix()
    _state["rules_ids"] = rules_source_ids(sources)
    _state["pages"] = {}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Drop snippet includes from the site; check every page's front matter up front."""
    for file in list(files):
        if file.src_uri.startswith(INCLUDES_PREFIX):
            files.remove(file)
    pages: dict[str, PageMeta] = {}
    for file in files.documentation_pages():
        _, meta = get_data(file.content_string)
        checked = validate_meta(meta, file.src_uri, _state["sources"])
        if file.src_uri == RULES_PAGE:
            checked = with_rules_sources(checked, _state["sources"], _state["rules_ids"])
        pages[file.src_uri] = checked
    _state["pages"] = pages
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Add the review date and the Sources section; fill in generated lists."""
    meta = _state["pages"].get(page.file.src_uri) or validate_meta(
        page.meta, page.file.src_uri, _state["sources"]
    )
    if count_h1(markdown) != 1:
        raise PluginError(f"{page_file(meta.src_uri)}: needs exactly one h1 ('# Title') heading")
    if REFERENCES_MARKER in markdown:
        markdown = markdown.replace(
            REFERENCES_MARKER,
            references_markdown(
                meta.src_uri, _state["sources"], _state["pages"], _state["rules_ids"]
            ),
        )
    if REVIEW_DATES_MARKER in markdown:
        markdown = markdown.replace(
            REVIEW_DATES_MARKER, review_dates_markdown(meta.src_uri, _state["pages"])
        )
    markdown = insert_after_h1(markdown, reviewed_block(meta))
    return (
        markdown.rstrip("\n")
        + sources_section(meta, _state["sources"])
        + link_references(meta, _state["sources"])
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check external links against the page's sources; make abbreviations focusable."""
    meta = _state["pages"].get(page.file.src_uri) or validate_meta(
        page.meta, page.file.src_uri, _state["sources"]
    )
    check_external_links(html, meta, _state["sources"])
    check_unresolved_references(html, meta, _state["sources"])
    if meta.src_uri != RULES_PAGE:
        check_every_source_cited(html, meta, _state["sources"])
    return focusable_first_abbreviations(html)
