// Runs the scenario files through the `assessment` package inside Pyodide (CPython in
// WebAssembly, from the pinned npm package) and prints, as one JSON object, each
// scenario's JSON, Markdown and text output and the browser worker's view and take-away, for
// comparison with CPython's byte for byte.
//
// Usage: node tests/node/run_scenarios.mjs <repo root> <YYYY-MM-DD> <site url> [snapshot] [stdlib]
//        < files.json
// The package's files (files.json: a JSON list of paths relative to the repository root, as
// the Python caller takes them from hooks/assessment_page.py) are read from disk and written
// into Pyodide's file system, as the browser's worker unpacks them; one Pyodide start serves
// every scenario. Given the built
// site's memory snapshot, Pyodide is restored from it instead and nothing is written: the
// package must already be in the snapshot, exactly as the browser finds it. Given the site's
// standard-library subset, Pyodide mounts it instead of its whole library, as the browser does.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { filesFromStdin, writeIntoPyodide } from "../../tools/pyodide_files.mjs";

const [root, date, siteUrl, snapshot, stdlib] = process.argv.slice(2);
if (!root || !date || siteUrl === undefined) {
  console.error("usage: node run_scenarios.mjs <repo root> <YYYY-MM-DD> <site url> [snapshot] [stdlib] < files.json");
  process.exit(2);
}

const options = stdlib ? { stdLibURL: stdlib } : {};
if (snapshot) options._loadSnapshot = new Uint8Array(readFileSync(snapshot));
const pyodide = await loadPyodide(options);
const target = "/home/pyodide";
if (!snapshot) writeIntoPyodide(pyodide, root, filesFromStdin());

const scenarioDir = path.join(root, "tests", "scenarios");
const scenarios = readdirSync(scenarioDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => [name.replace(/\.json$/, ""), readFileSync(path.join(scenarioDir, name), "utf8")]);

pyodide.globals.set("SCENARIOS", JSON.stringify(scenarios));
pyodide.globals.set("DATE", date);
pyodide.globals.set("SITE_URL", siteUrl);
const output = pyodide.runPython(`
import sys
sys.path.insert(0, "${target}")
import datetime, json
from assessment.reading.loader import load_rules
from assessment.renderers import checklists
from assessment.renderers.result_json import render_json
from assessment.views.assess import assess
from assessment.web import page_view, take_away

rules = load_rules()
today = datetime.date.fromisoformat(DATE)
outputs = {}
for name, text in json.loads(SCENARIOS):
    answers = json.loads(text)["answers"]
    view = assess(answers, rules, today=today, site_url=SITE_URL or None)
    outputs[name] = {
        "json": render_json(view.result),
        "markdown": checklists.markdown(view),
        "text": checklists.text(view),
        # The browser worker's two calls, with the answers as the page sends them.
        "view": page_view(json.dumps(answers), DATE),
        "take_away": take_away(json.dumps(answers), DATE, SITE_URL),
    }
json.dumps({"python": sys.version.split()[0], "rules_version": rules.version, "outputs": outputs})
`);
process.stdout.write(output);
