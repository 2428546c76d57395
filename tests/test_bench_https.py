"""The benchmark's HTTPS (tools/bench/certificate.py, tools/bench/server.py): a certificate
made for loopback, the server presenting it, a client trusting it getting the Brotli copy, and
the key hash Chromium is told to trust being the hash of the key the server presents."""

from __future__ import annotations

import http.client
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from tools.bench.certificate import Certificate, make_certificate, spki_sha256
from tools.bench.server import BenchServer

PAGE = b"<!doctype html><title>Home</title>" + b"<p>guidance</p>" * 3000


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[BenchServer, Certificate]]:
    root = tmp_path / "root"
    root.mkdir()
    (root / "index.html").write_bytes(PAGE)
    (root / "index.html.br").write_bytes(brotli.compress(PAGE))
    certificate = make_certificate(tmp_path)
    server = BenchServer(root, certificate)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server, certificate
    finally:
        server.shutdown()
        server.server_close()


def test_the_server_speaks_https_with_its_certificate_and_sends_brotli(
    served: tuple[BenchServer, Certificate], tmp_path: Path
) -> None:
    server, certificate = served
    assert server.base.startswith("https://127.0.0.1:")
    trusting = ssl.create_default_context(cafile=str(certificate.cert))  # checks the address too
    connection = http.client.HTTPSConnection(
        "127.0.0.1", server.server_port, context=trusting, timeout=10
    )
    connection.request("GET", "/", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    presented = connection.sock.getpeercert(binary_form=True)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "br"
    assert brotli.decompress(body) == PAGE
    assert server.log[-1]["encoding"] == "br"
    assert server.log[-1]["bytes"] == len(body)
    pem = tmp_path / "presented.crt"
    pem.write_text(ssl.DER_cert_to_PEM_cert(presented), encoding="ascii")
    assert spki_sha256(pem) == certificate.spki_sha256
    assert certificate.chromium_flag() == (
        f"--ignore-certificate-errors-spki-list={certificate.spki_sha256}"
    )


def test_a_client_that_does_not_trust_it_is_refused(
    served: tuple[BenchServer, Certificate],
) -> None:
    server, _ = served
    connection = http.client.HTTPSConnection(
        "127.0.0.1", server.server_port, context=ssl.create_default_context(), timeout=10
    )
    with pytest.raises(ssl.SSLCertVerificationError):
        connection.request("GET", "/")
    connection.close()
