"""The guidance pages as a reader meets them: every page dated and sourced, link previews,
the evidence anchors the self-assessment links to, a references list that cannot drift, and
a build that refuses a page with bad front matter."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import PluginError

from assessment.reading.loader import load_rules
from hooks import citation_checks, page_markdown, page_sources
from hooks import front_matter as page_front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EVIDENCE_IDS = [item.id for item in load_rules().evidence]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?\n)---\n", text, re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def doc_pages() -> list[Path]:
    """Every Markdown page of the site (snippet includes are not pages)."""
    return sorted(p for p in DOCS.rglob("*.md") if "includes" not in p.relative_to(DOCS).parts)


def built_html(site: Path, page: Path) -> str:
    """The built HTML of a docs page under directory URLs."""
    rel = page.relative_to(DOCS).with_suffix("")
    target = rel.parent if rel.name == "index" else rel
    return (site / target / "index.html").read_text(encoding="utf-8")


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key:
                self.meta[key] = values.get("content") or ""


def parse(html: str) -> _Meta:
    parser = _Meta()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    """The strict build shared by the test session (see conftest.py)."""
    return built_site


@pytest.mark.parametrize("page", doc_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_shows_its_review_date_and_sources(site: Path, page: Path) -> None:
    meta = front_matter(page)
    html = built_html(site, page)
    reviewed = meta["reviewed"].isoformat()
    assert f'<p class="page-reviewed">Last reviewed: <time datetime="{reviewed}">' in html
    assert "Every claim on this page was checked against its sources that day." in html
    assert 'id="sources"' in html
    sources = page_sources.registry()
    for source_id in meta["sources"]:
        assert f'href="{sources[source_id].url}"' in html, source_id


@pytest.mark.parametrize("page", doc_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_has_a_description_and_link_preview(site: Path, page: Path) -> None:
    meta = front_matter(page)
    found = parse(built_html(site, page)).meta
    assert found.get("description") == meta["description"]
    assert found.get("og:title") == meta["title"]
    assert found.get("og:description") == meta["description"]


def test_evidence_page_has_an_anchor_for_every_evidence_id(site: Path) -> None:
    ids = parse((site / "evidence" / "index.html").read_text(encoding="utf-8")).ids
    assert [eid for eid in EVIDENCE_IDS if eid not in ids] == []


def test_references_list_every_source_cited_by_a_page_or_the_rules(site: Path) -> None:
    sources = page_sources.registry()
    cited = {source_id for page in doc_pages() for source_id in front_matter(page)["sources"]}
    cited |= page_sources.rules_source_ids()
    html = (site / "help" / "references" / "index.html").read_text(encoding="utf-8")
    missing = [sid for sid in sorted(cited) if f'href="{sources[sid].url}"' not in html]
    assert missing == []


def test_first_use_of_an_abbreviation_is_reachable_by_keyboard(site: Path) -> None:
    html = (site / "entitlement" / "roles" / "index.html").read_text(encoding="utf-8")
    abbrs = re.findall(r"<abbr[^>]*>IR\(ME\)R</abbr>", html)
    assert 'tabindex="0"' in abbrs[0]
    assert all("tabindex" not in abbr for abbr in abbrs[1:])


def test_snippet_includes_are_not_published(site: Path) -> None:
    assert not (site / "includes").exists()


# --- the build refuses bad pages ------------------------------------------------------------


def test_unknown_source_id_is_refused_naming_page_and_key() -> None:
    sources = page_sources.registry()
    meta = {"title": "T", "description": "D", "reviewed": "2026-11-28", "sources": ["no-such"]}
    with pytest.raises(PluginError, match=r"help/x\.md: front matter 'sources': .*no-such"):
        page_front_matter.validate_meta(meta, "help/x.md", sources)


@pytest.mark.parametrize(
    ("meta", "key"),
    [
        ({"title": "T", "description": "D", "sources": []}, "reviewed"),
        ({"title": "T", "description": "D", "reviewed": "28/11/2026", "sources": []}, "reviewed"),
        ({"title": "T", "description": "D", "reviewed": "2026-11-28"}, "sources"),
        ({"title": "T", "description": "D", "reviewed": "2026-11-28", "sources": "x"}, "sources"),
        ({"title": "T", "reviewed": "2026-11-28", "sources": []}, "description"),
        ({"title": 'A "quoted" title', "description": "D", "reviewed": "2026-11-28"}, "title"),
    ],
)
def test_missing_or_invalid_front_matter_is_refused(meta: dict, key: str) -> None:
    with pytest.raises(PluginError, match=rf"a\.md: front matter '{key}'"):
        page_front_matter.validate_meta(meta, "a.md", page_sources.registry())


def test_external_link_must_be_one_of_the_pages_sources() -> None:
    sources = page_sources.registry()
    meta = page_front_matter.PageMeta("a.md", "T", datetime.date(2026, 11, 28), ("irmer-2017",))
    ok = f'<p><a href="{sources["irmer-2017"].url}">law</a></p>'
    citation_checks.check_external_links(ok, meta, sources)
    with pytest.raises(PluginError, match=r"a\.md: external link https://example\.org/"):
        citation_checks.check_external_links('<a href="https://example.org/">x</a>', meta, sources)


def test_listed_source_must_be_cited_in_the_text() -> None:
    sources = page_sources.registry()
    meta = page_front_matter.PageMeta("a.md", "T", datetime.date(2026, 11, 28), ("irmer-2017",))
    with pytest.raises(PluginError, match=r"a\.md: .*'irmer-2017'.*never cites it"):
        citation_checks.check_every_source_cited("<p>No link here.</p>", meta, sources)


@pytest.mark.build
def test_build_with_a_bad_source_id_fails_naming_file_and_key(tmp_path: Path) -> None:
    docs = tmp_path / "pages"
    docs.mkdir()
    (docs / "index.md").write_text(
        textwrap.dedent(
            """\
            ---
            title: Broken
            description: A page citing a source that does not exist.
            reviewed: 2026-11-28
            sources: [not-a-source]
            ---

            # Broken
            """
        ),
        encoding="utf-8",
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            f"""\
            site_name: Broken
            docs_dir: pages
            theme: mkdocs
            hooks: ["{ROOT / "hooks" / "page_meta.py"}"]
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(config),
            "-d",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode != 0
    assert "pages/index.md: front matter 'sources'" in result.stderr
    assert "not-a-source" in result.stderr


