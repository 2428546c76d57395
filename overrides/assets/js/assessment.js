// The self-assessment page. It only moves answers in and results out: the questions and the
// evidence list are HTML generated from the rules at build time, and every decision is made by
// the Python engine running in a worker. Nothing typed or read from a link is ever inserted as
// HTML: text goes in through textContent, and link parts are matched against the form's own
// controls before they are used.

// Started by the boot script inlined at the top of this page's head (assessment-boot.js).
const { onProgress, python } = globalThis.assessmentBoot || {
  onProgress: () => {},
  python: Promise.reject(new Error("this page does not start Python")),
};
python.catch(() => {}); // reported where the page waits for it

const STORAGE_KEY = "imaging-referrer-assessment";
const SCHEMA_VERSION = 1;
const MAX_FRAGMENT = 2000;

const app = document.getElementById("assessment-app");

// ---------------------------------------------------------------- small DOM helpers

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function say(node, text) {
  node.textContent = text;
  node.hidden = !text;
}

// ---------------------------------------------------------------- the form as answers

function questions(form) {
  const map = new Map();
  for (const fieldset of form.querySelectorAll("fieldset[data-question]")) {
    const inputs = [...fieldset.querySelectorAll("input")];
    map.set(fieldset.dataset.question, {
      fieldset,
      inputs,
      multi: inputs.length > 0 && inputs[0].type === "checkbox",
      values: inputs.map((input) => input.value),
    });
  }
  return map;
}

function readForm(controls) {
  const answers = {};
  for (const [id, question] of controls) {
    const chosen = question.inputs.filter((input) => input.checked).map((input) => input.value);
    if (chosen.length === 0) continue;
    answers[id] = question.multi ? chosen : chosen[0];
  }
  return answers;
}

function writeForm(controls, answers) {
  for (const [id, question] of controls) {
    const wanted = answers[id] === undefined ? [] : [].concat(answers[id]);
    for (const input of question.inputs) input.checked = wanted.includes(input.value);
  }
}

// ---------------------------------------------------------------- share links (URL fragment)

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

// Forgiving by design: links travel by hand. Keeps what matches the form, drops the rest with
// a note, and never uses a key or value that the page's own controls do not have.
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
      if (!question.values.includes(value)) {
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

// Keys in the order of the questions, values in the order of the options, literal commas.
function fragmentFor(answers, controls, asked) {
  const parts = [];
  for (const [id, question] of controls) {
    if (answers[id] === undefined || (asked && !asked.has(id))) continue;
    const chosen = [].concat(answers[id]);
    const values = question.values.filter((value) => chosen.includes(value));
    parts.push(`${encodeURIComponent(id)}=${values.map(encodeURIComponent).join(",")}`);
  }
  return parts.join("&");
}

// ---------------------------------------------------------------- answers kept on this device

function loadSaved(controls) {
  let raw;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { answers: null, note: "" };
  }
  if (raw === null) return { answers: null, note: "" };
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    forget();
    return { answers: null, note: "Answers saved on this device could not be read, so they were cleared. Please answer again." };
  }
  const isRecord = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);
  if (!isRecord(data) || !isRecord(data.answers)) {
    forget();
    return { answers: null, note: "Answers saved on this device could not be read, so they were cleared. Please answer again." };
  }
  if (data.schema !== SCHEMA_VERSION) {
    const newer = Number(data.schema) > SCHEMA_VERSION;
    if (!newer) forget();
    return {
      answers: null,
      newer,
      note: newer
        ? "Answers saved on this device come from a newer version of this page, which this one cannot read. They are kept as they are unless you change an answer here."
        : "Answers saved on this device come from an older version of this page and could not be used. Please answer again.",
    };
  }
  // Reuse the link parser's checks: only known questions and options survive.
  const fragment = Object.entries(data.answers)
    .map(([key, value]) => `${encodeURIComponent(key)}=${[].concat(value).map((v) => encodeURIComponent(String(v))).join(",")}`)
    .join("&");
  const { answers, notes } = parseFragment(fragment, controls);
  if (Object.keys(answers).length === 0) {
    // Nothing usable: say so if something was there, and start clean.
    forget();
    return {
      answers: null,
      note: notes.length ? "Answers saved on this device no longer match the questions, so they were cleared. Please answer again." : "",
    };
  }
  return {
    answers,
    savedAt: typeof data.saved_at === "string" ? data.saved_at : "",
    note: notes.length ? "Some saved answers no longer match the questions and were left out." : "",
  };
}

