// The result in short, kept in view at the bottom of a small screen while the person answers
// (site.css): it changes visibly when the result does, and is said to screen readers once the
// answers settle (not on every arrow key through a group of options). Its link goes to the
// full result; while it shows, the page keeps the focused control clear of it (WCAG 2.2,
// 2.4.11).
import { dockText } from "./result.js";

const ANNOUNCE_AFTER_MS = 700;

export function dock(page) {
  const { app, form, summary, resultSection } = page;
  const box = app.querySelector("[data-dock]");
  const words = app.querySelector("[data-dock-text]");
  const announcer = app.querySelector("[data-result-announcer]");
  let shown = "";
  let announced = "";
  let announceTimer = null;

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
      if (view.announcement === announced) return;
      announced = view.announcement;
      announcer.textContent = view.announcement;
    }, ANNOUNCE_AFTER_MS);
  }

  box.querySelector("[data-action=dock-result]").addEventListener("click", (event) => {
    event.preventDefault();
    resultSection.scrollIntoView(page.instantly);
    resultSection.focus({ preventScroll: true });
  });
  // While the result at a glance (a shared result's, at the top) is on screen, the summary
  // at the bottom would only repeat it.
  new IntersectionObserver(([entry]) => {
    box.classList.toggle("assessment__dock--repeats", entry.isIntersecting && !summary.hidden);
  }).observe(summary);
  const covers = () => getComputedStyle(box).position === "sticky" && !box.hidden;
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
