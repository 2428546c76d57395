// The self-assessment's worker: starts Pyodide from the site's own files, off the main thread,
// unpacks the `assessment` package and answers the page's calls with the engine's results.
// It holds no rules of its own: every answer comes from Python. Nor words: what it says when
// Python cannot start (the page words' `worker.*`) comes in its start message.
let python = null;
let words = {};
let pageView = null;
let takeAway = null;
let packDocx = null;

const progress = (stage, detail) => self.postMessage({ progress: stage, detail });
// The words of `key`, their {placeholders} filled from `values` (as words.js says them; a key
// it was not given is said as itself, so that the reason is never lost).
const say = (key, values = {}) =>
  String(words[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
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
        reject(new Error(say("worker.no_wasm")));
      }
    };
    setTimeout(() => reject(new Error(say("worker.too_slow"))), START_LIMIT_MS);
  });
}

// A first visit on a slow connection: the snapshot (about 4.6 MB in Brotli) saves some 4.5 s
// of starting CPython but costs its download, so on a slow enough link a plain start is
// sooner. Measured with `make bench`'s link on 3 December 2026: at 10 Mbit/s the result came
// in 8.7 s from the snapshot and 9.7 s plainly; at 6 Mbit/s in 13.9 s from the snapshot and
// about 12 s plainly: the two meet near 8 Mbit/s on that machine, and lower on a phone, whose
// slower CPU makes a plain start cost more. The limits below lean towards the snapshot (they
// drop it below about 6.5 Mbit/s): between the two, a wrong keep costs about a second on
// that machine, a wrong drop several on a phone.
//
// The worker asks for the snapshot at once and watches it arrive. It turns the bytes read
// into the share of the download that has arrived (the build's transfer profile: the
// snapshot's MiBs compress very differently) and estimates the rest from the pace so far.
// The WebAssembly and the library download beside it, so in the first seconds it has about
// half the link, and the estimate is about twice the real rest (at 10 Mbit/s: 13.6 to 18.7 s
// estimated at 250 ms and about 14 s at 1 s, for 7.1 s real; at 6 Mbit/s: 28 s, 24 s and
// 12 s). From PROBE_MS on it commits to the snapshot once the rest looks to come within
// PACE_LIMIT_MS (from a cache or a fast link, at once); if PROBE_MS after its first bytes the
// rest would take more than PROBE_LIMIT_MS, it drops it and starts Python plainly in this
// same worker, having lost only PROBE_MS of a share of the link; a snapshot still that slow
// (or slowing down) at PACE_CHECK_MS is dropped then. After a plain start, the service worker
// keeps the snapshot for the next visit.
const PROBE_MS = 250;
const PACE_CHECK_MS = 1000;
const PACE_LIMIT_MS = 22_000;
// So early, only a clearly slow link drops the snapshot: a busy machine can make even a local
// download look slow for a moment (the check at PACE_CHECK_MS still catches the rest).
const PROBE_LIMIT_MS = 1.5 * PACE_LIMIT_MS;
const MIB = 1 << 20;

// The share of the snapshot's download that carries its first `filled` bytes, from the
// build's profile (ten-thousandths of the compressed bytes before each MiB; see
// hooks/snapshot.py), or in proportion when it came uncompressed or with no profile.
function arrivedShare(filled, expectedBytes, profile, compressed) {
  if (!compressed || profile.length < 2) return filled / expectedBytes;
  const step = Math.min(Math.floor(filled / MIB), profile.length - 2);
  const within = Math.min(1, (filled - step * MIB) / MIB);
  return (profile[step] + (profile[step + 1] - profile[step]) * within) / profile[profile.length - 1];
}

class SlowLink extends Error {}
// A snapshot read that is not the build's: cut short, too long, altered, or broken off.
class BadSnapshot extends Error {}

