"""Write gzip and Brotli copies beside the site's large files, for hosts that serve them.

A host that supports precompressed files (nginx `gzip_static on` and `brotli_static on`, the
local `tools.serve`) sends `name.br` with `Content-Encoding: br`, or `name.gz` with
`Content-Encoding: gzip`, when the browser accepts it, so the Pyodide runtime and the snapshot
travel at a fraction of their size without compressing on the fly. Browsers ask for `br` only
over HTTPS. Copies are cached under `.cache/gzip/` and `.cache/brotli/` by content hash; a copy
that would not shrink its file by a tenth is left out. A plain function over the built site,
called by `hooks/finish_site.py`.

Brotli's quality is 9 (of 11), measured on 3 December 2026 on the two files that matter
(CPU seconds on a quiet 2-core machine; gzip is level 9):

| file, size | gzip | br q6 | br q9 | br q10 | br q11 |
|---|---|---|---|---|---|
| pyodide.asm.wasm, 9.60 MB | 3.53 MB, 1.0 s | 3.15, 0.5 s | 3.10, 2.3 s | 2.79, 20 s | 2.74, 38 s |
| the snapshot, 31.46 MB | 6.19 MB, 3.7 s | 5.08, 0.9 s | 4.94, 4.3 s | 4.47, 32 s | 4.32, 63 s |

Quality 10 and 11 save another 0.8 MB but cost about a minute and a half more each time the
cache is cold (a fresh checkout, CI) and half a minute whenever the snapshot changes. Quality 9
adds 8.5 s of CPU to a build with a cold cache (the site's 47 Brotli copies; its 47 gzip copies
take 5.4 s), about 5 s when only the snapshot changed and nothing when no file did. A larger
window (lgwin 24) saved the snapshot 3 % more and cost the wasm 1 %.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache"
SUFFIXES = {".wasm", ".mjs", ".js", ".json", ".snapshot", ".zip", ".css", ".html", ".xml"}
MIN_SIZE = 20_000
MIN_SAVING = 0.10
BROTLI_QUALITY = 9


def gzip_copy(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_copy(data: bytes) -> bytes:
    return brotli.compress(data, quality=BROTLI_QUALITY)


# The copies written beside a file: its suffix -> (cache folder, compressor).
ENCODINGS: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    ".gz": ("gzip", gzip_copy),
    ".br": (f"brotli-q{BROTLI_QUALITY}", brotli_copy),
}


def compressed(data: bytes, suffix: str, used: set[Path]) -> bytes:
    """The `suffix` copy (`.gz` or `.br`) of `data`, from the cache when it was made before."""
    folder, compress = ENCODINGS[suffix]
    cached = CACHE / folder / f"{hashlib.sha256(data).hexdigest()[:24]}{suffix}"
    used.add(cached)
    if cached.is_file():
        return cached.read_bytes()
    packed = compress(data)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(packed)
    return packed


def precompress(site_dir: Path) -> None:
    """Place `file.gz` and `file.br` beside each large compressible file of the built site."""
    used: set[Path] = set()
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        for suffix in ENCODINGS:
            packed = compressed(data, suffix, used)
            if len(packed) <= len(data) * (1 - MIN_SAVING):
                path.with_name(path.name + suffix).write_bytes(packed)
    for folder in {cached.parent for cached in used}:
        for stale in set(folder.iterdir()) - used:
            stale.unlink()
