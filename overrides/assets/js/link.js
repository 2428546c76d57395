// Share links: answers travel in the URL fragment (`#nation=england&modalities=xray,mri`).
// Forgiving by design, because links travel by hand: what matches the form's own controls is
// kept, the rest dropped with a note; a key or value the page's controls do not have is never
// used. This module imports nothing, so it can be loaded on its own (tests do).

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

// `controls`: a Map from question id to { multi, values } (the form's own questions).
export function parseFragment(fragment, controls) {
  const answers = {};
  const notes = [];
  let text = fragment.replace(/^#/, "");
  if (!text) return { answers, notes, present: false };
  if (text.length > MAX_FRAGMENT) {
    notes.push(`The link was too long; only its first ${MAX_FRAGMENT} characters were read.`);
    text = text.slice(0, MAX_FRAGMENT);
  }
  const seen = new Set();
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const cut = pair.indexOf("=");
    const key = decode(cut < 0 ? pair : pair.slice(0, cut));
    const raw = cut < 0 ? "" : pair.slice(cut + 1);
    if (key === null) {
      notes.push("A part of the link could not be read and was left out.");
      continue;
    }
    const question = controls.get(key);
    if (!question) {
      notes.push(`The link mentions “${shorten(key)}”, which is not one of the questions; it was left out.`);
      continue;
    }
    if (seen.has(key)) {
      notes.push(`The link answers “${shorten(key)}” more than once; the first answer was kept.`);
      continue;
    }
    seen.add(key);
    const values = [];
    for (const part of raw.split(",")) {
      const value = decode(part);
      if (value === null || value === "") continue;
      if (!question.values.includes(value) && key === EMPLOYER) {
        notes.push(`The link names an employer, “${shorten(value)}”, that this page has no profile for; it was left out, and the national picture is shown.`);
      } else if (!question.values.includes(value)) {
        notes.push(`The link gives “${shorten(value)}” for “${key}”, which is not one of its options; it was left out.`);
      } else if (!values.includes(value)) {
        values.push(value);
      }
    }
    if (values.length === 0) continue;
    if (!question.multi && values.length > 1) {
      notes.push(`The link gives several answers to “${key}”, which takes one; that question was left unanswered.`);
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
