// The baseline's dedicated worker: a bare `loadPyodide()` from the self-hosted files (its whole
// standard library), then `runPython("1+1")`; it posts the answer to the page.
import { loadPyodide } from "../pyodide/VERSION/pyodide.mjs";

try {
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/VERSION/", import.meta.url).href });
  self.postMessage({ answer: pyodide.runPython("1+1") });
} catch (error) {
  self.postMessage({ error: String(error?.message || error) });
}
