// What the person takes away from their result, each made by Python with the page's own site
// root: the checklist as plain text (copied) or Markdown (downloaded), and the application
// pack as a Word document; and the printed page. The text and Markdown are worked out once
// the page has been idle for a moment (or at once when asked for), so answering stays quick.
import { today } from "./dates.js";
import { DOCX, download } from "./download.js";

const IDLE_MS = 400;

export function takeAways(page) {
  const { say } = page;
  let made = null;
  let timer = null;

  function current() {
    clearTimeout(timer);
    const asking = page.request(page.answers(), { details: page.typedDetails() });
    const key = JSON.stringify(asking);
    if (!made || made.key !== key) made = { key, value: page.worker.call("take_away", asking) };
    return made.value;
  }

  // The buttons are in the result first (the Word pack, print) and below the full result.
  const button = (action, act) =>
    document.querySelector(`[data-action=${action}]`).addEventListener("click", async () => {
      if (!page.latest) return;
      page.hideUndo();
      await act();
    });

  button("copy-text", async () => {
    try {
      await navigator.clipboard.writeText((await current()).text);
      page.flash(say("done.text_copied"));
    } catch {
      page.flash(say("done.copy_blocked"));
    }
  });
  button("download", async () => {
    const blob = new Blob([(await current()).markdown], { type: "text/markdown;charset=utf-8" });
    download(blob, say("files.markdown", { date: today() }));
    page.flash(say("done.markdown"));
  });
  // The Word application: through the share sheet where the browser can share files (a
  // phone, to mail or a messaging app), downloaded elsewhere; the button says which.
  const docxButton = document.querySelector("[data-action=download-docx]");
  const sharesFiles = typeof navigator.canShare === "function"
    && navigator.canShare({ files: [new File([""], "application.docx", { type: DOCX })] });
  if (sharesFiles) docxButton.textContent = say("handover.said.share_label");
  button("download-docx", async () => {
    page.flash(say("done.making_docx"));
    let bytes;
    try {
      bytes = await page.worker.call("pack", page.request(page.answers(), { details: page.typedDetails(true) }));
    } catch (error) {
      page.flash(say("done.docx_failed", { error: error.message }));
      return;
    }
    const name = say("files.docx", { date: today() });
    if (sharesFiles) {
      try {
        await navigator.share({ files: [new File([bytes], name, { type: DOCX })], title: document.title });
        page.flash(say("handover.said.shared"));
        return;
      } catch (error) {
        if (error?.name === "AbortError") return; // the person closed the share sheet
      }
    }
    download(new Blob([bytes], { type: DOCX }), name);
    page.flash(say("handover.said.downloaded"));
  });
  document.querySelector("[data-action=print]").addEventListener("click", () => window.print());

  // After a result is drawn: work the text and Markdown out once the page is idle.
  function prefetch() {
    clearTimeout(timer);
    timer = setTimeout(() => current().catch(() => {}), IDLE_MS);
  }

  return { prefetch };
}
