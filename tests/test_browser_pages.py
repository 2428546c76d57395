"""Every built page in real headless Chromium: it loads, asks no other host for anything,
and on the self-assessment Python starts from the self-hosted files and answers."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_every_page_loads_without_errors_or_foreign_requests(
    page_paths: list[str], site_url: str, page: object
) -> None:
    assert len(page_paths) >= 3
    for path in page_paths:
        response = page.goto(site_url + path, wait_until="load")
        assert response is not None
        assert response.status == 200, path
        assert page.locator("h1").count() >= 1, f"{path} has no heading"
    assert page.errors == []


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
