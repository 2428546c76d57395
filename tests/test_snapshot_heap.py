"""The snapshot's heap against the heap Pyodide 314.0.7 restores it into (a fixed size, with no
grow step: pyodide#6254): the build reports the spare bytes ("headroom") and refuses, in one
line, a snapshot that cannot be restored. Read from the real pinned WebAssembly module."""

from __future__ import annotations

import json
import struct

import pytest
from mkdocs.exceptions import PluginError

from hooks.pyodide_runtime import PACKAGE_DIR
from hooks.snapshot import SNAPSHOT_MAGIC, WASM_PAGE, checked_heap, restorable_heap

WASM = (PACKAGE_DIR / "pyodide.asm.wasm").read_bytes()
HEADER = 144


def snapshot_of(heap_bytes: int, magic: int = SNAPSHOT_MAGIC) -> bytes:
    """A snapshot's shape: Pyodide's header words, padding to its length, then the heap."""
    header = struct.pack("<II", magic, HEADER).ljust(HEADER, b"\0")
    return header + bytes(heap_bytes)


def record(heap_bytes: int, top: int) -> bytes:
    return json.dumps({"heap_bytes": heap_bytes, "allocator_top": top}).encode()


def test_the_runtime_declares_a_heap_of_whole_pages() -> None:
    restorable = restorable_heap(WASM)
    assert restorable % WASM_PAGE == 0
    assert 16 * 2**20 <= restorable <= 256 * 2**20


def test_a_snapshot_that_fits_reports_its_spare_bytes() -> None:
    restorable = restorable_heap(WASM)
    heap = checked_heap(snapshot_of(restorable), record(restorable, restorable - 5_000_000), WASM)
    assert heap.headroom == 5_000_000
    line = heap.line()
    assert "headroom 5,000,000 bytes" in line
    assert "\n" not in line


def test_a_heap_larger_than_the_runtime_restores_into_fails_in_one_line() -> None:
    larger = restorable_heap(WASM) + WASM_PAGE
    with pytest.raises(PluginError) as failure:
        checked_heap(snapshot_of(larger), record(larger, larger - 100), WASM)
    message = str(failure.value)
    assert "cannot be restored" in message
    assert f"{larger:,}" in message
    assert "\n" not in message


def test_an_allocator_top_past_the_heap_fails() -> None:
    restorable = restorable_heap(WASM)
    with pytest.raises(PluginError, match="cannot be restored"):
        checked_heap(snapshot_of(restorable), record(restorable, restorable + 1), WASM)


def test_a_file_that_is_not_a_snapshot_fails() -> None:
    restorable = restorable_heap(WASM)
    with pytest.raises(PluginError, match="header is not Pyodide's"):
        checked_heap(snapshot_of(restorable, magic=1), record(restorable, 1), WASM)
    with pytest.raises(PluginError, match="too short to hold a header"):
        checked_heap(b"\0\0", record(restorable, 1), WASM)


def test_a_heap_record_of_another_snapshot_fails() -> None:
    restorable = restorable_heap(WASM)
    with pytest.raises(PluginError, match="does not match"):
        checked_heap(snapshot_of(restorable), record(restorable - WASM_PAGE, 1), WASM)
    with pytest.raises(PluginError, match="unreadable"):
        checked_heap(snapshot_of(restorable), b"{}", WASM)


def test_something_else_than_webassembly_is_refused() -> None:
    with pytest.raises(PluginError, match="not a WebAssembly module"):
        restorable_heap(b"not wasm")
