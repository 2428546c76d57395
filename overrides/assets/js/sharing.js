// Sharing the answers: a link to them (the system's share sheet where the browser has one,
// otherwise the link is copied), and the link for the person reviewing the application,
// which opens the reviewer's checklist (review/, review.js) on the same answers, with the
// application's id and the scope detail typed (review-link.js).
import { fragmentFor } from "./link.js";
import { encodeScope, reviewFragment } from "./review-link.js";
// Nothing is stored on a server: the answers travel in the link.

export function sharing(page) {
  const { app, controls, say } = page;
  const leftOutNote = app.querySelector("[data-scope-left-out]");

  app.querySelector("[data-action=review-link]").addEventListener("click", async () => {
    page.hideUndo();
    const answers = page.answers();
    page.updateFragment(answers);
    const rows = (page.latest?.checklist.scope?.rows || []).map((row) => row.id);
    const { fragment, leftOut } = reviewFragment(fragmentFor(answers, controls, page.asked),
      page.ensureApplicationId(), encodeScope(page.details.current().scope, rows));
    leftOutNote.hidden = !leftOut;
    const address = `${page.relative("review/")}#${fragment}`;
    try {
      await navigator.clipboard.writeText(address);
      page.flash(say("done.review_link_copied", { address }));
    } catch {
      page.flash(say("done.review_link", { address }));
    }
  });

  app.querySelector("[data-action=copy-link]").addEventListener("click", async () => {
    page.hideUndo();
    page.updateFragment(page.answers());
    const url = location.href;
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title: document.title, url });
        page.flash(say("done.shared"));
        return;
      } catch (error) {
        if (error?.name === "AbortError") return; // the person closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      page.flash(say("done.link_copied"));
    } catch {
      page.flash(say("done.copy_link", { url }));
    }
  });
}
