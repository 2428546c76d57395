// What the pages keep on this device (localStorage), read as strictly as a link: storage
// may be blocked or full, and what it holds may be of any shape, so nothing here throws.

export const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

// { found, data, readable }: whether `key` holds anything, and its JSON if it parses.
export function readStored(key) {
  let raw;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return { found: false, data: null, readable: false };
  }
  if (raw === null) return { found: false, data: null, readable: true };
  try {
    return { found: true, data: JSON.parse(raw), readable: true };
  } catch {
    return { found: true, data: null, readable: false };
  }
}

// Keeps `value` as JSON under `key`, with the schema and the time it was saved.
export function store(key, schema, value) {
  try {
    localStorage.setItem(key, JSON.stringify({ schema, saved_at: new Date().toISOString(), ...value }));
  } catch {
    // Storage can be full or blocked; the page still works, it just cannot remember.
  }
}

export function unstore(...keys) {
  try {
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // Nothing to forget if storage is blocked.
  }
}
