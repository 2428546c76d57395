// The Pyodide half of `python -m tools.bench_engine`: loads Pyodide from the pinned npm
// package, writes the files it is sent (the `assessment` package and tools/bench_engine.py)
// into its file system, and prints the result of the same `measure` function as JSON.
//
// Usage: node tools/bench_engine.mjs <repo root> <rounds> < files.json
// (files.json: the files to write, a JSON list of paths relative to the repository root)
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { filesFromStdin, writeIntoPyodide } from "./pyodide_files.mjs";

const [root, rounds] = process.argv.slice(2);
const files = filesFromStdin();

const pyodide = await loadPyodide();
const target = "/home/pyodide";
writeIntoPyodide(pyodide, root, files, (relative) => relative.replace(/^tools\//, "bench/"));
const scenarioDir = path.join(root, "tests", "scenarios");
const scenarios = readdirSync(scenarioDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => JSON.parse(readFileSync(path.join(scenarioDir, name), "utf8")).answers);

pyodide.globals.set("SCENARIOS", JSON.stringify(scenarios));
pyodide.globals.set("ROUNDS", Number(rounds || 200));
const output = pyodide.runPython(`
import sys, json
sys.path[:0] = ["${target}", "${target}/bench"]
from bench_engine import measure
json.dumps(measure(json.loads(SCENARIOS), ROUNDS))
`);
process.stdout.write(output);
