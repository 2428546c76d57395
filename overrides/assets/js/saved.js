// Answers kept on this device (localStorage), checked as strictly as a link's: only known
// questions and options survive a reading.
import { parseFragment } from "./link.js";

const STORAGE_KEY = "imaging-referrer-assessment";
// The name and imaging provider typed for the documents: kept apart from the answers, so a
// link's answers never carry them and they never become part of a link.
const WHO_KEY = "imaging-referrer-assessment-who";
const SCHEMA_VERSION = 1;
const UNREADABLE = "Answers saved on this device could not be read, so they were cleared. Please answer again.";

const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

// { answers (or null), note (to show), newer (saved by a newer page: keep it), savedAt }.
export function loadSaved(controls) {
  let raw;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { answers: null, note: "" };
  }
  if (raw === null) return { answers: null, note: "" };
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    forget();
    return { answers: null, note: UNREADABLE };
  }
  if (!isRecord(data) || !isRecord(data.answers)) {
    forget();
    return { answers: null, note: UNREADABLE };
  }
  if (data.schema !== SCHEMA_VERSION) {
    const newer = Number(data.schema) > SCHEMA_VERSION;
    if (!newer) forget();
    return {
      answers: null,
      newer,
      note: newer
        ? "Answers saved on this device come from a newer version of this page, which this one cannot read. They are kept as they are unless you change an answer here."
        : "Answers saved on this device come from an older version of this page and could not be used. Please answer again.",
    };
  }
  // Reuse the link parser's checks: only known questions and options survive.
  const fragment = Object.entries(data.answers)
    .map(([key, value]) => `${encodeURIComponent(key)}=${[].concat(value).map((v) => encodeURIComponent(String(v))).join(",")}`)
    .join("&");
  const { answers, notes } = parseFragment(fragment, controls);
  if (Object.keys(answers).length === 0) {
    // Nothing usable: say so if something was there, and start clean.
    forget();
    return {
      answers: null,
      note: notes.length ? "Answers saved on this device no longer match the questions, so they were cleared. Please answer again." : "",
    };
  }
  return {
    answers,
    savedAt: typeof data.saved_at === "string" ? data.saved_at : "",
    note: notes.length ? "Some saved answers no longer match the questions and were left out." : "",
  };
}

export function save(answers) {
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ schema: SCHEMA_VERSION, saved_at: new Date().toISOString(), answers }),
    );
  } catch {
    // Storage can be full or blocked; the page still works, it just cannot remember.
  }
}

export function forget() {
  try {
    localStorage.removeItem(STORAGE_KEY);
    localStorage.removeItem(WHO_KEY);
  } catch {
    // Nothing to forget if storage is blocked.
  }
}

// { name, provider } as typed, each a string ("" when none was kept).
export function loadWho() {
  try {
    const data = JSON.parse(localStorage.getItem(WHO_KEY) || "{}");
    const text = (value) => (typeof value === "string" ? value.slice(0, 200) : "");
    return { name: text(data?.name), provider: text(data?.provider) };
  } catch {
    return { name: "", provider: "" };
  }
}

export function saveWho(who) {
  try {
    if (who.name || who.provider) localStorage.setItem(WHO_KEY, JSON.stringify(who));
    else localStorage.removeItem(WHO_KEY);
  } catch {
    // As for the answers: the page works on without remembering.
  }
}

// Everything kept on this device, as it stands, to put back with `restoreKept` (an undo).
export function kept() {
  try {
    return [STORAGE_KEY, WHO_KEY].map((key) => [key, localStorage.getItem(key)]);
  } catch {
    return [];
  }
}

export function restoreKept(entries) {
  try {
    for (const [key, value] of entries) {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    }
  } catch {
    // Storage blocked: nothing was kept to put back.
  }
}
