"""Make the Pyodide memory snapshot the browser starts from, with `assessment` imported,
and the part of the standard library the self-assessment uses (the snapshot is made with it).

The snapshot is made in Node by `hooks/make_snapshot.mjs` from the same pinned npm package
the site serves, and cached under `.cache/snapshot/` by the hash of its inputs (the package
archive, the Pyodide version, the script), so a rebuild with unchanged inputs costs nothing.
The snapshot API is private to Pyodide and tied to its exact build: the exact pin in
package.json is what keeps it safe, and the page falls back to a plain start if it fails.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "hooks" / "make_snapshot.mjs"
CACHE = ROOT / ".cache" / "snapshot"


def cache_key(archive: bytes, pyodide_version: str) -> str:
    """What the snapshot depends on, as one hash."""
    digest = hashlib.sha256()
    for part in (archive, pyodide_version.encode(), SCRIPT.read_bytes()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def make_snapshot(archive: bytes, pyodide_version: str) -> tuple[bytes, bytes]:
    """The standard-library subset and the snapshot for this package archive, from the cache
    or made now in Node."""
    key = cache_key(archive, pyodide_version)
    cached = (CACHE / f"{key}.stdlib.zip", CACHE / f"{key}.snapshot")
    if all(path.is_file() for path in cached):
        return cached[0].read_bytes(), cached[1].read_bytes()
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is needed to make the Pyodide snapshot: install Node 20.")
    with tempfile.TemporaryDirectory() as work:
        archive_path = Path(work) / "assessment.zip"
        outputs = (Path(work) / "stdlib.zip", Path(work) / "assessment.snapshot")
        archive_path.write_bytes(archive)
        done = subprocess.run(
            [node, str(SCRIPT), str(archive_path), *map(str, outputs)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not all(path.is_file() for path in outputs):
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise PluginError(f"Making the Pyodide snapshot failed: {last[:300]}")
        made = outputs[0].read_bytes(), outputs[1].read_bytes()
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in [*CACHE.glob("*.snapshot"), *CACHE.glob("*.stdlib.zip")]:
        old.unlink()
    for path, data in zip(cached, made, strict=True):
        path.write_bytes(data)
    return made
