// Builds tests/docx_sample.py's Word document inside Pyodide (from the pinned npm package) and
// prints, as one JSON object, Python's version, zlib's version and the document's bytes in
// base64 (encoded by Node), for comparison with CPython's.
//
// Usage: node tests/node/docx_sample.mjs <repo root> [stdlib] < package-files.json
// Given the built site's standard-library subset, Pyodide mounts it instead of its whole
// library, as the browser does: a module the writer needs and the subset lacks fails here.
// The package's files come on stdin (tools/pyodide_files.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { filesFromStdin, writeIntoPyodide } from "../../tools/pyodide_files.mjs";

const [root, stdlib] = process.argv.slice(2);
if (!root) {
  console.error("usage: node docx_sample.mjs <repo root> [stdlib]");
  process.exit(2);
}

const pyodide = await loadPyodide(stdlib ? { stdLibURL: stdlib } : {});
writeIntoPyodide(pyodide, root, filesFromStdin());
pyodide.globals.set("SAMPLE", readFileSync(path.join(root, "tests", "docx_sample.py"), "utf8"));
// Only what the page's worker imports anyway (no base64 here): the bytes go to JavaScript.
pyodide.runPython(`
import sys
sys.path.insert(0, "/home/pyodide")
import zlib
namespace = {"__name__": "docx_sample"}
exec(compile(SAMPLE, "docx_sample.py", "exec"), namespace)
DOCX = namespace["sample"]()
VERSIONS = [sys.version.split()[0], zlib.ZLIB_RUNTIME_VERSION]
`);
const [python, zlib] = pyodide.globals.get("VERSIONS").toJs();
const docx = Buffer.from(pyodide.globals.get("DOCX").toJs()).toString("base64");
process.stdout.write(JSON.stringify({ python, zlib, docx }));
