// The result first (partials/assessment/lead.html), right under the page's title. While
// Python gets ready, a link's answers as a check-your-answers list, each by its option's
// label (read from the form, which the link parser filled in: no rule is worked out here),
// beside a box saying the result is being worked out. Once Python answers, in their place:
// the outcome in words, what to do next (each item missing, partly in place or to check,
// national and the chosen employer's, by its title, linked to its card in the full result,
// with its next step; or the questions still to answer), the counts, the actions, and the
// answers with a "Change" beside each. Its entries are a summary: they carry none of the
// full result's data-evidence-id, data-status or data-outcome. "Change", the skip links and
// the links to the cards move the focus without touching the address, which carries the
// answers.
import { el } from "./nodes.js";

const NEEDS_ACTION = new Set(["gap", "partial", "check"]);

// The words a question's legend and an option's label show on the form.
function questionText(question) {
  const legend = question.fieldset.querySelector("legend");
  return [...legend.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent).join("").trim();
}

function optionText(question, value) {
  const input = question.inputs.find((candidate) => candidate.value === value);
  const label = input && question.fieldset.querySelector(`label[for="${input.id}"]`);
  return label ? label.textContent.trim() : value;
}

// Moves the focus to `target` (scrolling it into view), never through the address.
export function focusOn(target) {
  if (!target) return;
  if (!target.hasAttribute("tabindex") && !target.matches("a, button, input, select, textarea")) {
    target.setAttribute("tabindex", "-1");
  }
  target.scrollIntoView({ block: "start", behavior: "instant" });
  target.focus({ preventScroll: true });
}

