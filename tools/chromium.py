"""How the tests and the benchmark start Chromium: Debian's own build, with the flags below.

Shared by tests/conftest.py, tools/bench/ and tests/test_browser_flags.py (which checks the
list of disabled features against the installed Playwright), so that a page is measured and
tested in the very same browser.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright turns these Chromium features off itself. Chromium reads only the last
# --disable-features it is given, so ours repeats Playwright's list (the versions are pinned;
# tests/test_browser_flags.py checks the list against the installed Playwright).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Headless Chromium 156 loads the address bar's pop-up (a WebUI page) in a renderer of its own
# for every new window: about a second of CPU while the page under test loads, on a 2-core
# machine, that a person's browser spent long before. Measured with a trace; turned off so
# that timings and tests measure the site, not the browser's own furniture.
BROWSER_FURNITURE_FEATURES = (
    "WebUIOmniboxPopup",
    "WebUIOmniboxFullPopup",
    "WebUIOmniboxAimPopup",
    "PreloadTopChromeWebUI",
)
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + BROWSER_FURNITURE_FEATURES),
]
