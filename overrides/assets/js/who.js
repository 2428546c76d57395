// The applicant's own application: what she types for it (details.js: who she is and where
// she applies, and the detail of her draft scope), printed on a printed result as the
// documents print it, with the line that every status is her own (the view's `handover`);
// and the application's id (the review link's `app`, the pack's application reference),
// made the first time it is needed and kept with her saved answers.
import { detailsFields } from "./details.js";
import { el } from "./nodes.js";
import { isAppId, newAppId } from "./review-link.js";
import { save } from "./saved.js";

export function whoFields(page) {
  const printed = page.app.querySelector("[data-print-who]");
  const details = detailsFields(page.app.querySelector("[data-handover]"), () => printWho());
  page.applicationId = "";

  // A new application (Start again, a colleague's answers taken as her own) starts without
  // an id; her own answers keep theirs, a link's answers she is only looking at are not
  // saved over them (the id then lasts while the page is open).
  function ensureApplicationId() {
    if (!isAppId(page.applicationId)) {
      page.applicationId = newAppId();
      if (!page.viewingLink) {
        save(page.answers(), page.applicationId);
        page.own = page.answers();
      }
    }
    return page.applicationId;
  }

  // The details as Python is given them, with the application's id where it has one (or,
  // with `make`, a new one: the pack and the review link carry it).
  const typedDetails = (make = false) => ({
    ...details.current(),
    app: make ? ensureApplicationId() : page.applicationId,
  });

  function printWho() {
    const words = page.latest?.handover;
    if (!words) return;
    const given = details.current();
    printed.replaceChildren(
      ...[["name", given.name], ["provider", given.provider]]
        .filter(([, value]) => value)
        .map(([key, value]) => el("p", {}, el("strong", { text: `${words[key]}: ` }), value)),
      el("p", { text: words.self_declared }),
    );
  }

  return { details, ensureApplicationId, typedDetails, printWho };
}
