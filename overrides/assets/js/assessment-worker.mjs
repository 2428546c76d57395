// The self-assessment's worker: starts Pyodide from the site's own files, off the main thread,
// unpacks the `assessment` package and answers the page's calls with the engine's results.
// It holds no rules of its own: every answer comes from Python.
let python = null;
let pageView = null;
let takeAway = null;
let packDocx = null;

const progress = (stage, detail) => self.postMessage({ progress: stage, detail });
const PROGRESS_EVERY_MS = 250;
const START_LIMIT_MS = 120_000;

// Pyodide 314.0.7 only logs "wasm instantiation failed!" when its WebAssembly cannot be
// loaded and then never settles. Watching for that warning (safe because the version is
// pinned exactly) and a generous time limit turn a silent hang into a clear failure.
function startFailure() {
  return new Promise((_, reject) => {
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      warn(...args);
      if (String(args[0]).includes("wasm instantiation failed")) {
        reject(new Error("the Python runtime (WebAssembly) could not be loaded"));
      }
    };
    setTimeout(() => reject(new Error("Python took too long to start")), START_LIMIT_MS);
  });
}

// A first visit on a slow connection: the snapshot (about 6 MB compressed) saves some 2.5 s
// of starting CPython but costs its download, so below about 18 Mbit/s a plain start is
// sooner (measured with `make bench`). After PACE_CHECK_MS of downloading, if the rest would
// take more than PACE_LIMIT_MS, the snapshot is dropped and the page starts plainly. From a
// cache it arrives long before the check.
const PACE_CHECK_MS = 1000;
const PACE_LIMIT_MS = 3000;

class SlowLink extends Error {}

// The snapshot's bytes, read as they arrive into one buffer of the size the build wrote down.
async function readSnapshot(response, expectedBytes) {
  const buffer = new Uint8Array(expectedBytes);
  const reader = response.body.getReader();
  const started = performance.now();
  let filled = 0;
  let told = started;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.length > buffer.length) {
      reader.cancel();
      throw new Error("the Python snapshot is not the one this page was built with");
    }
    buffer.set(value, filled);
    filled += value.length;
    const now = performance.now();
    const elapsed = now - started;
    if (now - told > PROGRESS_EVERY_MS) {
      told = now;
      progress("downloading", { done: filled, total: expectedBytes });
    }
    const rest = (elapsed * (expectedBytes - filled)) / filled;
    if (elapsed > PACE_CHECK_MS && rest > PACE_LIMIT_MS) {
      reader.cancel();
      throw new SlowLink("on this connection Python starts sooner without its snapshot");
    }
  }
  return buffer.subarray(0, filled);
}

