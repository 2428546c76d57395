// Make a Pyodide memory snapshot with the `assessment` package already imported and its rules
// loaded, so the browser restores a ready interpreter instead of starting CPython.
//
// Usage: node hooks/make_snapshot.mjs <package.zip> <output.snapshot>
// Run by the build (hooks/assessment_page.py) with the pinned npm package. The snapshot API
// (`_makeSnapshot`, `makeMemorySnapshot`, `_loadSnapshot`) is private and tied to the exact
// Pyodide build: pinning pyodide to one version in package.json is what keeps it safe, and
// a snapshot from another build is refused by Pyodide itself ("Snapshot build id mismatch").
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const PREPARE = `
import importlib, pkgutil, sys
sys.path.insert(0, "/home/pyodide/app")
import assessment
# Every module of the package but the command line's, imported: the browser restores this
# snapshot without writing the package's files, so nothing may be left to import later.
COMMAND_LINE = {"assessment.__main__", "assessment.cli", "assessment.interactive"}
for module in pkgutil.walk_packages(assessment.__path__, "assessment."):
    if module.name not in COMMAND_LINE:
        importlib.import_module(module.name)
import assessment.web
# One full evaluation and take-away, so every module they need is imported and caches are warm.
assessment.web.page_view_json('{"nation": "england", "profession": "nurse"}', "2026-01-01", "")
assessment.web.take_away_json('{"nation": "england", "profession": "nurse"}', "2026-01-01", "")
`;

async function main([archivePath, outputPath]) {
  if (!archivePath || !outputPath) {
    console.error("usage: node hooks/make_snapshot.mjs <package.zip> <output.snapshot>");
    process.exit(2);
  }
  const pyodide = await loadPyodide({ _makeSnapshot: true });
  pyodide.unpackArchive(new Uint8Array(readFileSync(archivePath)), "zip", { extractDir: "/home/pyodide/app" });
  pyodide.runPython(PREPARE);
  const snapshot = pyodide.makeMemorySnapshot();
  writeFileSync(outputPath, snapshot);
}

await main(process.argv.slice(2));
