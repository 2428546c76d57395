// Python as the boot script started it (boot.js, inlined at the top of the page's head):
// `python` resolves to { worker: { call, stop }, version, fallback } once Python has
// answered; `onProgress(listener)` reports each start-up stage. On a page without the boot
// script, `python` rejects with the page's words for that.
export function startedPython(say) {
  const boot = globalThis.assessmentBoot || {
    onProgress: () => {},
    python: Promise.reject(new Error(say("status.no_python"))),
  };
  boot.python.catch(() => {}); // reported where the page waits for it
  return boot;
}
