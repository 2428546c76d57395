"""Make the Pyodide memory snapshot the browser starts from, with `assessment` imported,
and the part of the standard library the self-assessment uses (the snapshot is made with it).

The snapshot is made in Node by `hooks/make_snapshot.mjs` from the same pinned npm package
the site serves, and cached under `.cache/snapshot/` by the hash of its inputs (the package
archive, the Pyodide version, the script), so a rebuild with unchanged inputs costs nothing.
The snapshot API is private to Pyodide and tied to its exact build: the exact pin in
package.json is what keeps it safe, and the page falls back to a plain start if it fails.

Pyodide 314.0.7 restores a snapshot into the heap its WebAssembly module declares (30 MiB), with
no step that grows it first (upstream pyodide#6254): a snapshot whose heap is larger cannot be
restored at all. Every build, also from the cache, checks that and reports the heap's spare
bytes (its "headroom": what the package and its data may still grow by) in one line.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
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


def make_snapshot(archive: bytes, pyodide_version: str) -> tuple[bytes, bytes, bytes]:
    """The standard-library subset, the snapshot and its heap record (JSON: the heap's size
    and the allocator's top) for this package archive, from the cache or made now in Node."""
    key = cache_key(archive, pyodide_version)
    cached = (CACHE / f"{key}.stdlib.zip", CACHE / f"{key}.snapshot", CACHE / f"{key}.heap.json")
    if all(path.is_file() for path in cached):
        return cached[0].read_bytes(), cached[1].read_bytes(), cached[2].read_bytes()
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is needed to make the Pyodide snapshot: install Node 20.")
    with tempfile.TemporaryDirectory() as work:
        archive_path = Path(work) / "assessment.zip"
        outputs = (Path(work) / "stdlib.zip", Path(work) / "assessment.snapshot",
                   Path(work) / "heap.json")
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
        made = outputs[0].read_bytes(), outputs[1].read_bytes(), outputs[2].read_bytes()
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in [*CACHE.glob("*.snapshot"), *CACHE.glob("*.stdlib.zip"), *CACHE.glob("*.heap.json")]:
        old.unlink()
    for path, data in zip(cached, made, strict=True):
        path.write_bytes(data)
    return made


# The snapshot's header (Pyodide's makeSnapshot): 32-bit words, the first its magic number, the
# second the header's length; the heap follows it.
SNAPSHOT_MAGIC = 1886286592
WASM_PAGE = 65536
MEMORY_SECTION = 5


@dataclass(frozen=True)
class Heap:
    """The snapshot's heap against the heap Pyodide restores it into."""

    snapshot_bytes: int
    allocator_top: int
    restorable_bytes: int

    @property
    def headroom(self) -> int:
        """The heap's spare bytes: from the allocator's top to the end of the restored heap."""
        return self.restorable_bytes - self.allocator_top

    def line(self) -> str:
        """The build's one line about it."""
        return (f"Pyodide snapshot: headroom {self.headroom:,} bytes "
                f"({self.headroom / 2**20:.1f} MiB spare of the {self.restorable_bytes:,}-byte "
                f"heap it restores into; the allocator's top is at {self.allocator_top:,})")


def restorable_heap(wasm: bytes) -> int:
    """The initial memory Pyodide's WebAssembly module declares: the heap a snapshot is
    restored into, in bytes (read from the module's memory section)."""
    if wasm[:4] != b"\0asm":
        raise PluginError("pyodide.asm.wasm is not a WebAssembly module")
    position = 8
    while position < len(wasm):
        section = wasm[position]
        size, position = _leb128(wasm, position + 1)
        if section == MEMORY_SECTION:
            _count, start = _leb128(wasm, position)
            pages, _ = _leb128(wasm, start + 1)  # after the limits' flags byte
            return pages * WASM_PAGE
        position += size
    raise PluginError("pyodide.asm.wasm declares no memory of its own")


def _leb128(data: bytes, position: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, position


def checked_heap(snapshot: bytes, heap_record: bytes, wasm: bytes) -> Heap:
    """The snapshot's heap, checked to be one Pyodide can restore; a build error in one line
    otherwise."""
    if len(snapshot) < 8:
        raise PluginError("The Pyodide snapshot cannot be restored: too short to hold a header")
    magic, header = struct.unpack_from("<II", snapshot)
    if magic != SNAPSHOT_MAGIC or not 8 <= header < len(snapshot):
        raise PluginError("The Pyodide snapshot cannot be restored: its header is not Pyodide's")
    try:
        record = json.loads(heap_record)
        top, recorded = int(record["allocator_top"]), int(record["heap_bytes"])
    except (ValueError, KeyError, TypeError):
        raise PluginError("The Pyodide snapshot's heap record is unreadable: delete "
                          ".cache/snapshot and build again") from None
    heap = Heap(len(snapshot) - header, top, restorable_heap(wasm))
    if recorded != heap.snapshot_bytes:
        raise PluginError(f"The Pyodide snapshot's heap record ({recorded:,} bytes) does not "
                          f"match the snapshot ({heap.snapshot_bytes:,}): delete .cache/snapshot "
                          "and build again")
    if heap.snapshot_bytes > heap.restorable_bytes or heap.headroom < 0:
        raise PluginError(
            f"The Pyodide snapshot cannot be restored: its heap is {heap.snapshot_bytes:,} bytes "
            f"(the allocator's top at {heap.allocator_top:,}) and Pyodide restores into "
            f"{heap.restorable_bytes:,} with no step that grows it (pyodide#6254): the package "
            "and its data must shrink, or the runtime's restore must grow the heap")
    return heap


PROFILE_STEP = 1 << 20
PROFILE_SCALE = 10_000


def transfer_profile(snapshot: bytes) -> list[int]:
    """How much of the snapshot's compressed download lies before each MiB of it, in
    ten-thousandths: entry i is the share of the compressed bytes that carry the first i MiB.

    The worker reads the snapshot decompressed, and its parts compress very differently (MiBs
    of zeros, then dense data), so the bytes read say little about the download's progress:
    with this the worker turns them into the share of the download that has arrived, and the
    link's pace into a fair estimate of the rest. Each MiB is compressed on its own (zlib,
    level 1, a fraction of a second), which is within 2.5 points of Brotli's shape."""
    sizes = [len(zlib.compress(snapshot[at:at + PROFILE_STEP], 1))
             for at in range(0, len(snapshot), PROFILE_STEP)]
    total, profile, before = sum(sizes), [0], 0
    for size in sizes:
        before += size
        profile.append(round(before * PROFILE_SCALE / total))
    return profile
