"""The site's server (tools/serve.py) on loopback: quiet when the browser hangs up in the
middle of a response, and still reporting any other fault in a request."""

from __future__ import annotations

import functools
import socket
import struct
from pathlib import Path

import pytest

from tools.serve import SiteHandler, SiteServer


def site(root: Path) -> Path:
    (root / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (root / "big.bin").write_bytes(bytes(16 * 1024 * 1024))  # far more than a socket buffers
    return root


def serve_one(server: SiteServer) -> None:
    """Handle the next request here, as the server's own thread for it would (the same steps,
    so that what it reports is written before the test reads it)."""
    request, address = server.get_request()
    server.process_request_thread(request, address)


def hang_up_after_asking(server: SiteServer, path: str) -> None:
    """Ask for `path`, then close the connection at once with a reset, as a browser does
    when a page is closed mid-download; the server then handles the request."""
    client = socket.create_connection(("127.0.0.1", server.server_port))
    client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()
    serve_one(server)


def test_a_browser_hanging_up_mid_response_is_not_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = site(tmp_path)
    server = SiteServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(root)))
    try:
        hang_up_after_asking(server, "/big.bin")
    finally:
        server.server_close()
    assert capsys.readouterr().err == ""


class FaultyHandler(SiteHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library names it)
        raise ValueError("a fault of the server's own")


def test_any_other_fault_in_a_request_is_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = site(tmp_path)
    server = SiteServer(("127.0.0.1", 0), functools.partial(FaultyHandler, directory=str(root)))
    try:
        client = socket.create_connection(("127.0.0.1", server.server_port))
        client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        serve_one(server)
        client.close()
    finally:
        server.server_close()
    error = capsys.readouterr().err
    assert "ValueError: a fault of the server's own" in error
