// The JavaScript linter's settings (ESLint, flat config), run by `make lint` and `make test`.
// Every file of ours is checked with ESLint's recommended rules, plus a few that catch the
// mistakes this code base cares about; each file gets the globals of where it runs. A rule
// turned off says why beside it.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["node_modules/", "site/", "bench-results/", "test-results/", ".venv/", ".cache/"],
  },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2025, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      // Scripts build elements with el() and text; these would insert markup or run strings.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use el() and textContent, never markup." },
        { property: "outerHTML", message: "Use el() and textContent, never markup." },
        { property: "insertAdjacentHTML", message: "Use el() and textContent, never markup." },
      ],
    },
  },
  {
    // The page's scripts (modules), in the browser.
    files: ["overrides/assets/js/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    // Classic scripts: the boot script is inlined in the page's head, the other two are
    // plain <script> tags of every page (mkdocs.yml extra_javascript).
    files: [
      "overrides/assets/js/boot.js",
      "overrides/assets/js/offline.js",
      "overrides/assets/js/shortcuts.js",
    ],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["overrides/assets/js/assessment-worker.mjs"],
    languageOptions: { globals: globals.worker },
  },
  {
    files: ["overrides/sw.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
    rules: {
      // Off: a service worker's global scope is its own, shared with no page or other script,
      // so its top-level functions cannot clash with anyone's.
      "no-implicit-globals": "off",
    },
  },
  {
    // Build, test and benchmark tools, run by Node.
    files: ["hooks/**/*.mjs", "tests/**/*.mjs", "tools/**/*.mjs", "*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark's own pages and the scripts it evaluates in them: in the browser.
    files: ["tools/bench/page/**/*.js", "tools/bench/page/**/*.mjs"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["tools/bench/page/probe-worker.js"],
    languageOptions: { sourceType: "script", globals: globals.worker },
  },
  {
    // Classic scripts, not modules: evaluated by Playwright as one expression (a function),
    // installed as its init script (marks.js), or loaded by a plain script tag (probe.js).
    files: ["tools/bench/page/change-answers.js", "tools/bench/page/read-marks.js",
            "tools/bench/page/marks.js", "tools/bench/page/probe.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
];
