"""Shared fixtures: one strict build of the site per test session, a loopback server for it,
headless Debian Chromium driven by Playwright that refuses every request to another host, and
one crawl of every built page that the checks of every page read (tests/site_crawl.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.site_crawl import Crawl, axe_in_dark_palette, crawl_site, recording_server
from tools.chromium import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def build_site(target: Path, *extra: str,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the strict MkDocs build into `target`, as `make build` does (`env`: more
    environment, such as SITE_URL for the build `make publish` makes)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with --strict; the session fails loudly if the build does."""
    target = tmp_path_factory.mktemp("site")
    result = build_site(target)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return target


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    """Site-relative URLs of every built HTML page (directory URLs for index pages)."""
    return [
        html.relative_to(built_site).as_posix().removesuffix("index.html")
        for html in sorted(built_site.rglob("*.html"))
    ]


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[ThreadingHTTPServer]:
    """The built site served on loopback as tools/serve.py serves it, noting every path asked
    of it in `server.paths`."""
    server = recording_server(built_site)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(site_server: ThreadingHTTPServer) -> str:
    """The base URL of the built site served on loopback."""
    return f"http://127.0.0.1:{site_server.server_port}/"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium (never a browser downloaded by Playwright)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def crawl(
    browser: object, site_server: ThreadingHTTPServer, site_url: str, page_paths: list[str]
) -> Crawl:
    """Every built page visited once, guidance pages first (see tests/site_crawl.py)."""
    return crawl_site(browser, site_server, site_url, page_paths)


@pytest.fixture(scope="session")
def dark_crawl(browser: object, site_url: str, page_paths: list[str]) -> Crawl:
    """Every built page visited once more in the dark palette, for axe-core."""
    return axe_in_dark_palette(browser, site_url, page_paths)


class ForeignRequests(list):
    """Requests the page tried to make to any host but the local server (all refused)."""


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh browser profile whose requests to other hosts are refused and recorded."""
    context = browser.new_context()
    foreign = ForeignRequests()

    def guard(route: object) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and host not in LOCAL_HOSTS:
            foreign.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    context.foreign_requests = foreign
    yield context
    context.close()
    assert not foreign, f"the page asked another host for: {foreign}"


@pytest.fixture
def page(context: object) -> Iterator[object]:
    """A page in a fresh profile that records console errors and uncaught exceptions."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console",
        lambda message: page.errors.append(message.text) if message.type == "error" else None,
    )
    yield page
