// A link's answers from the very first paint, as the check-your-answers list of the result
// first (partials/assessment/lead.html), each by its option's label. The build writes this
// file inline, as a classic script, right after that section (hooks/page_scripts.py puts
// link.js's code, its exports unmarked, in place of the import line and wraps the whole in
// a function), so it runs as soon as the section is read, before the page is drawn and long
// before the page script (a module) arrives. The answers are read by the page's own link
// parser; the questions and their options' labels come from the JSON block written just
// before (#link-questions, from the rules, by hooks/assessment_page.py). Reading answers is
// not rules knowledge: the outcome, statuses and items still come only from Python. Once the
// page script runs, lead.js draws the same rows from the form (a test holds them equal).
import { carriesAnswers, parseFragment } from "./link.js";

function showLinkAnswers() {
  const list = document.querySelector("[data-lead-link-answers]");
  const data = document.getElementById("link-questions");
  if (!list || !data || !carriesAnswers(location.hash)) return;
  // [{ id, text, multi, options: [[value, label], …] }, …] in the order of the form's
  // questions (questions.js), the organisation's choice last.
  const questions = JSON.parse(data.textContent);
  const controls = new Map(questions.map((question) => [question.id, {
    multi: question.multi,
    values: question.options.map(([value]) => value),
  }]));
  // What the parser says about a link it could not read in full is the page script's to show.
  const { answers } = parseFragment(location.hash, controls, () => "");
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
  list.replaceChildren(...rows);
}

showLinkAnswers();
