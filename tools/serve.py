"""Serve the built site on loopback as a good static host would.

`python -m tools.serve site` serves site/ at http://127.0.0.1:8000/. Pyodide needs HTTP (not
file://) and `.wasm` served as `application/wasm`. Like nginx with `brotli_static` and
`gzip_static on`, it sends a file's precompressed `.br` copy when the browser accepts `br`
(browsers ask for it over HTTPS only), else its `.gz` copy when it accepts gzip, a folder's
address included (`/assessment/` is its `index.html`, so `index.html.br` or `.gz` when there is
one), and it lets browsers keep versioned and content-hashed files for a year while everything
else is revalidated. The tests and the benchmarks use this server (`make bench` over HTTPS, with
a certificate of its own: `tools.bench.certificate`), so what they measure is what `make serve`
serves.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import mimetypes
import os
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from hooks.security import header_policy

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".snapshot": "application/octet-stream",
    ".webmanifest": "application/manifest+json",
}
# pyodide/<version>/..., and names carrying a content hash (bundle.a7633da7.min.js,
# assessment-0123456789ab.zip) never change: browsers may keep them for a year.
IMMUTABLE = re.compile(r"^/?pyodide/[^/]+/|[.-][0-9a-f]{8,}\.[a-z.]+$")
# The precompressed copies hooks/precompress.py writes, in order of preference.
COPIES = (("br", ".br"), ("gzip", ".gz"))
COPY_SUFFIX = re.compile(r"\.(br|gz)$")


def accepted_encodings(header: str) -> set[str]:
    """The encodings an Accept-Encoding header accepts (`br;q=0` refuses Brotli)."""
    accepted = set()
    for item in header.split(","):
        name, _, params = item.partition(";")
        refused = re.search(r"(^|;)\s*q\s*=\s*0(\.0*)?\s*$", params.replace(" ", ""))
        if name.strip() and not refused:
            accepted.add(name.strip().lower())
    return accepted


class SiteHandler(SimpleHTTPRequestHandler):
    """A quiet static file handler with explicit types, compressed copies and cache headers."""

    extensions_map: ClassVar[dict[str, str]] = {**mimetypes.types_map, **TYPES}

    def send_head(self):
        """Serve `name.br` or `name.gz` in place of `name` when the browser accepts that
        encoding (Brotli first); a folder's address (ending in `/`) names its `index.html`,
        so it too gets its copy."""
        address = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(self.path)
        if address.endswith("/") and os.path.isdir(path):
            address += "index.html"
            path = os.path.join(path, "index.html")
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        self._encoding = None
        for encoding, suffix in COPIES:
            if encoding in accepted and os.path.isfile(path) and os.path.isfile(path + suffix):
                self._content_type = self.guess_type(path)
                self._encoding = encoding
                self.path = address + suffix
                break
        return super().send_head()

    def guess_type(self, path: str) -> str:
        """The original file's type for a compressed copy."""
        if getattr(self, "_encoding", None):
            return self._content_type
        return super().guess_type(path)

    def end_headers(self) -> None:
        """Add the encoding and cache headers, and the policy for scripts (see below)."""
        # A worker's Content Security Policy comes from its script's response headers, not
        # from the page's meta tag: send the site's policy with every script, as the README
        # asks of a host that can set headers (a page ignores it on its own scripts).
        served = self.path.split("?", 1)[0]
        if getattr(self, "_encoding", None):
            served = COPY_SUFFIX.sub("", served)  # the file the copy stands for
        if served.endswith((".js", ".mjs")):
            self.send_header("Content-Security-Policy", header_policy())
        if getattr(self, "_encoding", None):
            self.send_header("Content-Encoding", self._encoding)
        self.send_header("Vary", "Accept-Encoding")
        immutable = IMMUTABLE.search(served)
        self.send_header(
            "Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache"
        )
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: tests and benchmarks read their own output."""


class SiteServer(ThreadingHTTPServer):
    """A threaded server that says nothing when the browser hangs up mid-response (a page
    closed, or a download dropped, while a file was still being sent: BrokenPipeError, or
    ConnectionResetError when the browser reset the connection); every other error in a
    request is reported as the standard library reports it."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 0) -> SiteServer:
    """A server for `root`; port 0 picks a free port (read it from `server.server_port`)."""
    if not (root / "index.html").is_file():
        raise SystemExit(f"{root}/index.html is missing: build the site first (make build).")
    handler = functools.partial(SiteHandler, directory=str(root))
    return SiteServer((host, port), handler)


def serve_in_background(root: Path, host: str = "127.0.0.1") -> tuple[SiteServer, str]:
    """Start a server on a free port in a daemon thread; return it and its base URL."""
    server = make_server(root, host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_port}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.root, args.host, args.port)
    print(f"Serving {args.root}/ at http://{args.host}:{server.server_port}/ (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
