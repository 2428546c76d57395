// What a page says while Python gets ready: its own words (`say`, the page's `status.*` and
// `stages.*`), the step it is on and, while the start-up snapshot downloads, how many bytes
// have really arrived: never a total, because the worker may drop that download on a slow
// link (and then the amount goes, with the step line saying so).

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
    if (detail && detail.done > 0) amount = say("status.amount", { done: megabytes(detail.done) });
    bar.value = number - 1;
    status.textContent = say("status.step", { number, stage: say(`stages.${stage}`), amount });
  });
}