function save(answers) {
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ schema: SCHEMA_VERSION, saved_at: new Date().toISOString(), answers }),
    );
  } catch {
    // Storage can be full or blocked; the page still works, it just cannot remember.
  }
}

function forget() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget if storage is blocked.
  }
}

// ---------------------------------------------------------------- rendering a live result

const STATUS_ICON = { held: "✓", partial: "◐", gap: "✗", check: "?", unknown: "…" };

function renderSources(sources) {
  return el(
    "ul",
    { class: "evidence__sources" },
    sources.map(([title, url]) => el("li", {}, el("a", { href: url, text: title }))),
  );
}

function renderItem(item, link) {
  const body = [
    el("h4", { class: "evidence__title" },
      el("span", { class: "evidence__icon", "aria-hidden": "true", text: STATUS_ICON[item.status] || "" }),
      el("span", { text: item.title }),
    ),
    el("p", { class: "evidence__status" },
      el("strong", { text: item.status_label }),
      el("span", { class: "evidence__basis", text: ` · Basis: ${item.basis_label}` }),
    ),
    el("ul", { class: "evidence__why" }, item.why.map((reason) => el("li", { text: reason }))),
  ];
  if (item.next_text) {
    body.push(el("p", { class: "evidence__next" }, el("strong", { text: `${item.next_label}: ` }), item.next_text));
  }
  body.push(
    el("details", { class: "evidence__more" },
      el("summary", { text: "What counts as evidence, and sources" }),
      el("p", { text: item.what_counts }),
      el("p", { text: `Basis: ${item.basis_label}, ${item.basis_description}.` }),
      renderSources(item.sources),
    ),
    el("p", { class: "evidence__guidance" }, el("a", { href: link(item.guidance), text: `More about ${item.title.toLowerCase()}` })),
  );
  return el("li", { class: `evidence evidence--${item.status}`, dataset: { evidenceId: item.id, status: item.status } }, body);
}

