// The benchmark's probe page: does a fetch from a dedicated worker obey the tab's emulated
// network conditions? `probe(url)` resolves to the worker's time and the bytes it fetched.
// Does the tab's emulated CPU slowdown reach its workers? `spin(rounds)` times the same loop
// on this page's main thread and in the worker.
const worker = new Worker("probe-worker.js");
const ask = (message) =>
  new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
window.probe = (url) => ask({ fetch: new URL(url, location.href).href });

// A fixed amount of integer work (the same function runs in the worker).
const loop = (rounds) => {
  const start = performance.now();
  let x = 1;
  for (let i = 0; i < rounds; i++) x = (x * 1103515245 + 12345) % 2147483648;
  return { ms: performance.now() - start, x };
};
window.spin = async (rounds) => ({ main: loop(rounds), worker: await ask({ spin: rounds }) });
