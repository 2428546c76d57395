// "Start again" and "Forget my answers on this device", and their undo: the Undo button puts
// back what was on screen and kept on this device, until the next answer or action.
import { el } from "./nodes.js";
import { writeForm } from "./questions.js";
import { forget, kept, restoreKept, save } from "./saved.js";

export function undoing(page) {
  const { app, controls, say } = page;
  const undoButton = app.querySelector("[data-action=undo]");
  let undo = null;

  function hideUndo() {
    undo = null;
    undoButton.hidden = true;
    app.querySelector("[data-notes] [data-undo]")?.remove();
  }

  function offerUndo(restore) {
    const before = {
      answers: page.answers(), details: page.details.snapshot(), storage: kept(), own: page.own,
      viewing: page.viewingLink, app: page.applicationId,
    };
    undo = () => {
      restoreKept(before.storage);
      page.applicationId = before.app;
      writeForm(controls, before.answers);
      page.details.restore(before.details);
      page.own = before.own;
      page.viewingLink = before.viewing;
      restore?.();
      page.updateFragment(before.answers);
      page.refresh();
    };
  }

  undoButton.addEventListener("click", () => {
    if (!undo) return;
    undo();
    hideUndo();
    page.flash(say("done.undone"));
  });

  app.querySelector("[data-action=start-again]").addEventListener("click", () => {
    offerUndo(() => page.showNotes([say("done.answers_back")]));
    writeForm(controls, {});
    page.details.clear();
    page.applicationId = "";
    save({});
    page.own = {};
    page.viewingLink = false;
    page.lead.hide();
    const again = el("button", { type: "button", class: "md-button", text: say("actions.undo"), dataset: { undo: "" } });
    again.addEventListener("click", () => undoButton.click());
    page.showNotes([say("done.cleared")], again);
    page.updateFragment({});
    page.refresh();
    controls.values().next().value.inputs[0].focus();
  });

  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    offerUndo();
    forget();
    page.details.clear();
    page.own = null;
    undoButton.hidden = false;
    page.flash(say("handover.said.forgotten"));
  });

  return { hideUndo };
}
