// Answers kept on this device (localStorage), checked as strictly as a link's: only known
// questions and options survive a reading. What it says about saved answers it could not use
// is in the page's words (`say`: the page words' `answers.*`).
import { parseFragment } from "./link.js";
import { isAppId } from "./review-link.js";
import { isRecord, readStored, store, unstore } from "./storage.js";

const STORAGE_KEY = "imaging-referrer-assessment";
// What the applicant types for her application (details.js keeps it): kept apart from the
// answers, so a link's answers never carry it.
const WHO_KEY = "imaging-referrer-assessment-who";
const SCHEMA_VERSION = 1;

// { answers (or null), note (to show), newer (saved by a newer page: keep it), savedAt,
//   app (the application's id kept with the answers, or "") }.
export function loadSaved(controls, say) {
  const { found, data, readable } = readStored(STORAGE_KEY);
  if (!found) return { answers: null, note: "" };
  if (!readable || !isRecord(data) || !isRecord(data.answers)) {
    forget();
    return { answers: null, note: say("answers.unreadable") };
  }
  if (data.schema !== SCHEMA_VERSION) {
    const newer = Number(data.schema) > SCHEMA_VERSION;
    if (!newer) forget();
    return { answers: null, newer, note: say(newer ? "answers.newer" : "answers.older") };
  }
  // Reuse the link parser's checks: only known questions and options survive.
  const fragment = Object.entries(data.answers)
    .map(([key, value]) => `${encodeURIComponent(key)}=${[].concat(value).map((v) => encodeURIComponent(String(v))).join(",")}`)
    .join("&");
  const { answers, notes } = parseFragment(fragment, controls, say);
  if (Object.keys(answers).length === 0) {
    // Nothing usable: say so if something was there, and start clean.
    forget();
    return { answers: null, note: notes.length ? say("answers.no_match") : "" };
  }
  return {
    answers,
    app: isAppId(data.app) ? data.app : "",
    savedAt: typeof data.saved_at === "string" ? data.saved_at : "",
    note: notes.length ? say("answers.some_left_out") : "",
  };
}

// `app`: the application's id, kept with the answers it was made for ("" for none yet).
export function save(answers, app = "") {
  store(STORAGE_KEY, SCHEMA_VERSION, isAppId(app) ? { answers, app } : { answers });
}

export function forget() {
  unstore(STORAGE_KEY, WHO_KEY);
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
