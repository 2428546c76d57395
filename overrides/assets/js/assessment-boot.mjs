// Starts Python for the self-assessment as early as the page allows. This small module is
// loaded `async` from the page's head, so the worker begins restoring Python while the page
// itself is still being read and drawn; the page script (assessment.js) imports `python` and
// `onProgress` from here when it runs. Its settings are data attributes of its own script tag.

const script = document.querySelector("script[data-assessment-boot]");
const listeners = new Set();
let lastStage = null;

function progress(stage) {
  lastStage = stage;
  for (const listener of listeners) listener(stage);
}

// Calls `listener` with each start-up stage, beginning with the latest one already reached.
export function onProgress(listener) {
  listeners.add(listener);
  if (lastStage) listener(lastStage);
}

function startWorker(settings, { snapshot }) {
  const worker = new Worker(settings.workerUrl, { type: "module" });
  const pending = new Map();
  let next = 0;
  worker.addEventListener("message", (event) => {
    const { id, ok, value, error, progress: stage } = event.data;
    if (stage) return progress(stage);
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    ok ? request.resolve(value) : request.reject(new Error(error));
  });
  worker.addEventListener("error", (event) => {
    for (const request of pending.values()) request.reject(new Error(event.message || "the worker stopped"));
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
    rulesVersion: settings.rulesVersion,
  });
  return { ready, call, stop: () => worker.terminate() };
}

// Start from the build's snapshot (fast); if that fails for any reason (a download error, a
// corrupt file, another Pyodide build), start again in a fresh worker the plain way.
async function startPython(settings) {
  const fast = startWorker(settings, { snapshot: Boolean(settings.snapshotUrl) });
  try {
    const version = await fast.ready;
    return { worker: fast, version, fallback: null };
  } catch (error) {
    fast.stop();
    progress("fallback");
    const plain = startWorker(settings, { snapshot: false });
    const version = await plain.ready;
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
    rulesVersion: data.rulesVersion,
  };
}

// Resolves to { worker: { call, stop }, version, fallback } once Python has answered.
export const python = script
  ? startPython(settingsFrom(script))
  : Promise.reject(new Error("this page does not start Python"));
python.catch(() => {}); // the page script reports failures
