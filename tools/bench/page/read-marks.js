// Evaluated by the benchmark after a visit: what marks.js recorded, with the navigation's
// load time and the baseline page's time to Python answering.
() => {
  const bench = window.__bench;
  if (bench.observer) bench.longtasks.push(...bench.observer.takeRecords().map((e) => e.duration));
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    marks: bench.marks,
    longtasks: bench.longtasks,
    longtaskError: bench.longtaskError || null,
    timeOrigin: performance.timeOrigin,
    load: nav ? nav.loadEventEnd : null,
    baseline: window.__baselineDone ?? null,
  };
}
