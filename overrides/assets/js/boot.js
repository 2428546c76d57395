// Starts Python for the self-assessment as early as the page allows. The build writes this
// script inline at the top of the page's head (hooks/assessment_page.py), before the styles,
// so it runs while the page is still arriving: the worker begins restoring Python about
// 150 ms sooner than from a script file, which first has to be fetched and then waits for the
// page to be drawn. Its settings, and its words (why Python did not start, from the page
// words' `boot.*`; the worker's own, `worker.*`, as JSON it passes on in the start message),
// are data attributes of its own tag. The page script
// (assessment.js) finds `python` and `onProgress` on `globalThis.assessmentBoot`. The content
// security policy allows this one inline script by its hash, computed by hooks/security.py.
(() => {
  const script = document.currentScript;
  // JavaScript runs: the page shows its "getting ready" words, never the ones for a browser
  // without it (site.css), from the very first drawing.
  document.documentElement.classList.add("assessment-js");
  // An address that carries answers (a link): the self-assessment's result first shows, and
  // keeps its room, from the very first drawing (site.css, lead.js).
  // So do answers saved on this device (saved.js keeps them under this key).
  const linked = location.hash.replace(/^#/, "").split("&").some((pair) => pair.includes("="));
  let saved;
  try {
    saved = Object.keys(JSON.parse(localStorage.getItem("imaging-referrer-assessment"))?.answers || {}).length > 0;
  } catch {
    saved = false;
  }
  if (linked || (saved && !("onlyWithAnswers" in script.dataset))) {
    document.documentElement.classList.add("assessment-lead");
  }
  const listeners = new Set();
  let last = null;

  // `detail`: { done, total } bytes while the start-up snapshot downloads.
  function progress(stage, detail) {
    last = [stage, detail];
    for (const listener of listeners) listener(stage, detail);
  }

  // Calls `listener(stage, detail)` with each start-up stage, beginning with the latest one
  // already reached.
  function onProgress(listener) {
    listeners.add(listener);
    if (last) listener(...last);
  }

  function startWorker(settings, { snapshot }) {
    const worker = new Worker(settings.workerUrl, { type: "module" });
    const pending = new Map();
    let next = 0;
    worker.addEventListener("message", (event) => {
      const { id, ok, value, error, slowLink, progress: stage, detail } = event.data;
      if (stage) return progress(stage, detail);
      const request = pending.get(id);
      if (!request) return;
      pending.delete(id);
      ok ? request.resolve(value) : request.reject(Object.assign(new Error(error), { slowLink }));
    });
    worker.addEventListener("error", (event) => {
      for (const request of pending.values()) request.reject(new Error(event.message || settings.words.workerStopped));
      pending.clear();
    });
    const call = (type, payload) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, type, payload });
      });
    const ready = call("start", {
      pyodideUrl: settings.pyodideUrl,
      packageUrl: settings.packageUrl,
      snapshotUrl: snapshot ? settings.snapshotUrl : null,
      snapshotBytes: settings.snapshotBytes,
      snapshotSha256: settings.snapshotSha256,
      snapshotProfile: settings.snapshotProfile,
      stdlibUrl: settings.stdlibUrl,
      rulesVersion: settings.rulesVersion,
      words: settings.words.worker,
    });
    return { ready, call, stop: () => worker.terminate() };
  }

  // Start from the build's snapshot (fast); if that fails for any reason (a download error, a
  // corrupt file, another Pyodide build, a connection too slow for it to pay off), start
  // again in a fresh worker the plain way.
  async function startPython(settings) {
    const fast = startWorker(settings, { snapshot: Boolean(settings.snapshotUrl) });
    try {
      // The worker itself chose a plain start when the first bytes showed a slow link, or when
      // the snapshot it read was not the build's (cut short or altered: never restored).
      const { version, fallback } = await fast.ready;
      return { worker: fast, version, fallback };
    } catch (error) {
      fast.stop();
      progress(error.slowLink ? "fallback-slow" : "fallback");
      const plain = startWorker(settings, { snapshot: false });
      const { version } = await plain.ready;
      return { worker: plain, version, fallback: error.message };
    }
  }

  function settingsFrom(element) {
    const absolute = (path) => new URL(path, document.baseURI).href;
    const data = element.dataset;
    return {
      workerUrl: absolute(data.workerUrl),
      pyodideUrl: absolute(data.pyodideUrl),
      packageUrl: absolute(data.packageUrl),
      snapshotUrl: data.snapshotUrl ? absolute(data.snapshotUrl) : null,
      snapshotBytes: Number(data.snapshotBytes),
      snapshotSha256: data.snapshotSha256,
      snapshotProfile: (data.snapshotProfile || "").split(",").filter(Boolean).map(Number),
      stdlibUrl: absolute(data.stdlibUrl),
      rulesVersion: data.rulesVersion,
      words: { workerStopped: data.workerStopped, worker: JSON.parse(data.workerWords || "{}") },
    };
  }

  // The theme's search builds its index in a worker of its own as soon as a page loads: about
  // 0.4 s of CPU, measured, just when Python is being restored. On this page it waits until
  // Python has started (or failed to), or until the person reaches for the search, or at most
  // SEARCH_WAIT_MS. Messages the theme sends meanwhile are kept and passed on in order.
  const SEARCH_WAIT_MS = 5000;
  const SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;
  function searchWaitsFor(python) {
    const RealWorker = globalThis.Worker;
    if (!RealWorker) return;
    let go;
    const released = new Promise((resolve) => (go = resolve));
    python.then(go, go);
    setTimeout(go, SEARCH_WAIT_MS);
    const reachesForSearch = (event) => {
      if (event.target.closest?.(".md-search, label[for='__search']")) go();
    };
    for (const type of ["focusin", "pointerdown", "click"]) {
      document.addEventListener(type, reachesForSearch, { capture: true, passive: true });
    }
    class WaitingWorker extends EventTarget {
      constructor(url, options) {
        super();
        this.waiting = [];
        released.then(() => {
          const worker = new RealWorker(url, options);
          for (const type of ["message", "messageerror", "error"]) {
            worker.addEventListener(type, (event) => this.dispatchEvent(new event.constructor(type, event)));
          }
          for (const message of this.waiting) worker.postMessage(...message);
          this.waiting = worker;
        });
      }
      postMessage(...message) {
        Array.isArray(this.waiting) ? this.waiting.push(message) : this.waiting.postMessage(...message);
      }
      terminate() {
        released.then(() => this.waiting.terminate());
      }
    }
    globalThis.Worker = function Worker(url, options) {
      const path = new URL(url, document.baseURI).pathname;
      return SEARCH_WORKER.test(path) ? new WaitingWorker(url, options) : new RealWorker(url, options);
    };
  }

  // The reviewer's checklist (review/, whose tag carries data-only-with-answers) needs Python
  // only for a link that carries answers: opened bare, it downloads nothing.
  const wanted = !("onlyWithAnswers" in script.dataset) || location.hash.includes("=");
  let python;
  try {
    python = wanted ? startPython(settingsFrom(script)) : Promise.reject(new Error(script.dataset.noAnswers));
  } catch (error) {
    python = Promise.reject(error); // no workers in this browser: the checklist stays
  }
  python.catch(() => {}); // the page script reports failures
  searchWaitsFor(python);
  // Resolves to { worker: { call, stop }, version, fallback } once Python has answered.
  globalThis.assessmentBoot = { python, onProgress };
})();
