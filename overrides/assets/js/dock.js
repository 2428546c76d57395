// The result in short, kept in view at the bottom of a small screen while the person answers
// (site.css): it changes visibly when the result does. Once the answers settle (not on every
// arrow key through a group of options), screen readers hear only what changed: the counts
// that moved ("2 missing, 2 check with the employer") and any question that appeared. Its link goes to the
// full result; while it shows, the page keeps the focused control clear of it (WCAG 2.2,
// 2.4.11).
import { dockText } from "./result.js";

const ANNOUNCE_AFTER_MS = 700;

export function dock(page) {
  const { app, form, resultSection } = page;
  const box = app.querySelector("[data-dock]");
  const words = app.querySelector("[data-dock-text]");
  const announcer = app.querySelector("[data-result-announcer]");
  const { say } = page;
  let shown = "";
  let announceTimer = null;
  let heard = null; // the counts and questions last announced

  // The counts (national, then the employer's) and the questions asked, as last announced.
  function state(view) {
    const resultView = view.result_view;
    const counts = new Map();
    for (const [label, count] of [...resultView.counts, ...(resultView.employer?.counts || [])]) {
      counts.set(label, (counts.get(label) || 0) + count);
    }
    return { counts, asked: new Set(view.asked), missing: resultView.missing };
  }

  function message(before, now) {
    const parts = [];
    for (const [label, count] of now.counts) {
      const was = before ? before.counts.get(label) || 0 : 0;
      if (count !== was) parts.push(say("result.live.count", { count, label: label.toLowerCase() }));
    }
    if (before) {
      for (const question of now.missing) {
        if (!before.asked.has(question.id)) parts.push(say("result.live.new_question", { question: question.text }));
      }
    }
    return parts.join(", ");
  }

  function update(view, answers) {
    const text = dockText(view);
    box.hidden = Object.keys(answers).length === 0;
    if (text !== shown) {
      const first = !shown;
      shown = text;
      words.textContent = text;
      if (!first) {
        box.classList.remove("assessment__dock--changed");
        void box.offsetWidth; // restart the highlight
        box.classList.add("assessment__dock--changed");
      }
    }
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      const now = state(view);
      const changes = message(heard, now);
      heard = now;
      if (changes) announcer.textContent = changes;
    }, ANNOUNCE_AFTER_MS);
  }

  box.querySelector("[data-action=dock-result]").addEventListener("click", (event) => {
    event.preventDefault();
    resultSection.scrollIntoView(page.instantly);
    resultSection.focus({ preventScroll: true });
  });
  // While the result first (lead.js, at the top) is on screen, the summary at the bottom
  // would only repeat it.
  new IntersectionObserver(([entry]) => {
    box.classList.toggle("assessment__dock--repeats", entry.isIntersecting);
  }).observe(page.lead.section);
  // (Drawn at all: while the result first is in view the dock is not, and has no box.)
  const covers = () => getComputedStyle(box).position === "sticky" && box.getClientRects().length > 0;
  new ResizeObserver(() => {
    const height = covers() ? box.offsetHeight : 0;
    document.documentElement.style.setProperty("--assessment-dock-height", `${height}px`);
  }).observe(box);
  form.addEventListener("focusin", (event) => {
    if (!covers()) return;
    const control = event.target.closest(".option") || event.target;
    const bottom = control.getBoundingClientRect().bottom;
    const top = box.getBoundingClientRect().top;
    if (bottom > top) scrollBy({ top: bottom - top + 8, behavior: "instant" });
  });

  return { update };
}
