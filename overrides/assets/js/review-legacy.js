// A record this device kept before applications had references (stored by the link's
// answers, review-record.js `legacyRecords`): when a link with the same answers is opened, it
// is offered once, to be kept in this application's record (its ticks, notes and reasons;
// not its scope decisions, which were kept by a row's position) or forgotten. `page` gives
// `name()` (the application's reference, given one first if the link had none),
// `merge({ items, reasons })` and `flash(text)`.
import { forgetRecord, legacyKey, legacyRecords, markOffered } from "./review-record.js";

export function offerLegacy(root, say, answers, page) {
  const box = root.querySelector("[data-legacy]");
  const found = legacyRecords().find(([kept]) => kept === answers);
  if (!found || found[1].offered) return;
  const [, old] = found;
  markOffered(answers);
  box.hidden = false;
  const done = (text) => {
    forgetRecord(legacyKey(answers));
    box.hidden = true;
    page.flash(text);
    root.querySelector("#people-heading").setAttribute("tabindex", "-1");
    root.querySelector("#people-heading").focus();
  };
  root.querySelector("[data-action=legacy-keep]").addEventListener("click", () => {
    page.name();
    page.merge({ items: old.items, reasons: old.reasons });
    done(say("legacy.kept"));
  });
  root.querySelector("[data-action=legacy-forget]").addEventListener("click", () => done(say("legacy.forgotten")));
}
