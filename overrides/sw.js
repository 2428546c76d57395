// The site's service worker: after a first visit the site works with the network off, and
// after a first use of the self-assessment so does Python. hooks/security.py fills in BUILD
// when the site is built: the version (a hash of every file listed), the site's files (kept
// from the first visit), Python's (kept only once the self-assessment has been used, so a
// reader of the guidance never downloads them) and those whose name changes with their
// content (answered cache-first). Paths are relative to this script, at the site's root.
// It only ever answers for this site's own addresses; anything else goes to the network as if
// it were not here, and it only ever fetches this site's own files.
const BUILD = { version: "unbuilt", files: [], python: [], immutable: [] };

const PREFIX = "imaging-referrer-";
const ROOT = new URL("./", self.location.href).href;
// One cache per version and per site root: two copies of the site on one host (say /a/ and
// /b/) each clean up only their own old caches.
const SUFFIX = ` ${new URL(ROOT).pathname}`;
const CACHE = `${PREFIX}${BUILD.version}${SUFFIX}`;
const absolute = (path) => new URL(path, ROOT).href;
const IMMUTABLE = new Set(BUILD.immutable.map(absolute));
const PYTHON = BUILD.python.map(absolute);

const isOldVersion = (name) => name !== CACHE && name.startsWith(PREFIX) && name.endsWith(SUFFIX);

// Content-hashed and versioned files may come from the browser's cache; pages must be fresh.
function precacheRequest(path) {
  const url = absolute(path);
  return new Request(url, { cache: IMMUTABLE.has(url) ? "default" : "no-cache" });
}

// Python's files, into `cache`: copied from an older version's cache when unchanged, else
// fetched (from the browser's cache, when the page has just loaded them).
async function keepPython(cache, older = []) {
  await Promise.all(
    PYTHON.map(async (url) => {
      if (await cache.match(url)) return;
      for (const old of older) {
        const copy = await old.match(url);
        if (copy) return cache.put(url, copy);
      }
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return cache.put(url, response);
    }),
  );
}

// Older versions' caches that hold Python: the person uses the self-assessment.
async function olderWithPython() {
  const found = [];
  for (const name of (await caches.keys()).filter(isOldVersion)) {
    const old = await caches.open(name);
    if ((await old.keys()).some((request) => request.url.startsWith(`${ROOT}pyodide/`))) {
      found.push(old);
    }
  }
  return found;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(BUILD.files.map(precacheRequest));
      const older = await olderWithPython();
      if (older.length) await keepPython(cache, older);
      // The new version serves the next page load; the old caches go on activation.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // A page's request leaves at once, while this worker is still starting, instead of
      // after it (measured: about 30 ms sooner to the first question on a second visit).
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      const names = await caches.keys();
      await Promise.all(names.filter(isOldVersion).map((name) => caches.delete(name)));
    })(),
  );
});

// The self-assessment page says so once Python has started.
self.addEventListener("message", (event) => {
  if (event.data !== "keep-python") return;
  event.waitUntil(
    (async () => {
      if (await caches.has(CACHE)) await keepPython(await caches.open(CACHE));
    })(),
  );
});

// Nothing is written at run time but Python's files, on request: a worker on its way out can
// never bring back a cache its successor deleted.
const cached = (request, options = {}) => caches.match(request, { ...options, cacheName: CACHE });

// Versioned runtime files never change under the same name: the cache answers first.
async function cacheFirst(request) {
  return (await cached(request)) || fetch(request);
}

// Pages and unversioned files: the network first, so an update shows at once; the cache
// when the network fails. A page's request may already be on its way (navigation preload).
async function networkFirst(request, preloaded) {
  try {
    return (await preloaded) || (await fetch(request));
  } catch (error) {
    const copy = await cached(request, { ignoreSearch: request.mode === "navigate" });
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(ROOT) || request.headers.has("range")) {
    return; // not ours: the browser fetches it as usual
  }
  const url = request.url.split("#")[0].split("?")[0];
  event.respondWith(
    IMMUTABLE.has(url) ? cacheFirst(request) : networkFirst(request, event.preloadResponse),
  );
});
