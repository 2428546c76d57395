"""Every built page in real headless Chromium (the shared crawl): it loads, asks no other host
for anything, and on the self-assessment Python starts from the self-hosted files and
answers."""

from __future__ import annotations

import pytest

from tests.site_crawl import Crawl

pytestmark = pytest.mark.browser


def test_every_page_loads_without_errors_or_foreign_requests(
    page_paths: list[str], crawl: Crawl
) -> None:
    assert len(page_paths) >= 3
    for path in page_paths:
        visit = crawl.pages[path]
        assert visit.status is not None
        assert visit.status == 200, path
        assert visit.h1 >= 1, f"{path} has no heading"
    assert [error for path in page_paths for error in crawl.pages[path].errors] == []
    assert crawl.foreign == [], f"the page asked another host for: {crawl.foreign}"


def test_python_starts_in_the_browser_from_the_site_itself(site_url: str, page: object) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "assessment/")
    app = page.locator("#assessment-app[data-python-ready]")
    app.wait_for(timeout=60_000)
    assert app.get_attribute("data-python-ready").startswith("3.")
    assert any(url.endswith("pyodide.asm.wasm") for url in requested)
    assert all(url.startswith(site_url) for url in requested)
    assert page.errors == []
