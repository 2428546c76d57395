"""Shared fixtures: one strict build of the site per test run (shared by pytest-xdist's
workers), a loopback server for it, headless Debian Chromium driven by Playwright that refuses
every request to another host, and one crawl of every built page that the checks of every page
read (tests/site_crawl.py). The tiers (tests/tiers.py) and how tests are shared out between
xdist's workers are set here too.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Generator, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser_profile import guarded_context, watched_page
from tests.site_crawl import Crawl, crawl_site, recording_server
from tests.tiers import TIERS, TierGuard, add_derived_markers
from tools.chromium import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
# Fixtures computed once per worker that every page check reads: their tests share a worker.
CRAWLS = {"crawl", "dark_crawl"}
GUARD = TierGuard()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fast", action="store_true",
                     help="only the fast tier: tests marked with none of the tiers of "
                          "tests/tiers.py (make test-fast)")


def pytest_configure(config: pytest.Config) -> None:
    for tier, meaning in TIERS.items():
        config.addinivalue_line("markers", f"{tier}: {meaning}")
    GUARD.install()


def pytest_unconfigure(config: pytest.Config) -> None:
    GUARD.uninstall()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Derive each test's tiers from its fixtures (with --fast, keep only the tests that have
    none); and for `--dist loadgroup`, keep together
    the tests that read the crawls, and the tests of a module that share a module-scoped
    fixture (a Pyodide run, a reference start), so each is computed by one worker only."""
    add_derived_markers(items)
    if config.getoption("fast"):
        slow = [item for item in items if any(item.get_closest_marker(tier) for tier in TIERS)]
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        if names & CRAWLS:
            item.add_marker(pytest.mark.xdist_group("crawl"))
        elif any(d.scope == "module" for defs in definitions.values() for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    """While a test runs (setup and teardown included), check the programs it starts."""
    GUARD.item = item
    try:
        yield
    finally:
        GUARD.item = None


def build_site(target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the strict MkDocs build into `target`, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
    """The site, built once with --strict; the session fails loudly if the build does. Under
    pytest-xdist the first worker to need it builds it in the run's shared temporary folder
    (holding a lock), and the others wait for it and use the same build, its Pyodide snapshot
    included."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        target = tmp_path_factory.mktemp("site")
        result = build_site(target)
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
        return target
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker
    target = shared / "site"
    built, failure = shared / "site-built", shared / "site-build-failed.txt"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not built.exists() and not failure.exists():
            result = build_site(target)
            (built if result.returncode == 0 else failure).write_text(
                result.stderr, encoding="utf-8")
    assert not failure.exists(), (
        f"mkdocs build --strict failed:\n{failure.read_text(encoding='utf-8')}")
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
def dark_crawl(crawl: Crawl) -> Crawl:
    """Every built page of the crawl once switched to the dark palette, for axe-core."""
    assert crawl.dark is not None
    return crawl.dark


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh browser profile whose requests to other hosts are refused and recorded."""
    context = guarded_context(browser)
    yield context
    context.close()
    assert not context.foreign_requests, (
        f"the page asked another host for: {context.foreign_requests}")


@pytest.fixture
def page(context: object) -> object:
    """A page in a fresh profile that records console errors and uncaught exceptions."""
    return watched_page(context)
