// The reviewer's checklist (review/): for the person who decides an application. It reads
// the applicant's link exactly as the self-assessment does (assessment-link.js, against the
// questions' and employer profiles' ids the build wrote into the page), asks the same Python
// engine in the same worker for the checklist (assessment/web.py `review_view`), and draws it
// with `el()` (assessment-nodes.js), so nothing from the link or the engine is inserted as
// HTML and no rule or wording of the rules lives here. The reviewer's own ticks, notes and
// decision are kept in this browser only (localStorage), under a key made from the link's
// answers: never in the address, never sent anywhere, and never saved as answers of the
// self-assessment.
import { carriesAnswers, fragmentFor, parseFragment } from "./assessment-link.js";
import { el } from "./assessment-nodes.js";
import { splitReviewFragment } from "./assessment-review-link.js";

// Started by the boot script inlined at the top of this page's head (assessment-boot.js).
const { onProgress, python } = globalThis.assessmentBoot || {
  onProgress: () => {},
  python: Promise.reject(new Error("this page does not start Python")),
};
python.catch(() => {}); // reported where the page waits for it

const app = document.getElementById("review-app");
// The page's words (words/review.toml, reviewer's voice), written by the build.
const WORDS = app ? JSON.parse(app.dataset.words || "{}") : {};
const say = (key, fields = {}) => (WORDS[key] || key).replace(/\{(\w+)\}/g, (_, name) => String(fields[name] ?? ""));
const STORAGE_PREFIX = "imaging-referrer-review:";
const SCHEMA_VERSION = 2;
const STATUS_ICON = { held: "✓", partial: "◐", gap: "✗", check: "?", unknown: "…" };

const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

const today = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

// ---------------------------------------------------------------- the reviewer's record

// The record is kept in the command line's `--decision` shape (app, applicant, reviewer,
// items, scope by row identity, outcome, reasons, needed, start, review, conditions), under
// the application's reference `app`, with the answers it was made for. It is read as
// strictly as saved answers: anything of the wrong shape is left out.
const APPLICANT = ["name", "regulator", "registration_number", "register_checked", "workplace", "supervisor"];
const REVIEWER = ["name", "role"];
const APPROVALS = ["yes", "narrowed", "no"];
const OUTCOMES = ["entitle", "more-information", "decline"];
const isText = (value) => typeof value === "string";
const isDay = (value) => isText(value) && /^\d{4}-\d{2}-\d{2}$/.test(value);

function emptyRecord() {
  return { applicant: {}, reviewer: {}, items: {}, scope: {}, outcome: "", reasons: "", needed: [], start: "", review: "", conditions: [] };
}

function pickText(data, names) {
  const out = {};
  if (!isRecord(data)) return out;
  for (const name of names) if (isText(data[name]) && data[name]) out[name] = data[name];
  return out;
}

