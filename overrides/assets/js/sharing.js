// Sharing the answers: a link to them (the system's share sheet where the browser has one,
// otherwise the link is copied), and the link for the person reviewing the application,
// which opens the reviewer's checklist (review/, review.js) on the very same fragment: shown
// in a read-only field that wraps inside the page (never wider than it), with Copy and, where
// the browser has one, the share sheet. Nothing is stored on a server: the answers travel in
// the link.

// The address of the reviewer's checklist for the answers in the address bar.
// (`application`'s review-link code adds the application id and the scope detail to it.)
export function reviewAddress(page) {
  return `${page.relative("review/")}${location.hash}`;
}

export function sharing(page) {
  const { say } = page;
  const find = (selector) => document.querySelector(selector);
  const field = find("[data-review-field]");
  const address = find("[data-review-address]");
  const shareButton = find("[data-review-share]");
  const canShare = typeof navigator.share === "function";

  find("[data-action=review-link]").addEventListener("click", () => {
    page.hideUndo();
    page.updateFragment(page.answers());
    address.value = reviewAddress(page);
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
