// The theme binds single keys (f, s, /, p, n, comma, full stop) to search and page turns on
// every page, which fails WCAG 2.1.4 (character key shortcuts): a speech-input user saying a
// word can trigger them. This stops those keys before the theme sees them unless focus is in
// the search field, where they are ordinary typing.
const THEME_KEYS = new Set(["f", "s", "/", "p", "n", ",", "."]);

window.addEventListener(
  "keydown",
  (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!THEME_KEYS.has(event.key.toLowerCase())) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest(".md-search__form")) return;
    event.stopImmediatePropagation();
  },
  { capture: true },
);
