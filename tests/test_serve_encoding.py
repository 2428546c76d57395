"""The site's server (tools/serve.py) sends a file's precompressed copy when the browser
accepts its encoding (Brotli before gzip), for a folder's address (its index page) as for a
file's, and the file itself to a browser that accepts neither."""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from tools.serve import accepted_encodings, serve_in_background

PAGE = "<!doctype html><title>Self-assessment</title>" + "<p>a question</p>" * 2000


def write_with_copy(path: Path, text: str, *, br: bool = True) -> bytes:
    """`path` and its gzip and Brotli copies beside it, as hooks/precompress.py writes them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode()
    path.write_bytes(data)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, mtime=0))
    if br:
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data))
    return data


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    write_with_copy(tmp_path / "index.html", PAGE)
    write_with_copy(tmp_path / "assessment" / "index.html", PAGE)
    write_with_copy(tmp_path / "assets" / "site.css", "p { margin: 0 }\n" * 2000)
    write_with_copy(tmp_path / "assets" / "app-0123456789ab.js", "let a = 1;\n" * 3000)
    write_with_copy(tmp_path / "assets" / "only-gzip.css", "a { color: red }\n" * 2000, br=False)
    (tmp_path / "help").mkdir()
    (tmp_path / "help" / "index.html").write_text("<p>no copy here</p>", encoding="utf-8")
    server, _ = serve_in_background(tmp_path)
    try:
        yield server.server_port, tmp_path
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str, encoding: str | None) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.parametrize("address", ["/assessment/", "/assessment/?from=home", "/"])
def test_a_folder_address_gets_its_index_pages_gzip_copy(
    site: tuple[int, Path], address: str
) -> None:
    port, root = site
    index = root / address.split("?", maxsplit=1)[0].lstrip("/") / "index.html"
    response, body = get(port, address, "gzip, deflate")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type", "").startswith("text/html")
    assert response.getheader("Vary") == "Accept-Encoding"
    assert response.getheader("Cache-Control") == "no-cache"
    assert int(response.getheader("Content-Length", "0")) == len(body)
    assert len(body) < index.stat().st_size / 10
    assert gzip.decompress(body) == index.read_bytes()


def test_a_files_address_gets_its_gzip_copy(site: tuple[int, Path]) -> None:
    port, root = site
    response, body = get(port, "/assets/site.css", "gzip")
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type", "").startswith("text/css")
    assert gzip.decompress(body) == (root / "assets" / "site.css").read_bytes()


@pytest.mark.parametrize("encoding", [None, "identity", "deflate"])
def test_a_browser_without_gzip_gets_the_page_itself(
    site: tuple[int, Path], encoding: str | None
) -> None:
    port, root = site
    response, body = get(port, "/assessment/", encoding)
    assert response.status == 200
    assert response.getheader("Content-Encoding") is None
    assert body == (root / "assessment" / "index.html").read_bytes()


def test_a_folder_without_a_copy_sends_its_page(site: tuple[int, Path]) -> None:
    port, root = site
    response, body = get(port, "/help/", "gzip")
    assert response.getheader("Content-Encoding") is None
    assert body == (root / "help" / "index.html").read_bytes()


def test_a_folder_address_without_its_slash_is_still_redirected(site: tuple[int, Path]) -> None:
    port, _ = site
    response, _ = get(port, "/assessment", "gzip")
    assert response.status == 301
    assert response.getheader("Location") == "/assessment/"


CHROMIUM_OVER_HTTPS = "gzip, deflate, br, zstd"


@pytest.mark.parametrize("address", ["/assessment/", "/assessment/?from=home", "/"])
def test_a_folder_address_gets_its_index_pages_brotli_copy(
    site: tuple[int, Path], address: str
) -> None:
    port, root = site
    index = root / address.split("?", maxsplit=1)[0].lstrip("/") / "index.html"
    response, body = get(port, address, CHROMIUM_OVER_HTTPS)
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "br"
    assert response.getheader("Content-Type", "").startswith("text/html")
    assert response.getheader("Vary") == "Accept-Encoding"
    assert response.getheader("Cache-Control") == "no-cache"
    assert int(response.getheader("Content-Length", "0")) == len(body)
    assert brotli.decompress(body) == index.read_bytes()


def test_a_scripts_brotli_copy_keeps_its_type_policy_and_lifetime(site: tuple[int, Path]) -> None:
    """The copy is served as the script it stands for: its type, the policy every script is
    sent with, and a year's lifetime for a content-hashed name."""
    port, root = site
    plain, _ = get(port, "/assets/app-0123456789ab.js", None)
    response, body = get(port, "/assets/app-0123456789ab.js", "br")
    assert response.getheader("Content-Encoding") == "br"
    assert brotli.decompress(body) == (root / "assets" / "app-0123456789ab.js").read_bytes()
    for header in ("Content-Type", "Content-Security-Policy", "Cache-Control"):
        assert response.getheader(header) == plain.getheader(header), header
    assert response.getheader("Content-Type", "").startswith("text/javascript")
    assert "immutable" in response.getheader("Cache-Control", "")
    assert response.getheader("Content-Security-Policy")


@pytest.mark.parametrize("encoding", ["gzip, deflate", "br;q=0, gzip", "gzip, br; q=0.0"])
def test_a_browser_refusing_brotli_gets_gzip(site: tuple[int, Path], encoding: str) -> None:
    port, root = site
    response, body = get(port, "/assets/site.css", encoding)
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (root / "assets" / "site.css").read_bytes()


def test_a_file_with_only_a_gzip_copy_sends_it_to_a_brotli_browser(
    site: tuple[int, Path],
) -> None:
    port, root = site
    response, body = get(port, "/assets/only-gzip.css", CHROMIUM_OVER_HTTPS)
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (root / "assets" / "only-gzip.css").read_bytes()


def test_brotli_alone_refused_gets_the_file_itself(site: tuple[int, Path]) -> None:
    port, root = site
    response, body = get(port, "/assets/site.css", "br;q=0")
    assert response.getheader("Content-Encoding") is None
    assert body == (root / "assets" / "site.css").read_bytes()


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("br;q=0, gzip;q=0.5", {"gzip"}),
        ("BR ; q=1.0", {"br"}),
        ("gzip;q=0.001", {"gzip"}),
        ("", set()),
    ],
)
def test_accepted_encodings_reads_quality_zero_as_a_refusal(
    header: str, accepted: set[str]
) -> None:
    assert accepted_encodings(header) == accepted
