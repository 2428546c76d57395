// The name and imaging provider typed for the documents: kept on this device (apart from the
// answers, so never in a link), and printed on a printed result, as the documents print
// them, with the line that every status is the applicant's own (the view's `handover`).
import { el } from "./nodes.js";
import { loadWho, saveWho } from "./saved.js";

export function whoFields(page) {
  const { app } = page;
  const inputs = [...app.querySelectorAll("[data-who]")];
  const printed = app.querySelector("[data-print-who]");

  const who = () => Object.fromEntries(inputs.map((input) => [input.dataset.who, input.value.trim()]));
  function setWho(values) {
    for (const input of inputs) input.value = values[input.dataset.who] || "";
  }

  function printWho() {
    const words = page.latest?.handover;
    if (!words) return;
    const given = who();
    printed.replaceChildren(
      ...[["name", given.name], ["provider", given.provider]]
        .filter(([, value]) => value)
        .map(([key, value]) => el("p", {}, el("strong", { text: `${words[key]}: ` }), value)),
      el("p", { text: words.self_declared }),
    );
  }

  setWho(loadWho());
  for (const input of inputs) {
    input.addEventListener("input", () => {
      saveWho(who());
      printWho();
    });
  }
  return { who, setWho, printWho };
}
