// The reviewer's own record of an application: { items: { id: { seen, note } }, scope:
// { row: true|false }, decision, reasons }, kept in this browser only, under a key made from
// the link's answers: never in the address, never sent anywhere, and never saved as answers
// of the self-assessment. Read as strictly as saved answers: anything of the wrong shape is
// left out.
import { isRecord, readStored, store, unstore } from "./storage.js";

const STORAGE_PREFIX = "imaging-referrer-review:";
const SCHEMA_VERSION = 1;

export const recordKey = (fragment) => STORAGE_PREFIX + fragment;

export function emptyRecord() {
  return { items: {}, scope: {}, decision: "", reasons: "" };
}

export function loadRecord(key) {
  const { data } = readStored(key);
  const record = emptyRecord();
  if (!isRecord(data) || data.schema !== SCHEMA_VERSION) return record;
  if (isRecord(data.items)) {
    for (const [id, item] of Object.entries(data.items)) {
      if (!isRecord(item)) continue;
      record.items[id] = { seen: item.seen === true, note: typeof item.note === "string" ? item.note : "" };
    }
  }
  if (isRecord(data.scope)) {
    for (const [row, approved] of Object.entries(data.scope)) {
      if (typeof approved === "boolean") record.scope[row] = approved;
    }
  }
  if (typeof data.decision === "string") record.decision = data.decision;
  if (typeof data.reasons === "string") record.reasons = data.reasons;
  return record;
}

export const saveRecord = (key, record) => store(key, SCHEMA_VERSION, record);

export const forgetRecord = (key) => unstore(key);
