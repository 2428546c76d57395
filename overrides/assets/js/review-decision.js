// The reviewer's decision: the radio group and its reasons (plain HTML from the build,
// overrides/partials/review/app.html), said in words on the printed record as well, not only
// as a filled radio button.

export function decision(app, say) {
  const radios = [...app.querySelectorAll("input[name=decision]")];
  const reasons = app.querySelector("[data-review-reasons]");
  const printedReasons = app.querySelector("[data-print-reasons]");
  const printedDecision = app.querySelector("[data-print-decision]");

  function print() {
    const chosen = radios.find((radio) => radio.checked);
    const label = chosen ? app.querySelector(`label[for="${chosen.id}"]`).textContent : say("decision.not_decided");
    printedDecision.textContent = say("decision.printed", { decision: label });
    const text = reasons.value.trim();
    printedReasons.textContent = text ? say("decision.printed_reasons", { reasons: text }) : "";
  }

  return {
    // { decision, reasons } as chosen and typed.
    read: () => ({ decision: radios.find((radio) => radio.checked)?.value || "", reasons: reasons.value }),
    restore(record) {
      for (const radio of radios) radio.checked = radio.value === record.decision;
      reasons.value = record.reasons;
      print();
    },
    print,
    onChange(changed) {
      for (const radio of radios) radio.addEventListener("change", changed);
      reasons.addEventListener("input", changed);
    },
  };
}