// Reads the snapshot's response into one buffer of the size the build wrote down. `decided`
// resolves to true once the rest is expected within PACE_LIMIT_MS (or all has arrived), to
// false if that is not so after PROBE_MS (the download is then cancelled); `bytes` resolves
// to what arrived, or rejects (SlowLink if it slows down past PACE_CHECK_MS or was dropped
// at PROBE_MS). What arrived is checked by `checkedSnapshot` before any restore.
//
// Once decided, the decision stands: the check at PROBE_MS no longer cancels the download.
// It once did, and a cancelled reader's next read() says `done` as if the file had ended, so
// a snapshot committed to in its first milliseconds (a fast burst, then a pause) was cut to
// its first megabyte or so and restored: Pyodide crashed ("index out of bounds") and the page
// started again the plain way. That is what Firefox showed in 8 of 36 loads with the service
// worker on (1.4 to 1.6 MB of 31.5 MB), and Chromium on a machine busy enough.
function readSnapshot(response, expectedBytes, profile) {
  const buffer = new Uint8Array(expectedBytes);
  const reader = response.body.getReader();
  // The pace is timed from the first bytes on: what the link carries, not how long the
  // server (or a busy machine) took to begin.
  let first = null;
  let filled = 0;
  let told = performance.now();
  let resolveDecided;
  let committed = null;
  const decided = new Promise((resolve) => (resolveDecided = resolve));
  const settle = (value) => {
    if (committed !== null) return;
    committed = value;
    resolveDecided(value);
  };
  let dropped = false;
  const compressed = Boolean(response.headers.get("content-encoding"));
  // What the download weighs on the link (compressed, its Content-Length), so that the page
  // can say how much has really arrived; 0 when the host does not say (the page then shows
  // no amount). The bytes read are the decompressed ones, which run far ahead of it.
  const transferBytes = compressed ? Number(response.headers.get("content-length")) || 0 : expectedBytes;
  const rest = (elapsed) => {
    const share = arrivedShare(filled, expectedBytes, profile, compressed);
    return share > 0 ? (elapsed * (1 - share)) / share : Infinity;
  };
  let probe = null;
  const bytes = (async () => {
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new BadSnapshot(say("worker.broke_off", { error: error.message || error }));
      }
      const { done, value } = chunk;
      if (dropped) throw new SlowLink(say("worker.slow_link"));
      if (done) break;
      if (filled + value.length > buffer.length) {
        reader.cancel();
        throw new BadSnapshot(say("worker.too_long"));
      }
      const now = performance.now();
      if (first === null) {
        first = now;
        probe = setTimeout(() => {
          if (committed === null && rest(performance.now() - first) > PROBE_LIMIT_MS) {
            settle(false);
            dropped = true;
            reader.cancel().catch(() => {});
          }
        }, PROBE_MS);
      }
      buffer.set(value, filled);
      filled += value.length;
      const elapsed = now - first;
      if (elapsed >= PROBE_MS && rest(elapsed) <= PACE_LIMIT_MS) settle(true);
      if (now - told > PROGRESS_EVERY_MS) {
        told = now;
        const arrived = arrivedShare(filled, expectedBytes, profile, compressed) * transferBytes;
        progress("downloading", { done: Math.round(arrived) });
      }
      if (elapsed > PACE_CHECK_MS && rest(elapsed) > PACE_LIMIT_MS) {
        reader.cancel();
        throw new SlowLink(say("worker.slow_link"));
      }
    }
    clearTimeout(probe);
    settle(true);
    return buffer.subarray(0, filled);
  })();
  bytes.catch(() => settle(false));
  return { decided, bytes };
}

const hex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");

// The snapshot's bytes once they are known to be the build's: the length and SHA-256 the build
// wrote into the page. A host, a proxy or a cache can send a short or changed file without
// an error, and a restore of such bytes crashes Pyodide or, worse, runs on altered memory, so
// nothing is restored unchecked; a browser without Web Crypto here (a page served over plain
// HTTP from another machine) cannot check, so it starts plainly.
async function checkedSnapshot(bytes, expectedBytes, expectedSha256) {
  const data = await bytes;
  if (data.length !== expectedBytes) {
    throw new BadSnapshot(say("worker.incomplete", { got: data.length, total: expectedBytes }));
  }
  if (!globalThis.crypto?.subtle) throw new BadSnapshot(say("worker.no_check"));
  const digest = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", data)));
  if (digest !== expectedSha256) {
    throw new BadSnapshot(say("worker.altered"));
  }
  return data;
}

