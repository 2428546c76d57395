"""Sharing the site as crawlers, phones and printers meet it: each page's preview tags read
from the raw HTML (no JavaScript runs in a link crawler), absolute when the site has an
address; a card of its own for each key page; robots.txt, the sitemap and canonical links;
the web app manifest, linked from every page and kept by the service worker; and, in
Chromium, no installability error and the printed pages (the poster on one sheet, each
abbreviation spelled out once)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.conftest import build_site
from tests.site_crawl import axe_violations
from tools.chromium import CHROMIUM, CHROMIUM_FLAGS

SITE = "https://example.org/referrers/"
KEY_PAGES = ["assessment/", "guidance/at-a-glance/", "evidence/", "employers/compared/",
             "employers/dorset-county-hospital/", "employers/northumbria/", "review/"]


class _Head(HTMLParser):
    """The <meta> and <link> tags of a page, as a crawler reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta" and (key := values.get("property") or values.get("name")):
            self.meta[key] = values.get("content", "")
        if tag == "link" and "rel" in values:
            self.links.setdefault(values["rel"], values.get("href", ""))


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> dict[str, Path]:
    """Every built page by its address under the site (index pages as folders)."""
    return {html.relative_to(site).as_posix().removesuffix("index.html"): html
            for html in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as `make publish` builds it, with an address."""
    target = tmp_path_factory.mktemp("published")
    result = build_site(target, env={"SITE_URL": SITE})
    assert result.returncode == 0, result.stderr
    return target


# --- previews, as a crawler reads them -------------------------------------------------------


@pytest.mark.build  # its own build, with an address (the `published` fixture)
def test_with_an_address_every_pages_preview_tags_are_absolute(published: Path) -> None:
    for address, html in pages(published).items():
        found = head(html)
        image = found.meta["og:image"]
        assert image.startswith(SITE), (address, image)
        assert (published / image.removeprefix(SITE)).read_bytes()[:4] == b"\x89PNG", address
        if address == "404.html":
            continue  # no address of its own: never shared, never canonical
        assert found.meta["og:url"] == SITE + address, address
        assert found.links["canonical"] == SITE + address, address
        assert found.meta["twitter:card"] == "summary_large_image"


def test_without_an_address_there_is_no_og_url_and_the_image_is_found(built_site: Path) -> None:
    for address, html in pages(built_site).items():
        found = head(html)
        assert "og:url" not in found.meta and "canonical" not in found.links, address
        if address != "404.html":
            assert (html.parent / found.meta["og:image"]).is_file(), address


@pytest.mark.build  # its own build, with an address (the `published` fixture)
def test_each_key_page_has_a_card_of_its_own_and_the_rest_share_one(published: Path) -> None:
    images = {address: head(html).meta["og:image"] for address, html in pages(published).items()}
    key = [images[address] for address in KEY_PAGES]
    assert len(set(key)) == len(KEY_PAGES)
    others = {image for address, image in images.items() if address not in KEY_PAGES
              and not (address.startswith("employers/")
                       and address not in {"employers/", "employers/profiles/"})}
    assert len(others) == 1 and others.isdisjoint(key)
    card = Image.open(published / images["review/"].removeprefix(SITE))
    assert card.size == (1200, 630)


@pytest.mark.build  # its own build, with an address (the `published` fixture)
def test_robots_sitemap_and_canonical_links_with_an_address(published: Path) -> None:
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and f"Sitemap: {SITE}sitemap.xml" in robots
    tree = ET.parse(published / "sitemap.xml")
    listed = {el.text for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    expected = {SITE + address for address in pages(published) if address != "404.html"}
    assert listed == expected
    assert len(listed) >= 30


def test_without_an_address_no_empty_sitemap_and_robots_names_none(built_site: Path) -> None:
    assert not (built_site / "sitemap.xml").exists()
    assert "Sitemap" not in (built_site / "robots.txt").read_text(encoding="utf-8")


# --- the web app manifest --------------------------------------------------------------------


def test_the_manifest_is_valid_and_its_icons_are_drawn_at_their_sizes(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Imaging referrer entitlement"
    assert 0 < len(manifest["short_name"]) <= 12
    assert manifest["start_url"] == "assessment/" and manifest["scope"] == "./"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = set()
    for icon in manifest["icons"]:
        image = Image.open(built_site / icon["src"])
        assert f"{image.size[0]}x{image.size[1]}" == icon["sizes"] and icon["type"] == "image/png"
        sizes.add(icon["sizes"])
    assert sizes == {"192x192", "512x512"}
    assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}


def test_every_page_links_the_manifest(built_site: Path) -> None:
    for address, html in pages(built_site).items():
        found = head(html)
        href = found.links.get("manifest")
        assert href, address
        if address != "404.html":  # the 404 page is written for the root of a host
            assert (html.parent / href).resolve() == (built_site / "manifest.webmanifest"), address
        assert found.meta["theme-color"]


def test_the_service_worker_keeps_the_manifest_icons_and_poster(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    build = json.loads(re.search(r"const BUILD = (\{.*?\});", worker, re.S).group(1))
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    wanted = {"manifest.webmanifest", *(icon["src"] for icon in manifest["icons"]),
              "assets/poster/at-a-glance.svg"}
    assert wanted <= set(build["files"])
    # Not the pictures for other sites' crawlers, nor the poster's downloads (0.5 MB).
    assert not [path for path in build["files"]
                if path.startswith("assets/images/preview-") or (path.endswith((".pdf", ".png"))
                and path.startswith("assets/poster/"))]


def test_the_policy_allows_the_manifest_from_the_site_only(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "manifest-src 'self'" in html


# --- in Chromium -----------------------------------------------------------------------------


@pytest.mark.browser
def test_chromium_finds_no_installability_error(
        browser: object, site_url: str, tmp_path: Path) -> None:
    """In a persistent (not incognito) profile, as a person's browser is. (Launched by the
    session's own Playwright: a second sync_playwright() in the same process fails.)"""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_FLAGS,
        headless=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}assessment/", wait_until="load")
        session = context.new_cdp_session(page)
        manifest = session.send("Page.getAppManifest")
        assert manifest["url"] == urljoin(site_url, "manifest.webmanifest")
        assert manifest.get("errors") == []
        errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_at_a_glance_page_shows_the_poster_and_prints_it_on_one_page(
    page: object, site_url: str
) -> None:
    page.goto(f"{site_url}guidance/at-a-glance/")
    assert axe_violations(page) == []  # the page with its poster and downloads, on screen
    poster = page.locator(".poster-figure img")
    assert poster.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "eight steps" in poster.get_attribute("alt")
    for label in ("PDF, A4", "PDF, A3", "picture for messaging apps (PNG)"):
        href = page.get_by_role("link", name=label).get_attribute("href")
        assert page.request.get(urljoin(page.url, href)).ok, label
    pdf = PdfReader(BytesIO(page.pdf(format="A4", prefer_css_page_size=True,
                                     print_background=True)))
    assert len(pdf.pages) == 1
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('article > *')]
        .filter(el => getComputedStyle(el).display !== 'none').map(el => el.className)""")
    assert shown == ["poster-figure"]
    height = page.evaluate("() => document.querySelector('.poster-figure img')"
                           ".getBoundingClientRect().height")
    assert height > 900  # fills the sheet (257 mm at 96 dpi is 971 px)


@pytest.mark.browser
def test_print_spells_an_abbreviation_out_once_and_links_are_plain_text(
    page: object, site_url: str
) -> None:
    page.goto(f"{site_url}entitlement/suitability/")
    text = " ".join(PdfReader(BytesIO(page.pdf(format="A4"))).pages[0].extract_text().split())
    assert "continuing professional development (CPD)" in text or "CPD (continuing" in text
    assert "(continuing professional development) (continuing professional development)" \
        not in text
    assert "(continuing professional development) (continuing" not in text
    page.emulate_media(media="print")
    styles = page.evaluate("""() => [...document.querySelectorAll('article a:not(.headerlink)')]
        .slice(0, 20).map(a => getComputedStyle(a).textDecorationLine)""")
    assert set(styles) == {"none"}
    heading = page.evaluate("() => getComputedStyle(document.querySelector('h1')).color")
    assert heading == "rgb(0, 0, 0)"  # black ink, not the screen's grey
    assert axe_violations(page) == []
