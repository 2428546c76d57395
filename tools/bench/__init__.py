"""Benchmark: how fast the self-assessment is for a person, beside a bare Pyodide page.

`make bench` (or `python -m tools.bench` after `make build`) opens the built site in headless
Debian Chromium, served on loopback by tools/serve.py's own handler over HTTPS (a certificate
made for the run, trusted by its key's hash: see `certificate`; Chromium asks for Brotli only
over HTTPS, so the site and the baseline travel as a real host sends them), and measures, as the
median of several runs, on a first visit (cold: a fresh browser profile) and a second one
(warm: a new tab in the same profile, its HTTP cache and any service worker in place):

- the first question usable: navigation start to the first radio button of the form existing
  and enabled;
- the result from a share link (a full answer set in the URL): navigation start to the
  `[data-outcome]` element;
- an answer change to the updated result: a click to the increment of `data-evaluations`,
  five times half a second after the network went quiet, and five more two seconds later
  (just after a page loads, the browser is still optimising Python's WebAssembly in the
  background on the same cores; two seconds on, the same change is measured when it is done);
- bytes transferred, counted by the server as it sends them, so requests of the page, its
  workers and a service worker are all seen (headers not counted): to the result, and for the
  whole visit (until the network has been quiet for a second);
- main-thread long tasks (PerformanceObserver 'longtask'): how many, and the longest.

Times are taken inside the page (`performance.now()`, which counts from navigation start, at
the moment a MutationObserver installed before any page script sees the element), not by
polling from outside. The browser runs with the tests' flags, which stop headless Chromium
loading its address-bar pop-up (a second of CPU per new window, in a renderer of its own); the
bench waits by polling with plain evaluations, never with Playwright's selectors, which would
first inject Playwright's own large script into the page being measured. The cold figures are
measured again under an emulated network (Chromium's Network.emulateNetworkConditions:
10 Mbit/s, 40 ms latency); a probe checks that fetches made from a dedicated worker are
throttled too, and the output says whether they were. The phone row adds Chromium's CPU
slowdown (Emulation.setCPUThrottlingRate), which slows the page's main thread but not its
workers: a second probe times one loop on each, and the output says what it reached.

The baseline page, written to a temporary folder served beside a link to the built site (never
into the site), does the usual thing: a bare `loadPyodide()` from the same self-hosted files,
then one `runPython("1+1")`, in a dedicated worker, where the self-assessment runs Python too
(on the main thread it alone would be slowed in the phone row). Each figure is shown beside
the baseline's time to Python answering, as a ratio. Guidance pages are measured for weight,
and must not download any part of Python: that is checked here (the exit status is 1 if one
does) and by tests/test_quality_privacy.py. Speed is reported, never asserted.

Results: bench-results/bench.json and bench-results/bench.md (the table, also printed), which
opens with issue 24's acceptance figures (the result from a share link over the bare page's
Python answering: on the 10 Mbit/s link, on loopback warm and cold) and its aims, each with
the load averages it was measured at. `--only loopback --runs 1` is a short check.

The package, one job per module: `settings` (what is measured, and how long to wait),
`certificate` (the run's TLS certificate), `server` (the loopback server that counts bytes,
and the folder it serves), `browser` (one
visit in Chromium, cold, warm or throttled), `summary` (medians over the runs), `table` (the
Markdown table), `run` (the whole benchmark) and `__main__` (the command line). The scripts it
evaluates in the pages and its own two pages are plain files in `page/`.
"""
