"""The benchmark's own TLS certificate for loopback, and the hash Chromium is told to trust.

Chromium asks for Brotli (`Accept-Encoding: …, br`) only over HTTPS, so `make bench` serves the
site over HTTPS to measure what a real host sends. The certificate is made afresh for each run
by Debian's `openssl` (an ECDSA P-256 key, valid for 127.0.0.1 and localhost for two days) in
the run's temporary folder. Chromium trusts it through
`--ignore-certificate-errors-spki-list=<hash>`, the base64 SHA-256 of the certificate's public
key (its SubjectPublicKeyInfo): with that flag the certificate counts as valid, so the HTTP
cache and the service worker behave as on any trusted site. (Playwright's
`ignore_https_errors` would let the pages load too, but Chromium stores nothing in its cache
for a page with a certificate error, so a second visit would be a first one again.)
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

OPENSSL = "openssl"


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path
    spki_sha256: str  # base64, as --ignore-certificate-errors-spki-list wants it

    def server_context(self) -> ssl.SSLContext:
        """A TLS context for a server presenting this certificate."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context

    def chromium_flag(self) -> str:
        return f"--ignore-certificate-errors-spki-list={self.spki_sha256}"


def openssl(*args: str, data: bytes | None = None) -> bytes:
    if shutil.which(OPENSSL) is None:
        raise SystemExit("openssl is missing: run 'sudo apt-get install openssl' (make bench"
                         " serves the site over HTTPS with a certificate it makes itself).")
    return subprocess.run(
        [OPENSSL, *args], input=data, capture_output=True, check=True
    ).stdout


def spki_sha256(cert: Path) -> str:
    """The base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo."""
    public = openssl("x509", "-in", str(cert), "-noout", "-pubkey")
    der = openssl("pkey", "-pubin", "-outform", "DER", data=public)
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


def make_certificate(folder: Path) -> Certificate:
    """A self-signed certificate for loopback in `folder`."""
    cert, key = folder / "loopback.crt", folder / "loopback.key"
    openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout", str(key), "-out", str(cert),
    )
    return Certificate(cert, key, spki_sha256(cert))
