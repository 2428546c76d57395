// Where the CPU goes in the self-assessment's plain start (no snapshot), after the download:
// the same steps the page's worker takes, in Pyodide under Node from the pinned npm package,
// each timed with performance.now() marks. The files are the built site's own (the part of
// the standard library the engine uses and the package archive), read from disk, so the
// download is left out.
//
// Usage: node tools/plain_start.mjs <site> [rounds]   (after `make build`; prints JSON: the
// median milliseconds of each step over the rounds, each round a fresh interpreter)
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [site, roundsText] = process.argv.slice(2);
if (!site) {
  console.error("usage: node tools/plain_start.mjs <site> [rounds]");
  process.exit(2);
}
const rounds = Number(roundsText || 3);
const py = path.join(site, "assets", "py");
const named = (pattern) => path.join(py, readdirSync(py).find((name) => pattern.test(name)));
const stdlib = named(/^python-stdlib-[0-9a-f]+\.zip$/);
const archive = new Uint8Array(readFileSync(named(/^assessment-[0-9a-f]+\.zip$/)));

// The steps, in the worker's order; each is timed on its own.
const STEPS = {
  "CPython start (loadPyodide with the engine's standard library)": async (state) => {
    state.pyodide = await loadPyodide({ stdLibURL: stdlib });
  },
  "unpacking the package archive": (state) => {
    state.pyodide.unpackArchive(archive, "zip", { extractDir: "/home/pyodide/app" });
    state.pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/app')");
  },
  "importing assessment.web (every module it needs)": (state) => {
    state.pyodide.runPython("import assessment.web");
  },
  "reading and checking the rules (load_rules)": (state) => {
    state.pyodide.runPython("from assessment.reading.loader import load_rules; RULES = load_rules()");
  },
  "reading and checking the employer profiles (load_employers)": (state) => {
    state.pyodide.runPython("from assessment.reading.employer_profiles import load_employers; load_employers(RULES)");
  },
  "first page_view (an empty form)": (state) => {
    state.pyodide.runPython("assessment.web.page_view('{}', '2026-12-03')");
  },
  "second page_view (the steady cost of an answer)": (state) => {
    state.pyodide.runPython("assessment.web.page_view('{}', '2026-12-03')");
  },
};

const times = Object.fromEntries(Object.keys(STEPS).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  const state = {};
  for (const [name, step] of Object.entries(STEPS)) {
    const start = performance.now();
    await step(state);
    times[name].push(performance.now() - start);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const result = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, Math.round(median(values))]));
result.total = Object.values(result).reduce((sum, value) => sum + value, 0);
process.stdout.write(JSON.stringify({ rounds, median_ms: result, all_ms: times }, null, 2) + "\n");
