"""Write gzip copies beside the site's large runtime files, for hosts that serve them.

A host that supports precompressed files (nginx `gzip_static on`, the local `tools.serve`)
sends `name.gz` with `Content-Encoding: gzip` when the browser accepts it, so the Pyodide
runtime and the snapshot travel at a fraction of their size without compressing on the fly.
Copies are cached under `.cache/gzip/` by content hash; a file that gzip would not shrink by
a tenth is left alone. A plain function over the built site, called by `hooks/finish_site.py`.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "gzip"
SUFFIXES = {".wasm", ".mjs", ".js", ".json", ".snapshot", ".zip", ".css", ".html", ".xml"}
MIN_SIZE = 20_000
MIN_SAVING = 0.10


def compressed(data: bytes, used: set[Path]) -> bytes:
    """The gzip of `data`, from the cache when it was made before."""
    cached = CACHE / f"{hashlib.sha256(data).hexdigest()[:24]}.gz"
    used.add(cached)
    if cached.is_file():
        return cached.read_bytes()
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(packed)
    return packed


def precompress(site_dir: Path) -> None:
    """Place `file.gz` beside each large compressible file of the built site."""
    used: set[Path] = set()
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        packed = compressed(data, used)
        if len(packed) <= len(data) * (1 - MIN_SAVING):
            path.with_name(path.name + ".gz").write_bytes(packed)
    for stale in set(CACHE.glob("*.gz")) - used:
        stale.unlink()
