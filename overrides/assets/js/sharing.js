// Sharing the answers: a link to them (the system's share sheet where the browser has one,
// otherwise the link is copied), and the link for the person reviewing the application,
// which opens the reviewer's checklist (review/, review.js) on the same answers, with the
// application's id and the scope detail typed (review-link.js): shown in a read-only field
// that wraps inside the page (never wider than it), with Copy and, where the browser has one,
// the share sheet. Nothing is stored on a server: the answers travel in the link.
import { fragmentFor } from "./link.js";
import { encodeScope, reviewFragment } from "./review-link.js";

// The address of the reviewer's checklist for the answers on the form, and whether the
// scope detail had to be left out of it (too long a link).
function reviewAddress(page) {
  const answers = page.answers();
  page.updateFragment(answers);
  const rows = (page.latest?.result_view.scope?.rows || []).map((row) => row.id);
  const { fragment, leftOut } = reviewFragment(fragmentFor(answers, page.controls, page.asked),
    page.ensureApplicationId(), encodeScope(page.details.current().scope, rows));
  return { address: `${page.relative("review/")}#${fragment}`, leftOut };
}

export function sharing(page) {
  const { app, say } = page;
  const leftOutNote = app.querySelector("[data-scope-left-out]");
  const find = (selector) => document.querySelector(selector);
  const field = find("[data-review-field]");
  const address = find("[data-review-address]");
  const shareButton = find("[data-review-share]");
  const canShare = typeof navigator.share === "function";

  find("[data-action=review-link]").addEventListener("click", () => {
    page.hideUndo();
    const made = reviewAddress(page);
    leftOutNote.hidden = !made.leftOut;
    address.value = made.address;
    field.hidden = false;
    shareButton.hidden = !canShare;
    address.focus();
    address.select();
  });

  find("[data-review-copy]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(address.value);
      page.flash(say("result.review.copied"));
    } catch {
      address.focus();
      address.select();
      page.flash(say("result.review.copy_failed"));
    }
  });

  shareButton.addEventListener("click", async () => {
    try {
      await navigator.share({ title: say("result.review.label"), url: address.value });
      page.flash(say("done.shared"));
    } catch (error) {
      if (error?.name !== "AbortError") page.flash(say("result.review.copy_failed"));
    }
  });

  find("[data-action=copy-link]").addEventListener("click", async () => {
    page.hideUndo();
    page.updateFragment(page.answers());
    const url = location.href;
    if (canShare) {
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
