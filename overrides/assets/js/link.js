// Share links: answers travel in the URL fragment (`#nation=england&modalities=xray,mri`).
// Forgiving by design, because links travel by hand: what matches the form's own controls is
// kept, the rest dropped with a note; a key or value the page's controls do not have is never
// used. What it says about a link it could not read in full is in the page's words (`say`,
// from words.js: the page words' `link.*`). This module imports nothing, so it can be loaded
// on its own (tests do).

export const MAX_FRAGMENT = 2000;
// The employer choice travels as `employer=<id>`, after the questions' keys (its control is
// the form's last); "Not listed" is no employer, so it is never written into a link.
export const EMPLOYER = "employer";
export const NOT_LISTED = "not-listed";

function shorten(text) {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function decode(part) {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

// Whether a fragment carries answers at all: one with no key=value pair is an in-page anchor
// (a skip link, `#sources`), which neither loads nor clears answers.
export function carriesAnswers(fragment) {
  return fragment.replace(/^#/, "").split("&").some((pair) => pair.includes("="));
}

// `controls`: a Map from question id to { multi, values } (the form's own questions);
// `say(key, values)`: the page's words.
export function parseFragment(fragment, controls, say) {
  const answers = {};
  const notes = [];
  let text = fragment.replace(/^#/, "");
  if (!text) return { answers, notes, present: false };
  if (text.length > MAX_FRAGMENT) {
    notes.push(say("link.too_long", { max: MAX_FRAGMENT }));
    text = text.slice(0, MAX_FRAGMENT);
  }
  const seen = new Set();
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const cut = pair.indexOf("=");
    const key = decode(cut < 0 ? pair : pair.slice(0, cut));
    const raw = cut < 0 ? "" : pair.slice(cut + 1);
    if (key === null) {
      notes.push(say("link.unreadable"));
      continue;
    }
    const question = controls.get(key);
    if (!question) {
      notes.push(say("link.unknown_question", { key: shorten(key) }));
      continue;
    }
    if (seen.has(key)) {
      notes.push(say("link.repeated", { key: shorten(key) }));
      continue;
    }
    seen.add(key);
    const values = [];
    for (const part of raw.split(",")) {
      const value = decode(part);
      if (value === null || value === "") continue;
      if (!question.values.includes(value) && key === EMPLOYER) {
        notes.push(say("link.unknown_employer", { value: shorten(value) }));
      } else if (!question.values.includes(value)) {
        notes.push(say("link.unknown_option", { value: shorten(value), key }));
      } else if (!values.includes(value)) {
        values.push(value);
      }
    }
    if (values.length === 0) continue;
    if (!question.multi && values.length > 1) {
      notes.push(say("link.several", { key }));
      continue;
    }
    answers[key] = question.multi ? question.values.filter((v) => values.includes(v)) : values[0];
  }
  return { answers, notes, present: true };
}

// Keys in the order of the questions, values in the order of the options, literal commas;
// only the asked questions once Python has said which they are (`asked`, a Set, or null),
// and the employer (always asked) last.
export function fragmentFor(answers, controls, asked) {
  const parts = [];
  for (const [id, question] of controls) {
    if (answers[id] === undefined || (asked && !asked.has(id) && !question.always)) continue;
    const chosen = [].concat(answers[id]);
    const values = question.values.filter(
      (value) => chosen.includes(value) && !(id === EMPLOYER && value === NOT_LISTED),
    );
    if (values.length === 0) continue;
    parts.push(`${encodeURIComponent(id)}=${values.map(encodeURIComponent).join(",")}`);
  }
  return parts.join("&");
}

// The employer's id the answers name, or "" for none ("Not listed", or no choice).
export function employerOf(answers) {
  const id = answers[EMPLOYER];
  return typeof id === "string" && id !== NOT_LISTED ? id : "";
}
