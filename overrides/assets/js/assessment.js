// The self-assessment page's controller. It only moves answers in and results out: the
// questions and the evidence list are HTML generated from the rules at build time, and every
// decision is made by the Python engine running in a worker. Nothing typed or read from a link
// is ever inserted as HTML (assessment-nodes.js). Its parts, one job each: the form as answers
// (assessment-questions.js), share links (assessment-link.js), answers kept on this device
// (assessment-saved.js), drawing a result (assessment-result.js) and what the page says while
// it gets ready (assessment-progress.js). The page's import map
// (hooks/assessment_page.py) points each at its content-hashed file, with its integrity.
// Here: the employer choice (a question the form always asks, last in a link), the
// take-aways (Markdown, text and the Word pack, each made by Python with the page's own site
// root), the name and provider typed for them, the summary kept in view on a small screen,
// Share, and Undo after "Start again" or "Forget".
import { carriesAnswers, employerOf, fragmentFor, parseFragment } from "./assessment-link.js";
import { el } from "./assessment-nodes.js";
import { showProgress } from "./assessment-progress.js";
import { questions, readForm, writeForm } from "./assessment-questions.js";
import { dockText, drawResult, drawSummary, resultSections } from "./assessment-result.js";
import { encodeScope, isAppId, newAppId, reviewFragment } from "./assessment-review-link.js";
import { detailsFields } from "./assessment-details.js";
import { forget, kept, loadSaved, restoreKept, save } from "./assessment-saved.js";

export { parseFragment };

// Started by the boot script inlined at the top of this page's head (assessment-boot.js).
const { onProgress, python } = globalThis.assessmentBoot || {
  onProgress: () => {},
  python: Promise.reject(new Error("this page does not start Python")),
};
python.catch(() => {}); // reported where the page waits for it

const app = document.getElementById("assessment-app");

// ---------------------------------------------------------------- the page

