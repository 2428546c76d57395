// Drawing the reviewer's checklist from the review view Python sends (assessment/web.py
// `review_view`): the application in short, and each evidence item with what to ask the
// applicant for (or confirm), how to verify it, and the reviewer's "seen" and "still needed" ticks and note
// (the scope is review-scope.js). Every word comes from the view or from the page's words
// (`say`); each item's element carries data-review-id and data-status. `changed()` is called
// on every tick and note.
import { statusIcon } from "./icons.js";
import { el } from "./nodes.js";

function sourceList(sources) {
  return el("ul", { class: "review-item__sources" },
    sources.map(([title, url]) => el("li", {}, el("a", { href: url, text: title }))));
}

const labelled = (label, ...text) => el("p", {}, el("strong", { text: `${label}: ` }), ...text);

function renderItem(item, record, changed, say) {
  const seenId = `seen-${item.id}`;
  const noteId = `note-${item.id}`;
  const entry = record.items[item.id] || { seen: false, note: "" };
  const seen = el("input", { type: "checkbox", id: seenId, dataset: { seen: item.id } });
  seen.checked = entry.seen;
  const note = el("textarea", { id: noteId, rows: "2", dataset: { note: item.id } });
  note.value = entry.note;
  const printed = el("p", { class: "print-only review-item__printed", dataset: { printNote: item.id } });
  const neededId = `needed-${item.id}`;
  const needed = el("input", { type: "checkbox", id: neededId, dataset: { needed: item.id } });
  needed.checked = record.needed.includes(item.id);
  needed.addEventListener("change", changed);
  const body = [
    el("h4", { class: "review-item__title" },
      el("span", { class: "review-item__icon", "aria-hidden": "true", text: statusIcon(item.status) }),
      el("span", { text: item.title }),
    ),
    el("p", { class: "review-item__status" },
      `${say("evidence.applicant_says")}: `, el("strong", { text: item.status_label }),
      item.basis_label ? el("span", { class: "review-item__basis", text: ` · ${say("labels.basis")}: ${item.basis_label}` }) : null,
    ),
    // A national item in the reviewer's voice ("Ask the applicant for …", "Confirm: …"); an
    // employer's item as its requirement, then what the reviewer confirms.
    item.kind === "local" ? labelled(say("evidence.requirement"), item.ask) : el("p", { class: "review-item__ask", text: item.ask }),
  ];
  if (item.refines) body.push(labelled(say("labels.refines"), item.refines));
  if (item.verify && item.kind === "local") {
    body.push(el("p", { class: "review-item__verify", text: item.verify }), sourceList(item.verify_sources));
  } else if (item.verify) {
    body.push(
      el("p", { class: "review-item__verify" }, el("strong", { text: `${say("evidence.verify")}: ` }), item.verify),
      sourceList(item.verify_sources),
    );
  }
  if (item.sources?.length) body.push(sourceList(item.sources));
  body.push(
    el("div", { class: "review-item__controls" },
      el("div", { class: "review-item__seen" }, seen,
        el("label", { for: seenId }, say("evidence.seen"),
          el("span", { class: "visually-hidden", text: say("evidence.for_item", { title: item.title }) }))),
      el("div", { class: "review-item__seen" }, needed,
        el("label", { for: neededId }, say("evidence.still_needed"),
          el("span", { class: "visually-hidden", text: say("evidence.for_item", { title: item.title }) }))),
      el("label", { for: noteId, class: "review-item__note-label", text: say("evidence.note_label", { title: item.title }) }),
      note,
      printed,
    ),
  );
  const li = el("li", { class: `review-item review-item--${item.status}`, dataset: { reviewId: item.id, status: item.status } }, body);
  const mirror = () => {
    const text = note.value.trim();
    const state = say(seen.checked ? "evidence.seen" : "evidence.not_seen");
    printed.textContent = text ? say("evidence.printed_note", { seen: state, note: text }) : say("evidence.printed", { seen: state });
  };
  mirror();
  seen.addEventListener("change", () => {
    mirror();
    changed();
  });
  note.addEventListener("input", () => {
    mirror();
    changed();
  });
  return li;
}

export function renderItems(items, record, changed, say) {
  const groups = new Map();
  for (const item of items) {
    if (!groups.has(item.group)) groups.set(item.group, []);
    groups.get(item.group).push(item);
  }
  return [...groups].map(([title, members], index) =>
    el("section", { class: "review-group", "aria-labelledby": `review-group-${index}` },
      el("h3", { id: `review-group-${index}`, text: title }),
      el("ul", { class: "review-list" }, members.map((item) => renderItem(item, record, changed, say))),
    ));
}

export function renderSummary(view, say) {
  const parts = [
    el("h2", { text: say("summary.heading") }),
    el("p", { class: `review__outcome review__outcome--${view.outcome}` },
      el("strong", { text: say("summary.outcome", { outcome: view.outcome_label }) }), " ", view.outcome_sentence),
  ];
  if (view.employer) {
    parts.push(labelled(say("summary.employer"), `${view.employer.name}. ${view.employer.note}`));
  } else {
    parts.push(el("p", { text: say("summary.no_employer") }));
  }
  if (view.missing.length) {
    parts.push(el("p", { text: say("summary.missing") }),
      el("ul", {}, view.missing.map((text) => el("li", { text }))));
  }
  parts.push(
    el("h3", { text: say("summary.answers") }),
    el("dl", { class: "review__answers" }, view.answers.map(([question, answer]) => [el("dt", { text: question }), el("dd", { text: answer })])),
  );
  return parts;
}
