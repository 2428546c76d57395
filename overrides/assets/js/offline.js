// Offline use: registers the site's service worker (sw.js at the site's root, found from this
// script's own address so the site works under any sub-path). The worker keeps the pages and
// the Python runtime after the first visit. On the self-assessment it is registered once Python
// has started (or failed to), so the runtime it keeps is copied from the browser's cache
// instead of being downloaded a second time while the page needs the network.
(() => {
  const script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  const root = new URL("../../", script.src);
  const WAIT_LIMIT_MS = 60_000;

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href).catch(() => {
      // Some browsers and private windows refuse service workers: the site works without one.
    });
  }

  function whenPythonSettles(then) {
    const app = document.getElementById("assessment-app");
    const settled = () => !app || "pythonReady" in app.dataset || "pythonFailed" in app.dataset;
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
