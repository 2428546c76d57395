// The reviewer's typed fields and decision (plain HTML from the build,
// overrides/partials/review/people.html and decision.html): the applicant as checked and the
// reviewer, the outcome (a radio group), reasons, the start and review dates, and conditions
// with optional due dates, whose rows are added and removed here. The outcome is said in
// words on the printed record as well, not only as a filled radio button.
import { el } from "./nodes.js";

export function decision(app, say) {
  const radios = [...app.querySelectorAll("input[name=decision]")];
  const reasons = app.querySelector("[data-review-reasons]");
  const printedReasons = app.querySelector("[data-print-reasons]");
  const printedDecision = app.querySelector("[data-print-decision]");
  const fields = [...app.querySelectorAll("input[data-field]")];
  const conditionList = app.querySelector("[data-conditions]");
  const addCondition = app.querySelector("[data-action=add-condition]");
  let changed = () => {};

  function print() {
    const chosen = radios.find((radio) => radio.checked);
    const label = chosen ? app.querySelector(`label[for="${chosen.id}"]`).textContent : say("decision.not_decided");
    printedDecision.textContent = say("decision.printed", { decision: label });
    const text = reasons.value.trim();
    printedReasons.textContent = text ? say("decision.printed_reasons", { reasons: text }) : "";
  }

  function conditionRow(entry) {
    const number = conditionList.children.length + 1;
    const text = el("input", { type: "text", id: `condition-${number}`, maxlength: "200", dataset: { conditionText: "" } });
    text.value = entry.text;
    const due = el("input", { type: "date", id: `condition-${number}-due`, dataset: { conditionDue: "" } });
    due.value = entry.due;
    const remove = el("button", { type: "button", class: "md-button", text: say("decision.remove_condition", { number }) });
    const li = el("li", { class: "review__condition" },
      el("label", { for: text.id, text: say("decision.condition_text", { number }) }), text,
      el("label", { for: due.id, text: say("decision.condition_due", { number }) }), due, remove);
    text.addEventListener("input", () => changed());
    due.addEventListener("change", () => changed());
    remove.addEventListener("click", () => {
      li.remove();
      changed();
      addCondition.focus();
    });
    return li;
  }
  addCondition.addEventListener("click", () => {
    const li = conditionRow({ text: "", due: "" });
    conditionList.append(li);
    li.querySelector("input").focus();
  });

  return {
    // The typed fields and the decision, as parts of the record.
    read() {
      const out = { applicant: {}, reviewer: {}, start: "", review: "" };
      for (const input of fields) {
        const [group, name] = input.dataset.field.split(".");
        const value = input.value.trim();
        if (name && value) out[group][name] = value;
        if (!name) out[group] = input.value;
      }
      out.outcome = radios.find((radio) => radio.checked)?.value || "";
      out.reasons = reasons.value;
      out.conditions = [...conditionList.children].map((li) => ({
        text: li.querySelector("[data-condition-text]").value,
        due: li.querySelector("[data-condition-due]").value,
      }));
      return out;
    },
    restore(record) {
      for (const radio of radios) radio.checked = radio.value === record.outcome;
      reasons.value = record.reasons;
      for (const input of fields) {
        const [group, name] = input.dataset.field.split(".");
        input.value = (name ? record[group][name] : record[group]) || "";
      }
      conditionList.replaceChildren();
      for (const entry of record.conditions) conditionList.append(conditionRow(entry));
      print();
    },
    print,
    onChange(callback) {
      changed = callback;
      for (const radio of radios) radio.addEventListener("change", callback);
      reasons.addEventListener("input", callback);
      for (const input of fields) input.addEventListener(input.type === "date" ? "change" : "input", callback);
    },
  };
}
