// Opening a link (on arrival, or pasted into the address bar of the open page): its answers
// win for display; saved answers are kept untouched until the person changes an answer, and
// the page offers to switch back to them. A fragment without a key=value pair is an in-page
// anchor: it neither loads nor clears answers. Without a link, the saved answers come back.
import { carriesAnswers, parseFragment } from "./link.js";
import { el } from "./nodes.js";
import { writeForm } from "./questions.js";
import { loadSaved } from "./saved.js";

export function opening(page) {
  const { controls, say } = page;
  // Set when a link is opened: once its result is drawn, the focus goes to the result's
  // heading (lead.js), unless the person has scrolled, tapped or typed meanwhile
  // (live-result.js).
  page.landing = false;
  page.interacted = false;
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) {
    addEventListener(type, () => (page.interacted = true), { capture: true, passive: true });
  }

  function switcher() {
    const button = el("button", { type: "button", class: "md-button", text: say("answers.switch_back") });
    button.addEventListener("click", () => {
      writeForm(controls, page.own);
      page.viewingLink = false;
      page.showNotes([say("answers.saved_back")]);
      page.updateFragment(page.own);
      page.refresh();
    });
    return button;
  }

  function open(hash) {
    const link = carriesAnswers(hash) ? parseFragment(hash, controls, say) : { present: false };
    const saved = loadSaved(controls, say);
    page.own = saved.answers;
    page.applicationId = saved.app || "";
    if (link.present) {
      writeForm(controls, link.answers);
      page.viewingLink = Boolean(page.own) && JSON.stringify(page.own) !== JSON.stringify(link.answers);
      page.landing = true;
      page.interacted = false;
      const lines = [...link.notes];
      if (saved.note) lines.push(saved.note);
      if (page.viewingLink) lines.unshift(say("answers.from_link"));
      page.showNotes(lines, page.viewingLink ? switcher() : null);
      page.lead.pending(link.answers);
    } else if (page.own) {
      writeForm(controls, page.own);
      page.showNotes([[say("answers.restored"), saved.note].filter(Boolean).join(" ")]);
      if (!hash.replace(/^#/, "")) page.updateFragment(page.own);
    } else {
      page.showNotes(saved.note ? [saved.note] : []);
    }
    return link.present;
  }

  open(location.hash);
  addEventListener("hashchange", () => {
    if (open(location.hash)) page.refresh();
  });
}
