"""A browser profile for one test (or for the tests that share one started page): every
request to another host refused and recorded, and a page that records console errors and
uncaught exceptions."""

from __future__ import annotations

from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


class ForeignRequests(list):
    """Requests the page tried to make to any host but the local server (all refused)."""


def guarded_context(browser: object, **options: object) -> object:
    """A fresh browser profile whose requests to other hosts are refused and recorded (in
    its `foreign_requests`)."""
    context = browser.new_context(**options)
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
