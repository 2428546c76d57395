// The benchmark's baseline page: the usual way to run Python in a page, Pyodide loaded from the
// self-hosted files, then one call; in a dedicated worker, as the self-assessment runs Python,
// so that both run under the same conditions. Chromium's CPU throttling (the phone row) slows
// only the page's main thread, not its workers: with the baseline on the main thread, the
// phone row compared a slowed baseline with an unslowed site. The benchmark writes VERSION as
// the site's Pyodide version.
const worker = new Worker(new URL("baseline-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  if (data.error) {
    document.getElementById("status").textContent = `Python failed: ${data.error}`;
    return;
  }
  window.__baselineDone = performance.now();
  document.getElementById("status").textContent = `Python answered ${data.answer}.`;
};
