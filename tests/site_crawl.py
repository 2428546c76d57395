"""One visit of every built page, shared by the browser checks that look at every page.

The accessibility, privacy, policy and loading gates used to visit every page each in turn
(seven visits of each page); they now read what one crawl recorded. The site is served on
loopback by a server that notes every path asked of it (from the page, its workers or the
service worker), and the crawl visits, in one browser profile that refuses and
records any request to another host, first every guidance page and then the self-assessment
(so that what the guidance pages made the browser download is known apart). On each page it
records, in this order: the response's status, the headings and landmarks once loaded, then
(on the self-assessment, once Python is ready) what the browser stores, the Content Security
Policy violations and errors the page reported, and what axe-core finds; last, the page is
told the person now prefers the dark palette (as an operating system's dark mode does while
a page is open: the theme follows it), and what axe finds in that palette is recorded in
`Crawl.dark` (one visit per page for both palettes: a second crawl used to load every page,
and start Python, again).
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser_profile import is_foreign
from tests.page_constants import STORAGE_KEY
from tools.serve import SiteHandler, SiteServer

ROOT = Path(__file__).resolve().parent.parent
PYTHON_TIMEOUT = 90_000
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Collect every policy violation the page reports, before any of its own scripts run.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"}`
        + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""

# What the browser keeps for the site: Web Storage keys, caches and their URLs, IndexedDB
# databases, cookies, and the self-assessment's saved answers (under the key given, the page
# scripts' STORAGE_KEY: `page.evaluate(STORAGE, STORAGE_KEY)`).
STORAGE = """async (answersKey) => {
    const names = (store) => Object.keys(store).sort();
    const cacheNames = 'caches' in self ? await caches.keys() : [];
    const cached = {};
    for (const name of cacheNames) {
        const cache = await caches.open(name);
        cached[name] = (await cache.keys()).map((request) => request.url);
    }
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    return {
        local: names(localStorage),
        session: names(sessionStorage),
        answers: localStorage.getItem(answersKey),
        caches: cached,
        databases: databases.map((db) => db.name),
        cookie: document.cookie,
    };
}"""

# The page's shape as a screen reader meets it: language, headings, landmarks, skip link.
SHAPE = """() => ({
    lang: document.documentElement.lang,
    h1: document.querySelectorAll('h1').length,
    levels: [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')]
        .filter(h => h.closest('[hidden]') === null)
        .map(h => Number(h.tagName[1])),
    main: document.querySelectorAll('main').length,
    banner: document.querySelectorAll('header').length > 0,
    contentinfo: document.querySelectorAll('footer').length > 0,
    skip: document.querySelector('a.md-skip')?.getAttribute('href') || null,
    title: document.title,
})"""

PALETTE = "document.body.getAttribute('data-md-color-scheme')"
# The theme has drawn its dark palette ("slate") and finished switching to it.
DARK_DRAWN = "body[data-md-color-scheme='slate']:not([data-md-color-switching])"
PALETTE_SWITCH_TIMEOUT = 10_000


@functools.cache
def axe_script() -> str:
    """axe-core's script, read once (and only by a session that runs it)."""
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: object) -> list[str]:
    """Run axe-core in the page; one line per violation and element."""
    # Evaluated, not added as an inline <script>: the pages' Content Security Policy refuses
    # inline scripts it has no hash for (Playwright's own evaluation is allowed). Once a page.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_script())
    found = page.evaluate(
        """(tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } })
            .then(r => r.violations.map(v => ({id: v.id, help: v.help,
                 nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))""",
        WCAG_TAGS,
    )
    return [f"{v['id']} ({v['help']}): {', '.join(v['nodes'])}" for v in found]


def is_self_assessment(path: str) -> bool:
    return path.startswith("assessment/")


@dataclass
class PageVisit:
    """What one page showed and did in the crawl."""

    status: int | None
    h1: int  # h1 elements once loaded
    shape: dict  # SHAPE once loaded
    storage: dict  # STORAGE once settled (on the self-assessment: once Python is ready)
    foreign: list[str]  # requests to another host made while on this page (all refused)
    violations: list[str]  # policy violations the page reported
    errors: list[str]  # uncaught exceptions and console errors
    axe: list[str]  # axe-core's violations, last
    palette: str | None


