// The draft scope on the review page, row by row, from the review view (assessment/web.py
// `review_view`): each row with what the applicant typed for it, and the reviewer's decision
// on it (approved as asked, narrowed with the approved text, not approved) and exclusions.
// Decisions attach to a row's identity (`<modality>:<patient group>`), never to its
// position: a decided row the answers no longer give is listed as "no longer asked for" and
// carried nowhere; a new row is "not decided".
import { el } from "./nodes.js";
import { APPROVALS } from "./review-record.js";

function rowControls(row, index, entry, words, changed, say) {
  const base = `scope-row-${index}`;
  const hidden = (text) => el("span", { class: "visually-hidden", text: say("scope.for_row", { row: text }) });
  const choice = el("select", { id: base, dataset: { scopeRow: row.id } },
    ["", ...APPROVALS].map((value) => el("option", { value, text: say(value ? `scope.${value}` : "scope.undecided") })));
  choice.value = entry.approved;
  const narrowed = el("input", { type: "text", id: `${base}-text`, maxlength: "200", dataset: { scopeText: row.id } });
  narrowed.value = entry.text;
  const exclusions = el("input", { type: "text", id: `${base}-exclusions`, maxlength: "200", dataset: { scopeExclusions: row.id } });
  exclusions.value = entry.exclusions;
  choice.addEventListener("change", changed);
  narrowed.addEventListener("input", changed);
  exclusions.addEventListener("input", changed);
  return el("td", { class: "review-scope__approve" },
    el("label", { for: choice.id }, say("scope.decision"), hidden(words)), choice,
    el("label", { for: narrowed.id }, say("scope.text"), hidden(words)), narrowed,
    el("label", { for: exclusions.id }, say("scope.exclusions"), hidden(words)), exclusions);
}

export function renderScope(scope, record, changed, say) {
  if (!scope) return [el("p", { text: say("scope.not_registered") })];
  const gone = Object.keys(record.scope).filter((id) => !scope.rows.some((row) => row.id === id));
  const goneNotes = gone.map((id) => el("p", { class: "review-scope__gone", dataset: { goneRow: id } },
    say("scope.gone", { decision: `${id}: ${say(`scope.${record.scope[id].approved}`)}` })));
  if (!scope.rows.length) return [el("p", { text: scope.note || scope.intro }), ...goneNotes];
  // Every column, the applicant's typed detail (body areas, indications, exclusions) too.
  const shown = scope.columns;
  const rows = scope.rows.map((row, index) => {
    const words = shown.filter((column) => column.kind !== "blank").map((column) => row[column.field]).filter(Boolean).join(", ");
    const entry = record.scope[row.id] || { approved: "", text: "", exclusions: "" };
    return el("tr", { dataset: { scopeRow: row.id } },
      rowControls(row, index, entry, words, changed, say),
      shown.map((column) => el("td", { text: row[column.field] })),
    );
  });
  // A table without a class of its own, so the theme styles it as every other table.
  return [el("div", { class: "md-typeset__table review-scope" },
    el("table", {},
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: say("scope.decision") }),
        shown.map((column) => el("th", { scope: "col", text: column.heading })))),
      el("tbody", {}, rows),
    )), ...goneNotes];
}

// The scope decisions as the page holds them, by row identity; decisions on rows the answers
// no longer give stay in the record, carried nowhere.
export function readScope(app, before) {
  const scope = {};
  for (const choice of app.querySelectorAll("select[data-scope-row]")) {
    const id = choice.dataset.scopeRow;
    if (!choice.value) continue;
    scope[id] = {
      approved: choice.value,
      text: app.querySelector(`[data-scope-text="${CSS.escape(id)}"]`).value.trim(),
      exclusions: app.querySelector(`[data-scope-exclusions="${CSS.escape(id)}"]`).value.trim(),
    };
  }
  for (const [id, entry] of Object.entries(before)) {
    if (!app.querySelector(`select[data-scope-row="${CSS.escape(id)}"]`)) scope[id] = entry;
  }
  return scope;
}
