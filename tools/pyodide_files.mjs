// Writing the `assessment` package into Pyodide's file system, for the Node scripts that run it
// inside Pyodide (tests/node/run_scenarios.mjs, tools/bench_engine.mjs). Which files make up
// the package is decided once, in Python (hooks/assessment_page.py `package_files()`, which
// also builds the archive the browser gets): the Python caller sends the list on stdin.
import { readFileSync } from "node:fs";
import path from "node:path";

// The files to write, as the Python caller sent them on stdin: a JSON list of paths relative
// to the repository root.
export function filesFromStdin() {
  const files = JSON.parse(readFileSync(0, "utf8"));
  if (!Array.isArray(files) || !files.every((file) => typeof file === "string")) {
    throw new Error("expected on stdin a JSON list of file paths relative to the repository");
  }
  return files;
}

// Write files from the repository at `root` into Pyodide's file system under /home/pyodide,
// keeping their paths (`rename` may change a path first), as the browser's worker unpacks them.
export function writeIntoPyodide(pyodide, root, files, rename = (relative) => relative) {
  for (const file of files) {
    const relative = rename(file.split(path.sep).join("/"));
    const destination = path.posix.join("/home/pyodide", relative);
    pyodide.FS.mkdirTree(path.posix.dirname(destination));
    pyodide.FS.writeFile(destination, readFileSync(path.join(root, file)));
  }
}
