// The self-assessment's worker: starts Pyodide from the site's own files, off the main
// thread, unpacks the `assessment` package and answers the page's calls.
let python = null;

async function start({ pyodideUrl, packageUrl }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideUrl).href);
  const pyodide = await loadPyodide({ indexURL: pyodideUrl });
  const archive = await fetch(packageUrl);
  if (!archive.ok) throw new Error(`The assessment package could not be downloaded (${archive.status}).`);
  pyodide.unpackArchive(await archive.arrayBuffer(), "zip", { extractDir: "/home/pyodide" });
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide'); import assessment");
  python = pyodide;
  return pyodide.runPython("import sys; sys.version.split()[0]");
}

self.onmessage = async (event) => {
  const { id, type, payload } = event.data;
  try {
    if (type === "start") {
      self.postMessage({ id, ok: true, value: await start(payload) });
    } else if (!python) {
      throw new Error("Python has not started.");
    } else {
      throw new Error(`Unknown request: ${type}`);
    }
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
};
