// The records on this device (review/): the list of applications with a record in this
// browser, each with "forget", and "forget all" (records kept before applications had
// references are listed too, each with a link that opens its answers, and "forget"); and a record exported and imported as JSON
// in the command line's `--decision` shape. `page` gives the application open on the page
// (`app()`, its `current()` record in the --decision shape, `replace(record)`, `cleared()`)
// and `flash(text)`.
import { today } from "./dates.js";
import { download } from "./download.js";
import { el } from "./nodes.js";
import { isRecord } from "./storage.js";
import { OUTCOMES, forgetRecord, legacyKey, legacyRecords, loadRecord, recordKey, storedApps, usableRecord } from "./review-record.js";

export function records(root, say, page) {
  const list = root.querySelector("[data-records]");

  function entry(id) {
    const kept = loadRecord(recordKey(id));
    const data = kept?.record;
    const forget = el("button", { type: "button", class: "md-button", dataset: { forgetRecord: id }, text: say("records.forget", { app: id }) });
    forget.addEventListener("click", () => {
      forgetRecord(recordKey(id));
      if (id === page.app()) page.cleared();
      show();
      page.flash(say("records.forgotten", { app: id }));
      (list.querySelector("button") || root.querySelector("[data-action=forget-all]")).focus();
    });
    return el("li", { dataset: { recordApp: id } }, say("records.entry", {
      app: id,
      name: data?.applicant.name || say("records.unnamed"),
      outcome: OUTCOMES.includes(data?.outcome) ? say(`outcome.${data.outcome}`) : say("records.undecided"),
      saved: kept ? kept.saved.slice(0, 10) : "",
    }), " ", forget);
  }

  function legacyEntry([answers, old]) {
    const forget = el("button", { type: "button", class: "md-button", text: say("legacy.forget") });
    forget.addEventListener("click", () => {
      forgetRecord(legacyKey(answers));
      show();
      page.flash(say("legacy.forgotten"));
      (list.querySelector("button") || root.querySelector("[data-action=forget-all]")).focus();
    });
    return el("li", { dataset: { legacyRecord: answers } }, say("legacy.listed", { saved: old.saved.slice(0, 10) }), " ",
      el("a", { href: `#${answers}`, text: say("legacy.open") }), " ", forget);
  }

  function show() {
    const entries = [...storedApps().map(entry), ...legacyRecords().map(legacyEntry)];
    list.replaceChildren(...(entries.length ? entries : [el("li", { text: say("records.none") })]));
  }

  root.querySelector("[data-action=forget-all]").addEventListener("click", () => {
    for (const id of storedApps()) forgetRecord(recordKey(id));
    for (const [answers] of legacyRecords()) forgetRecord(legacyKey(answers));
    page.cleared();
    show();
    page.flash(say("records.forgotten_all"));
  });

  root.querySelector("[data-action=export]").addEventListener("click", () => {
    const name = say("files.export", { app: page.app() || say("files.unnamed"), date: today() });
    download(new Blob([`${JSON.stringify(page.current(), null, 2)}\n`], { type: "application/json" }), name);
    page.flash(say("done.exported", { file: name }));
  });

  root.querySelector("[data-action=import]").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    let data = null;
    try {
      data = JSON.parse(await file.text());
    } catch {
      // said below
    }
    event.target.value = "";
    if (!isRecord(data)) {
      page.flash(say("record.import_bad", { file: file.name }));
      return;
    }
    if (page.app() && typeof data.app === "string" && data.app !== page.app()) {
      page.flash(say("record.import_other", { file: file.name, app: data.app }));
      return;
    }
    page.replace(usableRecord(data));
    show();
    page.flash(say("record.imported", { file: file.name }));
  });

  return { show };
}
