// The reviewer's checklist (review/): for the person who decides an application. It reads
// the applicant's link exactly as the self-assessment does (link.js, against the
// questions' and employer profiles' ids the build wrote into the page), asks the same Python
// engine in the same worker for the checklist (assessment/web.py `review_view`), and draws it
// with `el()` (nodes.js), so nothing from the link or the engine is inserted as
// HTML and no rule or wording of the rules lives here. The reviewer's own ticks, notes and
// decision are kept in this browser only (localStorage), under a key made from the link's
// answers: never in the address, never sent anywhere, and never saved as answers of the
// self-assessment.
import { carriesAnswers, fragmentFor, parseFragment } from "./link.js";
import { el } from "./nodes.js";

// Started by the boot script inlined at the top of this page's head (boot.js).
const { onProgress, python } = globalThis.assessmentBoot || {
  onProgress: () => {},
  python: Promise.reject(new Error("this page does not start Python")),
};
python.catch(() => {}); // reported where the page waits for it

const app = document.getElementById("review-app");
const STORAGE_PREFIX = "imaging-referrer-review:";
const SCHEMA_VERSION = 1;
const STATUS_ICON = { held: "✓", partial: "◐", gap: "✗", check: "?", unknown: "…" };

const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

const today = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

// ---------------------------------------------------------------- the reviewer's record

// { items: { id: { seen, note } }, scope: { row: true|false }, decision, reasons }, read as
// strictly as saved answers: anything of the wrong shape is left out.
function emptyRecord() {
  return { items: {}, scope: {}, decision: "", reasons: "" };
}

