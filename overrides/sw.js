// The site's service worker. After a first visit it keeps every page, asset and the Python
// runtime in one versioned cache, so a second visit works with the network off, the
// self-assessment included. hooks/security.py fills in BUILD when the site is built: the
// version (a hash of every file kept), the files (relative to this script, which sits at the
// site's root) and those whose name changes with their content (kept cache-first).
// It only ever answers for this site's own addresses; anything else goes to the network as if
// it were not here.
const BUILD = { version: "unbuilt", files: [], immutable: [] };

const PREFIX = "imaging-referrer-";
const ROOT = new URL("./", self.location.href).href;
// One cache per version and per site root: two copies of the site on one host (say /a/ and
// /b/) each clean up only their own old caches.
const CACHE = `${PREFIX}${BUILD.version} ${new URL(ROOT).pathname}`;
const absolute = (path) => new URL(path, ROOT).href;
const IMMUTABLE = new Set(BUILD.immutable.map(absolute));

// Content-hashed and versioned files can come from a browser cache; pages must be fresh.
function precacheRequest(path) {
  const url = absolute(path);
  return new Request(url, { cache: IMMUTABLE.has(url) ? "default" : "no-cache" });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(BUILD.files.map(precacheRequest));
      // The new version serves the next page load; the old cache goes on activation.
      await self.skipWaiting();
    })(),
  );
});

// Whether a cache name is an older version of this same site.
function isOldVersion(name) {
  return name !== CACHE && name.startsWith(PREFIX) && name.endsWith(` ${new URL(ROOT).pathname}`);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter(isOldVersion).map((name) => caches.delete(name)));
    })(),
  );
});

// Only the files listed at install time are kept, and only by install: nothing is written at
// run time, so a worker on its way out can never bring back the cache its successor deleted.
const cached = (request, options = {}) => caches.match(request, { ...options, cacheName: CACHE });

// Versioned runtime files never change under the same name: the cache answers first.
async function cacheFirst(request) {
  return (await cached(request)) || fetch(request);
}

// Pages and unversioned files: the network first, so an update shows at once; the cache
// when the network fails.
async function networkFirst(request) {
  try {
    return await fetch(request);
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
  event.respondWith(IMMUTABLE.has(url) ? cacheFirst(request) : networkFirst(request));
});
