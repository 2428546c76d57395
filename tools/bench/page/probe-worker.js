// The probe's dedicated worker: fetches the address it is sent, bypassing the HTTP cache, and
// answers with the time it took and the bytes received.
self.onmessage = async (event) => {
  const start = performance.now();
  const body = await (await fetch(event.data, { cache: "no-store" })).arrayBuffer();
  self.postMessage({ ms: performance.now() - start, bytes: body.byteLength });
};
