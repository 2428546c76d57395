// The benchmark's baseline page: the usual way, Pyodide loaded on the main thread from the
// self-hosted files, then one call. The benchmark writes VERSION as the site's Pyodide version.
import { loadPyodide } from "../pyodide/VERSION/pyodide.mjs";

const pyodide = await loadPyodide();
const answer = pyodide.runPython("1+1");
window.__baselineDone = performance.now();
document.getElementById("status").textContent = `Python answered ${answer}.`;
