// Make what the browser starts Python from: the part of the standard library the
// self-assessment uses, and a Pyodide memory snapshot with the `assessment` package already
// imported and its rules loaded, so the browser restores a ready interpreter instead of
// starting CPython.
//
// Usage: node hooks/make_snapshot.mjs <package.zip> <stdlib-out.zip> <snapshot-out> <heap-out.json>
// Run by the build (hooks/snapshot.py) with the pinned npm package, in two steps:
//   1. a plain start with Pyodide's whole standard library runs everything the worker does
//      and records which standard-library modules were imported; those files (and the
//      packages they sit in) are written to <stdlib-out.zip>, about a third of the whole;
//   2. a second start from that smaller library makes the snapshot, so the snapshot and the
//      library the browser mounts are the very same files (zipimport keeps each archive's
//      table of contents in memory). An import the smaller library lacks fails here, loudly.
// <heap-out.json> records the heap the snapshot holds and the allocator's top within it (the
// bytes above it are the heap's spare room), which hooks/snapshot.py turns into the build's
// "headroom" line.
// The snapshot API (`_makeSnapshot`, `makeMemorySnapshot`, `_loadSnapshot`) is private and
// tied to the exact Pyodide build: pinning pyodide to one version in package.json is what
// keeps it safe, and a snapshot from another build is refused by Pyodide itself ("Snapshot
// build id mismatch").
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const APP = "/home/pyodide/app";
const PREPARE = `
import importlib, pkgutil, sys
if "${APP}" not in sys.path:
    sys.path.insert(0, "${APP}")
import assessment
# Every module of the package but the command line's, imported: the browser restores this
# snapshot without writing the package's files, so nothing may be left to import later.
COMMAND_LINE = {"assessment.__main__", "assessment.cli", "assessment.interactive"}
for module in pkgutil.walk_packages(assessment.__path__, "assessment."):
    if module.name not in COMMAND_LINE:
        importlib.import_module(module.name)
import assessment.web
# The employer profiles are read from files the restored interpreter will not have: read them now.
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
EMPLOYER = next(iter(load_employers(load_rules())))
ANSWERS = '{"nation": "england", "profession": "nurse"}'
# Each of the pages' calls once, so every module they need is imported and caches are warm:
# the page's view and take-away, one Word pack with an employer (so what writing a zip needs
# is in the library too), and the review page's checklist and Word decision record.
assessment.web.page_view(ANSWERS, "2026-01-01")
assessment.web.take_away(ANSWERS, "2026-01-01")
assessment.web.pack(ANSWERS, "2026-01-01", "https://example.org/", employer=EMPLOYER)
assessment.web.review_view(ANSWERS, "2026-01-01", employer="northumbria")
assessment.web.decision_record(ANSWERS, "2026-01-01", "{}", employer="northumbria")
# What reporting an unexpected Python error to the page needs.
import traceback, linecache, tokenize
try:
    raise ValueError("a formatted traceback")
except ValueError:
    traceback.format_exc()
`;

// The standard-library files the imported modules came from, with their packages' __init__
// files, copied into a new archive with the original entries' dates and compression.
const SUBSET = `
import sys, zipfile
library = next(p for p in sys.path if p.endswith(".zip"))
used = set()
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith(library + "/"):
        name = origin[len(library) + 1:]
        used.add(name)
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            used.add("/".join(parts[:depth]) + "/__init__.py")
with zipfile.ZipFile(library) as whole, zipfile.ZipFile("/tmp/stdlib.zip", "w") as subset:
    names = set(whole.namelist())
    for info in whole.infolist():
        if info.filename in used:
            subset.writestr(info, whole.read(info), compress_type=info.compress_type)
    missing = sorted(used - names)
if missing:
    raise RuntimeError(f"imported from the library but not in it: {missing[:5]}")
len(used)
`;

// Zeroes the allocator's free memory below its top, so the snapshot's free chunks (whatever
// the preparation left in them) compress to nothing: about 2.6 MB zeroed, and the Brotli
// snapshot 0.3 MB smaller. Only memory this function holds is written (each chunk is taken
// with malloc, zeroed, and handed back with free once all are taken), and a chunk that would
// move the top (the heap's spare room) is handed back at once.
const FREE_CHUNK_SIZES = [1 << 16, 1 << 12, 1 << 8, 1 << 5];

function zeroFreeMemory(module) {
  const taken = [];
  for (const size of FREE_CHUNK_SIZES) {
    for (;;) {
      const top = module._sbrk(0);
      const chunk = module._malloc(size);
      if (!chunk || module._sbrk(0) !== top) {
        if (chunk) module._free(chunk);
        break;
      }
      module.HEAPU8.fill(0, chunk, chunk + size);
      taken.push(chunk);
    }
  }
  for (const chunk of taken) module._free(chunk);
}

async function prepared(options, archive) {
  const pyodide = await loadPyodide(options);
  pyodide.unpackArchive(archive, "zip", { extractDir: APP });
  pyodide.runPython(PREPARE);
  return pyodide;
}

async function main([archivePath, stdlibPath, snapshotPath, heapPath]) {
  if (!archivePath || !stdlibPath || !snapshotPath || !heapPath) {
    console.error("usage: node hooks/make_snapshot.mjs <package.zip> <stdlib-out.zip> <snapshot-out> <heap-out.json>");
    process.exit(2);
  }
  const archive = new Uint8Array(readFileSync(archivePath));
  const whole = await prepared({}, archive);
  whole.runPython(SUBSET);
  writeFileSync(stdlibPath, whole.FS.readFile("/tmp/stdlib.zip"));

  const pyodide = await prepared({ _makeSnapshot: true, stdLibURL: stdlibPath }, archive);
  pyodide.runPython("import gc; gc.collect()");
  zeroFreeMemory(pyodide._module);
  const snapshot = pyodide.makeMemorySnapshot();
  writeFileSync(snapshotPath, snapshot);
  // The allocator's top (sbrk(0)): what lies between it and the heap's end is free to grow into.
  const heap = { heap_bytes: pyodide._module.HEAP8.length, allocator_top: pyodide._module._sbrk(0) };
  writeFileSync(heapPath, JSON.stringify(heap));
}

await main(process.argv.slice(2));
