// Installed in every page of the benchmark before its own scripts (Playwright's init script):
// marks in-page times (performance.now(), from navigation start) when the first question is
// usable, Python is ready and the result is drawn, and records main-thread long tasks (their
// durations, and when each started).
(() => {
  const bench = (window.__bench = { marks: {}, longtasks: [], taskStarts: [] });
  try {
    bench.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.longtasks.push(e.duration);
        bench.taskStarts.push(e.startTime);
      }
    });
    bench.observer.observe({ type: "longtask", buffered: true });
  } catch (error) {
    bench.longtaskError = String(error);
  }
  const mark = (name) => {
    if (!(name in bench.marks)) bench.marks[name] = performance.now();
  };
  const check = () => {
    const radio = document.querySelector("#assessment-app input[type=radio]");
    if (radio && radio.matches(":enabled")) mark("firstQuestion");
    const app = document.getElementById("assessment-app");
    if (app && app.hasAttribute("data-python-ready")) mark("pythonReady");
    if (document.querySelector("[data-outcome]")) mark("result");
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ["disabled", "data-python-ready", "data-outcome", "data-evaluations"],
  });
  document.addEventListener("DOMContentLoaded", check);
})();