@dataclass
class Crawl:
    """The whole crawl: each page's visit, and what the browser and the server saw."""

    url: str
    pages: dict[str, PageVisit] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)  # every request of the profile
    foreign: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)
    paths_for_guidance: list[str] = field(default_factory=list)  # server, guidance pages only
    paths: list[str] = field(default_factory=list)  # server, the whole crawl
    dark: Crawl | None = None  # each page's palette and axe once switched to the dark palette


class RecordingHandler(SiteHandler):
    """The site's own handler, noting each path asked for (whoever asks: page, worker or
    service worker; the server sees them all)."""

    def do_GET(self) -> None:  # noqa: N802 (the standard library names it)
        self.server.paths.append(self.path)
        super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802 (the standard library names it)
        self.server.paths.append(self.path)
        super().do_HEAD()


def recording_server(root: Path) -> SiteServer:
    """The built site on a loopback server of its own that records every path requested."""
    server = SiteServer(("127.0.0.1", 0), functools.partial(RecordingHandler, directory=str(root)))
    server.paths = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait_until_quiet(paths: list[str], quiet: float = 1.0, limit: float = 20.0) -> None:
    """Wait until the server has had no request for `quiet` seconds (at most `limit`)."""
    deadline = time.monotonic() + limit
    count, since = len(paths), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < quiet:
        time.sleep(0.1)
        if len(paths) != count:
            count, since = len(paths), time.monotonic()


def crawl_site(
    browser: object, server: SiteServer, url: str, page_paths: list[str]
) -> Crawl:
    """Visit every page once, guidance pages first, recording what the checks need. `server`
    serves the site at `url` and records the paths asked of it (`recording_server`)."""
    found = Crawl(url)
    found.dark = Crawl(url)
    first_path = len(server.paths)
    context = browser.new_context(color_scheme="light")

    # Watched, not intercepted, so that the profile keeps its HTTP cache; the browser refuses
    # other hosts (tests/browser_profile.py).
    def record(request: object) -> None:
        found.requested.append(request.url)
        if is_foreign(request.url):
            found.foreign.append(request.url)

    context.on("request", record)
    context.add_init_script(WATCH_VIOLATIONS)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    guidance = [path for path in page_paths if not is_self_assessment(path)]
    ordered = guidance + [path for path in page_paths if is_self_assessment(path)]
    try:
        for number, path in enumerate(ordered):
            first_error, first_foreign = len(errors), len(found.foreign)
            response = page.goto(url + path, wait_until="load")
            h1 = page.locator("h1").count()
            shape = page.evaluate(SHAPE)
            if is_self_assessment(path):
                page.wait_for_selector(
                    "#assessment-app[data-python-ready]", timeout=PYTHON_TIMEOUT
                )
            storage = page.evaluate(STORAGE, STORAGE_KEY)
            violations = page.evaluate("window.__cspViolations")
            page_errors = errors[first_error:]
            found.pages[path] = PageVisit(
                status=response.status if response else None,
                h1=h1,
                shape=shape,
                storage=storage,
                foreign=found.foreign[first_foreign:],
                violations=violations,
                errors=page_errors,
                axe=axe_violations(page),
                palette=page.evaluate(PALETTE),
            )
            found.dark.pages[path] = in_dark_palette(page, errors)
            if number == len(guidance) - 1:
                # Whatever the guidance pages set going (a service worker installing, say)
                # has time to ask, before the self-assessment is visited.
                page.wait_for_load_state("networkidle")
                wait_until_quiet(server.paths)
                found.paths_for_guidance = server.paths[first_path:]
        found.cookies = context.cookies()
        found.paths = server.paths[first_path:]
    finally:
        context.close()
    return found


def in_dark_palette(page: object, errors: list[str]) -> PageVisit:
    """The open page switched to the dark palette: the palette shown and what axe-core finds,
    with any error the switch caused; then back to the light palette for the next page."""
    first_error = len(errors)
    page.emulate_media(color_scheme="dark")
    try:
        with contextlib.suppress(PlaywrightTimeout):  # the palette found tells the test
            page.wait_for_selector(DARK_DRAWN, state="attached", timeout=PALETTE_SWITCH_TIMEOUT)
        return PageVisit(
            status=None, h1=0, shape={}, storage={}, foreign=[], violations=[],
            errors=errors[first_error:], palette=page.evaluate(PALETTE), axe=axe_violations(page),
        )
    finally:
        page.emulate_media(color_scheme="light")