// Ask for a file now so that it is in the HTTP cache when Pyodide asks for it: the request
// Pyodide makes later waits for this one instead of downloading the file a second time.
function prefetch(url) {
  fetch(url).then((response) => response.arrayBuffer()).catch(() => {});
}

async function download(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(say("worker.not_downloaded", { what, status: response.status }));
  return response;
}

async function start({ pyodideUrl, packageUrl, snapshotUrl, snapshotBytes, snapshotSha256, snapshotProfile = [], stdlibUrl, rulesVersion }) {
  progress("downloading");
  // Pyodide imports its large runtime module only once its own has run; asking for both now
  // fetches and compiles them side by side (the browser's module map keeps one copy).
  const runtime = import(new URL("pyodide.asm.mjs", pyodideUrl).href);
  runtime.catch(() => {}); // Pyodide's own import of it reports a failure
  const loader = import(new URL("pyodide.mjs", pyodideUrl).href);
  loader.catch(() => {}); // reported where it is awaited
  // The part of the standard library the engine uses, made by the build (the snapshot was
  // made with these very files), instead of Pyodide's whole library: 0.7 MB, not 2.5 MB.
  const options = { indexURL: pyodideUrl, stdLibURL: stdlibUrl };
  let plain = !snapshotUrl;
  // Why a start that was to restore the snapshot became a plain one (null: it did not).
  let fallback = null;
  if (snapshotUrl) {
    // Both starts need the WebAssembly and the library: ask for them while the snapshot's
    // first bytes show what the link is like.
    prefetch(new URL("pyodide.asm.wasm", pyodideUrl).href);
    prefetch(stdlibUrl);
    // The memory snapshot is made at build time from this very Pyodide build, with the
    // assessment package imported. `_loadSnapshot` is private API, safe only because the
    // pyodide version is pinned exactly (package.json and package-lock.json); a snapshot from
    // any other build is refused ("Snapshot build id mismatch") and the page starts again
    // without one.
    //
    // Pyodide waits for the whole snapshot before it instantiates the WebAssembly (it sizes
    // the memory from it), so checking the bytes first costs only the hashing (tens of
    // milliseconds); a bad read, or a snapshot that slows down past PACE_CHECK_MS, goes
    // straight to a plain start in this worker, with no restore attempted (Pyodide has not
    // been started yet, so this worker is as good as a fresh one).
    const snapshot = readSnapshot(
      await download(snapshotUrl, say("worker.snapshot")), snapshotBytes, snapshotProfile,
    );
    if (await snapshot.decided) {
      try {
        options._loadSnapshot = await checkedSnapshot(snapshot.bytes, snapshotBytes, snapshotSha256);
      } catch (error) {
        if (!(error instanceof BadSnapshot || error instanceof SlowLink)) throw error;
        plain = true;
        fallback = error.message;
        progress(error instanceof SlowLink ? "fallback-slow" : "fallback");
      }
    } else {
      snapshot.bytes.catch(() => {});
      plain = true;
      fallback = say("worker.slow_link");
      progress("fallback-slow");
    }
  }
  // Only a plain start needs the package's files: the snapshot already holds every module of
  // it, imported, and the rules, loaded (the build imports them all; tests/test_snapshot.py
  // runs every scenario through a restored snapshot with nothing on its file system).
  const archive = plain ? download(packageUrl, say("worker.package")).then((r) => r.arrayBuffer()) : null;
  archive?.catch(() => {}); // reported where it is awaited
  const { loadPyodide } = await loader;
  progress("starting");
  const pyodide = await Promise.race([loadPyodide(options), startFailure()]);
  progress("loading");
  if (archive) {
    pyodide.unpackArchive(await archive, "zip", { extractDir: "/home/pyodide/app" });
    pyodide.runPython("import sys\nif '/home/pyodide/app' not in sys.path: sys.path.insert(0, '/home/pyodide/app')");
  }
  const web = pyodide.pyimport("assessment.web");
  pageView = web.page_view;
  takeAway = web.take_away;
  packDocx = web.pack;
  // A snapshot must carry exactly the rules this page was built with.
  const probe = JSON.parse(pageView("{}", "2000-01-01"));
  if (probe.rules_version !== rulesVersion) {
    throw new Error(say("worker.other_rules"));
  }
  python = pyodide;
  const version = pyodide.runPython("import sys; sys.version.split()[0]");
  return { version, fallback };
}

