"""A browser profile for one test (or for the tests that share one started page): every
request to another host refused and recorded, and a page that records console errors and
uncaught exceptions.

The refusing is the browser's: the tests start Chromium with REFUSE_OTHER_HOSTS, a proxy
that cannot be reached for every host but loopback (which Chromium never sends through a
proxy). The recording watches requests without intercepting them: a Playwright route on
every request would turn the profile's HTTP cache off, so that each file, Pyodide's 3.1 MB
WebAssembly included, was downloaded again every time it was asked for (twice in every
Python start, since the worker asks for it early and Pyodide asks again), unlike in any
person's browser.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Chromium's flags for the tests: every request to a host but loopback goes to a proxy on a
# port where nothing listens (the discard port), and fails; loopback is never proxied.
REFUSE_OTHER_HOSTS = ["--proxy-server=http://127.0.0.1:9"]


class ForeignRequests(list):
    """Requests the page tried to make to any host but the local server (all refused)."""


def is_foreign(url: str) -> bool:
    """Whether `url` asks the network for a host other than the local server."""
    parts = urlsplit(url)
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS


def guarded_context(browser: object, **options: object) -> object:
    """A fresh browser profile whose requests to other hosts are recorded (in its
    `foreign_requests`); the browser refuses them (REFUSE_OTHER_HOSTS)."""
    context = browser.new_context(**options)
    foreign = ForeignRequests()
    context.on("request", lambda request: foreign.append(request.url)
               if is_foreign(request.url) else None)
    context.foreign_requests = foreign
    return context


def watched_page(context: object) -> object:
    """A new page of `context` that records console errors and uncaught exceptions (in its
    `errors`)."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console",
        lambda message: page.errors.append(message.text) if message.type == "error" else None,
    )
    return page
