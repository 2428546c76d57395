// The self-assessment and the reviewer's checklist in Debian's Firefox ESR, driven over
// WebDriver BiDi by puppeteer-core (which never downloads a browser), for tests/test_browser_firefox.py.
//
// Usage: node tests/node/firefox_smoke.mjs <firefox> <site-url> <answers-fragment>
//        <question> <option> <review-fragment>
// Opens assessment/#<answers-fragment>, waits for the result, clicks <option> of <question>
// as a person would and waits for the result to follow, then opens review/#<review-fragment>
// and waits for the checklist. Prints one JSON object: what each step showed, how Python
// started, every console error and uncaught exception, and any request to another host
// (each refused).
import puppeteer from "puppeteer-core";

/* global document -- the functions given to page.evaluate run in the page, not in Node */

const PYTHON_TIMEOUT_MS = 180_000;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

const [firefox, siteUrl, answers, question, option, review] = process.argv.slice(2);
if (!review) {
  console.error("usage: node tests/node/firefox_smoke.mjs <firefox> <site-url> <answers> <question> <option> <review>");
  process.exit(2);
}

// What the self-assessment shows: the outcome, each item's status, how Python started.
const assessmentShows = () => {
  const app = document.getElementById("assessment-app");
  return {
    outcome: document.querySelector("[data-outcome]").dataset.outcome,
    evidence: [...document.querySelectorAll("[data-evidence-id]")].map((el) => [el.dataset.evidenceId, el.dataset.status]),
    start: app.dataset.pythonStart,
    fallback: app.dataset.pythonFallback || null,
    evaluations: Number(app.dataset.evaluations || 0),
  };
};

const reviewShows = () => ({
  ids: [...document.querySelectorAll("[data-review-id]")].map((el) => el.dataset.reviewId),
});

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: firefox,
  headless: true,
  protocol: "webDriverBiDi",
});
const errors = [];
const foreign = [];
try {
  const page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error?.message || error)));
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (["http:", "https:", "ws:", "wss:"].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) {
      foreign.push(request.url());
      request.abort();
    } else {
      request.continue();
    }
  });

  await page.goto(new URL(`assessment/#${answers}`, siteUrl).href);
  await page.waitForSelector("[data-outcome]", { timeout: PYTHON_TIMEOUT_MS });
  const link = await page.evaluate(assessmentShows);

  await page.click(`label[for='q-${question}-${option}']`);
  await page.waitForSelector(`#assessment-app[data-evaluations]:not([data-evaluations='${link.evaluations}'])`, {
    timeout: PYTHON_TIMEOUT_MS,
  });
  const changed = await page.evaluate(assessmentShows);

  await page.goto(new URL(`review/#${review}`, siteUrl).href);
  await page.waitForSelector("#review-app[data-python-ready]", { timeout: PYTHON_TIMEOUT_MS });
  const reviewed = await page.evaluate(reviewShows);

  const version = await browser.version();
  process.stdout.write(JSON.stringify({ browser: version, link, changed, review: reviewed, errors, foreign }));
} finally {
  await browser.close();
}