// The Word pack's bytes, copied out of Python's memory (the proxy to Python's `bytes` is
// released at once).
function docxBytes({ answers, today, siteUrl, employer, name, provider, details }) {
  const proxy = packDocx.callKwargs(JSON.stringify(answers), today, siteUrl, {
    employer: employer || "",
    name: name || "",
    provider: provider || "",
    details: JSON.stringify(details || {}),
  });
  try {
    return proxy.toJs();
  } finally {
    proxy.destroy();
  }
}

// Each call has one name on the page, here and in Python (assessment/web.py, where each is
// the function of that name): `page_view`, `take_away`, `pack`, `review_view`,
// `decision_record` and `decision_calendar`. Every call passes the answers as JSON and the date first. The view goes
// to the page as the JSON text Python wrote: one string copies faster than an object tree,
// and the page parses it. `employer` is a profile's id ("" for none); what the applicant
// typed for her application (`details`, in the command line's `--details` shape:
// assessment/reading/details_reader.py) goes only to the take-aways; the review page
// passes the review link's `app` and `scope` as they stand.
const calls = {
  page_view: ({ answers, today, employer }) =>
    pageView.callKwargs(JSON.stringify(answers), today, { employer: employer || "" }),
  take_away: ({ answers, today, siteUrl, employer, name, provider, details }) =>
    JSON.parse(
      takeAway.callKwargs(JSON.stringify(answers), today, siteUrl, {
        employer: employer || "",
        name: name || "",
        provider: provider || "",
        details: JSON.stringify(details || {}),
      }),
    ),
  pack: docxBytes,
  // The review page's one call (review/, overrides/assets/js/review.js): the reviewer's
  // checklist for the applicant's answers and chosen employer.
  review_view: ({ answers, employer, today, app, scope, tooLong }) =>
    python.pyimport("assessment.web").review_view.callKwargs(JSON.stringify(answers), today, {
      employer: employer || "",
      app: app || "",
      scope: scope || "",
      too_long: Boolean(tooLong),
    }),
  // Its decision record as a Word document, and its calendar (.ics): the bytes, copied out
  // of Python. `record` is the reviewer's record in the command line's `--decision` shape.
  decision_record: (payload) => recordBytes("decision_record", payload),
  decision_calendar: (payload) => recordBytes("decision_calendar", payload),
};

function recordBytes(name, { answers, employer, today, record }) {
  const made = python.pyimport("assessment.web")[name].callKwargs(
    JSON.stringify(answers), today, JSON.stringify(record), { employer: employer || "" });
  try {
    return made.toJs();
  } finally {
    made.destroy();
  }
}

self.onmessage = async (event) => {
  const { id, type, payload } = event.data;
  try {
    if (type === "start") {
      words = payload.words || {};
      self.postMessage({ id, ok: true, value: await start(payload) });
    } else if (!python) {
      throw new Error(say("worker.not_started"));
    } else if (Object.hasOwn(calls, type)) {
      const value = calls[type](payload);
      // Bytes are handed over, not copied.
      self.postMessage({ id, ok: true, value }, value instanceof Uint8Array ? [value.buffer] : []);
    } else {
      throw new Error(say("worker.unknown_request", { type }));
    }
  } catch (error) {
    const message = String(error && error.message ? error.message : error);
    self.postMessage({ id, ok: false, error: message, slowLink: error instanceof SlowLink });
  }
};
