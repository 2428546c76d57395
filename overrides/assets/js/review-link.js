// The review link: `review/#<answers>[&employer=<id>]&app=<id>[&scope=<detail>]`, for the
// person who decides the application. The same text as Python's views/review_link.py writes
// (that module documents the `scope=` encoding; tests compare the two). Typed text is
// cleaned as Python's model/details.py `clean` does before it is encoded, so the link the
// page writes and the one printed in the Word pack are the same. Imports nothing.

export const APP_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export const APP_LENGTH = 12;
export const MAX_FIELD = 200;
export const MAX_REVIEW_FRAGMENT = 8000;
export const DETAIL_FIELDS = ["body_areas", "indications", "exclusions"];

// What XML 1.0 cannot hold (and the other control characters), as Python removes them.
// eslint-disable-next-line no-control-regex -- matching control characters is its job
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/gu;
// Python's str.split() white space, less what NOT_XML has already removed.
const SPACE = /[\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

// A new application id: 12 characters drawn with the browser's cryptographic random source
// (256 is a multiple of 32, so every character is equally likely).
export function newAppId() {
  const bytes = crypto.getRandomValues(new Uint8Array(APP_LENGTH));
  return Array.from(bytes, (byte) => APP_ALPHABET[byte % APP_ALPHABET.length]).join("");
}

export function isAppId(text) {
  return typeof text === "string" && text.length === APP_LENGTH
    && [...text].every((character) => APP_ALPHABET.includes(character));
}

// Typed text as Python reads it from the page: at most 200 characters (code points), then
// the characters XML cannot hold removed and white space made single spaces.
export function cleanTyped(value) {
  if (typeof value !== "string") return "";
  const cut = [...value].slice(0, MAX_FIELD).join("");
  return cut.replace(NOT_XML, "").split(SPACE).filter(Boolean).join(" ");
}

// `detail`: { rowId: { body_areas, indications, exclusions } } as typed; `rows`: the scope
// table's row ids in order. "" when no row of the table has any detail.
export function encodeScope(detail, rows) {
  const parts = [];
  for (const row of rows) {
    const typed = detail?.[row];
    if (!typed) continue;
    const fields = DETAIL_FIELDS.map((name) => cleanTyped(typed[name]));
    if (!fields.some(Boolean)) continue;
    parts.push([...row.split(":"), ...fields].map(encodeURIComponent).join(":"));
  }
  return parts.join(",");
}

// { fragment (without `#`), leftOut (the scope detail did not fit in 8,000 characters) }.
export function reviewFragment(shareFragment, app, scopeText) {
  const parts = shareFragment ? [shareFragment] : [];
  if (isAppId(app)) parts.push(`app=${app}`);
  const bare = parts.join("&");
  if (!scopeText) return { fragment: bare, leftOut: false };
  const full = bare ? `${bare}&scope=${scopeText}` : `scope=${scopeText}`;
  if (full.length > MAX_REVIEW_FRAGMENT) return { fragment: bare, leftOut: true };
  return { fragment: full, leftOut: false };
}

// A review link's fragment taken apart for the review page: `share` (the answers and the
// employer, for the share link's reader), and `app` and `scope` as they stand in it (Python
// checks and decodes them: assessment/web.py `review_view`). Past 8,000 characters the scope
// detail is left out (`tooLong`); the first `app=` and `scope=` count.
export function splitReviewFragment(hash) {
  const text = hash.replace(/^#/, "");
  const tooLong = text.length > MAX_REVIEW_FRAGMENT;
  const kept = [];
  let app = null;
  let scope = null;
  for (const pair of text.split("&")) {
    if (pair.startsWith("app=")) app ??= pair.slice(4);
    else if (pair.startsWith("scope=")) scope ??= pair.slice(6);
    else kept.push(pair);
  }
  return { share: kept.join("&"), app: app ?? "", scope: tooLong ? "" : scope ?? "", tooLong, hasApp: app !== null };
}
