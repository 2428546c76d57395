// The files of the `assessment` package as the browser gets them: its modules and rules data,
// sorted, without caches. Shared by the Node scripts that run the package inside Pyodide.
import { readdirSync } from "node:fs";
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
