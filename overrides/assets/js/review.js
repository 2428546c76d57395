// The reviewer's checklist (review/): for the person who decides an application. It reads
// the applicant's link exactly as the self-assessment does (link.js, against the questions'
// and employer profiles' ids the build wrote into the page), asks the same Python engine in
// the same worker for the checklist (assessment/web.py `review_view`), and draws it with
// `el()` (nodes.js, review-checklist.js, review-scope.js), so nothing from the link or the
// engine is inserted as HTML and no rule or wording of the rules lives here: its words are
// the page's (words.js). The reviewer's record is kept in this browser only, one per
// application (review-record.js, review-records.js); the typed fields and the decision are
// review-decision.js. The record (.docx) and its calendar (.ics) are written by Python.
import { today } from "./dates.js";
import { DOCX, handOver, sharesFiles } from "./download.js";
import { carriesAnswers, fragmentFor, parseFragment } from "./link.js";
import { el } from "./nodes.js";
import { showProgress } from "./progress.js";
import { startedPython } from "./python.js";
import { renderItems, renderSummary } from "./review-checklist.js";
import { newAppId, splitReviewFragment } from "./review-link.js";
import { decision } from "./review-decision.js";
import { answersChanged, decisionShape, emptyRecord, forgetRecord, loadRecord, recordKey, saveRecord } from "./review-record.js";
import { offerLegacy } from "./review-legacy.js";
import { records } from "./review-records.js";
import { readScope, renderScope } from "./review-scope.js";
import { pageData, sayer } from "./words.js";

const CALENDAR = "text/calendar";
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
  const note = (text, first = false) => {
    const line = el("p", { text });
    if (first) notes.prepend(line);
    else notes.append(line);
    notes.hidden = false;
    return line;
  };
  for (const line of link.notes) note(line);
  // One record per application, under its reference (Python checks the link's `app`).
  const answersKey = fragmentFor(link.answers, controls, null);
  let appId = "";
  let stored = null;
  let record = emptyRecord();

  const flash = (text) => {
    feedback.textContent = text;
  };
  const collect = () => ({
    ...emptyRecord(),
    ...decided.read(),
    items: Object.fromEntries([...app.querySelectorAll("[data-seen]")].flatMap((box) => {
      const text = app.querySelector(`[data-note="${CSS.escape(box.dataset.seen)}"]`).value;
      return box.checked || text ? [[box.dataset.seen, { seen: box.checked, note: text }]] : [];
    })),
    needed: [...app.querySelectorAll("[data-needed]")].filter((box) => box.checked).map((box) => box.dataset.needed),
    scope: readScope(app, record.scope),
  });
  const changed = () => {
    record = collect();
    if (appId) {
      saveRecord(recordKey(appId), record, appId, answersKey);
      onDevice.show();
    }
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
  const onDevice = records(app, say, {
    app: () => appId,
    current: () => decisionShape(collect(), appId),
    replace(next) {
      record = next;
      draw();
      changed();
    },
    cleared() {
      record = emptyRecord();
      draw();
    },
    flash,
  });

  // A link without a reference: nothing is kept until the reviewer gives the application one
  // (a new id, as the applicant's page draws it), which the address then carries.
  const nameBox = app.querySelector("[data-name-app]");
  function name() {
    if (appId) return appId;
    appId = newAppId();
    history.replaceState(history.state, "", `${location.pathname}${location.search}#${location.hash.slice(1)}&app=${appId}`);
    app.dataset.reviewApp = appId;
    const said = say("record.named", { app: appId });
    nameBox.replaceChildren(el("p", { text: said }));
    changed();
    flash(said);
    return appId;
  }
  app.querySelector("[data-action=name-app]").addEventListener("click", () => {
    name();
    nameBox.setAttribute("tabindex", "-1");
    nameBox.focus();
  });

  app.querySelector("[data-action=print]").addEventListener("click", () => window.print());
  let worker = null;
  // The record (.docx) and its calendar (.ics), written by Python: through the share sheet
  // where the browser can share files, downloaded elsewhere; the buttons say which.
  const files = {
    download: {
      call: "decision_record", type: DOCX, name: (fields) => say("files.record", fields), share: say("actions.share"),
      writing: say("done.writing"), shared: say("done.shared"), done: say("done.downloaded"),
    },
    calendar: {
      call: "decision_calendar", type: CALENDAR, name: (fields) => say("files.calendar", fields), share: say("actions.share_calendar"),
      writing: say("done.calendar_writing"), shared: say("done.calendar_shared"), done: say("done.calendar_done"),
    },
  };
  for (const [action, file] of Object.entries(files)) {
    const button = app.querySelector(`[data-action=${action}]`);
    if (sharesFiles(file.type)) button.textContent = file.share;
    button.addEventListener("click", async () => {
      if (!worker || !view) return;
      flash(file.writing);
      const current = collect();
      const empty = action === "calendar" && !current.review && !current.conditions.some((entry) => entry.due && entry.text.trim());
      try {
        const bytes = await worker.call(file.call, { answers, employer, today: today(), record: decisionShape(current, appId) });
        const how = await handOver(bytes, file.name({ app: appId || say("files.unnamed"), date: today() }), file.type);
        if (how !== "cancelled") flash(empty ? say("done.calendar_empty") : how === "shared" ? file.shared : file.done);
      } catch (error) {
        flash(say("done.failed", { error: error.message }));
      }
    });
  }
  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    if (appId) forgetRecord(recordKey(appId));
    record = emptyRecord();
    draw();
    onDevice.show();
    flash(say("done.forgotten"));
  });

  showProgress(status, progress, onProgress, say);
  python
    .then(async ({ worker: started, version }) => {
      worker = started;
      view = JSON.parse(await worker.call("review_view", {
        answers, employer, today: today(), app: review.app, scope: review.scope, tooLong: review.tooLong,
      }));
      for (const line of view.scope_notes || []) note(line);
      appId = view.app || "";
      app.dataset.reviewApp = appId;
      stored = appId ? loadRecord(recordKey(appId)) : null;
      if (stored) {
        record = stored.record;
        // Opened again with other answers under the same application: say so before anything else.
        if (stored.answers !== null && stored.answers !== answersKey) {
          const changes = answersChanged(stored.answers, answersKey);
          note(say("record.changed", { changes: changes.join("; ") || say("record.changed_none") }), true).dataset.answersChanged = "";
        }
        note(say("record.restored", { app: appId }));
      } else if (!appId) {
        nameBox.hidden = false;
      }
      draw();
      offerLegacy(app, say, answersKey, {
        name,
        merge(old) {
          record = { ...collect(), items: { ...old.items, ...record.items }, reasons: record.reasons || old.reasons };
          draw();
          changed();
        },
        flash,
      });
      onDevice.show();
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
