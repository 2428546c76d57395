"""The browser's flags: our --disable-features replaces Playwright's own (Chromium reads only
the last one), so it must still carry every feature Playwright turns off, and the features
that load the address bar's pop-up while a page is measured must be off."""

from __future__ import annotations

import re
from pathlib import Path

import playwright
from playwright.sync_api import Browser

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
