"""The build's compressed copies (hooks/precompress.py): a gzip and a Brotli copy beside each
large compressible file, the same bytes once decompressed; none for small files or for files
that would barely shrink; made once per content and reused from the cache."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli
import pytest

from hooks import precompress

PAGE = ("<!doctype html><title>Guidance</title>" + "<p>a paragraph of guidance</p>" * 3000).encode()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(precompress, "CACHE", folder)
    return folder


def test_a_large_page_gets_both_copies_holding_its_bytes(tmp_path: Path, cache: Path) -> None:
    site = tmp_path / "site"
    (site / "help").mkdir(parents=True)
    (site / "help" / "index.html").write_bytes(PAGE)
    precompress.precompress(site)
    page = site / "help" / "index.html"
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == PAGE
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == PAGE
    assert page.read_bytes() == PAGE


def test_small_incompressible_or_other_files_get_no_copy(tmp_path: Path, cache: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "small.js").write_bytes(b"let a = 1;\n" * 100)
    (site / "noise.wasm").write_bytes(os.urandom(200_000))
    (site / "picture.png").write_bytes(PAGE)
    precompress.precompress(site)
    assert sorted(p.name for p in site.iterdir()) == ["noise.wasm", "picture.png", "small.js"]


def test_copies_come_from_the_cache_the_second_time(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "app.js").write_bytes(PAGE)
    precompress.precompress(site)
    first = {p.name: p.read_bytes() for p in site.iterdir()}
    assert sorted(first) == ["app.js", "app.js.br", "app.js.gz"]
    cached = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file())
    assert [name.split("/")[0] for name in cached] == ["brotli-q9", "gzip"]

    def refuse(data: bytes) -> bytes:
        raise AssertionError("compressed again")

    monkeypatch.setitem(precompress.ENCODINGS, ".gz", ("gzip", refuse))
    monkeypatch.setitem(precompress.ENCODINGS, ".br", ("brotli-q9", refuse))
    for copy in ("app.js.br", "app.js.gz"):
        (site / copy).unlink()
    precompress.precompress(site)
    assert {p.name: p.read_bytes() for p in site.iterdir()} == first


def test_a_changed_file_leaves_no_stale_copy_in_the_cache(tmp_path: Path, cache: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "app.js").write_bytes(PAGE)
    precompress.precompress(site)
    (site / "app.js").write_bytes(PAGE + b"<p>changed</p>")
    precompress.precompress(site)
    assert len([p for p in cache.rglob("*") if p.is_file()]) == 2
