// What the page says while the live result gets ready: plain words, the step it is on and,
// while the start-up snapshot downloads, how much of it has arrived.

const STEPS = {
  downloading: [1, "downloading what works out your result here, on your device"],
  starting: [2, "starting it up"],
  loading: [3, "loading the rules"],
};
const MB = 1_000_000;

const megabytes = (bytes) => (bytes / MB).toFixed(1);

// `status`: the status line; `bar`: a <progress max="3">; `onProgress`: the boot script's.
export function showProgress(status, bar, onProgress) {
  bar.hidden = false;
  bar.value = 0;
  status.textContent = "Getting your live result ready. It is worked out here, on your device…";
  onProgress((stage, detail) => {
    if (stage === "fallback-slow") {
      status.textContent = "This connection is slow, so the live result is starting a way that downloads less…";
      return;
    }
    if (stage === "fallback") {
      status.textContent = "The quick start did not work, so the live result is starting the standard way…";
      return;
    }
    if (!Object.hasOwn(STEPS, stage)) return;
    const [number, words] = STEPS[stage];
    let amount = "";
    let value = number - 1;
    if (detail && detail.total > 0) {
      value += Math.min(detail.done / detail.total, 1);
      amount = ` (${megabytes(detail.done)} of ${megabytes(detail.total)} MB)`;
    }
    bar.value = value;
    status.textContent = `Step ${number} of 3: ${words}${amount}…`;
  });
}
