// Offline use: registers the site's service worker (sw.js at the site's root, found from this
// script's own address so the site works under any sub-path), which keeps the site after the
// first visit. On the self-assessment it waits until Python has started (or failed to), then
// asks the worker to keep Python too: its files are then copied from the browser's cache
// rather than downloaded again while the page needs the network. Guidance pages never ask,
// so reading the guidance never downloads Python.
(() => {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  const root = new URL("../../", script.src);
  // The self-assessment, or the reviewer's checklist, which runs the same Python.
  const app = document.getElementById("assessment-app") || document.getElementById("review-app");
  const WAIT_LIMIT_MS = 60_000;

  function register() {
    navigator.serviceWorker
      .register(new URL("sw.js", root).href)
      .then(() => {
        if (app && "pythonReady" in app.dataset) return navigator.serviceWorker.ready;
        return null;
      })
      .then((registration) => registration && registration.active.postMessage("keep-python"))
      .catch(() => {
        // Some browsers and private windows refuse service workers: the site works without one.
      });
  }

  function whenPythonSettles(then) {
    const settled = () =>
      !app || "pythonReady" in app.dataset || "pythonFailed" in app.dataset || "reviewEmpty" in app.dataset;
    if (settled()) return then();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      then();
    };
    const observer = new MutationObserver(() => settled() && finish());
    observer.observe(app, { attributes: true });
    setTimeout(finish, WAIT_LIMIT_MS);
  }

  const start = () => whenPythonSettles(register);
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
})();