// A record as read from storage or an imported file.
function usableRecord(data) {
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

// The record as the command line reads it: empty values left out.
function decisionShape(record, appId) {
  const out = { app: appId };
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

function loadStored(key) {
  try {
    const data = JSON.parse(localStorage.getItem(key) || "null");
    return isRecord(data) && data.schema === SCHEMA_VERSION ? data : null;
  } catch {
    return null;
  }
}

function saveRecord(key, record, appId, answersKey) {
  try {
    localStorage.setItem(key, JSON.stringify({ schema: SCHEMA_VERSION, saved_at: new Date().toISOString(), answers: answersKey, ...decisionShape(record, appId) }));
  } catch {
    // Storage can be full or blocked; the review still works, it just cannot remember.
  }
}

function forgetRecord(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to forget if storage is blocked.
  }
}

// ---------------------------------------------------------------- drawing the checklist

function sourceList(sources) {
  return el("ul", { class: "review-item__sources" },
    sources.map(([title, url]) => el("li", {}, el("a", { href: url, text: title }))));
}

function renderItem(item, record, changed) {
  const seenId = `seen-${item.id}`;
  const noteId = `note-${item.id}`;
  const entry = record.items[item.id] || { seen: false, note: "" };
  const seen = el("input", { type: "checkbox", id: seenId, dataset: { seen: item.id } });
  seen.checked = entry.seen;
  const note = el("textarea", { id: noteId, rows: "2", dataset: { note: item.id } });
  note.value = entry.note;
  const printed = el("p", { class: "print-only review-item__printed", dataset: { printNote: item.id } });
  const neededId = `needed-${item.id}`;
  const needed = el("input", { type: "checkbox", id: neededId, dataset: { needed: item.id } });
  needed.checked = record.needed.includes(item.id);
  needed.addEventListener("change", changed);
  const body = [
    el("h4", { class: "review-item__title" },
      el("span", { class: "review-item__icon", "aria-hidden": "true", text: STATUS_ICON[item.status] || "" }),
      el("span", { text: item.title }),
    ),
    el("p", { class: "review-item__status" },
      "The applicant says: ", el("strong", { text: item.status_label }),
      item.basis_label ? el("span", { class: "review-item__basis", text: ` · Basis: ${item.basis_label}` }) : null,
    ),
    el("p", {}, el("strong", { text: say("item.ask") }), item.ask),
  ];
  if (item.refines) body.push(el("p", {}, el("strong", { text: "Sharpens the national item: " }), item.refines));
  if (item.verify) {
    body.push(
      el("p", { class: "review-item__verify" }, el("strong", { text: say("item.verify") }), item.verify),
      sourceList(item.verify_sources),
    );
  }
  if (item.sources?.length) body.push(sourceList(item.sources));
  body.push(
    el("div", { class: "review-item__controls" },
      el("div", { class: "review-item__seen" }, seen,
        el("label", { for: seenId }, "Seen", el("span", { class: "visually-hidden", text: `: ${item.title}` }))),
      el("div", { class: "review-item__seen" }, needed,
        el("label", { for: neededId }, say("item.still_needed"), el("span", { class: "visually-hidden", text: `: ${item.title}` }))),
      el("label", { for: noteId, class: "review-item__note-label", text: `Note on “${item.title}”` }),
      note,
      printed,
    ),
  );
  const li = el("li", { class: `review-item review-item--${item.status}`, dataset: { reviewId: item.id, status: item.status } }, body);
  const mirror = () => {
    const text = note.value.trim();
    printed.textContent = `${seen.checked ? "Seen" : "Not seen"}.${text ? ` Note: ${text}` : ""}`;
  };
  mirror();
  seen.addEventListener("change", () => {
    mirror();
    changed();
  });
  note.addEventListener("input", () => {
    mirror();
    changed();
  });
  return li;
}

function renderItems(items, record, changed) {
  const groups = new Map();
  for (const item of items) {
    if (!groups.has(item.group)) groups.set(item.group, []);
    groups.get(item.group).push(item);
  }
  return [...groups].map(([title, members], index) =>
    el("section", { class: "review-group", "aria-labelledby": `review-group-${index}` },
      el("h3", { id: `review-group-${index}`, text: title }),
      el("ul", { class: "review-list" }, members.map((item) => renderItem(item, record, changed))),
    ));
}

// Scope decisions attach to a row's identity (`<modality>:<patient group>`), never to its
// position: a decided row the answers no longer give is listed as "no longer asked for" and
// carried nowhere; a new row is "not decided".
function renderScope(scope, record, changed) {
  if (!scope) return [el("p", { text: "There is no scope to approve: the applicant's answers show they are not registered." })];
  const gone = Object.keys(record.scope).filter((id) => !scope.rows.some((row) => row.id === id));
  const goneNotes = gone.map((id) => el("p", { class: "review-scope__gone", dataset: { goneRow: id } },
    say("scope.gone", { decision: `${id}: ${say(`scope.${record.scope[id].approved}`)}` })));
  if (!scope.rows.length) return [el("p", { text: scope.note || scope.intro }), ...goneNotes];
  const shown = scope.columns;
  const rows = scope.rows.map((row, index) => {
    const base = `scope-row-${index}`;
    const words = shown.filter((column) => column.kind !== "blank").map((column) => row[column.field]).filter(Boolean).join(", ");
    const entry = record.scope[row.id] || { approved: "", text: "", exclusions: "" };
    const choice = el("select", { id: base, dataset: { scopeRow: row.id } },
      ["", ...APPROVALS].map((value) => el("option", { value, text: value ? say(`scope.${value}`) : say("scope.undecided") })));
    choice.value = entry.approved;
    const narrowed = el("input", { type: "text", id: `${base}-text`, maxlength: "200", dataset: { scopeText: row.id } });
    narrowed.value = entry.text;
    const exclusions = el("input", { type: "text", id: `${base}-exclusions`, maxlength: "200", dataset: { scopeExclusions: row.id } });
    exclusions.value = entry.exclusions;
    for (const control of [choice, narrowed, exclusions]) control.addEventListener(control === choice ? "change" : "input", changed);
    return el("tr", { dataset: { scopeRow: row.id } },
      el("td", { class: "review-scope__approve" },
        el("label", { for: base }, say("scope.decision"), el("span", { class: "visually-hidden", text: `: ${words}` })), choice,
        el("label", { for: narrowed.id }, say("scope.text"), el("span", { class: "visually-hidden", text: `: ${words}` })), narrowed,
        el("label", { for: exclusions.id }, say("scope.exclusions"), el("span", { class: "visually-hidden", text: `: ${words}` })), exclusions),
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

function renderSummary(view) {
  const parts = [
    el("h2", { text: "The application" }),
    el("p", { class: `review__outcome review__outcome--${view.outcome}` },
      el("strong", { text: `The applicant's self-assessment: ${view.outcome_label}. ` }), view.outcome_sentence),
  ];
  if (view.employer) {
    parts.push(el("p", {}, el("strong", { text: "Employer: " }), `${view.employer.name}. ${view.employer.note}`));
  } else {
    parts.push(el("p", { text: "No employer was chosen in the link, so only the national evidence items are listed." }));
  }
  if (view.missing.length) {
    parts.push(el("p", { text: "The applicant has not answered these questions yet, so the list may grow:" }),
      el("ul", {}, view.missing.map((text) => el("li", { text }))));
  }
  parts.push(
    el("h3", { text: "The applicant's answers" }),
    el("dl", { class: "review__answers" }, view.answers.map(([question, answer]) => [el("dt", { text: question }), el("dd", { text: answer })])),
  );
  return parts;
}

// ---------------------------------------------------------------- the page

function main() {
  const status = app.querySelector("[data-python-status]");
  const progress = app.querySelector("[data-python-progress]");
  const notes = app.querySelector("[data-notes]");
  const body = app.querySelector("[data-review]");
  const feedback = app.querySelector("[data-action-feedback]");
  const reasons = app.querySelector("[data-review-reasons]");
  const printReasons = app.querySelector("[data-print-reasons]");
  const printDate = app.querySelector("[data-print-date]");
  const radios = [...app.querySelectorAll("input[name=decision]")];
  // data-site-root is written without a trailing slash (`..`), so it is made a folder first.
  const evidencePage = new URL("evidence/", new URL(`${app.dataset.siteRoot}/`, document.baseURI)).href;
  document.documentElement.classList.add("review-js");

  // A new link pasted into the address bar: read it afresh.
  window.addEventListener("hashchange", () => {
    if (carriesAnswers(location.hash)) location.reload();
  });
  const backLink = app.querySelector("[data-assessment-link]");
  backLink.setAttribute("href", `${backLink.getAttribute("href")}${location.hash}`);

  const fail = (text) => {
    progress.hidden = true;
    status.replaceChildren(text, " Every evidence item an application may need, and what counts for each, is on ",
      el("a", { href: evidencePage, text: "the evidence page" }), ".");
  };

  const controls = new Map(Object.entries(JSON.parse(app.dataset.controls)));
  if (!carriesAnswers(location.hash)) {
    fail("This page shows an applicant's checklist from the link they give you (the self-assessment's “Link for the person reviewing your application”), and this address carries no answers.");
    app.dataset.reviewEmpty = "true";
    return;
  }
  // The review link's own parts (the application's id, the scope detail) apart from the
  // answers, which are read as any share link is.
  const review = splitReviewFragment(location.hash);
  const link = parseFragment(review.share, controls);
  const answers = { ...link.answers };
  const employer = answers.employer || "";
  delete answers.employer;
  if (link.notes.length) {
    notes.replaceChildren(...link.notes.map((line) => el("p", { text: line })));
    notes.hidden = false;
  }
  // One record per application, under its reference `app` (an older link without one is
  // kept under its answers, as before).
  const answersKey = fragmentFor(link.answers, controls, null);
  const appId = review.app || "";
  const key = STORAGE_PREFIX + (appId ? `app:${appId}` : answersKey);
  const stored = loadStored(key);
  let record = usableRecord(stored);

  const flash = (text) => {
    feedback.textContent = text;
  };
  const conditionList = app.querySelector("[data-conditions]");
  function conditionRow(entry) {
    const number = conditionList.children.length + 1;
    const text = el("input", { type: "text", id: `condition-${number}`, maxlength: "200", dataset: { conditionText: "" } });
    text.value = entry.text;
    const due = el("input", { type: "date", id: `condition-${number}-due`, dataset: { conditionDue: "" } });
    due.value = entry.due;
    const remove = el("button", { type: "button", class: "md-button", text: say("decision.remove_condition", { number }) });
    const li = el("li", { class: "review__condition" },
      el("label", { for: text.id, text: say("decision.condition_text", { number }) }), text,
      el("label", { for: due.id, text: say("decision.condition_due", { number }) }), due, remove);
    text.addEventListener("input", changed);
    due.addEventListener("change", changed);
    remove.addEventListener("click", () => {
      li.remove();
      changed();
      app.querySelector("[data-action=add-condition]").focus();
    });
    return li;
  }
  app.querySelector("[data-action=add-condition]").addEventListener("click", () => {
    const li = conditionRow({ text: "", due: "" });
    conditionList.append(li);
    li.querySelector("input").focus();
  });
  const collect = () => {
    const next = emptyRecord();
    for (const input of app.querySelectorAll("input[data-field]")) {
      const [group, name] = input.dataset.field.split(".");
      if (name && input.value.trim()) next[group][name] = input.value.trim();
      if (!name) next[group] = input.value;
    }
    for (const box of app.querySelectorAll("[data-seen]")) {
      const note = app.querySelector(`[data-note="${CSS.escape(box.dataset.seen)}"]`);
      if (box.checked || note.value) next.items[box.dataset.seen] = { seen: box.checked, note: note.value };
    }
    next.needed = [...app.querySelectorAll("[data-needed]")].filter((box) => box.checked).map((box) => box.dataset.needed);
    for (const choice of app.querySelectorAll("select[data-scope-row]")) {
      const id = choice.dataset.scopeRow;
      if (!choice.value) continue;
      next.scope[id] = {
        approved: choice.value,
        text: app.querySelector(`[data-scope-text="${CSS.escape(id)}"]`).value.trim(),
        exclusions: app.querySelector(`[data-scope-exclusions="${CSS.escape(id)}"]`).value.trim(),
      };
    }
    // Decisions on rows the answers no longer give stay in the record, carried nowhere.
    for (const [id, entry] of Object.entries(record.scope)) {
      if (!app.querySelector(`select[data-scope-row="${CSS.escape(id)}"]`)) next.scope[id] = entry;
    }
    next.outcome = radios.find((radio) => radio.checked)?.value || "";
    next.reasons = reasons.value;
    next.conditions = [...conditionList.children].map((li) => ({
      text: li.querySelector("[data-condition-text]").value,
      due: li.querySelector("[data-condition-due]").value,
    }));
    return next;
  };
  function changed() {
    record = collect();
    saveRecord(key, record, appId, answersKey);
    printReasons.textContent = record.reasons.trim() ? `Reasons: ${record.reasons.trim()}` : "";
    printDecision();
    app.dataset.saves = String(Number(app.dataset.saves || 0) + 1);
  }
  // The decision in words on the printed record, not only as a filled radio button.
  const printedDecision = app.querySelector("[data-print-decision]");
  function printDecision() {
    const chosen = radios.find((radio) => radio.checked);
    const label = chosen ? app.querySelector(`label[for="${chosen.id}"]`).textContent : "Not decided yet";
    printedDecision.textContent = `Decision: ${label}.`;
  }
  for (const radio of radios) radio.addEventListener("change", changed);
  reasons.addEventListener("input", changed);
  for (const input of app.querySelectorAll("input[data-field]")) input.addEventListener("input", changed);

  function restoreDecision() {
    for (const radio of radios) radio.checked = radio.value === record.outcome;
    reasons.value = record.reasons;
    for (const input of app.querySelectorAll("input[data-field]")) {
      const [group, name] = input.dataset.field.split(".");
      input.value = (name ? record[group][name] : record[group]) || "";
    }
    conditionList.replaceChildren();
    for (const entry of record.conditions) conditionList.append(conditionRow(entry));
    printReasons.textContent = record.reasons.trim() ? `Reasons: ${record.reasons.trim()}` : "";
    printDecision();
  }

  let view = null;
  function draw() {
    app.querySelector("[data-summary]").replaceChildren(...renderSummary(view));
    app.querySelector("[data-items]").replaceChildren(...renderItems(view.items, record, changed));
    app.querySelector("[data-scope]").replaceChildren(...renderScope(view.scope, record, changed));
    restoreDecision();
    printDate.textContent = `Decision record printed on ${view.date}, from the applicant's self-assessment link.`;
  }

  app.querySelector("[data-action=print]").addEventListener("click", () => window.print());
  let worker = null;
  const download = async (call, type, name, writing, done) => {
    if (!worker || !view) return;
    flash(writing);
    try {
      const bytes = await worker.call(call, { answers, employer, today: today(), record: decisionShape(collect(), appId) });
      const file = new File([bytes], name, { type });
      // The share sheet where files can be shared (phones), the download elsewhere.
      if (navigator.canShare?.({ files: [file] })) {
        try {
          await navigator.share({ files: [file] });
          flash(done);
          return;
        } catch (error) {
          if (error.name === "AbortError") return;
        }
      }
      const anchor = el("a", { href: URL.createObjectURL(file), download: name });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
      flash(done);
    } catch (error) {
      flash(`The file could not be written (${error.message}). Print the record instead.`);
    }
  };
  const fileName = (ext) => `decision-record-${appId || "unnamed"}-${today()}.${ext}`;
  app.querySelector("[data-action=download]").addEventListener("click", () =>
    download("decision_record", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      fileName("docx"), "Writing the decision record…", "The decision record was downloaded as a Word document (.docx)."));
  app.querySelector("[data-action=calendar]").addEventListener("click", () => {
    const dated = collect();
    const any = dated.review || dated.conditions.some((entry) => entry.due && entry.text.trim());
    download("decision_calendar", "text/calendar", fileName("ics"), "Writing the calendar…",
      any ? say("record.calendar_done") : say("record.calendar_empty"));
  });
  // The records on this device, each with "forget", and "forget all".
  const recordList = app.querySelector("[data-records]");
  const storedKeys = () => {
    try {
      return Object.keys(localStorage).filter((name) => name.startsWith(`${STORAGE_PREFIX}app:`)).sort();
    } catch {
      return [];
    }
  };
  function listRecords() {
    const keys = storedKeys();
    if (!keys.length) {
      recordList.replaceChildren(el("li", { text: say("records.none") }));
      return;
    }
    recordList.replaceChildren(...keys.map((name) => {
      const data = loadStored(name) || {};
      const id = name.slice(`${STORAGE_PREFIX}app:`.length);
      const forget = el("button", { type: "button", class: "md-button", dataset: { forgetRecord: id }, text: say("records.forget", { app: id }) });
      forget.addEventListener("click", () => {
        forgetRecord(name);
        if (name === key) {
          record = emptyRecord();
          draw();
        }
        listRecords();
        flash(say("records.forgotten", { app: id }));
        recordList.querySelector("button")?.focus();
      });
      return el("li", { dataset: { recordApp: id } }, say("records.entry", {
        app: id,
        name: data.applicant?.name || say("records.unnamed"),
        outcome: OUTCOMES.includes(data.outcome) ? say(`outcome.${data.outcome}`) : say("records.undecided"),
        saved: isText(data.saved_at) ? data.saved_at.slice(0, 10) : "",
      }), " ", forget);
    }));
  }
  app.querySelector("[data-action=forget-all]").addEventListener("click", () => {
    for (const name of storedKeys()) forgetRecord(name);
    forgetRecord(key);
    record = emptyRecord();
    draw();
    listRecords();
    flash(say("records.forgotten_all"));
  });
  // Export and import a record as JSON, in the command line's `--decision` shape.
  app.querySelector("[data-action=export]").addEventListener("click", () => {
    const file = new File([`${JSON.stringify(decisionShape(collect(), appId), null, 2)}\n`], fileName("json"), { type: "application/json" });
    const anchor = el("a", { href: URL.createObjectURL(file), download: file.name });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
  });
  app.querySelector("[data-action=import]").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      flash(say("record.import_bad", { file: file.name }));
      return;
    }
    if (!isRecord(data)) {
      flash(say("record.import_bad", { file: file.name }));
      return;
    }
    if (appId && isText(data.app) && data.app !== appId) {
      flash(say("record.import_other", { file: file.name, app: data.app }));
      return;
    }
    record = usableRecord(data);
    draw();
    changed();
    listRecords();
    flash(say("record.imported", { file: file.name }));
  });
  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    forgetRecord(key);
    record = emptyRecord();
    draw();
    listRecords();
    flash("This review was removed from this device: every tick, note and the decision are cleared.");
  });

  const stages = { downloading: [1, "Downloading Python"], starting: [2, "Starting Python"], loading: [3, "Loading the rules"] };
  progress.hidden = false;
  status.textContent = "Starting Python in your browser to work out the applicant's checklist, on this device…";
  onProgress((stage) => {
    if (stage === "fallback" || stage === "fallback-slow") {
      status.textContent = "The quick start did not work, so Python is starting the standard way…";
      return;
    }
    const [value, label] = stages[stage] || [progress.value, stage];
    progress.value = value;
    status.textContent = `${label} (step ${value} of 3)…`;
  });
  python
    .then(async ({ worker: started, version }) => {
      worker = started;
      view = JSON.parse(await worker.call("review_view", {
        answers, employer, today: today(), app: review.app, scope: review.scope, tooLong: review.tooLong,
      }));
      if (view.scope_notes?.length) {
        notes.append(...view.scope_notes.map((line) => el("p", { text: line })));
        notes.hidden = false;
      }
      app.dataset.reviewApp = view.app;
      // Opened again with other answers under the same application: say so before anything else.
      if (stored && appId && isText(stored.answers) && stored.answers !== answersKey) {
        const before = new Set(stored.answers.split("&"));
        const now = new Set(answersKey.split("&"));
        const changes = [...[...before].filter((part) => !now.has(part)).map((part) => `− ${decodeURIComponent(part)}`),
          ...[...now].filter((part) => !before.has(part)).map((part) => `+ ${decodeURIComponent(part)}`)];
        notes.prepend(el("p", { class: "review__changed", dataset: { answersChanged: "" } },
          say("record.changed", { changes: changes.join("; ") || say("record.changed_none") })));
        notes.hidden = false;
      }
      if ((stored && appId) || !appId) {
        notes.append(el("p", { text: appId ? say("record.restored", { app: appId }) : say("record.no_app") }));
        notes.hidden = false;
      }
      draw();
      listRecords();
      progress.hidden = true;
      body.hidden = false;
      status.textContent = `The checklist for this application is below: ${view.items.length} items to see.`;
      app.dataset.pythonReady = version;
    })
    .catch((error) => {
      app.dataset.pythonFailed = "true";
      body.hidden = true;
      fail(`The review cannot be shown, because it needs the self-assessment's engine (Python in this browser), which could not start or answer here (${error.message}).`);
    });
}

if (app) main();
