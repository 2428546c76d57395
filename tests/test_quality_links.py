"""Links on every built page, checked offline: each internal link and anchor resolves to a
file of the built site and an id on it; each external link in page content is a well-formed
http(s) address, https unless the source registry lists it as http, that the references page
lists. No network is used."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = tomllib.loads((ROOT / "assessment/rules/sources.toml").read_text(encoding="utf-8"))
REGISTRY_URLS = {entry["url"] for entry in SOURCES["sources"].values()}
# A stand-in origin: built pages are resolved as if served from it, never fetched.
ORIGIN = "http://site.invalid/"
REFERENCES_PAGE = "help/references/"
# Attributes that make the browser follow or fetch an address.
LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
}
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@dataclass
class Link:
    """One address found on a page: where, what, and whether it sits in the page content."""

    tag: str
    url: str
    in_article: bool


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


class PageParser(HTMLParser):
    """Collects every id (and <a name>) and every followed address, noting <article> depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.article_depth += 1
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) is not None:
            self.page.links.append(Link(tag, values[attribute], self.article_depth > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.article_depth = max(0, self.article_depth - 1)


def parse(path: Path) -> ParsedPage:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


@pytest.fixture(scope="module")
def pages(built_site: Path, page_paths: list[str]) -> dict[str, ParsedPage]:
    """Every built page, parsed once: site-relative URL -> ids and links."""
    return {
        url: parse(built_site / (url + "index.html" if url.endswith("/") or not url else url))
        for url in page_paths
    }


def target_file(built_site: Path, path: str) -> Path | None:
    """The built file a site path names (a folder means its index.html), if it exists."""
    relative = unquote(path).lstrip("/")
    candidate = built_site / relative
    if relative == "" or relative.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def is_share_link(fragment: str, target: str) -> bool:
    """The self-assessment's answers-in-the-fragment links (`#nation=wales&...`)."""
    return target.startswith("assessment/") and "=" in fragment


def internal_problems(
    built_site: Path, pages: dict[str, ParsedPage], source: str, link: Link
) -> list[str]:
    """What is wrong with one internal address found on `source` (nothing: an empty list)."""
    resolved = urljoin(ORIGIN + source, link.url)
    parts = urlsplit(resolved)
    target = target_file(built_site, parts.path)
    if target is None:
        return [f"{source}: <{link.tag}> {link.url} -> {parts.path} is not in the built site"]
    fragment = unquote(parts.fragment)
    if not fragment or target.suffix != ".html":
        return []
    target_url = target.relative_to(built_site).as_posix().removesuffix("index.html")
    if is_share_link(fragment, target_url):
        return []
    ids = pages[target_url].ids if target_url in pages else parse(target).ids
    if fragment not in ids:
        return [f"{source}: {link.url} -> #{fragment} is not an id on {target_url or 'home'}"]
    return []


def is_external(url: str) -> bool:
    return bool(re.match(r"(?i)^([a-z][a-z0-9+.-]*:|//)", url))


def test_every_internal_link_and_anchor_resolves(
    built_site: Path, pages: dict[str, ParsedPage]
) -> None:
    problems: list[str] = []
    checked = 0
    for source, page in pages.items():
        for link in page.links:
            if link.url in {"", "#"} or is_external(link.url):
                continue
            checked += 1
            problems.extend(internal_problems(built_site, pages, source, link))
    assert not problems, "broken internal links:\n" + "\n".join(problems)
    assert len(pages) >= 20
    assert checked >= 1000, f"only {checked} internal links found: is the parser working?"


def test_links_use_only_web_addresses(pages: dict[str, ParsedPage]) -> None:
    """No javascript:, data: or file: links: every scheme is http(s) or mailto."""
    odd = [
        f"{source}: {link.url}"
        for source, page in pages.items()
        for link in page.links
        if is_external(link.url) and not re.match(r"(?i)^(https?:|mailto:)", link.url)
    ]
    assert not odd


def external_links(pages: dict[str, ParsedPage]) -> list[tuple[str, str]]:
    """(page, address) for every outside address linked in page content (the <article>)."""
    return [
        (source, link.url)
        for source, page in pages.items()
        for link in page.links
        if link.in_article and link.tag == "a" and re.match(r"(?i)^(https?:)?//", link.url)
    ]


def well_formed_problem(url: str) -> str | None:
    """Why `url` is not a well-formed http(s) address, or None."""
    if url != url.strip() or re.search(r"\s", url):
        return "contains whitespace"
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return "is not http(s)"
    if parts.username or parts.password:
        return "carries credentials"
    try:
        parts.port  # noqa: B018 (raises on a malformed port)
    except ValueError:
        return "has a malformed port"
    if not parts.hostname or not HOSTNAME.match(parts.hostname):
        return "has no valid host name"
    return None


def test_external_links_are_well_formed_secure_and_listed_in_the_references(
    pages: dict[str, ParsedPage],
) -> None:
    links = external_links(pages)
    references = {
        link.url.split("#", 1)[0]
        for link in pages[REFERENCES_PAGE].links
        if link.in_article and is_external(link.url)
    }
    problems = []
    for source, url in links:
        bare = url.split("#", 1)[0]
        if problem := well_formed_problem(url):
            problems.append(f"{source}: {url} {problem}")
        elif url.startswith("http:") and bare not in REGISTRY_URLS:
            problems.append(f"{source}: {url} uses http, and the registry does not list it so")
        if bare not in references:
            problems.append(f"{source}: {url} is not listed on the references page")
    assert not problems, "external links:\n" + "\n".join(problems)
    assert len(links) >= 100
    assert len({source for source, _ in links}) >= 15


def test_every_registry_address_is_well_formed() -> None:
    """The registry is what the pages link to; whether a source offers https is recorded
    there (an http address is allowed only as the registry gives it)."""
    problems = {
        source_id: problem
        for source_id, entry in SOURCES["sources"].items()
        if (problem := well_formed_problem(entry["url"]))
    }
    assert not problems
