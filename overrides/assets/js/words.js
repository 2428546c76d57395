// The page's words and data, from the JSON block the build writes into the page
// (<script type="application/json" id="page-data">, from the words data in
// assessment/rules/words/ by hooks/assessment_page.py and hooks/review_page.py). The scripts
// print only these words, never their own. This module imports nothing, so it loads on its
// own (tests do).

// The page's data: { words, ... }.
export function pageData(id = "page-data") {
  return JSON.parse(document.getElementById(id).textContent);
}

// `say(key, values)`: the words of `key`, their {placeholders} filled from `values`. A key
// the page has no words for throws, naming it (a mistake in a script, never in the data).
export function sayer(words) {
  return (key, values = {}) => {
    const text = words[key];
    if (typeof text !== "string") throw new Error(`the page has no words for "${key}"`);
    return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  };
}
