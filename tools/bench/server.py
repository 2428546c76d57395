"""The benchmark's server: the site's own handler on loopback over HTTPS (with the run's own
certificate, so that Chromium asks for Brotli), logging each request, the encoding and the
bytes of body it sent, and the folder it serves (the built site, plus two pages of its own)."""

from __future__ import annotations

import functools
import ssl
import sys
import threading
import time
from pathlib import Path
from typing import Any

from hooks.pyodide_runtime import PACKAGE_DIR as PYODIDE_PACKAGE
from hooks.pyodide_runtime import WHOLE_STDLIB
from tools.bench.certificate import Certificate
from tools.bench.settings import QUIET_S, page_script
from tools.serve import SiteHandler, SiteServer

# The benchmark's own pages, served beside the site (never written into it): folder -> the
# files written there, each read from page/ (VERSION becomes the site's Pyodide version).
BENCH_PAGES = {
    "bench-baseline": {
        "index.html": "baseline.html",
        "baseline.mjs": "baseline.mjs",
        "baseline-worker.mjs": "baseline-worker.mjs",
    },
    "bench-probe": {
        "index.html": "probe.html",
        "probe.js": "probe.js",
        "probe-worker.js": "probe-worker.js",
    },
}


class BenchHandler(SiteHandler):
    """The site's own handler, logging each request's path, initiator (Referer), the encoding
    sent (`br`, `gzip` or none) and the bytes of body actually sent."""

    def do_GET(self) -> None:  # noqa: N802 (the standard library names it)
        entry = {
            "path": self.path,
            "referer": self.headers.get("Referer", ""),
            "start": time.time(),
            "bytes": 0,
            "encoding": None,
        }
        self._entry = entry
        with self.server.lock:
            self.server.log.append(entry)
            self.server.active += 1
        try:
            super().do_GET()
        finally:
            with self.server.lock:
                self.server.active -= 1
                self.server.last = time.monotonic()
            entry["end"] = time.time()

    def copyfile(self, source: Any, outputfile: Any) -> None:
        self._entry["encoding"] = self._encoding
        while chunk := source.read(64 * 1024):
            outputfile.write(chunk)
            self._entry["bytes"] += len(chunk)


class BenchServer(SiteServer):
    """The site's server (quiet when the browser hangs up mid-download, which closing a page
    does here all the time), keeping a request log; over HTTPS when given a certificate."""

    def __init__(self, root: Path, certificate: Certificate | None = None) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(BenchHandler, directory=str(root)))
        self.scheme = "http"
        if certificate:
            # The handshake happens in the request's own thread, on its first read.
            self.socket = certificate.server_context().wrap_socket(
                self.socket, server_side=True, do_handshake_on_connect=False
            )
            self.scheme = "https"
        self.log: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.active = 0
        self.last = time.monotonic()

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server_port}/"

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet, too, when the browser closes a TLS connection without saying goodbye."""
        if isinstance(sys.exc_info()[1], (ssl.SSLEOFError, ssl.SSLZeroReturnError)):
            return
        super().handle_error(request, client_address)

    def wait_quiet(self, quiet: float = QUIET_S, limit: float = 30.0) -> None:
        """Until no request has been open for `quiet` seconds (at most `limit`)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with self.lock:
                idle = self.active == 0 and time.monotonic() - self.last >= quiet
            if idle:
                return
            time.sleep(0.05)


def bench_root(site: Path, work: Path, version: str) -> Path:
    """A folder served for the benchmark: links to the built site, plus the baseline and the
    probe pages (which never enter the site itself). The runtime folder is linked file by file
    with Pyodide's whole standard library beside it, which the baseline's plain `loadPyodide()`
    mounts (the site itself serves only the part the engine uses)."""
    root = work / "root"
    root.mkdir()
    for entry in site.iterdir():
        if entry.name != "pyodide":
            (root / entry.name).symlink_to(entry.resolve())
    runtime = root / "pyodide" / version
    runtime.mkdir(parents=True)
    for entry in (site / "pyodide" / version).iterdir():
        (runtime / entry.name).symlink_to(entry.resolve())
    whole = PYODIDE_PACKAGE / WHOLE_STDLIB
    (runtime / WHOLE_STDLIB).symlink_to(whole.resolve())
    for folder, files in BENCH_PAGES.items():
        (root / folder).mkdir()
        for name, source in files.items():
            text = page_script(source).replace("VERSION", version)
            (root / folder / name).write_text(text, encoding="utf-8")
    return root
