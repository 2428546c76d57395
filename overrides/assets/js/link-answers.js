// A link's answers from the very first paint, as the check-your-answers list of the result
// first (partials/assessment/lead.html), each by its option's label. The build writes this
// file inline, as a classic script, in the page's head right after the boot script
// (partials/assessment/link-answers.html; hooks/page_scripts.py puts link.js's code, its
// exports unmarked, in place of the import line and wraps the whole in a function). It reads
// the link at once, and fills the list in as soon as the parser has put the list in the
// page: a mutation observer's callback runs before the browser next draws, so no frame shows
// the list empty, however the page arrives (a script after the list ran too late when the
// page came in pieces: the first frame showed the box without the answers). The answers are
// read by the page's own link parser; the questions and their options' labels come from the
// JSON block written just before (#link-questions, from the rules, by
// hooks/assessment_page.py). Reading answers is not rules knowledge: the outcome, statuses
// and items still come only from Python. Once the page script runs, lead.js draws the same
// rows from the form (a test holds them equal).
import { carriesAnswers, parseFragment } from "./link.js";

const LIST = "[data-lead-link-answers]";

// The rows of the answers, each the question's words and its answers' labels.
function rowsFor(questions, answers) {
  const rows = [];
  for (const question of questions) {
    if (answers[question.id] === undefined) continue;
    const labels = new Map(question.options);
    const row = document.createElement("div");
    row.className = "check-answers__row";
    const term = document.createElement("dt");
    term.textContent = question.text;
    const answer = document.createElement("dd");
    answer.textContent = [].concat(answers[question.id]).map((value) => labels.get(value)).join(", ");
    row.append(term, answer);
    rows.push(row);
  }
  return rows;
}

// `show(list)` once the list is in the page (at once if it is already).
function whenListArrives(show) {
  const now = document.querySelector(LIST);
  if (now) return show(now);
  const watcher = new MutationObserver(() => {
    const list = document.querySelector(LIST);
    if (!list) return;
    watcher.disconnect();
    show(list);
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
}

function showLinkAnswers() {
  const data = document.getElementById("link-questions");
  if (!data || !carriesAnswers(location.hash)) return;
  // [{ id, text, multi, options: [[value, label], …] }, …] in the order of the form's
  // questions (questions.js), the organisation's choice last.
  const questions = JSON.parse(data.textContent);
  const controls = new Map(questions.map((question) => [question.id, {
    multi: question.multi,
    values: question.options.map(([value]) => value),
  }]));
  // What the parser says about a link it could not read in full is the page script's to show.
  const { answers } = parseFragment(location.hash, controls, () => "");
  const rows = rowsFor(questions, answers);
  whenListArrives((list) => list.replaceChildren(...rows));
}

showLinkAnswers();
