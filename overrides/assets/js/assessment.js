// The self-assessment page's controller. It only moves answers in and results out: the
// questions and the evidence list are HTML generated from the rules at build time, and every
// decision is made by the Python engine running in a worker. Nothing typed or read from a link
// is ever inserted as HTML (assessment-nodes.js). Its parts, one job each: the form as answers
// (assessment-questions.js), share links (assessment-link.js), answers kept on this device
// (assessment-saved.js) and drawing a result (assessment-result.js). The page's import map
// (hooks/assessment_page.py) points each at its content-hashed file, with its integrity.
import { parseFragment, fragmentFor } from "./assessment-link.js";
import { el } from "./assessment-nodes.js";
import { questions, readForm, writeForm } from "./assessment-questions.js";
import { drawResult, resultSections } from "./assessment-result.js";
import { forget, loadSaved, save } from "./assessment-saved.js";

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
  // data-site-root is written without a trailing slash (`..`): made a folder first, or the
  // live result's guidance links would point at `assessment/..evidence/`.
  const relative = (path) => new URL(path, new URL(`${app.dataset.siteRoot}/`, document.baseURI)).href;
  document.documentElement.classList.add("assessment-js");

  let latest = null;
  let asked = null;
  let sequence = 0;
  let rendered = 0;
  let worker = null;
  let pythonReady = false;
  let ownAnswers = null;
  let viewingLink = false;

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
    for (const [id, question] of controls) question.fieldset.hidden = !asked.has(id);
  }

  // The Markdown and text checklists are worked out once the page has been idle for a moment
  // (or at once when asked for), so that answering stays quick.
  let takeAway = null;
  let takeAwayTimer = null;
  const request = (answers) => ({ answers, today: today(), siteUrl: app.dataset.siteUrl || "" });
  function currentTakeAway() {
    clearTimeout(takeAwayTimer);
    if (!takeAway || takeAway.sequence !== sequence) {
      takeAway = { sequence, value: worker.call("take_away", request(readForm(controls))) };
    }
    return takeAway.value;
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
    printDate.textContent = `Printed on ${view.checklist.date}.`;
    announcer.textContent = view.announcement;
    app.dataset.evaluations = String(++rendered);
    // The address follows in a task of its own, so the browser can draw the new result first
    // (replacing the history entry took 3 ms a change, and up to 10 ms on the first ones).
    setTimeout(() => mine === sequence && updateFragment(answers), 0);
    clearTimeout(takeAwayTimer);
    takeAwayTimer = setTimeout(() => currentTakeAway().catch(() => {}), 400);
  }

  function changed() {
    const answers = readForm(controls);
    pageView(answers); // first: Python starts on the new answers while the page saves them
    if (viewingLink) {
      viewingLink = false;
      showNotes(["You changed an answer, so these answers are now saved as your own on this device."]);
    }
    save(answers);
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

  // Opening the page: a link's answers win for display; saved answers are kept untouched.
  const link = parseFragment(location.hash, controls);
  const saved = loadSaved(controls);
  ownAnswers = saved.answers;
  if (link.present) {
    writeForm(controls, link.answers);
    viewingLink = Boolean(ownAnswers) && JSON.stringify(ownAnswers) !== JSON.stringify(link.answers);
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
    } else if (!ownAnswers && !saved.newer && Object.keys(link.answers).length) {
      save(link.answers);
    }
    showNotes(lines, switcher);
  } else if (ownAnswers) {
    writeForm(controls, ownAnswers);
    showNotes([`Your answers saved on this device were restored.${saved.note ? ` ${saved.note}` : ""}`]);
    updateFragment(ownAnswers);
  } else {
    showNotes(saved.note ? [saved.note] : []);
  }

  // Actions on the result.
  const flash = (text) => {
    feedback.textContent = text;
  };
  app.querySelector("[data-action=copy-link]").addEventListener("click", async () => {
    updateFragment(readForm(controls));
    try {
      await navigator.clipboard.writeText(location.href);
      flash("Link copied. Anyone who opens it sees these answers; nothing is stored on a server.");
    } catch {
      flash(`Copy this link: ${location.href}`);
    }
  });
  // The reviewer's checklist (review/, review.js) opens the very same fragment.
  app.querySelector("[data-action=review-link]").addEventListener("click", async () => {
    updateFragment(readForm(controls));
    const address = `${relative("review/")}${location.hash}`;
    try {
      await navigator.clipboard.writeText(address);
      flash(`Link for the person reviewing your application copied: ${address} It opens a checklist of these answers for them; nothing is stored on a server.`);
    } catch {
      flash(`Give this link to the person reviewing your application: ${address}`);
    }
  });
  app.querySelector("[data-action=copy-text]").addEventListener("click", async () => {
    if (!latest) return;
    try {
      await navigator.clipboard.writeText((await currentTakeAway()).text);
      flash("The checklist was copied as plain text.");
    } catch {
      flash("Copying is blocked in this browser. Use “Download as Markdown” instead.");
    }
  });
  app.querySelector("[data-action=download]").addEventListener("click", async () => {
    if (!latest) return;
    const blob = new Blob([(await currentTakeAway()).markdown], { type: "text/markdown;charset=utf-8" });
    const anchor = el("a", { href: URL.createObjectURL(blob), download: `imaging-referrer-checklist-${today()}.md` });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
    flash("The checklist was downloaded as a Markdown file.");
  });
  app.querySelector("[data-action=print]").addEventListener("click", () => window.print());
  app.querySelector("[data-action=start-again]").addEventListener("click", () => {
    writeForm(controls, {});
    save({});
    ownAnswers = {};
    viewingLink = false;
    showNotes(["All answers were cleared."]);
    updateFragment({});
    pageView();
    controls.values().next().value.inputs[0].focus();
  });
  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    forget();
    ownAnswers = null;
    flash("Your answers were removed from this device. They stay on screen until you leave or start again.");
  });

  // Python: started at once, while the person reads and answers.
  const stages = { downloading: [1, "Downloading Python"], starting: [2, "Starting Python"], loading: [3, "Loading the rules"] };
  progress.hidden = false;
  status.textContent = "Starting Python in your browser so the result can be worked out here, on your device…";
  onProgress((stage) => {
    if (stage === "fallback-slow") {
      status.textContent = "On this connection Python starts sooner the standard way, so it is starting that way…";
      return;
    }
    if (stage === "fallback") {
      status.textContent = "The quick start did not work, so Python is starting the standard way…";
      return;
    }
    const [value, label] = stages[stage] || [progress.value, stage];
    progress.value = value;
    status.textContent = `${label} (step ${value} of 3)…`;
  });
  python
    .then(({ worker: started, version, fallback }) => {
      worker = started;
      pythonReady = true;
      progress.hidden = true;
      status.textContent = "Your result updates as you answer.";
      app.dataset.pythonReady = version;
      app.dataset.pythonStart = fallback ? "plain" : "snapshot";
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