// The result as named sections, each with the data it shows, so an answer change redraws
// only the sections whose data changed (an item's group, the counts, the answers...).
function resultSections(view, link) {
  const sheet = view.checklist;
  const sections = [];
  // `size`: roughly how much the browser has to lay out for it, counted in evidence items.
  const add = (key, data, build, size = 1) => sections.push({ key, data: JSON.stringify(data), build, size });
  add("outcome", [sheet.outcome, sheet.outcome_label, sheet.outcome_sentence, sheet.counts], () => [
    // `data-outcome` is set once the whole result is drawn (drawResult), not before.
    el("p", { class: `outcome outcome--${sheet.outcome}` },
      el("strong", { text: `${sheet.outcome_label}: ` }), sheet.outcome_sentence),
    sheet.counts.length
      ? el("ul", { class: "outcome__counts" }, sheet.counts.map(([label, count]) => el("li", { text: `${label}: ${count}` })))
      : null,
  ]);
  add("missing", [view.missing_ids, sheet.missing], () => view.missing_ids.length
    ? [el("div", { class: "missing" },
        el("p", { text: "Still to answer:" }),
        el("ul", {}, view.missing_ids.map((id, index) =>
          el("li", {}, el("a", { href: `#q-${id}`, text: sheet.missing[index], dataset: { focusQuestion: id } })))))]
    : []);
  sheet.groups.forEach(([title, items], index) => {
    add(`group-${index}`, [title, items], () => [
      el("section", { class: "evidence-group", "aria-labelledby": `evidence-group-${index}` },
        el("h3", { id: `evidence-group-${index}`, text: title }),
        el("ul", { class: "evidence-list" }, items.map((item) => renderItem(item, link))),
      ),
    ], 1 + items.length);
  });
  const noticeIds = view.result.notices.map((notice) => notice.id);
  add("notices", [sheet.notices, noticeIds], () => sheet.notices.length
    ? [el("section", { class: "notices", "aria-labelledby": "notices-heading" },
        el("h3", { id: "notices-heading", text: "Context and positions to know about" }),
        el("ul", { class: "notices__list" }, sheet.notices.map((notice, index) =>
          el("li", { class: "notice", dataset: { noticeId: noticeIds[index] } },
            el("p", { text: notice.text }),
            el("p", { class: "notice__asof", text: `Position as of ${notice.as_of}.` }),
            renderSources(notice.sources),
          ))))]
    : [], 1 + sheet.notices.length);
  add("scope", [sheet.scope, sheet.scope_note], () => {
    if (!sheet.scope.length && !sheet.scope_note) return [];
    const headings = ["Kind of imaging", "Patient group", "Settings", "Body areas", "Clinical indications"];
    return [
      el("section", { class: "scope", "aria-labelledby": "scope-heading" },
        el("h3", { id: "scope-heading", text: "Draft scope of practice" }),
        el("p", { text: sheet.scope_note || "Built from your answers. Fill in the body areas and clinical indications for each row, then agree the scope with your supervisor or clinical lead." }),
        sheet.scope.length ? el("div", { class: "md-typeset__table" },
          el("table", {},
            el("thead", {}, el("tr", {}, headings.map((h) => el("th", { scope: "col", text: h })))),
            el("tbody", {}, sheet.scope.map((row) =>
              el("tr", {}, el("td", { text: row.modality_label }), el("td", { text: row.patients_label }),
                el("td", { text: row.settings }), el("td", {}), el("td", {})))),
          ),
        ) : null,
      ),
    ];
  });
  add("answers", sheet.answers, () => [
    el("section", { class: "print-answers", "aria-labelledby": "answers-heading" },
      el("h3", { id: "answers-heading", text: "Your answers" }),
      el("dl", {}, sheet.answers.map(([question, answer]) => [el("dt", { text: question }), el("dd", { text: answer })])),
    ),
  ]);
  return sections;
}

const drawn = new WeakMap(); // section wrapper -> the data it shows
const FRAME_BUDGET_MS = 8;
const FRESH_FRAME_SIZE = 8;

// The next rendering opportunity has passed (or, in a hidden tab, a moment has).
const nextFrame = () =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });

// Redraw only what changed; if the sections themselves changed, draw them all anew. A whole
// result is drawn over a few frames, about FRESH_FRAME_SIZE evidence items' worth at a time:
// drawn at once, the browser's style, text shaping and layout of it made one task of 80 to
// 130 ms on a first visit, while building it took JavaScript only 10 ms. Any drawing also
// yields after FRAME_BUDGET_MS of building. Resolves to false if `stillWanted()` turns false
// meanwhile (a newer result is on its way); `data-outcome` is set only once the whole result
// is there.
async function drawResult(box, sections, outcome, stillWanted) {
  const keys = sections.map((section) => section.key).join(" ");
  const fresh = box.dataset.sections !== keys;
  if (fresh) {
    box.replaceChildren(...sections.map((section) => el("div", { dataset: { section: section.key } })));
    box.dataset.sections = keys;
  }
  let started = performance.now();
  let size = 0;
  for (const [index, section] of sections.entries()) {
    const wrapper = box.children[index];
    if (drawn.get(wrapper) === section.data) continue;
    const full = fresh && size > 0 && size + section.size > FRESH_FRAME_SIZE;
    if (full || performance.now() - started > FRAME_BUDGET_MS) {
      await nextFrame();
      if (!stillWanted()) return false;
      started = performance.now();
      size = 0;
    }
    wrapper.replaceChildren(...section.build().flat(Infinity).filter(Boolean));
    drawn.set(wrapper, section.data);
    size += section.size;
  }
  const shown = box.querySelector(".outcome");
  if (shown) shown.dataset.outcome = outcome;
  return true;
}

// ---------------------------------------------------------------- the page

