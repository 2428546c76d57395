"""Serve the built site on loopback with the content types a static host must send.

`python -m tools.serve site` serves site/ at http://127.0.0.1:8000/. It exists because
Pyodide needs HTTP (not file://) and `.wasm` must be served as `application/wasm`; the tests
and the benchmarks use the same server, so what they measure is what `make serve` serves.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import mimetypes
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
    ".webmanifest": "application/manifest+json",
}


class SiteHandler(SimpleHTTPRequestHandler):
    """A quiet static file handler with explicit content types."""

    extensions_map: ClassVar[dict[str, str]] = {**mimetypes.types_map, **TYPES}

    def end_headers(self) -> None:
        """Add the policy for scripts (see below)."""
        # A worker's Content Security Policy comes from its script's response headers, not
        # from the page's meta tag: send the site's policy with every script, as the README
        # asks of a host that can set headers (a page ignores it on its own scripts).
        if self.path.split("?", 1)[0].removesuffix(".gz").endswith((".js", ".mjs")):
            self.send_header("Content-Security-Policy", header_policy())
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: tests and benchmarks read their own output."""


def make_server(root: Path, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """A server for `root`; port 0 picks a free port (read it from `server.server_port`)."""
    if not (root / "index.html").is_file():
        raise SystemExit(f"{root}/index.html is missing: build the site first (make build).")
    handler = functools.partial(SiteHandler, directory=str(root))
    return ThreadingHTTPServer((host, port), handler)


def serve_in_background(root: Path, host: str = "127.0.0.1") -> tuple[ThreadingHTTPServer, str]:
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