async function download(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${what} could not be downloaded (HTTP ${response.status})`);
  return response;
}

async function start({ pyodideUrl, packageUrl, snapshotUrl, snapshotBytes, stdlibUrl, rulesVersion }) {
  progress("downloading");
  // The part of the standard library the engine uses, made by the build (the snapshot was
  // made with these very files), instead of Pyodide's whole library: 0.7 MB, not 2.5 MB.
  const options = { indexURL: pyodideUrl, stdLibURL: stdlibUrl };
  if (snapshotUrl) {
    // The memory snapshot is made at build time from this very Pyodide build, with the
    // assessment package imported. `_loadSnapshot` is private API, safe only because the
    // pyodide version is pinned exactly (package.json and package-lock.json); a snapshot from
    // any other build is refused ("Snapshot build id mismatch") and the page starts again
    // without one.
    options._loadSnapshot = download(snapshotUrl, "the Python snapshot").then((response) =>
      readSnapshot(response, snapshotBytes),
    );
    options._loadSnapshot.catch(() => {}); // reported through loadPyodide below
  }
  // Only a plain start needs the package's files: the snapshot already holds every module of
  // it, imported, and the rules, loaded (the build imports them all; tests/test_snapshot.py
  // runs every scenario through a restored snapshot with nothing on its file system).
  const archive = snapshotUrl ? null : download(packageUrl, "the assessment package").then((r) => r.arrayBuffer());
  archive?.catch(() => {}); // reported where it is awaited
  // Pyodide imports its large runtime module only once its own has run; asking for both now
  // fetches and compiles them side by side (the browser's module map keeps one copy).
  const runtime = import(new URL("pyodide.asm.mjs", pyodideUrl).href);
  runtime.catch(() => {}); // Pyodide's own import of it reports a failure
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideUrl).href);
  progress("starting");
  const pyodide = await Promise.race([loadPyodide(options), startFailure()]);
  progress("loading");
  if (archive) {
    pyodide.unpackArchive(await archive, "zip", { extractDir: "/home/pyodide/app" });
    pyodide.runPython("import sys\nif '/home/pyodide/app' not in sys.path: sys.path.insert(0, '/home/pyodide/app')");
  }
  const web = pyodide.pyimport("assessment.web");
  pageView = web.page_view_json;
  takeAway = web.take_away_json;
  packDocx = web.pack_docx;
  // A snapshot must carry exactly the rules this page was built with.
  const probe = JSON.parse(pageView("{}", "2000-01-01", ""));
  if (probe.rules_version !== rulesVersion) {
    throw new Error("Python's rules do not match this page's rules");
  }
  python = pyodide;
  const version = pyodide.runPython("import sys; sys.version.split()[0]");
  return { version, start: snapshotUrl ? "snapshot" : "plain" };
}

// The Word pack's bytes, copied out of Python's memory (the proxy to Python's `bytes` is
// released at once).
function docxBytes({ answers, today, siteUrl, employer, name, provider }) {
  const proxy = packDocx.callKwargs(JSON.stringify(answers), today, siteUrl, {
    employer: employer || "",
    name: name || "",
    provider: provider || "",
  });
  try {
    return proxy.toJs();
  } finally {
    proxy.destroy();
  }
}

// Each call has one name on the page, here and in Python (assessment/web.py): `page_view`,
// `take_away` and `pack`. The view goes to the page as the JSON text Python wrote: one string
// copies faster than an object tree, and the page parses it. `employer` is a profile's id
// ("" for none); the name and provider typed for a document go only to the take-aways.
const calls = {
  page_view: ({ answers, today, siteUrl, employer }) =>
    pageView.callKwargs(JSON.stringify(answers), today, siteUrl, { employer: employer || "" }),
  take_away: ({ answers, today, siteUrl, employer, name, provider }) =>
    JSON.parse(
      takeAway.callKwargs(JSON.stringify(answers), today, siteUrl, {
        employer: employer || "",
        name: name || "",
        provider: provider || "",
      }),
    ),
  pack: docxBytes,
  // The review page's one call (review/, overrides/assets/js/review.js): the reviewer's
  // checklist for the applicant's answers and chosen employer.
  review_view: ({ answers, employer, today }) =>
    python.pyimport("assessment.web").review_view_json(JSON.stringify(answers), employer || "", today),
  // Its decision record as a Word document: the bytes, copied out of Python.
  decision_record: ({ answers, employer, today, record }) => {
    const made = python.pyimport("assessment.web").decision_record_docx(
      JSON.stringify(answers), employer || "", today, JSON.stringify(record));
    try {
      return made.toJs();
    } finally {
      made.destroy();
    }
  },
};

self.onmessage = async (event) => {
  const { id, type, payload } = event.data;
  try {
    if (type === "start") {
      self.postMessage({ id, ok: true, value: await start(payload) });
    } else if (!python) {
      throw new Error("Python has not started");
    } else if (Object.hasOwn(calls, type)) {
      const value = calls[type](payload);
      // Bytes are handed over, not copied.
      self.postMessage({ id, ok: true, value }, value instanceof Uint8Array ? [value.buffer] : []);
    } else {
      throw new Error(`unknown request: ${type}`);
    }
  } catch (error) {
    const message = String(error && error.message ? error.message : error);
    self.postMessage({ id, ok: false, error: message, slowLink: error instanceof SlowLink });
  }
};
