"""Offline use: after a first visit, the site and the self-assessment work with the server
gone; a new build replaces the old cache on the next visit.

Each test serves its own copy of the built site on a port of its own, so it can stop the
server (a browser's offline switch alone may not reach a service worker's own requests) or
change the copy, without touching the shared server.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.serve import serve_in_background

pytestmark = pytest.mark.browser

PYTHON_TIMEOUT = 90_000
SHARE_LINK = "#nation=scotland&profession=paramedic&practice_level=advanced&modalities=xray,ct"
# Resolves once the site's service worker is activated, which means every file it keeps is
# in its cache (installing fails unless all of them are).
WAIT_FOR_WORKER = """async (limit) => {
    const activated = (async () => {
        const registration = await navigator.serviceWorker.ready;
        const worker = registration.active;
        while (worker.state !== "activated") {
            await new Promise((resolve) => worker.addEventListener("statechange", resolve));
        }
        return true;
    })();
    const late = new Promise((resolve) => setTimeout(() => resolve(false), limit));
    return Promise.race([activated, late]);
}"""
CACHES = "async () => (await caches.keys()).sort()"
CACHED_URLS = """async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
}"""


@pytest.fixture
def own_site(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, object, str]]:
    """A copy of the built site and a server of its own: (folder, server, base URL)."""
    root = tmp_path / "site"
    shutil.copytree(built_site, root)
    server, url = serve_in_background(root)
    yield root, server, url
    server.shutdown()
    server.server_close()


def wait_until_kept(page: object) -> None:
    """Until the service worker is active with every file in its cache."""
    assert page.evaluate(WAIT_FOR_WORKER, PYTHON_TIMEOUT), "the service worker never activated"


def poll(page: object, script: str, arg: object = None) -> object:
    """Evaluate `script` until it gives something truthy (a service worker works in the
    background); the last result."""
    deadline = time.monotonic() + PYTHON_TIMEOUT / 1000
    while not (result := page.evaluate(script, arg)) and time.monotonic() < deadline:
        time.sleep(0.25)
    return result


KEPT_PYTHON = r"""async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.some((u) => u.endsWith("pyodide.asm.wasm"))
        && urls.some((u) => /assets\/py\/assessment-[0-9a-f]{12}\.zip$/.test(u))
        && urls.some((u) => /assessment-worker-[0-9a-f]{12}\.mjs$/.test(u));
}"""


def first_visit_to_the_self_assessment(page: object, url: str) -> None:
    """Open the self-assessment until Python has started and the worker keeps everything."""
    page.goto(f"{url}assessment/")
    page.wait_for_selector("#assessment-app[data-python-ready]", timeout=PYTHON_TIMEOUT)
    wait_until_kept(page)
    assert poll(page, KEPT_PYTHON), "the service worker did not keep Python"


def wait_for_caches(page: object, wanted: list[str]) -> list[str]:
    """Poll the cache names until they are `wanted` (a service worker works in the background)."""
    deadline = time.monotonic() + PYTHON_TIMEOUT / 1000
    while (names := page.evaluate(CACHES)) != wanted and time.monotonic() < deadline:
        time.sleep(0.25)
    return names


def test_a_second_visit_works_with_the_network_off(own_site: tuple, page: object) -> None:
    _root, server, url = own_site
    # First visit: the self-assessment, which registers the worker once Python has started.
    first_visit_to_the_self_assessment(page, url)
    names = page.evaluate(CACHES)
    assert len(names) == 1 and re.fullmatch(r"imaging-referrer-[0-9a-f]{16} /", names[0])
    kept = page.evaluate(CACHED_URLS)
    assert all(u.startswith(url) for u in kept), "the worker kept another host's files"
    assert any(u.endswith("pyodide.asm.wasm") for u in kept)
    assert any(re.search(r"assets/py/assessment-[0-9a-f]{12}\.zip$", u) for u in kept)
    # Pages are requested while the worker starts (navigation preload), and still come fresh.
    preload = "navigator.serviceWorker.ready.then((r) => r.navigationPreload.getState())"
    assert page.evaluate(preload)["enabled"] is True
    response = page.goto(f"{url}entitlement/how-it-works/")
    assert response.status == 200 and response.from_service_worker

    server.shutdown()
    server.server_close()
    page.context.set_offline(True)

    # A guidance page never visited before, from the cache.
    response = page.goto(f"{url}entitlement/applying/")
    assert response.status == 200 and response.from_service_worker
    assert "Applying" in page.inner_text("h1")
    # The self-assessment from a share link: Python starts from the cache and answers.
    page.goto(f"{url}assessment/{SHARE_LINK}")
    page.wait_for_selector("#assessment-app[data-python-ready]", timeout=PYTHON_TIMEOUT)
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    shown = page.evaluate(
        "() => [...document.querySelectorAll('#assessment-form input:checked')]"
        ".map(input => `${input.name}=${input.value}`)"
    )
    assert shown == [
        "nation=scotland",
        "profession=paramedic",
        "practice_level=advanced",
        "modalities=xray",
        "modalities=ct",
    ]
    assert page.locator("[data-evidence-id]").count() > 5
    assert page.errors == []


def test_a_new_build_replaces_the_old_cache_on_the_next_visit(
    own_site: tuple, page: object
) -> None:
    root, _server, url = own_site
    first_visit_to_the_self_assessment(page, url)
    (old,) = page.evaluate(CACHES)
    # Caches that are not this site's old versions must survive the clean-up.
    page.evaluate(
        "async () => { await caches.open('imaging-referrer-0000000000000000 /elsewhere/');"
        " await caches.open('another-site'); }"
    )
    # A new build: a changed page and a new version of the worker (as the hook would write).
    sw = root / "sw.js"
    text = sw.read_text(encoding="utf-8")
    version = re.search(r'"version": "([0-9a-f]{16})"', text).group(1)
    sw.write_text(text.replace(version, "f" * 16), encoding="utf-8")
    faq = root / "help" / "faq" / "index.html"
    faq.write_text(faq.read_text(encoding="utf-8").replace("</h1>", " (new)</h1>", 1))
    for copy in [*root.rglob("*.gz"), *root.rglob("*.br")]:  # the server would send the old
        copy.unlink()  # compressed copies

    # The next visit shows the new page at once (pages come from the network first) ...
    page.goto(f"{url}help/faq/")
    assert "(new)" in page.inner_text("h1")
    # ... and the new worker takes over and deletes the old version's cache.
    new = f"imaging-referrer-{'f' * 16} /"
    wanted = sorted([new, "imaging-referrer-0000000000000000 /elsewhere/", "another-site"])
    assert wait_for_caches(page, wanted) == wanted, f"the old cache {old} was not replaced"
    kept = page.evaluate(
        "async ([url, name]) => (await caches.match(url, { cacheName: name })).text()",
        [f"{url}help/faq/", new],
    )
    assert "(new)</h1>" in kept  # the new version keeps the new page ...
    assert page.evaluate(KEPT_PYTHON)  # ... and Python, since this person uses it
    assert page.errors == []



def test_reading_the_guidance_keeps_the_site_but_not_python(
    own_site: tuple, page: object
) -> None:
    _root, server, url = own_site
    page.goto(f"{url}help/glossary/")
    wait_until_kept(page)
    kept = page.evaluate(CACHED_URLS)
    assert any(u.endswith("/assessment/") for u in kept)
    python = [u for u in kept if re.search(r"/pyodide/|/assets/py/|assessment-worker", u)]
    assert python == [], "a reader of the guidance alone must not download Python"

    server.shutdown()
    server.server_close()
    page.context.set_offline(True)
    # Offline, the self-assessment still opens: every question and the checklist, and it
    # says why there is no live result.
    page.goto(f"{url}assessment/{SHARE_LINK}")
    page.wait_for_selector("#assessment-app[data-python-failed]", timeout=PYTHON_TIMEOUT)
    assert "could not start in this browser" in page.inner_text("[data-python-status]")
    assert page.locator("[data-static-checklist]").is_visible()
    assert page.locator("#q-nation-scotland").is_checked()
    page.errors.clear()  # the browser logs the downloads that failed offline


def test_under_a_sub_path_the_worker_keeps_to_its_folder(
    built_site: Path, tmp_path: Path, page: object
) -> None:
    (tmp_path / "host").mkdir()
    (tmp_path / "host" / "referrers").symlink_to(built_site, target_is_directory=True)
    (tmp_path / "host" / "index.html").write_text("<!doctype html><title>Another site</title>")
    server, base = serve_in_background(tmp_path / "host")
    try:
        url = f"{base}referrers/"
        page.goto(f"{url}help/glossary/")
        wait_until_kept(page)
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == url
        (name,) = page.evaluate(CACHES)
        assert name.endswith(" /referrers/")
        assert all(u.startswith(url) for u in page.evaluate(CACHED_URLS))
    finally:
        server.shutdown()
        server.server_close()
