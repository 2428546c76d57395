// The questionnaire as answers: the form's controls by question, read and written.

// A Map from question id to { fieldset, inputs, multi, values, always }, in the order of the
// form, with the questions asked whatever the answers last. `always`: the employer choice,
// which Python never lists among the asked questions: the form asks it right after who runs
// the imaging service, and a link carries it after the questions' keys.
export function questions(form) {
  const map = new Map();
  const fieldsets = [...form.querySelectorAll("fieldset[data-question]")];
  const always = (fieldset) => "alwaysAsked" in fieldset.dataset;
  for (const fieldset of [...fieldsets.filter((f) => !always(f)), ...fieldsets.filter(always)]) {
    const inputs = [...fieldset.querySelectorAll("input")];
    map.set(fieldset.dataset.question, {
      fieldset,
      inputs,
      multi: inputs.length > 0 && inputs[0].type === "checkbox",
      values: inputs.map((input) => input.value),
      always: "alwaysAsked" in fieldset.dataset,
    });
  }
  return map;
}

export function readForm(controls) {
  const answers = {};
  for (const [id, question] of controls) {
    const chosen = question.inputs.filter((input) => input.checked).map((input) => input.value);
    if (chosen.length === 0) continue;
    answers[id] = question.multi ? chosen : chosen[0];
  }
  return answers;
}

export function writeForm(controls, answers) {
  for (const [id, question] of controls) {
    const wanted = answers[id] === undefined ? [] : [].concat(answers[id]);
    for (const input of question.inputs) input.checked = wanted.includes(input.value);
  }
}

// Once Python answers, the page shows only the questions asked: the line under a question
// saying when it is asked is for the checklist without the live result, so it goes, and
// leaves the question's description.
export function liveQuestions(form) {
  for (const line of form.querySelectorAll(".question__when")) {
    line.hidden = true;
    const fieldset = line.closest("fieldset");
    const ids = (fieldset.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== line.id);
    if (ids.length) fieldset.setAttribute("aria-describedby", ids.join(" "));
    else fieldset.removeAttribute("aria-describedby");
  }
}
