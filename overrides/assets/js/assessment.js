// The self-assessment page: starts the Python worker and shows its progress.
const app = document.getElementById("assessment-app");

function call(worker, type, payload) {
  const id = crypto.randomUUID();
  return new Promise((resolve, reject) => {
    const listener = (event) => {
      if (event.data.id !== id) return;
      worker.removeEventListener("message", listener);
      event.data.ok ? resolve(event.data.value) : reject(new Error(event.data.error));
    };
    worker.addEventListener("message", listener);
    worker.postMessage({ id, type, payload });
  });
}

async function main() {
  const status = app.querySelector("[data-python-status]");
  status.textContent = "Starting Python in your browser…";
  const absolute = (path) => new URL(path, document.baseURI).href;
  try {
    const worker = new Worker(absolute(app.dataset.workerUrl), { type: "module" });
    const version = await call(worker, "start", {
      pyodideUrl: absolute(app.dataset.pyodideUrl),
      packageUrl: absolute(app.dataset.packageUrl),
    });
    status.textContent = `Python ${version} is ready in your browser.`;
    app.dataset.pythonReady = version;
  } catch (error) {
    status.textContent = `Python could not start in your browser (${error.message}).`;
    app.dataset.pythonFailed = "true";
  }
}

if (app) main();
