// Evaluated by the benchmark after a visit: what marks.js recorded, with the navigation's
// load time, the first contentful paint and the baseline page's time to Python answering.
() => {
  const bench = window.__bench;
  if (bench.observer) {
    for (const e of bench.observer.takeRecords()) {
      bench.longtasks.push(e.duration);
      bench.taskStarts.push(e.startTime);
    }
  }
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    marks: bench.marks,
    longtasks: bench.longtasks,
    taskStarts: bench.taskStarts,
    firstContentfulPaint: paint ? paint.startTime : null,
    longtaskError: bench.longtaskError || null,
    timeOrigin: performance.timeOrigin,
    load: nav ? nav.loadEventEnd : null,
    baseline: window.__baselineDone ?? null,
  };
}
