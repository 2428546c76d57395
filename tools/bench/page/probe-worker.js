// The probe's dedicated worker: fetches the address it is sent, bypassing the HTTP cache, and
// answers with the time it took and the bytes received; or runs the page's loop (`spin`) and
// answers with its time.
const loop = (rounds) => {
  const start = performance.now();
  let x = 1;
  for (let i = 0; i < rounds; i++) x = (x * 1103515245 + 12345) % 2147483648;
  return { ms: performance.now() - start, x };
};

self.onmessage = async ({ data }) => {
  if (data.spin) {
    self.postMessage(loop(data.spin));
    return;
  }
  const start = performance.now();
  const body = await (await fetch(data.fetch, { cache: "no-store" })).arrayBuffer();
  self.postMessage({ ms: performance.now() - start, bytes: body.byteLength });
};