function main() {
  const form = document.getElementById("assessment-form");
  const controls = questions(form);
  const status = app.querySelector("[data-python-status]");
  const progress = app.querySelector("[data-python-progress]");
  const notes = app.querySelector("[data-notes]");
  const announcer = app.querySelector("[data-result-announcer]");
  const resultBox = app.querySelector("[data-result]");
  const staticList = app.querySelector("[data-static-checklist]");
  const actions = app.querySelector("[data-actions]");
  const feedback = app.querySelector("[data-action-feedback]");
  const printDate = app.querySelector("[data-print-date]");
  const summary = app.querySelector("[data-summary]");
  const resultSection = app.querySelector("#result");
  const dock = app.querySelector("[data-dock]");
  const dockWords = app.querySelector("[data-dock-text]");
  const undoButton = app.querySelector("[data-action=undo]");
  const leftOutNote = app.querySelector("[data-scope-left-out]");
  const printedWho = app.querySelector("[data-print-who]");
  // The site root as a folder URL ("..", from this page, becomes ".../"): the result's links
  // are site-relative paths such as "evidence/#registration".
  const root = new URL(app.dataset.siteRoot.replace(/\/?$/, "/"), document.baseURI);
  const relative = (path) => new URL(path, root).href;
  document.documentElement.classList.add("assessment-js");

  let latest = null;
  let asked = null;
  let sequence = 0;
  let rendered = 0;
  let worker = null;
  let pythonReady = false;
  let ownAnswers = null;
  let viewingLink = false;
  // The application's id (the review link's `app`, the pack's application reference): made
  // the first time it is needed, kept with the saved answers; a new application (Start
  // again, a colleague's answers taken as her own) starts without one.
  let applicationId = "";
  function ensureApplicationId() {
    if (!isAppId(applicationId)) {
      applicationId = newAppId();
      // Kept with her own answers; a link's answers she is only looking at are not saved
      // over them (the id then lasts while the page is open).
      if (!viewingLink) {
        save(readForm(controls), applicationId);
        ownAnswers = readForm(controls);
      }
    }
    return applicationId;
  }
  // Set when a link is opened: once its result is drawn, the page shows the result's summary
  // (a link with a result) or the first question still to answer (a partial link), unless
  // the person has scrolled, tapped or typed meanwhile.
  let landing = false;
  let interacted = false;
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) {
    addEventListener(type, () => (interacted = true), { capture: true, passive: true });
  }

  const today = () => {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  };

  function showNotes(lines, extra) {
    notes.replaceChildren(...lines.map((line) => el("p", { text: line })), ...(extra ? [extra] : []));
    notes.hidden = lines.length === 0 && !extra;
  }

  function updateFragment(answers) {
    const fragment = fragmentFor(answers, controls, asked);
    const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ""}`;
    history.replaceState(history.state, "", url);
  }

  function applyAsked(list) {
    asked = new Set(list);
    for (const [id, question] of controls) question.fieldset.hidden = !asked.has(id) && !question.always;
  }

  // What the applicant types for her application (assessment-details.js): never in a link,
  // but the scope detail, which the review link carries.
  const details = detailsFields(app.querySelector("[data-handover]"), () => printWho());
  const typedScope = () => details.current().scope;
  // The details as Python is given them, with the application's id where it has one (or,
  // with `make`, a new one: the pack and the review link carry it).
  const typedDetails = (make = false) => ({
    ...details.current(),
    app: make ? ensureApplicationId() : applicationId,
  });

  // What Python is asked with: the answers, today's date, the chosen employer and the page's
  // own site root (so the documents' links are full addresses, and lead back here).
  const request = (answers, extra = {}) => ({
    answers,
    today: today(),
    siteUrl: root.href,
    employer: employerOf(answers),
    ...extra,
  });

  // The Markdown and text checklists are worked out once the page has been idle for a moment
  // (or at once when asked for), so that answering stays quick.
  let takeAway = null;
  let takeAwayTimer = null;
  function currentTakeAway() {
    clearTimeout(takeAwayTimer);
    const asking = request(readForm(controls), { details: typedDetails() });
    const key = JSON.stringify(asking);
    if (!takeAway || takeAway.key !== key) {
      takeAway = { key, value: worker.call("take_away", asking) };
    }
    return takeAway.value;
  }

  // The result in short, kept in view at the bottom of a small screen while answering: it
  // changes visibly when the result does, and is said to screen readers once the answers
  // settle (not on every arrow key through a group of options).
  let dockShown = "";
  let announced = "";
  let announceTimer = null;
  function updateDock(view, answers) {
    const words = dockText(view);
    dock.hidden = Object.keys(answers).length === 0;
    if (words !== dockShown) {
      const first = !dockShown;
      dockShown = words;
      dockWords.textContent = words;
      if (!first) {
        dock.classList.remove("assessment__dock--changed");
        void dock.offsetWidth; // restart the highlight
        dock.classList.add("assessment__dock--changed");
      }
    }
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (view.announcement === announced) return;
      announced = view.announcement;
      announcer.textContent = view.announcement;
    }, ANNOUNCE_AFTER_MS);
  }

  // Asks Python for the page view of these answers and draws it.
  async function pageView(answers = readForm(controls)) {
    if (!pythonReady) return;
    const mine = ++sequence;
    let view;
    try {
      view = JSON.parse(await worker.call("page_view", request(answers)));
    } catch (error) {
      status.textContent = `The result could not be worked out (${error.message}). The checklist below still applies.`;
      return;
    }
    if (mine !== sequence) return; // a newer change is on its way
    latest = view;
    applyAsked(view.asked);
    resultBox.hidden = false;
    staticList.hidden = true;
    const stillWanted = () => mine === sequence;
    if (!(await drawResult(resultBox, resultSections(view, relative), view.checklist.outcome, stillWanted))) return;
    actions.hidden = false;
    details.setRows(view.checklist.scope?.rows || []);
    if (!summary.hidden) drawSummary(summary, view);
    if (landing) land(view);
    printDate.textContent = `Printed on ${view.checklist.date}.`;
    printWho();
    updateDock(view, answers);
    app.dataset.evaluations = String(++rendered);
    // The address follows in a task of its own, so the browser can draw the new result first
    // (replacing the history entry took 3 ms a change, and up to 10 ms on the first ones).
    setTimeout(() => mine === sequence && updateFragment(answers), 0);
    clearTimeout(takeAwayTimer);
    takeAwayTimer = setTimeout(() => currentTakeAway().catch(() => {}), 400);
  }

  const instantly = { block: "start", behavior: "instant" };
  const ANNOUNCE_AFTER_MS = 700;

  function goToQuestion(id) {
    const question = controls.get(id) || controls.values().next().value;
    question.fieldset.scrollIntoView(instantly);
    question.inputs[0].focus({ preventScroll: true });
  }

  // Where the eye lands after opening a link: its result in short, or its first gap.
  function land(view) {
    landing = false;
    const sheet = view.checklist;
    if (sheet.outcome !== "incomplete") {
      drawSummary(summary, view);
      summary.hidden = false;
      if (!interacted) summary.scrollIntoView(instantly);
    } else if (sheet.missing.length && !interacted) {
      goToQuestion(sheet.missing[0].id);
    }
  }

  function changed() {
    hideUndo();
    const answers = readForm(controls);
    pageView(answers); // first: Python starts on the new answers while the page saves them
    if (viewingLink) {
      viewingLink = false;
      applicationId = "";
      showNotes(["You changed an answer, so these answers are now saved as your own on this device."]);
    }
    save(answers, applicationId);
    ownAnswers = answers;
    if (!pythonReady) updateFragment(answers);
  }

  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  resultBox.addEventListener("click", (event) => {
    const target = event.target.closest("[data-focus-question]");
    if (!target) return;
    const question = controls.get(target.dataset.focusQuestion);
    if (!question) return;
    event.preventDefault();
    question.inputs[0].focus();
  });

  // Opening a link (on arrival, or pasted into the address bar of the open page): its answers
  // win for display; saved answers are kept untouched until the person changes an answer,
  // and the page offers to switch back to them. A fragment without a key=value pair is an
  // in-page anchor: it neither loads nor clears answers.
  function open(hash) {
    const link = carriesAnswers(hash) ? parseFragment(hash, controls) : { present: false };
    const saved = loadSaved(controls);
    ownAnswers = saved.answers;
    applicationId = saved.app || "";
    if (link.present) {
      writeForm(controls, link.answers);
      viewingLink = Boolean(ownAnswers) && JSON.stringify(ownAnswers) !== JSON.stringify(link.answers);
      landing = true;
      interacted = false;
      const lines = [...link.notes];
      if (saved.note) lines.push(saved.note);
      let switcher = null;
      if (viewingLink) {
        lines.unshift("You are looking at answers from a link. Your own saved answers are kept until you change something here.");
        switcher = el("button", { type: "button", class: "md-button", text: "Switch back to my saved answers" });
        switcher.addEventListener("click", () => {
          writeForm(controls, ownAnswers);
          viewingLink = false;
          showNotes(["Your saved answers are back."]);
          updateFragment(ownAnswers);
          pageView();
        });
      }
      showNotes(lines, switcher);
    } else if (ownAnswers) {
      writeForm(controls, ownAnswers);
      showNotes([`Your answers saved on this device were restored.${saved.note ? ` ${saved.note}` : ""}`]);
      if (!hash.replace(/^#/, "")) updateFragment(ownAnswers);
    } else {
      showNotes(saved.note ? [saved.note] : []);
    }
    return link.present;
  }

  open(location.hash);
  addEventListener("hashchange", () => {
    if (open(location.hash)) pageView();
  });

  // The summary's two ways on: the full result, or back to the questions.
  summary.querySelector("[data-action=see-result]").addEventListener("click", () => {
    resultSection.scrollIntoView(instantly);
    resultSection.focus({ preventScroll: true });
  });
  summary.querySelector("[data-action=change-answers]").addEventListener("click", () => {
    goToQuestion(latest?.checklist.missing[0]?.id);
  });

  // Actions on the result.
  const flash = (text) => {
    feedback.textContent = text;
  };

  // "Start again" and "Forget" can be undone: the button puts back what was on screen and
  // kept on this device, until the next answer or action.
  let undo = null;
  function hideUndo() {
    undo = null;
    undoButton.hidden = true;
    app.querySelector("[data-notes] [data-undo]")?.remove();
  }
  function offerUndo(restore) {
    const before = { answers: readForm(controls), details: details.snapshot(), storage: kept(), own: ownAnswers, viewing: viewingLink, app: applicationId };
    undo = () => {
      restoreKept(before.storage);
      applicationId = before.app;
      writeForm(controls, before.answers);
      details.restore(before.details);
      ownAnswers = before.own;
      viewingLink = before.viewing;
      restore?.();
      updateFragment(before.answers);
      pageView();
    };
  }
  undoButton.addEventListener("click", () => {
    if (!undo) return;
    undo();
    hideUndo();
    flash("Undone: your answers and what this device kept are back.");
  });
  // The reviewer's checklist (review/, review.js) opens the same answers, with the
  // application's id and the scope detail typed (assessment-review-link.js).
  app.querySelector("[data-action=review-link]").addEventListener("click", async () => {
    hideUndo();
    const answers = readForm(controls);
    updateFragment(answers);
    const rows = (latest?.checklist.scope?.rows || []).map((row) => row.id);
    const { fragment, leftOut } = reviewFragment(fragmentFor(answers, controls, asked), ensureApplicationId(),
      encodeScope(typedScope(), rows));
    leftOutNote.hidden = !leftOut;
    const address = `${relative("review/")}#${fragment}`;
    try {
      await navigator.clipboard.writeText(address);
      flash(`Link for the person reviewing your application copied: ${address} It opens a checklist of these answers for them; nothing is stored on a server.`);
    } catch {
      flash(`Give this link to the person reviewing your application: ${address}`);
    }
  });
  const download = (blob, name) => {
    const anchor = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
  };

  // Share: the system's share sheet where the browser has one, otherwise the link is copied.
  app.querySelector("[data-action=copy-link]").addEventListener("click", async () => {
    hideUndo();
    updateFragment(readForm(controls));
    const url = location.href;
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title: document.title, url });
        flash("Shared. Anyone who opens the link sees these answers; nothing is stored on a server.");
        return;
      } catch (error) {
        if (error?.name === "AbortError") return; // the person closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      flash("Link copied. Anyone who opens it sees these answers; nothing is stored on a server.");
    } catch {
      flash(`Copy this link: ${url}`);
    }
  });
  app.querySelector("[data-action=copy-text]").addEventListener("click", async () => {
    if (!latest) return;
    hideUndo();
    try {
      await navigator.clipboard.writeText((await currentTakeAway()).text);
      flash("The checklist was copied as plain text.");
    } catch {
      flash("Copying is blocked in this browser. Use “Download as Word” or the text file instead.");
    }
  });
  app.querySelector("[data-action=download]").addEventListener("click", async () => {
    if (!latest) return;
    hideUndo();
    const blob = new Blob([(await currentTakeAway()).markdown], { type: "text/markdown;charset=utf-8" });
    download(blob, `imaging-referrer-checklist-${today()}.md`);
    flash("The checklist was downloaded as a text file (Markdown), to open in any text editor.");
  });
  // The Word application: through the share sheet where the browser can share files (a
  // phone, to mail or a messaging app), downloaded elsewhere; the button says which.
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const docxButton = app.querySelector("[data-action=download-docx]");
  const sharesFiles = typeof navigator.canShare === "function"
    && navigator.canShare({ files: [new File([""], "application.docx", { type: DOCX })] });
  const said = app.querySelector("[data-handover]").dataset; // words/page.toml handover.said
  if (sharesFiles) docxButton.textContent = said.saidShareLabel;
  docxButton.addEventListener("click", async () => {
    if (!latest) return;
    hideUndo();
    flash("Making your Word document…");
    let bytes;
    try {
      bytes = await worker.call("pack", request(readForm(controls), { details: typedDetails(true) }));
    } catch (error) {
      flash(`The Word document could not be made (${error.message}). Try the text file instead.`);
      return;
    }
    const name = `imaging-referrer-application-${today()}.docx`;
    if (sharesFiles) {
      try {
        await navigator.share({ files: [new File([bytes], name, { type: DOCX })], title: document.title });
        flash(said.saidShared);
        return;
      } catch (error) {
        if (error?.name === "AbortError") return; // the person closed the share sheet
      }
    }
    download(new Blob([bytes], { type: DOCX }), name);
    flash(said.saidDownloaded);
  });
  app.querySelector("[data-action=print]").addEventListener("click", () => window.print());
  app.querySelector("[data-action=start-again]").addEventListener("click", () => {
    offerUndo(() => showNotes(["Your answers are back."]));
    writeForm(controls, {});
    details.clear();
    applicationId = "";
    save({});
    ownAnswers = {};
    viewingLink = false;
    summary.hidden = true;
    const again = el("button", { type: "button", class: "md-button", text: "Undo", dataset: { undo: "" } });
    again.addEventListener("click", () => undoButton.click());
    showNotes(["All answers were cleared."], again);
    updateFragment({});
    pageView();
    controls.values().next().value.inputs[0].focus();
  });
  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    offerUndo();
    forget();
    details.clear();
    ownAnswers = null;
    undoButton.hidden = false;
    flash(app.querySelector("[data-handover]").dataset.saidForgotten);
  });

  // A printed result stands on its own, as the documents do: the name and imaging provider
  // typed, and that every status is the applicant's own.
  function printWho() {
    const words = latest?.handover;
    if (!words) return;
    const given = details.current();
    printedWho.replaceChildren(
      ...[["name", given.name], ["provider", given.provider]]
        .filter(([, value]) => value)
        .map(([key, value]) => el("p", {}, el("strong", { text: `${words[key]}: ` }), value)),
      el("p", { text: words.self_declared }),
    );
  }

  // The summary at the bottom of a small screen: its link goes to the full result; while it
  // shows, the page keeps the focused control clear of it (WCAG 2.2, 2.4.11).
  dock.querySelector("[data-action=dock-result]").addEventListener("click", (event) => {
    event.preventDefault();
    resultSection.scrollIntoView(instantly);
    resultSection.focus({ preventScroll: true });
  });
  // While the result at a glance (a shared result's, at the top) is on screen, the summary
  // at the bottom would only repeat it.
  new IntersectionObserver(([entry]) => {
    dock.classList.toggle("assessment__dock--repeats", entry.isIntersecting && !summary.hidden);
  }).observe(summary);
  const dockCovers = () => getComputedStyle(dock).position === "sticky" && !dock.hidden;
  new ResizeObserver(() => {
    const height = dockCovers() ? dock.offsetHeight : 0;
    document.documentElement.style.setProperty("--assessment-dock-height", `${height}px`);
  }).observe(dock);
  form.addEventListener("focusin", (event) => {
    if (!dockCovers()) return;
    const control = event.target.closest(".option") || event.target;
    const bottom = control.getBoundingClientRect().bottom;
    const top = dock.getBoundingClientRect().top;
    if (bottom > top) scrollBy({ top: bottom - top + 8, behavior: "instant" });
  });

  // Once Python answers, the page shows only the questions asked: the line under a question
  // saying when it is asked is for the checklist without the live result, so it goes, and
  // leaves the question's description.
  function liveQuestions() {
    for (const line of form.querySelectorAll(".question__when")) {
      line.hidden = true;
      const fieldset = line.closest("fieldset");
      const ids = (fieldset.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== line.id);
      if (ids.length) fieldset.setAttribute("aria-describedby", ids.join(" "));
      else fieldset.removeAttribute("aria-describedby");
    }
  }

  // Python: started at once, while the person reads and answers.
  showProgress(status, progress, onProgress);
  python
    .then(({ worker: started, version, fallback }) => {
      worker = started;
      pythonReady = true;
      progress.hidden = true;
      status.textContent = "Your result updates as you answer.";
      liveQuestions();
      app.dataset.pythonReady = version;
      app.dataset.pythonStart = fallback ? "plain" : "snapshot";
      if (fallback) app.dataset.pythonFallback = fallback; // why: for the tests and a curious reader
      return pageView();
    })
    .catch((error) => {
      progress.hidden = true;
      app.dataset.pythonFailed = "true";
      status.textContent =
        `The live result is not available because Python could not start in this browser (${error.message}). ` +
        "Every question and the complete evidence list, with when each item applies, are below: use them as a checklist.";
    });
}

if (app) main();