export function lead(page) {
  const { controls, say } = page;
  const root = document.documentElement;
  const section = document.querySelector("[data-lead]");
  const heading = section.querySelector("#result-lead-heading");
  const pending = section.querySelector("[data-lead-pending]");
  const linkAnswers = section.querySelector("[data-lead-link-answers]");
  const result = section.querySelector("[data-lead-result]");
  const outcome = section.querySelector("[data-lead-outcome]");
  const steps = section.querySelector("[data-next-steps]");
  const tally = section.querySelector("[data-lead-counts]");
  const answersList = section.querySelector("[data-lead-answers]");
  const progressLine = section.querySelector("[data-lead-progress]");
  const back = el("p", { class: "assessment__back" },
    el("button", { type: "button", class: "md-button", text: say("result.lead.back") }));
  back.hidden = true;

  // The status line's words, while Python gets ready, in the box too; if it cannot start,
  // the box says that instead of "being worked out".
  const pendingText = section.querySelector(".assessment__pending-text");
  new MutationObserver(() => {
    progressLine.textContent = page.status.textContent;
    pendingText.hidden = page.app.dataset.pythonFailed === "true";
  }).observe(page.status, { childList: true, characterData: true, subtree: true });
  progressLine.textContent = page.status.textContent;

  const show = (on) => root.classList.toggle("assessment-lead", on);

  // `answers` as rows of a description list: the question, the answer, and (once the
  // result is there) a "Change" button for each asked question.
  function answerRows(answers, asked, withChange) {
    const rows = [];
    for (const [id, question] of controls) {
      if (asked && !asked.has(id) && !question.always) continue;
      const given = answers[id];
      if (given === undefined && !asked) continue;
      const text = questionText(question);
      const shown = given === undefined
        ? say("result.lead.unanswered")
        : [].concat(given).map((value) => optionText(question, value)).join(", ");
      rows.push(el("div", { class: "check-answers__row" },
        el("dt", { text }),
        el("dd", { text: shown }),
        withChange
          ? el("dd", { class: "check-answers__change" },
            el("button", { type: "button", class: "check-answers__button", "aria-label": say("result.lead.change_label", { question: text }), dataset: { change: id }, text: say("result.lead.change") }))
          : null));
    }
    return rows;
  }

  // A link's answers, drawn again from the form: the same rows as the inline script drew
  // before the first paint (link-answers.js; the boot script showed the section already).
  function pendingFor(answers) {
    show(true);
    pending.hidden = false;
    result.hidden = true;
    linkAnswers.replaceChildren(...answerRows(answers, null, false));
  }

  function stepEntry(target, title, status, next) {
    return el("li", { class: "next-steps__item" },
      el("a", { href: `#${target}`, dataset: { goTo: target }, text: title }),
      status ? el("span", { class: "next-steps__status", text: say("result.next.status", { status }) }) : null,
      el("p", { class: "next-steps__next", text: next }));
  }

  // What to do next: the questions still to answer, then every item (national, then the
  // chosen employer's) missing, partly in place or to check, each with its next step.
  function nextSteps(view) {
    const resultView = view.result_view;
    const entries = resultView.missing.map((question) =>
      stepEntry(`q-${question.id}`, question.text, null, say("result.next.question")));
    for (const [, items] of resultView.groups) {
      for (const item of items) {
        if (NEEDS_ACTION.has(item.status)) entries.push(stepEntry(`card-${item.id}`, item.title, item.status_label, item.next_text || item.what_counts));
      }
    }
    for (const item of resultView.employer?.items || []) {
      if (NEEDS_ACTION.has(item.status)) entries.push(stepEntry(`local-${item.id}`, item.title, item.status_label, item.next_text || item.asks));
    }
    return entries.length ? entries : [el("li", { class: "next-steps__item", text: say("result.next.none") })];
  }

  function counts(view) {
    const resultView = view.result_view;
    const lines = [];
    if (resultView.counts.length) {
      lines.push(el("p", { class: "assessment__lead-tally" },
        el("strong", { text: `${resultView.headings.counts}: ` }),
        resultView.counts.map(([label, count]) => `${label}: ${count}`).join("; ")));
    }
    if (resultView.employer && view.employer_counts) lines.push(el("p", { text: `${resultView.employer.name}: ${view.employer_counts}` }));
    return lines;
  }

  // The result in short, in place of the link's answers.
  function draw(view) {
    const resultView = view.result_view;
    const answers = page.answers();
    if (!Object.keys(answers).length) {
      show(false);
      return;
    }
    show(true);
    outcome.className = `outcome outcome--${resultView.outcome}`;
    outcome.replaceChildren(el("strong", { text: `${resultView.outcome_label}: ` }), resultView.outcome_sentence);
    steps.replaceChildren(...nextSteps(view));
    tally.replaceChildren(...counts(view));
    answersList.replaceChildren(...answerRows(answers, page.asked, true));
    pending.hidden = true;
    result.hidden = false;
  }

  function hide() {
    show(false);
  }

  // Links inside the section and the skip links: the focus moves, the address stays.
  function goTo(id) {
    const question = controls.get(id.replace(/^q-/, ""));
    if (id.startsWith("q-") && question) {
      change(id.slice(2));
      return;
    }
    focusOn(document.getElementById(id));
  }

  // "Change": to the question, its chosen option focused, with a way straight back.
  function change(id) {
    const question = controls.get(id);
    if (!question) return;
    question.fieldset.append(back);
    back.hidden = false;
    question.fieldset.scrollIntoView({ block: "start", behavior: "instant" });
    (question.inputs.find((input) => input.checked) || question.inputs[0]).focus({ preventScroll: true });
  }

  back.querySelector("button").addEventListener("click", () => {
    back.hidden = true;
    focusOn(heading);
  });

  document.addEventListener("click", (event) => {
    const skip = event.target.closest("[data-skip-to]");
    const link = event.target.closest("[data-lead] [data-go-to]");
    const changing = event.target.closest("[data-lead] [data-change]");
    if (skip) {
      event.preventDefault();
      goTo(skip.dataset.skipTo);
    } else if (link) {
      event.preventDefault();
      goTo(link.dataset.goTo);
    } else if (changing) {
      change(changing.dataset.change);
    }
  });

  return {
    pending: pendingFor,
    draw,
    hide,
    focus: () => focusOn(heading),
    section,
  };
}
