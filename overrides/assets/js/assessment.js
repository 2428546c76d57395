// The self-assessment page's controller. It only moves answers in and results out: the
// questions and the evidence list are HTML generated from the rules at build time
// (overrides/partials/assessment/), every decision is made by the Python engine running in a
// worker, and every word it prints comes from the view Python sends or from the page's words
// (words.js). Nothing typed or read from a link is ever inserted as HTML (nodes.js). The
// page's import map (hooks/page_scripts.py) points each module at its content-hashed file,
// with its integrity. The page's parts, one job each:
//   answering.js   each change of an answer: a new result, saved as the person's own
//   opening.js     a link's answers, or the saved ones, and switching between them
//   lead.js        the result first: a link's answers at once, then what to do next
//   live-result.js asking Python for the result and drawing it (result.js)
//   dock.js        the result in short, in view at the bottom of a small screen
//   take-aways.js  the checklist as text and Markdown, the Word pack, printing
//   sharing.js     a link to the answers, and the link for the reviewer
//   who.js         what the applicant types for her application (details.js), its id
//   undo.js        "Start again" and "Forget", and their undo
// Here: what they share (`page`), and starting Python.
import { answering } from "./answering.js";
import { today } from "./dates.js";
import { dock } from "./dock.js";
import { employerOf, fragmentFor } from "./link.js";
import { lead } from "./lead.js";
import { liveResult } from "./live-result.js";
import { el } from "./nodes.js";
import { opening } from "./opening.js";
import { showProgress } from "./progress.js";
import { startedPython } from "./python.js";
import { liveQuestions, questions, readForm } from "./questions.js";
import { sharing } from "./sharing.js";
import { takeAways } from "./take-aways.js";
import { undoing } from "./undo.js";
import { whoFields } from "./who.js";
import { pageData, sayer } from "./words.js";

const app = document.getElementById("assessment-app");

function main() {
  const say = sayer(pageData().words);
  // Started by the boot script inlined at the top of this page's head (boot.js).
  const { onProgress, python } = startedPython(say);
  const form = document.getElementById("assessment-form");
  const controls = questions(form);
  const status = app.querySelector("[data-python-status]");
  const progress = app.querySelector("[data-python-progress]");
  const notes = app.querySelector("[data-notes]");
  const feedback = app.querySelector("[data-action-feedback]");
  const leadFeedback = document.querySelector("[data-lead-feedback]");
  // The site root as a folder URL ("..", from this page, becomes ".../"): the result's links
  // are site-relative paths such as "evidence/#registration".
  const root = new URL(app.dataset.siteRoot.replace(/\/?$/, "/"), document.baseURI);
  document.documentElement.classList.add("assessment-js");

  // The page's state, and what its parts share; each part adds its own functions below.
  const page = {
    app,
    form,
    controls,
    say,
    status,
    resultSection: app.querySelector("#result"),
    instantly: { block: "start", behavior: "instant" },
    relative: (path) => new URL(path, root).href,
    worker: null, // Python's worker, once it has started
    latest: null, // the page view drawn last
    asked: null, // the questions asked for the answers (a Set), once Python has said
    own: null, // the answers saved as the person's own on this device, or null
    viewingLink: false, // the form shows a link's answers, not the person's own
    answers: () => readForm(controls),
    // What Python is asked with: the answers, today's date, the chosen employer and the
    // page's own site root (so the documents' links are full addresses, and lead back here).
    request: (answers, extra = {}) => ({
      answers,
      today: today(),
      siteUrl: root.href,
      employer: employerOf(answers),
      ...extra,
    }),
    showNotes(lines, extra) {
      notes.replaceChildren(...lines.map((line) => el("p", { text: line })), ...(extra ? [extra] : []));
      notes.hidden = lines.length === 0 && !extra;
    },
    // Said beside the actions last used: the result's first ones, or those below it.
    flash(text) {
      const near = document.activeElement?.closest?.("[data-lead]") ? leadFeedback : feedback;
      near.textContent = text;
    },
    updateFragment(answers) {
      const fragment = fragmentFor(answers, controls, page.asked);
      const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ""}`;
      history.replaceState(history.state, "", url);
    },
  };
  Object.assign(page, whoFields(page)); // details, ensureApplicationId(), typedDetails(), printWho()
  Object.assign(page, undoing(page)); // hideUndo()
  page.lead = lead(page);
  const takeAway = takeAways(page);
  Object.assign(page, liveResult(page, { dock: dock(page), takeAway })); // refresh(), goToQuestion()
  sharing(page);
  answering(page);
  opening(page);

  // Python: started at once, while the person reads and answers.
  showProgress(status, progress, onProgress, say);
  python
    .then(({ worker, version, fallback }) => {
      page.worker = worker;
      progress.hidden = true;
      status.textContent = say("status.ready");
      liveQuestions(form);
      app.dataset.pythonReady = version;
      app.dataset.pythonStart = fallback ? "plain" : "snapshot";
      if (fallback) app.dataset.pythonFallback = fallback; // why: for the tests and a curious reader
      return page.refresh();
    })
    .catch((error) => {
      progress.hidden = true;
      app.dataset.pythonFailed = "true";
      status.textContent = say("status.failed", { error: error.message });
    });
}

if (app) main();