function loadRecord(key) {
  let data;
  try {
    data = JSON.parse(localStorage.getItem(key) || "null");
  } catch {
    return emptyRecord();
  }
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

function saveRecord(key, record) {
  try {
    localStorage.setItem(key, JSON.stringify({ schema: SCHEMA_VERSION, saved_at: new Date().toISOString(), ...record }));
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
  const body = [
    el("h4", { class: "review-item__title" },
      el("span", { class: "review-item__icon", "aria-hidden": "true", text: STATUS_ICON[item.status] || "" }),
      el("span", { text: item.title }),
    ),
    el("p", { class: "review-item__status" },
      "The applicant says: ", el("strong", { text: item.status_label }),
      item.basis_label ? el("span", { class: "review-item__basis", text: ` · Basis: ${item.basis_label}` }) : null,
    ),
    el("p", {}, el("strong", { text: "Ask to see: " }), item.ask),
  ];
  if (item.refines) body.push(el("p", {}, el("strong", { text: "Sharpens the national item: " }), item.refines));
  if (item.verify) {
    body.push(
      el("p", { class: "review-item__verify" }, el("strong", { text: "How to verify it yourself: " }), item.verify),
      sourceList(item.verify_sources),
    );
  }
  if (item.sources?.length) body.push(sourceList(item.sources));
  body.push(
    el("div", { class: "review-item__controls" },
      el("div", { class: "review-item__seen" }, seen,
        el("label", { for: seenId }, "Seen", el("span", { class: "visually-hidden", text: `: ${item.title}` }))),
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

function renderScope(scope, record, changed) {
  if (!scope) return [el("p", { text: "There is no scope to approve: the applicant's answers show they are not registered." })];
  if (!scope.rows.length) return [el("p", { text: scope.note || scope.intro })];
  const shown = scope.columns.filter((column) => column.kind !== "blank");
  const rows = scope.rows.map((row, index) => {
    const id = `scope-row-${index}`;
    const words = shown.map((column) => row[column.field]).filter(Boolean).join(", ");
    const box = el("input", { type: "checkbox", id, dataset: { scopeRow: String(index) } });
    box.checked = record.scope[index] === true;
    const printed = el("span", { class: "print-only" });
    const mirror = () => {
      printed.textContent = box.checked ? "Approved" : "Not approved";
    };
    mirror();
    box.addEventListener("change", () => {
      mirror();
      changed();
    });
    return el("tr", { dataset: { scopeRow: String(index) } },
      el("td", { class: "review-scope__approve" }, box,
        el("label", { for: id }, "Approve", el("span", { class: "visually-hidden", text: `: ${words}` })),
        printed),
      shown.map((column) => el("td", { text: row[column.field] })),
    );
  });
  // A table without a class of its own, so the theme styles it as every other table.
  return [el("div", { class: "md-typeset__table review-scope" },
    el("table", {},
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: "Approved" }),
        shown.map((column) => el("th", { scope: "col", text: column.heading })))),
      el("tbody", {}, rows),
    ))];
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

  // The link reader's controls, in the questions' order (hooks/review_page.py).
  const controls = new Map(JSON.parse(document.getElementById("page-data").textContent).controls);
  if (!carriesAnswers(location.hash)) {
    fail("This page shows an applicant's checklist from the link they give you (the self-assessment's “Link for the person reviewing your application”), and this address carries no answers.");
    app.dataset.reviewEmpty = "true";
    return;
  }
  const link = parseFragment(location.hash, controls);
  const answers = { ...link.answers };
  const employer = answers.employer || "";
  delete answers.employer;
  if (link.notes.length) {
    notes.replaceChildren(...link.notes.map((line) => el("p", { text: line })));
    notes.hidden = false;
  }
  const key = STORAGE_PREFIX + fragmentFor(link.answers, controls, null);
  let record = loadRecord(key);

  const flash = (text) => {
    feedback.textContent = text;
  };
  const collect = () => {
    const next = emptyRecord();
    for (const box of app.querySelectorAll("[data-seen]")) {
      const note = app.querySelector(`[data-note="${CSS.escape(box.dataset.seen)}"]`);
      if (box.checked || note.value) next.items[box.dataset.seen] = { seen: box.checked, note: note.value };
    }
    for (const box of app.querySelectorAll("input[data-scope-row]")) {
      if (box.checked) next.scope[box.dataset.scopeRow] = true;
    }
    next.decision = radios.find((radio) => radio.checked)?.value || "";
    next.reasons = reasons.value;
    return next;
  };
  const changed = () => {
    record = collect();
    saveRecord(key, record);
    printReasons.textContent = record.reasons.trim() ? `Reasons: ${record.reasons.trim()}` : "";
    printDecision();
    app.dataset.saves = String(Number(app.dataset.saves || 0) + 1);
  };
  // The decision in words on the printed record, not only as a filled radio button.
  const printedDecision = app.querySelector("[data-print-decision]");
  function printDecision() {
    const chosen = radios.find((radio) => radio.checked);
    const label = chosen ? app.querySelector(`label[for="${chosen.id}"]`).textContent : "Not decided yet";
    printedDecision.textContent = `Decision: ${label}.`;
  }
  for (const radio of radios) radio.addEventListener("change", changed);
  reasons.addEventListener("input", changed);

  function restoreDecision() {
    for (const radio of radios) radio.checked = radio.value === record.decision;
    reasons.value = record.reasons;
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
  app.querySelector("[data-action=download]").addEventListener("click", async () => {
    if (!worker || !view) return;
    flash("Writing the decision record…");
    try {
      const bytes = await worker.call("decision_record", { answers, employer, today: today(), record: collect() });
      const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      const anchor = el("a", { href: URL.createObjectURL(new Blob([bytes], { type })), download: `decision-record-${today()}.docx` });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
      flash("The decision record was downloaded as a Word document (.docx).");
    } catch (error) {
      flash(`The decision record could not be written (${error.message}). Print it instead.`);
    }
  });
  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    forgetRecord(key);
    record = emptyRecord();
    draw();
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
      view = JSON.parse(await worker.call("review_view", { answers, employer, today: today() }));
      draw();
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
