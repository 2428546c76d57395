// The files of the `assessment` package as the browser gets them: its modules and rules data,
// sorted, without caches. Shared by the Node scripts that run the package inside Pyodide.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export function packageFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "__pycache__") found.push(...packageFiles(full));
    } else if (/\.(py|toml|json)$/.test(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

// Write files from the repository at `root` into Pyodide's file system under /home/pyodide,
// keeping their paths (`rename` may change a path first), as the browser's worker unpacks them.
export function writeIntoPyodide(pyodide, root, files, rename = (relative) => relative) {
  for (const file of files) {
    const relative = rename(path.relative(root, file).split(path.sep).join("/"));
    const destination = path.posix.join("/home/pyodide", relative);
    pyodide.FS.mkdirTree(path.posix.dirname(destination));
    pyodide.FS.writeFile(destination, readFileSync(file));
  }
}
