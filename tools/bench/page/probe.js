// The benchmark's probe page: does a fetch from a dedicated worker obey the tab's emulated
// network conditions? `probe(url)` resolves to the worker's time and the bytes it fetched.
const worker = new Worker("probe-worker.js");
window.probe = (url) =>
  new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(new URL(url, location.href).href);
  });
