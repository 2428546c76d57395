// The self-assessment's live result: asks Python for the page view of the answers and draws
// it (result.js) and the result first (lead.js), shows only the questions it asks, and,
// after a link is opened, moves the focus to the result's heading.
import { drawResult, resultSections } from "./result.js";

// `dock`: the summary kept in view on a small screen (dock.js); `takeAway`: the take-aways
// (take-aways.js), worked out ahead once the page is idle.
export function liveResult(page, { dock, takeAway }) {
  const { app, controls, say } = page;
  const resultBox = app.querySelector("[data-result]");
  const staticList = app.querySelector("[data-static-checklist]");
  const actions = app.querySelector("[data-actions]");
  const printDate = app.querySelector("[data-print-date]");
  let sequence = 0;
  let rendered = 0;

  function applyAsked(list) {
    page.asked = new Set(list);
    for (const [id, question] of controls) question.fieldset.hidden = !page.asked.has(id) && !question.always;
  }

  function goToQuestion(id) {
    const question = controls.get(id) || controls.values().next().value;
    question.fieldset.scrollIntoView(page.instantly);
    question.inputs[0].focus({ preventScroll: true });
  }

  // Where the focus lands after opening a link: the result's heading, unless the person has
  // scrolled, tapped or typed meanwhile (opening.js).
  function land() {
    page.landing = false;
    if (!page.interacted) page.lead.focus();
  }

  // Asks Python for the page view of these answers and draws it.
  async function refresh(answers = page.answers()) {
    if (!page.worker) return;
    const mine = ++sequence;
    let view;
    try {
      view = JSON.parse(await page.worker.call("page_view", page.request(answers)));
    } catch (error) {
      page.status.textContent = say("status.result_failed", { error: error.message });
      return;
    }
    if (mine !== sequence) return; // a newer change is on its way
    page.latest = view;
    applyAsked(view.asked);
    resultBox.hidden = false;
    staticList.hidden = true;
    const stillWanted = () => mine === sequence;
    page.lead.draw(view);
    if (!(await drawResult(resultBox, resultSections(view, page.relative, say), view.result_view.outcome, stillWanted))) return;
    actions.hidden = false;
    page.details.setRows(view.result_view.scope?.rows || []);
    if (page.landing) land();
    printDate.textContent = say("result.printed_on", { date: view.result_view.date });
    page.printWho();
    dock.update(view, answers);
    app.dataset.evaluations = String(++rendered);
    // The address follows in a task of its own, so the browser can draw the new result first
    // (replacing the history entry took 3 ms a change, and up to 10 ms on the first ones).
    setTimeout(() => mine === sequence && page.updateFragment(answers), 0);
    takeAway.prefetch();
  }

  // Clicking a question still to answer, in the result, goes to it.
  resultBox.addEventListener("click", (event) => {
    const target = event.target.closest("[data-focus-question]");
    if (!target) return;
    const question = controls.get(target.dataset.focusQuestion);
    if (!question) return;
    event.preventDefault();
    question.inputs[0].focus();
  });

  return { refresh, goToQuestion };
}