function main() {
  const form = document.getElementById("assessment-form");
  const controls = questions(form);
  const status = app.querySelector("[data-python-status]");
  const progress = app.querySelector("[data-python-progress]");
  const notes = app.querySelector("[data-notes]");
  const announcer = app.querySelector("[data-result-announcer]");
  const resultBox = app.querySelector("[data-result]");
  const staticList = app.querySelector("[data-static-checklist]");
  const actions = app.querySelector("[data-actions]");
  const feedback = app.querySelector("[data-action-feedback]");
  const printDate = app.querySelector("[data-print-date]");
  const relative = (path) => new URL(app.dataset.siteRoot + path, document.baseURI).href;
  document.documentElement.classList.add("assessment-js");

  let latest = null;
  let asked = null;
  let sequence = 0;
  let rendered = 0;
  let worker = null;
  let pythonReady = false;
  let ownAnswers = null;
  let viewingLink = false;

  const today = () => {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  };

  function showNotes(lines, extra) {
    notes.replaceChildren(...lines.map((line) => el("p", { text: line })), ...(extra ? [extra] : []));
    notes.hidden = lines.length === 0 && !extra;
  }

  function updateFragment(answers) {
    const fragment = fragmentFor(answers, controls, asked);
    const url = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ""}`;
    history.replaceState(history.state, "", url);
  }

  function applyAsked(list) {
    asked = new Set(list);
    for (const [id, question] of controls) question.fieldset.hidden = !asked.has(id);
  }

  // The Markdown and text checklists are worked out once the page has been idle for a moment
  // (or at once when asked for), so that answering stays quick.
  let takeAway = null;
  let takeAwayTimer = null;
  const request = (answers) => ({ answers, today: today(), siteUrl: app.dataset.siteUrl || "" });
  function currentTakeAway() {
    clearTimeout(takeAwayTimer);
    if (!takeAway || takeAway.sequence !== sequence) {
      takeAway = { sequence, value: worker.call("exports", request(readForm(controls))) };
    }
    return takeAway.value;
  }

  async function evaluate(answers = readForm(controls)) {
    if (!pythonReady) return;
    const mine = ++sequence;
    let view;
    try {
      view = JSON.parse(await worker.call("evaluate", request(answers)));
    } catch (error) {
      status.textContent = `The result could not be worked out (${error.message}). The checklist below still applies.`;
      return;
    }
    if (mine !== sequence) return; // a newer change is on its way
    latest = view;
    applyAsked(view.asked);
    resultBox.hidden = false;
    staticList.hidden = true;
    const stillWanted = () => mine === sequence;
    if (!(await drawResult(resultBox, resultSections(view, relative), view.checklist.outcome, stillWanted))) return;
    actions.hidden = false;
    printDate.textContent = `Printed on ${view.checklist.date}.`;
    announcer.textContent = view.announcement;
    app.dataset.evaluations = String(++rendered);
    // The address follows in a task of its own, so the browser can draw the new result first
    // (replacing the history entry took 3 ms a change, and up to 10 ms on the first ones).
    setTimeout(() => mine === sequence && updateFragment(answers), 0);
    clearTimeout(takeAwayTimer);
    takeAwayTimer = setTimeout(() => currentTakeAway().catch(() => {}), 400);
  }

  function changed() {
    const answers = readForm(controls);
    evaluate(answers); // first: Python starts on the new answers while the page saves them
    if (viewingLink) {
      viewingLink = false;
      showNotes(["You changed an answer, so these answers are now saved as your own on this device."]);
    }
    save(answers);
    ownAnswers = answers;
    if (!pythonReady) updateFragment(answers);
  }

  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  resultBox.addEventListener("click", (event) => {
    const target = event.target.closest("[data-focus-question]");
    if (!target) return;
    const question = controls.get(target.dataset.focusQuestion);
    if (!question) return;
    event.preventDefault();
    question.inputs[0].focus();
  });

  // Opening the page: a link's answers win for display; saved answers are kept untouched.
  const link = parseFragment(location.hash, controls);
  const saved = loadSaved(controls);
  ownAnswers = saved.answers;
  if (link.present) {
    writeForm(controls, link.answers);
    viewingLink = Boolean(ownAnswers) && JSON.stringify(ownAnswers) !== JSON.stringify(link.answers);
    const lines = [...link.notes];
    if (saved.note) lines.push(saved.note);
    let switcher = null;
    if (viewingLink) {
      lines.unshift("You are looking at answers from a link. Your own saved answers are kept until you change something here.");
      switcher = el("button", { type: "button", class: "md-button", text: "Switch back to my saved answers" });
      switcher.addEventListener("click", () => {
        writeForm(controls, ownAnswers);
        viewingLink = false;
        showNotes(["Your saved answers are back."]);
        updateFragment(ownAnswers);
        evaluate();
      });
    } else if (!ownAnswers && !saved.newer && Object.keys(link.answers).length) {
      save(link.answers);
    }
    showNotes(lines, switcher);
  } else if (ownAnswers) {
    writeForm(controls, ownAnswers);
    showNotes([`Your answers saved on this device were restored.${saved.note ? ` ${saved.note}` : ""}`]);
    updateFragment(ownAnswers);
  } else {
    showNotes(saved.note ? [saved.note] : []);
  }

  // Actions on the result.
  const flash = (text) => {
    feedback.textContent = text;
  };
  app.querySelector("[data-action=copy-link]").addEventListener("click", async () => {
    updateFragment(readForm(controls));
    try {
      await navigator.clipboard.writeText(location.href);
      flash("Link copied. Anyone who opens it sees these answers; nothing is stored on a server.");
    } catch {
      flash(`Copy this link: ${location.href}`);
    }
  });
  app.querySelector("[data-action=copy-text]").addEventListener("click", async () => {
    if (!latest) return;
    try {
      await navigator.clipboard.writeText((await currentTakeAway()).text);
      flash("The checklist was copied as plain text.");
    } catch {
      flash("Copying is blocked in this browser. Use “Download as Markdown” instead.");
    }
  });
  app.querySelector("[data-action=download]").addEventListener("click", async () => {
    if (!latest) return;
    const blob = new Blob([(await currentTakeAway()).markdown], { type: "text/markdown;charset=utf-8" });
    const anchor = el("a", { href: URL.createObjectURL(blob), download: `imaging-referrer-checklist-${today()}.md` });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
    flash("The checklist was downloaded as a Markdown file.");
  });
  app.querySelector("[data-action=print]").addEventListener("click", () => window.print());
  app.querySelector("[data-action=start-again]").addEventListener("click", () => {
    writeForm(controls, {});
    save({});
    ownAnswers = {};
    viewingLink = false;
    showNotes(["All answers were cleared."]);
    updateFragment({});
    evaluate();
    controls.values().next().value.inputs[0].focus();
  });
  app.querySelector("[data-action=forget]").addEventListener("click", () => {
    forget();
    ownAnswers = null;
    flash("Your answers were removed from this device. They stay on screen until you leave or start again.");
  });

  // Python: started at once, while the person reads and answers.
  const stages = { downloading: [1, "Downloading Python"], starting: [2, "Starting Python"], loading: [3, "Loading the rules"] };
  progress.hidden = false;
  status.textContent = "Starting Python in your browser so the result can be worked out here, on your device…";
  onProgress((stage) => {
    if (stage === "fallback-slow") {
      status.textContent = "On this connection Python starts sooner the standard way, so it is starting that way…";
      return;
    }
    if (stage === "fallback") {
      status.textContent = "The quick start did not work, so Python is starting the standard way…";
      return;
    }
    const [value, label] = stages[stage] || [progress.value, stage];
    progress.value = value;
    status.textContent = `${label} (step ${value} of 3)…`;
  });
  python
    .then(({ worker: started, version, fallback }) => {
      worker = started;
      pythonReady = true;
      progress.hidden = true;
      status.textContent = "Your result updates as you answer.";
      app.dataset.pythonReady = version;
      app.dataset.pythonStart = fallback ? "plain" : "snapshot";
      return evaluate();
    })
    .catch((error) => {
      progress.hidden = true;
      app.dataset.pythonFailed = "true";
      status.textContent =
        `The live result is not available because Python could not start in this browser (${error.message}). ` +
        "Every question and the complete evidence list, with when each item applies, are below: use them as a checklist.";
    });
}

if (app) main();
