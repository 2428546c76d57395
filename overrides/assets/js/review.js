// The reviewer's checklist (review/): for the person who decides an application. It reads
// the applicant's link exactly as the self-assessment does (link.js, against the questions'
// and employer profiles' ids the build wrote into the page), asks the same Python engine in
// the same worker for the checklist (assessment/web.py `review_view`), and draws it with
// `el()` (nodes.js, review-checklist.js), so nothing from the link or the engine is inserted
// as HTML and no rule or wording of the rules lives here: its words are the page's (words.js).
// The reviewer's own ticks, notes and decision are kept in this browser only
// (review-record.js); the decision is review-decision.js.
import { today } from "./dates.js";
import { DOCX, download } from "./download.js";
import { carriesAnswers, fragmentFor, parseFragment } from "./link.js";
import { el } from "./nodes.js";
import { showProgress } from "./progress.js";
import { startedPython } from "./python.js";
import { renderItems, renderScope, renderSummary } from "./review-checklist.js";
import { splitReviewFragment } from "./review-link.js";
import { decision } from "./review-decision.js";
import { emptyRecord, forgetRecord, loadRecord, recordKey, saveRecord } from "./review-record.js";
import { pageData, sayer } from "./words.js";

const app = document.getElementById("review-app");

function main() {
  const data = pageData();
  const say = sayer(data.words);
  // Started by the boot script inlined at the top of this page's head (boot.js).
  const { onProgress, python } = startedPython(say);
  const status = app.querySelector("[data-python-status]");
  const progress = app.querySelector("[data-python-progress]");
  const notes = app.querySelector("[data-notes]");
  const body = app.querySelector("[data-review]");
  const feedback = app.querySelector("[data-action-feedback]");
  const printDate = app.querySelector("[data-print-date]");
  const decided = decision(app, say);
  // data-site-root is written without a trailing slash (`..`), so it is made a folder first.
  const evidencePage = new URL("evidence/", new URL(`${app.dataset.siteRoot}/`, document.baseURI)).href;
  document.documentElement.classList.add("review-js");

  // A new link pasted into the address bar: read it afresh.
  window.addEventListener("hashchange", () => {
    if (carriesAnswers(location.hash)) location.reload();
  });
  const backLink = app.querySelector("[data-assessment-link]");
  backLink.setAttribute("href", `${backLink.getAttribute("href")}${location.hash}`);

  // The status line with the way to the evidence page, as the page says it without JavaScript.
  const fail = (text) => {
    progress.hidden = true;
    const [before, after] = say("status.evidence").split("{link}");
    status.replaceChildren(text, " ", before, el("a", { href: evidencePage, text: say("status.evidence_link") }), after);
  };

  // The link reader's controls, in the questions' order (hooks/review_page.py).
  const controls = new Map(data.controls);
  if (!carriesAnswers(location.hash)) {
    fail(say("status.no_answers"));
    app.dataset.reviewEmpty = "true";
    return;
  }
  // The review link's own parts (the application's id, the scope detail) apart from the
  // answers, which are read as any share link is.
  const review = splitReviewFragment(location.hash);
  const link = parseFragment(review.share, controls, say);
  const answers = { ...link.answers };
  const employer = answers.employer || "";
  delete answers.employer;
  if (link.notes.length) {
    notes.replaceChildren(...link.notes.map((line) => el("p", { text: line })));
    notes.hidden = false;
  }
  const key = recordKey(fragmentFor(link.answers, controls, null));
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
    return { ...next, ...decided.read() };
  };
  const changed = () => {
    record = collect();
    saveRecord(key, record);
    decided.print();
    app.dataset.saves = String(Number(app.dataset.saves || 0) + 1);
  };
  decided.onChange(changed);

  let view = null;
  function draw() {
    app.querySelector("[data-summary]").replaceChildren(...renderSummary(view, say));
    app.querySelector("[data-items]").replaceChildren(...renderItems(view.items, record, changed, say));
    app.querySelector("[data-scope]").replaceChildren(...renderScope(view.scope, record, changed, say));
    decided.restore(record);
    printDate.textContent = say("status.printed_on", { date: view.date });
  }

  app.querySelector("[data-action=print]").addEventListener("click", () => window.print());
  let worker = null;
  app.querySelector("[data-action=download]").addEventListener("click", async () => {
    if (!worker || !view) return;
    flash(say("done.writing"));
    try {
      const bytes = await worker.call("decision_record", { answers, employer, today: today(), record: collect() });
      download(new Blob([bytes], { type: DOCX }), say("files.record", { date: today() }));
      flash(say("done.downloaded"));
    } catch (error) {
      flash(say("done.failed", { error: error.message }));
    }
  });
  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    forgetRecord(key);
    record = emptyRecord();
    draw();
    flash(say("done.forgotten"));
  });

  showProgress(status, progress, onProgress, say);
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
      draw();
      progress.hidden = true;
      body.hidden = false;
      status.textContent = say("status.ready", { count: view.items.length });
      app.dataset.pythonReady = version;
    })
    .catch((error) => {
      app.dataset.pythonFailed = "true";
      body.hidden = true;
      fail(say("status.failed", { error: error.message }));
    });
}

if (app) main();
