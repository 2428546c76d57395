// What the applicant types for her application: who she is and where she applies (the
// fields marked `data-detail`, in the page's HTML) and, for each row of her draft scope, its
// body areas, clinical indications and exclusions (fields this module makes from the
// `<template data-scope-row>` for the rows Python's view gives, by each row's identity).
// Kept on this device under their own key, never in a link, except the scope detail, which
// travels in the review link (review-link.js). Nothing typed is inserted as HTML.
import { DETAIL_FIELDS, MAX_FIELD } from "./review-link.js";

// The key the name and imaging provider were kept under before; it holds every field now.
export const DETAILS_KEY = "imaging-referrer-assessment-who";

const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);
const text = (value) => (typeof value === "string" ? [...value].slice(0, MAX_FIELD).join("") : "");

// { <field>: text, scope: { <row id>: { body_areas, indications, exclusions } } } as kept.
export function loadDetails(fields) {
  let data;
  try {
    data = JSON.parse(localStorage.getItem(DETAILS_KEY) || "{}");
  } catch {
    data = {};
  }
  const details = { scope: {} };
  if (!isRecord(data)) return details;
  for (const field of fields) details[field] = text(data[field]);
  if (isRecord(data.scope)) {
    for (const [row, typed] of Object.entries(data.scope)) {
      if (!isRecord(typed)) continue;
      details.scope[row] = Object.fromEntries(DETAIL_FIELDS.map((name) => [name, text(typed[name])]));
    }
  }
  return details;
}

function saveDetails(details) {
  const scope = Object.fromEntries(Object.entries(details.scope)
    .filter(([, typed]) => DETAIL_FIELDS.some((name) => typed[name])));
  const kept = Object.fromEntries(Object.entries(details).filter(([key, value]) => key !== "scope" && value));
  if (Object.keys(scope).length) kept.scope = scope;
  try {
    if (Object.keys(kept).length) localStorage.setItem(DETAILS_KEY, JSON.stringify(kept));
    else localStorage.removeItem(DETAILS_KEY);
  } catch {
    // Storage full or blocked: the page works on without remembering.
  }
}

// The hand-over fields of `root` (the page's section `[data-handover]`): `onChange` is called
// after each keystroke, once what was typed is kept.
export function detailsFields(root, onChange = () => {}) {
  const inputs = [...root.querySelectorAll("[data-detail]")];
  const fields = inputs.map((input) => input.dataset.detail);
  const rowsBox = root.querySelector("[data-scope-rows]");
  const empty = root.querySelector("[data-scope-empty]");
  const template = root.querySelector("template[data-scope-row]");
  let details = loadDetails(fields);
  let rows = [];

  const show = () => {
    for (const input of inputs) input.value = details[input.dataset.detail] || "";
    for (const input of rowsBox.querySelectorAll("[data-row-field]")) {
      input.value = details.scope[input.dataset.row]?.[input.dataset.rowField] || "";
    }
  };
  const typed = () => {
    for (const input of inputs) details[input.dataset.detail] = input.value;
    for (const input of rowsBox.querySelectorAll("[data-row-field]")) {
      const row = input.dataset.row;
      details.scope[row] ||= Object.fromEntries(DETAIL_FIELDS.map((name) => [name, ""]));
      details.scope[row][input.dataset.rowField] = input.value;
    }
    saveDetails(details);
    onChange();
  };
  root.addEventListener("input", (event) => {
    if (event.target.matches("[data-detail], [data-row-field]")) typed();
  });

  // One group of three fields per row of the draft scope, by the row's identity: detail
  // typed for a row no longer asked for stays kept, and is never given to another row.
  function setRows(scopeRows) {
    const ids = scopeRows.map((row) => row.id);
    if (ids.join("\n") === rows.join("\n")) return;
    rows = ids;
    const focused = document.activeElement?.closest?.("[data-scope-rows]") ? document.activeElement.id : "";
    rowsBox.replaceChildren(...scopeRows.map((row, index) => {
      const group = template.content.firstElementChild.cloneNode(true);
      group.querySelector("legend").textContent = [row.modality_label, row.patients_label].filter(Boolean).join(", ");
      group.dataset.rowId = row.id;
      for (const input of group.querySelectorAll("[data-row-field]")) {
        const id = `scope-${index}-${input.dataset.rowField}`;
        input.id = id;
        input.dataset.row = row.id;
        input.closest(".assessment__who-field").querySelector("label").htmlFor = id;
      }
      return group;
    }));
    empty.hidden = ids.length > 0;
    show();
    if (focused) document.getElementById(focused)?.focus();
  }

  show();
  return {
    setRows,
    // What Python is given (the `--details` shape): the fields, and the scope detail of the
    // rows of the table as it stands.
    current() {
      const given = Object.fromEntries(fields.map((field) => [field, details[field] || ""]));
      given.scope = Object.fromEntries(rows.filter((row) => details.scope[row])
        .map((row) => [row, { ...details.scope[row] }]));
      return given;
    },
    // Everything typed, to put back with `restore` (an undo), and clearing it all.
    snapshot: () => structuredClone(details),
    restore(before) {
      details = structuredClone(before);
      saveDetails(details);
      show();
    },
    clear() {
      details = { scope: {} };
      saveDetails(details);
      show();
    },
  };
}