def test_a_requirement_without_a_citation_beside_it_is_found() -> None:
    html = ("<p>The employer must keep a list of referrers.</p>"
            '<p>Each referrer must be registered (<a href="https://www.legislation.gov.uk/x">'
            "law</a>).</p><ul><li>This site says nothing new.</li></ul>"
            "<h2>What the law requires</h2><p>Nothing here states a rule.</p>")
    assert citation_checks.uncited_claims(html) == [
        "The employer must keep a list of referrers.", "This site says nothing new."]


def test_an_uncited_requirement_fails_naming_the_page_unless_allowed() -> None:
    meta = page_front_matter.PageMeta("a.md", "T", datetime.date(2026, 11, 28), ())
    html = "<p>Referrers must be entitled. A second sentence.</p>"
    with pytest.raises(PluginError, match=r"(?s)a\.md: 1 sentence.*Referrers must"):
        citation_checks.check_claims_cited(html, meta, {})
    citation_checks.check_claims_cited(html, meta, {"a.md": ["Referrers must"]})


def test_the_allowlist_says_why_for_every_entry() -> None:
    allowed = citation_checks.load_allowlist()
    assert sum(len(starts) for starts in allowed.values()) <= 12


def test_a_review_older_than_twelve_months_shows_a_note() -> None:
    meta = page_front_matter.PageMeta("a.md", "T", datetime.date(2025, 11, 30), ())
    assert "Due for review" in page_markdown.reviewed_block(meta, datetime.date(2026, 12, 1))
    assert "Due for review" not in page_markdown.reviewed_block(meta, datetime.date(2026, 11, 30))


def test_evidence_at_a_glance_is_generated_from_the_rules(site: Path) -> None:
    html = (site / "evidence" / "index.html").read_text(encoding="utf-8")
    for item in page_markdown.evidence_catalogue(load_rules()):
        assert f'<a href="#{item["id"]}">' in html, item["id"]


# --- print ----------------------------------------------------------------------------------


@pytest.mark.browser
def test_at_a_glance_prints_on_one_a4_page(page: object, site_url: str) -> None:
    page.goto(f"{site_url}guidance/at-a-glance/")  # type: ignore[attr-defined]
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)  # type: ignore[attr-defined]
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_every_page_has_a_link_preview_picture_and_the_key_pages_their_own(site: Path) -> None:
    pictures = {}
    for page in doc_pages():
        found = parse(built_html(site, page)).meta
        relative = page.relative_to(DOCS).with_suffix("")
        folder = (site / (relative.parent if relative.name == "index" else relative))
        image = (folder / found["og:image"]).resolve()
        assert image.is_file() and image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", page
        assert found["og:image:width"] == "1200" and found["twitter:card"] == "summary_large_image"
        pictures[relative.as_posix()] = image.name
    assert pictures["assessment/index"] != pictures["index"]
    # The key pages among these (the self-assessment, the evidence page, the reviewer's
    # checklist) have a card each; every other page shares the site's (tests/test_site_sharing.py
    # checks all the key pages, generated ones included).
    assert len(set(pictures.values())) == 4
