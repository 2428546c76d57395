// The reviewer's own record of an application, kept in this browser only: never in the
// address, never sent anywhere, never saved as answers of the self-assessment. One record per
// application, under its reference `app` (spec: "Hand-over: the application and the
// decision"), in the command line's `--decision` shape (app, applicant, reviewer, items,
// scope by row identity, outcome, reasons, needed, start, review, conditions), with the
// answers it was made for. Read as strictly as saved answers: anything of the wrong shape is
// left out.
import { isRecord, readStored, store, unstore } from "./storage.js";

const STORAGE_PREFIX = "imaging-referrer-review:";
const APP_PREFIX = `${STORAGE_PREFIX}app:`;
const SCHEMA_VERSION = 2;
const APPLICANT = ["name", "regulator", "registration_number", "register_checked", "workplace", "supervisor"];
const REVIEWER = ["name", "role"];
export const APPROVALS = ["yes", "narrowed", "no"];
export const OUTCOMES = ["entitle", "more-information", "decline"];
const isText = (value) => typeof value === "string";
const isDay = (value) => isText(value) && /^\d{4}-\d{2}-\d{2}$/.test(value);

export const recordKey = (app) => APP_PREFIX + app;

export function emptyRecord() {
  return { applicant: {}, reviewer: {}, items: {}, scope: {}, outcome: "", reasons: "", needed: [], start: "", review: "", conditions: [] };
}

function pickText(data, names) {
  const out = {};
  if (!isRecord(data)) return out;
  for (const name of names) if (isText(data[name]) && data[name]) out[name] = data[name];
  return out;
}

// A record as read from storage or an imported file.
export function usableRecord(data) {
  const record = emptyRecord();
  if (!isRecord(data)) return record;
  record.applicant = pickText(data.applicant, APPLICANT);
  record.reviewer = pickText(data.reviewer, REVIEWER);
  if (isRecord(data.items)) {
    for (const [id, item] of Object.entries(data.items)) {
      if (isRecord(item)) record.items[id] = { seen: item.seen === true, note: isText(item.note) ? item.note : "" };
    }
  }
  if (isRecord(data.scope)) {
    for (const [row, entry] of Object.entries(data.scope)) {
      if (isRecord(entry) && APPROVALS.includes(entry.approved)) {
        record.scope[row] = { approved: entry.approved, text: isText(entry.text) ? entry.text : "", exclusions: isText(entry.exclusions) ? entry.exclusions : "" };
      }
    }
  }
  if (OUTCOMES.includes(data.outcome)) record.outcome = data.outcome;
  if (isText(data.reasons)) record.reasons = data.reasons;
  if (Array.isArray(data.needed)) record.needed = data.needed.filter(isText);
  if (isDay(data.start)) record.start = data.start;
  if (isDay(data.review)) record.review = data.review;
  if (Array.isArray(data.conditions)) {
    record.conditions = data.conditions.filter((entry) => isRecord(entry) && isText(entry.text))
      .map((entry) => ({ text: entry.text, due: isDay(entry.due) ? entry.due : "" }));
  }
  return record;
}

// The record as the command line reads it (`--decision`): empty values left out.
export function decisionShape(record, app) {
  const out = { app };
  if (Object.keys(record.applicant).length) out.applicant = record.applicant;
  if (Object.keys(record.reviewer).length) out.reviewer = record.reviewer;
  if (Object.keys(record.items).length) out.items = record.items;
  const scope = {};
  for (const [row, entry] of Object.entries(record.scope)) {
    const kept = { approved: entry.approved };
    if (entry.text) kept.text = entry.text;
    if (entry.exclusions) kept.exclusions = entry.exclusions;
    scope[row] = kept;
  }
  if (Object.keys(scope).length) out.scope = scope;
  for (const name of ["outcome", "reasons", "start", "review"]) if (record[name]) out[name] = record[name];
  if (record.needed.length) out.needed = record.needed;
  const conditions = record.conditions.filter((entry) => entry.text.trim())
    .map((entry) => (entry.due ? { text: entry.text, due: entry.due } : { text: entry.text }));
  if (conditions.length) out.conditions = conditions;
  return out;
}

// What is kept under `key`: { record, answers, saved } or null.
export function loadRecord(key) {
  const { data } = readStored(key);
  if (!isRecord(data) || data.schema !== SCHEMA_VERSION) return null;
  return { record: usableRecord(data), answers: isText(data.answers) ? data.answers : null, saved: isText(data.saved_at) ? data.saved_at : "" };
}

export const saveRecord = (key, record, app, answers) => store(key, SCHEMA_VERSION, { answers, ...decisionShape(record, app) });

export const forgetRecord = (key) => unstore(key);

// The applications with a record on this device, by reference.
export function storedApps() {
  try {
    return Object.keys(localStorage).filter((name) => name.startsWith(APP_PREFIX)).map((name) => name.slice(APP_PREFIX.length)).sort();
  } catch {
    return [];
  }
}

// What changed between the answers a record was made for and these (`key=value` pairs of the
// share link): removed parts with −, added ones with +.
export function answersChanged(before, now) {
  const old = new Set(before.split("&").filter(Boolean));
  const current = new Set(now.split("&").filter(Boolean));
  return [...[...old].filter((part) => !current.has(part)).map((part) => `− ${decodeURIComponent(part)}`),
    ...[...current].filter((part) => !old.has(part)).map((part) => `+ ${decodeURIComponent(part)}`)];
}

// Records kept before applications had references: under the link's answers (schema 1:
// items { id: { seen, note } }, scope by row position, decision, reasons). Each is
// [answers, { items, reasons, saved, offered }]; none starts with `app:`.
const LEGACY_SCHEMA = 1;

export const legacyKey = (answers) => STORAGE_PREFIX + answers;

export function legacyRecords() {
  let names;
  try {
    names = Object.keys(localStorage).filter((name) => name.startsWith(STORAGE_PREFIX) && !name.startsWith(APP_PREFIX)).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const { data } = readStored(name);
    if (!isRecord(data) || data.schema !== LEGACY_SCHEMA) return [];
    const kept = usableRecord({ items: data.items });
    return [[name.slice(STORAGE_PREFIX.length), {
      items: kept.items,
      reasons: isText(data.reasons) ? data.reasons : "",
      saved: isText(data.saved_at) ? data.saved_at : "",
      offered: data.offered === true,
    }]];
  });
}

// Marks a legacy record as offered, so the page offers it once.
export function markOffered(answers) {
  const { data } = readStored(legacyKey(answers));
  if (!isRecord(data)) return;
  try {
    localStorage.setItem(legacyKey(answers), JSON.stringify({ ...data, offered: true }));
  } catch {
    // Storage blocked: it is offered again next time.
  }
}
