"""Page metadata, wired into MkDocs: sources, review dates and checks for every guidance page.

Every page's front matter names its `sources` (ids in assessment/rules/sources.toml, the
site's one source registry, read by the rules' loader) and the date it was last `reviewed`.
The work is done by small modules; this hook only calls them at the right moment:

- `front_matter`: the build fails, naming page and key, on bad front matter;
- `page_markdown`: the "Last reviewed" line (a visible "due for review" note after twelve
  months), the "Sources" section, a link reference per source so the text cites it where it
  makes a claim (`[words][source-id]`), the references page, the table of review dates and
  the evidence items at a glance, all generated from the data;
- `citation_checks`: every external link is a listed source, every listed source is cited,
  no citation is unresolved, and no requirement is stated without a citation beside it;
- `employer_counts`: what the employers profiled here ask, counted and named from the
  profiles wherever a page writes an `employers-asking` marker;
- `quantifier_checks`: no sentence of the pages, rules, words or profiles says what
  employers, bodies or practitioners do in general with a quantifier ("many", "most", …);
- `abbreviations`: the first use of each abbreviation can be reached by keyboard.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from hooks.abbreviations import focusable_first_abbreviations
from hooks.citation_checks import (
    check_claims_cited,
    check_every_source_cited,
    check_external_links,
    check_unresolved_references,
    load_allowlist,
)
from hooks.employer_counts import expand as expand_employer_counts
from hooks.front_matter import PageMeta, count_h1, page_file, validate_meta, with_rules_sources
from hooks.page_markdown import (
    RULES_PAGE,
    evidence_table_markdown,
    insert_after_h1,
    link_references,
    references_markdown,
    review_dates_markdown,
    reviewed_block,
    sources_section,
)
from hooks.page_sources import registry, rules_source_ids
from hooks.quantifier_checks import check_repository as check_quantifiers

INCLUDES_PREFIX = "includes/"
REFERENCES_MARKER = "<!-- page-meta:references -->"
REVIEW_DATES_MARKER = "<!-- page-meta:review-dates -->"
EVIDENCE_TABLE_MARKER = "<!-- page-meta:evidence-table -->"

_state: dict[str, Any] = {"sources": {}, "pages": {}, "rules_ids": set(), "docs": "docs",
                          "allowed": {}, "today": dt.date.today(), "profiles": []}


def _meta(page: Page) -> PageMeta:
    return _state["pages"].get(page.file.src_uri) or validate_meta(
        dict(page.meta), page.file.src_uri, _state["sources"], _state["docs"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the source registry (through the rules' loader) and the sources the rules cite."""
    _state["sources"] = registry()
    docs_dir = Path(config.docs_dir)
    config_dir = Path(config.config_file_path or ".").resolve().parent
    try:
        _state["docs"] = docs_dir.resolve().relative_to(config_dir).as_posix()
    except ValueError:
        _state["docs"] = docs_dir.as_posix()
    _state["rules_ids"] = rules_source_ids()
    _state["allowed"] = load_allowlist()
    _state["today"] = dt.date.today()
    _state["pages"] = {}
    _state["profiles"] = list(load_employers(load_rules()).values())
    try:
        check_quantifiers(config_dir)
    except ValueError as error:
        raise PluginError(str(error)) from error
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Drop snippet includes from the site; check every page's front matter up front."""
    for file in list(files):
        if file.src_uri.startswith(INCLUDES_PREFIX):
            files.remove(file)
    pages: dict[str, PageMeta] = {}
    for file in files.documentation_pages():
        _, meta = get_data(file.content_string)
        checked = validate_meta(meta, file.src_uri, _state["sources"], _state["docs"])
        if file.src_uri == RULES_PAGE:
            checked = with_rules_sources(checked, _state["sources"], _state["rules_ids"])
        pages[file.src_uri] = checked
    _state["pages"] = pages
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Add the review date and the Sources section; fill in generated lists."""
    meta = _meta(page)
    if count_h1(markdown) != 1:
        raise PluginError(f"{page_file(meta.src_uri, _state['docs'])}: needs exactly one h1 "
                          "('# Title') heading")
    generated = {
        REFERENCES_MARKER: lambda: references_markdown(
            meta.src_uri, _state["sources"], _state["pages"], _state["rules_ids"]),
        REVIEW_DATES_MARKER: lambda: review_dates_markdown(
            meta.src_uri, _state["pages"], _state["today"]),
        EVIDENCE_TABLE_MARKER: evidence_table_markdown,
    }
    for marker, make in generated.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    markdown = expand_employer_counts(markdown, meta.src_uri, _state["profiles"])
    markdown = insert_after_h1(markdown, reviewed_block(meta, _state["today"]))
    return (
        markdown.rstrip("\n")
        + sources_section(meta, _state["sources"])
        + link_references(meta, _state["sources"])
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the page's citations; make abbreviations focusable."""
    meta = _meta(page)
    docs = _state["docs"]
    check_external_links(html, meta, _state["sources"], docs)
    check_unresolved_references(html, meta, _state["sources"], docs)
    if meta.src_uri != RULES_PAGE:
        check_every_source_cited(html, meta, _state["sources"], docs)
        check_claims_cited(html, meta, _state["allowed"], docs)
    return focusable_first_abbreviations(html)
