// What a page says while Python gets ready: its own words (`say`, the page's `status.*` and
// `stages.*`), the step it is on and, while the start-up snapshot downloads, how much of it
// has arrived (where the page's words for a step have room for the amount).

const STEPS = { downloading: 1, starting: 2, loading: 3 };
const MB = 1_000_000;

const megabytes = (bytes) => (bytes / MB).toFixed(1);

// `status`: the status line; `bar`: a <progress max="3">; `onProgress`: the boot script's.
export function showProgress(status, bar, onProgress, say) {
  bar.hidden = false;
  bar.value = 0;
  status.textContent = say("status.getting_ready");
  onProgress((stage, detail) => {
    if (stage === "fallback-slow") {
      status.textContent = say("status.fallback_slow");
      return;
    }
    if (stage === "fallback") {
      status.textContent = say("status.fallback");
      return;
    }
    if (!Object.hasOwn(STEPS, stage)) return;
    const number = STEPS[stage];
    let amount = "";
    let value = number - 1;
    if (detail && detail.total > 0) {
      value += Math.min(detail.done / detail.total, 1);
      amount = say("status.amount", { done: megabytes(detail.done), total: megabytes(detail.total) });
    }
    bar.value = value;
    status.textContent = say("status.step", { number, stage: say(`stages.${stage}`), amount });
  });
}
