"""The browser's flags: our --disable-features replaces Playwright's own (Chromium reads only
the last one), so it must still carry every feature Playwright turns off, and the features
that load the address bar's pop-up while a page is measured must be off. The tests' browser
refuses every host but loopback itself, and its profiles keep their HTTP cache."""

from __future__ import annotations

import re
from pathlib import Path

import playwright
from playwright.sync_api import Browser

from tests.browser_profile import guarded_context
from tools.chromium import BROWSER_FURNITURE_FEATURES, CHROMIUM_FLAGS


def playwrights_disabled_features() -> set[str]:
    """The `disabledFeatures` list in the installed Playwright's Chromium launcher."""
    driver = Path(playwright.__file__).parent / "driver" / "package" / "lib"
    for script in driver.rglob("*.js"):
        text = script.read_text(encoding="utf-8", errors="replace")
        found = re.search(r"disabledFeatures = \[(.*?)\]", text, re.DOTALL)
        if found:
            return set(re.findall(r'"([A-Za-z0-9]+)"', found.group(1)))
    raise AssertionError(f"no disabledFeatures list found under {driver}")


def our_disabled_features() -> set[str]:
    flags = [flag for flag in CHROMIUM_FLAGS if flag.startswith("--disable-features=")]
    assert len(flags) == 1, flags
    return set(flags[0].removeprefix("--disable-features=").split(","))


def test_our_list_keeps_every_feature_playwright_turns_off() -> None:
    theirs = playwrights_disabled_features()
    assert len(theirs) >= 5, theirs  # the list was read, not an empty match
    assert theirs <= our_disabled_features(), sorted(theirs - our_disabled_features())


def test_the_address_bar_popup_is_not_loaded(browser: Browser) -> None:
    assert set(BROWSER_FURNITURE_FEATURES) <= our_disabled_features()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto("about:blank")
        session = browser.new_browser_cdp_session()
        targets = session.send("Target.getTargets")["targetInfos"]
        session.detach()
    finally:
        context.close()
    assert not [t["url"] for t in targets if "omnibox-popup" in t["url"]]


def test_the_browser_refuses_other_hosts_and_records_them(browser: Browser) -> None:
    context = guarded_context(browser)
    failed: dict[str, str] = {}
    context.on("requestfailed", lambda request: failed.update({request.url: request.failure}))
    try:
        page = context.new_page()
        page.goto("about:blank")  # no policy of the site's to stop the requests first
        asked = ["http://example.org/track.gif", "https://93.184.216.34/", "http://[2001:db8::1]/"]
        reached = page.evaluate(
            """async (urls) => Promise.all(urls.map((url) =>
                fetch(url, { mode: "no-cors" }).then(() => true, () => false)))""", asked)
    finally:
        context.close()
    assert reached == [False, False, False]
    assert context.foreign_requests == asked
    # Refused by the browser (its proxy for every other host), not by a missing network.
    assert {failed[url] for url in asked} == {"net::ERR_PROXY_CONNECTION_FAILED"}, failed


def test_a_file_asked_for_twice_is_downloaded_once(
        browser: Browser, built_site: Path, site_url: str, site_server: object) -> None:
    """A profile keeps its HTTP cache (nothing intercepts its requests), as a person's does:
    the worker's early request for Pyodide's WebAssembly is the one Pyodide's own uses."""
    wasm = next(built_site.glob("pyodide/*/pyodide.asm.wasm")).relative_to(built_site)
    context = guarded_context(browser)
    try:
        page = context.new_page()
        page.goto(site_url)
        first = len(site_server.paths)
        sizes = page.evaluate(
            """async (url) => {
                const sizes = [];
                for (let i = 0; i < 2; i += 1) {
                    const response = await fetch(url);
                    sizes.push((await response.arrayBuffer()).byteLength);
                }
                return sizes;
            }""", wasm.as_posix())
    finally:
        context.close()
    asked = [path for path in site_server.paths[first:] if path.endswith("pyodide.asm.wasm")]
    assert sizes == [wasm_size := (built_site / wasm).stat().st_size, wasm_size]
    assert len(asked) == 1, asked
