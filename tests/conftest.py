"""Shared fixtures: one strict build of the site per test run, a loopback server for it,
headless Debian Chromium driven by Playwright that refuses every request to another host, and
one crawl of every built page that the checks of every page read (tests/site_crawl.py). The
tiers (tests/tiers.py) and how tests are shared out between pytest-xdist's workers are set
here too: under xdist the site is built once, by the main process as soon as the run starts,
while the workers begin with the tests that need no site, and every worker uses that build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Generator, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser_profile import REFUSE_OTHER_HOSTS, guarded_context, watched_page
from tests.site_crawl import Crawl, crawl_site, recording_server
from tests.tiers import TIERS, TierGuard, add_derived_markers
from tools.chromium import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
# Fixtures computed once per worker that every page check reads: their tests share a worker.
CRAWLS = {"crawl", "dark_crawl"}
GUARD = TierGuard()
SHARED_BUILD_KEY = pytest.StashKey["SharedBuild"]()
# Under xdist: the folder where the main process builds the site for every worker.
SHARED_BUILD = "TESTS_SHARED_SITE_BUILD"
SHARED_BUILD_WAIT_S = 30 * 60


class SharedBuild:
    """The site built in the background by xdist's main process, into `folder`/site; its exit
    status is written to `folder`/status once done, what it printed to `folder`/build.log."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="tests-site-"))
        self.log = (self.folder / "build.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            build_command(self.folder / "site"), cwd=ROOT, stdout=self.log,
            stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        self.recorder = threading.Thread(target=self._record, daemon=True)
        self.recorder.start()

    def _record(self) -> None:
        status = self.process.wait()
        self.log.close()
        (self.folder / "status.tmp").write_text(str(status), encoding="utf-8")
        (self.folder / "status.tmp").rename(self.folder / "status")

    def close(self) -> None:
        """Stop a build no test needed, and remove the folder."""
        if self.process.poll() is None:
            self.process.terminate()
        self.recorder.join()
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_for_shared_build(folder: Path) -> Path:
    """The site the main process built (failing with what the build said if it failed)."""
    deadline = time.monotonic() + SHARED_BUILD_WAIT_S
    while not (folder / "status").exists():
        assert time.monotonic() < deadline, "the site's build did not finish"
        time.sleep(0.2)
    log = (folder / "build.log").read_text(encoding="utf-8")
    assert (folder / "status").read_text(encoding="utf-8") == "0", (
        f"mkdocs build --strict failed:\n{log}")
    return folder / "site"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fast", action="store_true",
                     help="only the fast tier: tests marked with none of the tiers of "
                          "tests/tiers.py (make test-fast)")


def pytest_configure(config: pytest.Config) -> None:
    for tier, meaning in TIERS.items():
        config.addinivalue_line("markers", f"{tier}: {meaning}")
    GUARD.install()
    workers = getattr(config.option, "numprocesses", None)
    needs_no_site = config.option.collectonly or config.getoption("fast")
    if workers and not os.environ.get("PYTEST_XDIST_WORKER") and not needs_no_site:
        build = SharedBuild()  # the workers, started after this, inherit the variable
        os.environ[SHARED_BUILD] = str(build.folder)
        config.stash[SHARED_BUILD_KEY] = build


def pytest_unconfigure(config: pytest.Config) -> None:
    GUARD.uninstall()
    if build := config.stash.get(SHARED_BUILD_KEY, None):
        build.close()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Derive each test's tiers from its fixtures (with --fast, keep only the tests that have
    none); and for `--dist loadgroup`, keep together
    the tests that read the crawls, and the tests of a module that share a module-scoped
    fixture (a Pyodide run, a reference start), so each is computed by one worker only."""
    add_derived_markers(items)
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the tests that need no site first (stable)
        items.sort(key=lambda item: "built_site" in getattr(item, "fixturenames", ()))
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


def build_command(target: Path, *extra: str) -> list[str]:
    """The strict MkDocs build into `target`, as `make build` runs it."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target), *extra]


def build_site(target: Path, *extra: str,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the strict MkDocs build into `target`, as `make build` does (`env`: more
    environment, such as SITE_URL for the build `make publish` makes)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        build_command(target, *extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with --strict; the session fails loudly if the build does. Under
    pytest-xdist, the build the main process started for every worker (its Pyodide snapshot
    included), once it is done."""
    if shared := os.environ.get(SHARED_BUILD):
        return wait_for_shared_build(Path(shared))
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


# Tests only (never `make bench` nor `make serve`): V8 keeps Python's WebAssembly in its
# baseline code instead of optimising the hot functions in the background, which took 1.0 to
# 1.8 s of CPU after each page load (README, "Chromium's WebAssembly code cache") and so
# slowed the other tests on a two-core machine; the code runs the same. Measured on
# test_browser_assessment.py alone: 117 s -> 107 s.
TEST_ONLY_FLAGS = ["--js-flags=--no-wasm-tier-up"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium (never a browser downloaded by Playwright)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_FLAGS, *TEST_ONLY_FLAGS, *REFUSE_OTHER_HOSTS])
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
