// Builds Word application packs (assessment/pack.py) inside Pyodide, from the pinned npm
// package, and prints as one JSON object Python's version, zlib's version and each pack's
// bytes in base64 (encoded by Node), for comparison with CPython's (tests/test_pack.py).
//
// Usage: node tests/node/pack_run.mjs <repo root> <cases.json> [stdlib] < package-files.json
// Each case: {answers, employer (id or null), site_url, date, name, provider}. Given the
// built site's standard-library subset, Pyodide mounts it instead of its whole library, as
// the browser does: a module the pack needs and the subset lacks fails here.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { filesFromStdin, writeIntoPyodide } from "../../tools/pyodide_files.mjs";

const [root, cases, stdlib] = process.argv.slice(2);
if (!root || !cases) {
  console.error("usage: node pack_run.mjs <repo root> <cases.json> [stdlib]");
  process.exit(2);
}

const pyodide = await loadPyodide(stdlib ? { stdLibURL: stdlib } : {});
writeIntoPyodide(pyodide, root, filesFromStdin());
pyodide.globals.set("CASES", readFileSync(cases, "utf8"));
pyodide.runPython(`
import datetime
import json
import sys
import zlib
sys.path.insert(0, "/home/pyodide")
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import load_rules
from assessment.renderers.pack import application_pack
from assessment.views.assess import assess

rules = load_rules()
employers = load_employers(rules=rules)
PACKS = []
for case in json.loads(CASES):
    profile = employers[case["employer"]] if case["employer"] else None
    view = assess(case["answers"], rules, site_url=case["site_url"],
                  today=datetime.date.fromisoformat(case["date"]), employer=profile,
                  name=case["name"], provider=case["provider"])
    PACKS.append(application_pack(view))
VERSIONS = [sys.version.split()[0], zlib.ZLIB_RUNTIME_VERSION]
`);
const [python, zlib] = pyodide.globals.get("VERSIONS").toJs();
const packs = pyodide.globals.get("PACKS").toJs().map((data) => Buffer.from(data).toString("base64"));
process.stdout.write(JSON.stringify({ python, zlib, packs }));
