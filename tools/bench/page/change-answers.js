// Evaluated by the benchmark: clicks options of one question in turn; each time, from just
// before the click to the moment the page has rendered the new result (its evaluation counter
// moves on). Resolves to the times in milliseconds (null when no result came in 10 s).
async ({ question, times }) => {
  const app = document.getElementById("assessment-app");
  const inputs = [...app.querySelectorAll(`input[name="${question}"]`)];
  const out = [];
  for (let i = 0; i < times; i++) {
    const next = inputs.find((input) => !input.checked);
    const before = Number(app.dataset.evaluations || 0);
    const updated = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (Number(app.dataset.evaluations || 0) > before) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(app, { attributes: true, attributeFilter: ["data-evaluations"] });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
    });
    const start = performance.now();
    next.click();
    const end = await updated;
    out.push(end === null ? null : end - start);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  return out;
}
