"""The Content Security Policy: on every page, early, strict, and never violated.

The policy is a meta tag (static hosts cannot set headers); the worker that runs Python gets
the same policy from its response header, which tools/serve.py sends as the README asks of
hosts that can. Every page, the search and the self-assessment (until Python answers a share
link) run without one violation; injected inline script and string evaluation are refused.
"""

from __future__ import annotations

import functools
import re
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from hooks import security
from tests.site_crawl import WATCH_VIOLATIONS as WATCH
from tests.site_crawl import Crawl
from tools.serve import SiteHandler, SiteServer

ROOT = Path(__file__).resolve().parent.parent
PYTHON_TIMEOUT = 90_000
WORKER = re.compile(r"assessment-worker-[0-9a-f]{12}\.mjs$")
REPORT_PATH = "/__csp-report"
SHARE_LINK = "#nation=wales&profession=physiotherapist&practice_level=advanced&modalities=xray,mri"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def policy_errors(page: object) -> list[str]:
    return [text for text in page.errors if "Content Security Policy" in text]


# --- what every page declares ----------------------------------------------------------------


def test_every_page_declares_a_strict_policy_before_any_script_or_style(
    built_site: Path,
) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(built_site).as_posix()
        metas = META.findall(html)
        assert len(metas) == 1, f"{name}: {len(metas)} policy meta tags"
        where = html.index('http-equiv="Content-Security-Policy"')
        head = html[: html.index("</head>")]
        first_resource = min(
            (head.find(tag) for tag in ("<script", "<style", "<link") if tag in head),
            default=len(head),
        )
        assert where < first_resource, f"{name}: the policy comes after a link or script"
        policy = directives(metas[0])
        script_src = policy["script-src"]
        assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"], name
        hashes = script_src[2:]
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", h) for h in hashes), name
        inline = [
            security.sri(body.encode())
            for attrs, body in INLINE_SCRIPT.findall(html)
            if 'type="application/json"' not in attrs
        ]
        assert sorted(f"'{h}'" for h in set(inline)) == sorted(hashes), (
            f"{name}: the hashes do not match the page's inline scripts"
        )
        for directive, values in policy.items():
            for value in values:
                assert value in {"'self'", "'none'", "'wasm-unsafe-eval'", "data:"} or (
                    directive == "script-src" and value in hashes
                ), f"{name}: {directive} allows {value}"
        assert "data:" not in script_src + policy["default-src"] + policy["connect-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == policy["form-action"] == ["'self'"]
        # style-src 'self' holds only while the markup has no inline styles or handlers.
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=", html), f"{name}: inline style"


def test_the_worker_header_is_the_page_policy_without_hashes(site_url: str) -> None:
    header = directives(security.header_policy())
    page = directives(security.page_policy(["sha256-x"]))
    assert page["script-src"] == [*header["script-src"], "'sha256-x'"]
    assert {k: v for k, v in page.items() if k != "script-src"} == {
        k: v for k, v in header.items() if k != "script-src"
    }
    html = urllib.request.urlopen(f"{site_url}assessment/").read().decode("utf-8")
    worker = re.search(r'data-worker-url="\.\./([^"]+)"', html)
    assert worker and WORKER.search(worker.group(1)), "the page names no content-hashed worker"
    with urllib.request.urlopen(f"{site_url}{worker.group(1)}") as response:
        assert response.headers["Content-Security-Policy"] == security.header_policy()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert security.header_policy() in readme, "the README's header example has drifted"


# --- in the browser ------------------------------------------------------------------------


class ReportingSite:
    """The built site served as usual, plus a second, identical policy on scripts that asks
    the browser to report violations: a worker's violations reach no page event or console
    Playwright can read, but their reports reach this server."""

    def __init__(self, root: Path) -> None:
        reports: list[str] = []

        class Handler(SiteHandler):
            def end_headers(self) -> None:
                if self.path.split("?", 1)[0].endswith((".js", ".mjs")):
                    self.send_header(
                        "Content-Security-Policy",
                        f"{security.header_policy()}; report-uri {REPORT_PATH}",
                    )
                super().end_headers()

            def do_POST(self) -> None:  # noqa: N802 (the stdlib names it)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace")
                if self.path == REPORT_PATH:
                    reports.append(body)
                self.send_response(204)
                self.end_headers()

        self.reports = reports
        self.server = SiteServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/"


@pytest.fixture(scope="module")
def reporting_site(built_site: Path) -> Iterator[ReportingSite]:
    site = ReportingSite(built_site)
    yield site
    site.server.shutdown()
    site.server.server_close()



@pytest.mark.browser
def test_no_page_reports_a_violation(
    page_paths: list[str], crawl: Crawl, site_url: str, page: object
) -> None:
    for path in page_paths:  # the shared crawl (on the self-assessment, until Python is ready)
        assert crawl.pages[path].violations == [], path
    crawl_errors = [error for path in page_paths for error in crawl.pages[path].errors]
    # The search runs in its own worker and fetches the index.
    page.add_init_script(WATCH)
    page.goto(site_url + "help/glossary/")
    page.click("input.md-search__input")
    page.keyboard.type("scope of practice")  # the theme searches on keys, not on a filled value
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.evaluate("window.__cspViolations") == []
    assert [text for text in crawl_errors if "Content Security Policy" in text] == []
    assert policy_errors(page) == []
    assert crawl_errors == []
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("start", ["snapshot", "plain"])
def test_python_answers_a_share_link_under_the_policy(
    start: str, reporting_site: ReportingSite, page: object
) -> None:
    """Both ways Python starts: from the build's snapshot, and the plain fallback."""
    reporting_site.reports.clear()
    if start == "plain":
        page.context.route("**/*.snapshot", lambda route: route.fulfill(status=404, body=""))
    page.add_init_script(WATCH)
    headers: dict[str, str] = {}
    page.on(
        "response",
        lambda response: headers.update(response.headers)
        if WORKER.search(response.url)
        else None,
    )
    page.goto(f"{reporting_site.url}assessment/{SHARE_LINK}")
    page.wait_for_selector("#assessment-app[data-python-ready]", timeout=PYTHON_TIMEOUT)
    page.wait_for_selector("[data-outcome]", timeout=PYTHON_TIMEOUT)
    assert page.get_attribute("#assessment-app", "data-python-start") == start
    page.wait_for_timeout(500)  # reports are sent in the background
    assert reporting_site.reports == []
    assert page.evaluate("window.__cspViolations") == []
    assert policy_errors(page) == []
    # Only the refused snapshot (plain start) may be logged, as a failed download.
    assert [e for e in page.errors if not (start == "plain" and "404" in e)] == []
    # The worker ran Python under the header policy (no 'unsafe-eval'), and it is enforced:
    # a string handed to setTimeout inside the worker never runs.
    assert security.header_policy() in headers["content-security-policy"].split(", ")
    worker = next(w for w in page.workers if WORKER.search(w.url))
    worker.evaluate("() => setTimeout('self.__stringRan = true', 0)")
    time.sleep(0.3)
    assert worker.evaluate("() => self.__stringRan") is None
    # ... and reports it, which is how the checks above would have seen any violation.
    page.wait_for_timeout(500)
    assert any("setTimeout" in r or "eval" in r for r in reporting_site.reports), "no report"


@pytest.mark.browser
def test_the_policy_refuses_injected_script_and_string_evaluation(
    site_url: str, page: object
) -> None:
    page.add_init_script(WATCH)
    page.goto(site_url + "help/faq/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.append(script);
            setTimeout("window.__stringRan = true", 0);
            document.addEventListener("click", () => {
                try { new Function("return 1")(); window.__function = "ran"; }
                catch (error) { window.__function = error.name; }
            });
        }"""
    )
    page.mouse.click(5, 400)
    # (No wait_for_function here or anywhere: Playwright polls by evaluating a string, which
    # this very policy refuses. The click's handler has run when click() returns.)
    assert page.evaluate("[window.__injected, window.__stringRan, window.__function]") == [
        None,
        None,
        "EvalError",
    ]
    violations = page.evaluate("window.__cspViolations")
    assert any(v.startswith("script-src-elem blocked inline") for v in violations), violations
    assert policy_errors(page), "the browser reported nothing"
    page.errors.clear()  # the refusals above are logged as errors, as they should be
