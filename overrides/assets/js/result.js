// Drawing a live result from the page view Python sends (assessment/web.py `page_view`).
// Every word comes from the view (the headings, labels and the scope table's words live in
// the rules data, assessment/rules/words/result.toml, the same the Markdown and text
// checklists print) or from the page's words (`say`). Each evidence item's element carries data-evidence-id and data-status, each of the
// chosen employer's requirements data-local-id and data-status, each notice's
// data-notice-id, and the outcome's data-outcome once the whole result is drawn.
import { statusIcon } from "./icons.js";
import { el } from "./nodes.js";

function renderSources(sources) {
  return el(
    "ul",
    { class: "evidence__sources" },
    sources.map(([title, url]) => el("li", {}, el("a", { href: url, text: title }))),
  );
}

// A card's heading: its title, then its status in words beside the icon (so a screen
// reader's list of headings says each item's status too).
function cardHeading(item) {
  return el("h4", { class: "evidence__title" },
    el("span", { text: item.title }),
    el("span", { class: "evidence__state" },
      el("span", { class: "evidence__icon", "aria-hidden": "true", text: statusIcon(item.status) }),
      el("span", { class: "evidence__state-text", text: item.status_label }),
    ),
  );
}

function renderItem(item, labels, link, say) {
  const body = [
    cardHeading(item),
    el("p", { class: "evidence__status" },
      el("span", { class: "evidence__basis", text: `${labels.basis}: ${item.basis_label}` }),
    ),
    el("ul", { class: "evidence__why" }, item.why.map((reason) => el("li", { text: reason }))),
  ];
  if (item.next_text) {
    body.push(el("p", { class: "evidence__next" }, el("strong", { text: `${item.next_label}: ` }), item.next_text));
  }
  body.push(
    el("details", { class: "evidence__more" },
      el("summary", { text: say("result.more") }),
      el("p", { text: item.what_counts }),
      el("p", { text: `${labels.basis}: ${item.basis_label}, ${item.basis_description}.` }),
      renderSources(item.sources),
    ),
    el("p", { class: "evidence__guidance" }, el("a", { href: link(item.guidance), text: item.guidance_text })),
  );
  return el("li", { class: `evidence evidence--${item.status}`, id: `card-${item.id}`, tabindex: "-1", dataset: { evidenceId: item.id, status: item.status } }, body);
}

function renderScope(scope, say) {
  return el("section", { class: "scope", "aria-labelledby": "scope-heading" },
    el("h3", { id: "scope-heading", text: scope.heading }),
    el("p", { text: scope.note || scope.intro }),
    // On a narrow screen the table scrolls inside its own box, never the whole page; the box
    // can be scrolled from the keyboard too, has a name of its own (not the section's), and
    // says that it scrolls sideways when it does (site.css shows the line then).
    scope.rows.length ? el("p", { class: "scroll-hint", text: say("result.scope.scroll_hint") }) : null,
    scope.rows.length ? el("div", { class: "scope__scroll", role: "region", tabindex: "0", "aria-label": say("result.scope.region", { heading: scope.heading }) },
      el("div", { class: "md-typeset__table" },
        el("table", {},
          el("thead", {}, el("tr", {}, scope.columns.map((column) => el("th", { scope: "col", text: column.heading })))),
          el("tbody", {}, scope.rows.map((row) =>
            el("tr", {}, scope.columns.map((column) => el("td", { text: row[column.field] }))))),
        ),
      ),
    ) : null,
  );
}

// The evidence counts, said to be counts of evidence items (questions are counted apart).
function counts(resultView) {
  if (!resultView.counts.length) return null;
  return el("div", { class: "outcome__tally" },
    el("p", { class: "outcome__tally-label", text: `${resultView.headings.counts}:` }),
    el("ul", { class: "outcome__counts" }, resultView.counts.map(([label, count]) => el("li", { text: `${label}: ${count}` }))),
  );
}

// One of the chosen employer's own requirements: data-local-id and data-status (a live
// result only, as for evidence items), its status, what it asks, why, the national item it
// sharpens, the next step and its sources.
function renderLocalItem(item, labels) {
  const body = [
    cardHeading(item),
    el("p", { class: "local__asks" }, el("strong", { text: `${labels.asks}: ` }), item.asks),
    el("ul", { class: "evidence__why" }, item.why.map((reason) => el("li", { text: reason }))),
  ];
  if (item.refines) {
    body.push(el("p", { class: "local__refines" }, el("strong", { text: `${labels.refines}: ` }), item.refines));
  }
  if (item.next_text) {
    body.push(el("p", { class: "evidence__next" }, el("strong", { text: `${item.next_label}: ` }), item.next_text));
  }
  body.push(renderSources(item.sources));
  return el("li", { class: `evidence evidence--${item.status}`, id: `local-${item.id}`, tabindex: "-1", dataset: { localId: item.id, status: item.status } }, body);
}

// The chosen employer's requirements, in their own group after the national evidence, titled
// by the name of the organisation that runs the imaging service: the profile's date and the
// note that its current procedure wins come first.
function renderEmployer(employer, labels, countsLine, say) {
  const apply = [el("strong", { text: `${labels.how_to_apply}: ` }), employer.apply_text];
  if (employer.apply_url) apply.push(" ", el("a", { href: employer.apply_url, text: employer.apply_url }));
  return el("section", { class: "evidence-group employer-group", "aria-labelledby": "employer-heading" },
    el("h3", { id: "employer-heading", text: say("result.employer.heading", { name: employer.name }) }),
    el("p", { class: "employer-group__note", text: employer.note }),
    countsLine ? el("p", { text: countsLine }) : null,
    el("p", {}, apply),
    renderSources(employer.sources),
    employer.items.length
      ? el("ul", { class: "evidence-list" }, employer.items.map((item) => renderLocalItem(item, labels)))
      : null,
  );
}

// The result in a line, for the summary that stays in view at the bottom of a small screen
// while the person answers: the outcome, the evidence counts and the questions left.
export function dockText(view) {
  const resultView = view.result_view;
  const parts = [`${resultView.outcome_label}.`];
  if (resultView.counts.length) {
    parts.push(`${resultView.headings.counts}: ${resultView.counts.map(([label, count]) => `${label} ${count}`).join(", ")}.`);
  }
  if (resultView.missing.length) parts.push(`${resultView.headings.missing}: ${resultView.missing.length}.`);
  return parts.join(" ");
}

// The result as named sections, each with the data it shows, so an answer change redraws
// only the sections whose data changed (an item's group, the counts, the answers...).
// `link(path)`: a site-relative path as a URL for this page; `say`: the page's words.
export function resultSections(view, link, say) {
  const resultView = view.result_view;
  const headings = resultView.headings;
  const sections = [];
  // `size`: roughly how much the browser has to lay out for it, counted in evidence items.
  const add = (key, data, build, size = 1) => sections.push({ key, data: JSON.stringify(data), build, size });
  add("outcome", [resultView.outcome, resultView.outcome_label, resultView.outcome_sentence, resultView.counts], () => [
    // `data-outcome` is set once the whole result is drawn (drawResult), not before.
    el("p", { class: `outcome outcome--${resultView.outcome}` },
      el("strong", { text: `${resultView.outcome_label}: ` }), resultView.outcome_sentence),
    counts(resultView),
  ]);
  add("missing", [headings.missing, resultView.missing], () => resultView.missing.length
    ? [el("div", { class: "missing" },
        el("p", { text: `${headings.missing}: ${resultView.missing.length}` }),
        el("ul", {}, resultView.missing.map((question) =>
          el("li", {}, el("a", { href: `#q-${question.id}`, text: question.text, dataset: { focusQuestion: question.id } })))))]
    : []);
  resultView.groups.forEach(([title, items], index) => {
    add(`group-${index}`, [title, items], () => [
      el("section", { class: "evidence-group", "aria-labelledby": `evidence-group-${index}` },
        el("h3", { id: `evidence-group-${index}`, text: title }),
        el("ul", { class: "evidence-list" }, items.map((item) => renderItem(item, resultView.labels, link, say))),
      ),
    ], 1 + items.length);
  });
  add("employer", [headings.employer, resultView.employer, view.employer_counts], () => resultView.employer
    ? [renderEmployer(resultView.employer, resultView.labels, view.employer_counts, say)]
    : [], resultView.employer ? 1 + resultView.employer.items.length : 1);
  add("notices", [headings.notices, resultView.notices], () => resultView.notices.length
    ? [el("section", { class: "notices", "aria-labelledby": "notices-heading" },
        el("h3", { id: "notices-heading", text: headings.notices }),
        el("ul", { class: "notices__list" }, resultView.notices.map((notice) =>
          el("li", { class: "notice", dataset: { noticeId: notice.id } },
            el("p", { text: notice.text }),
            el("p", { class: "notice__asof", text: notice.position }),
            renderSources(notice.sources),
          ))))]
    : [], 1 + resultView.notices.length);
  add("scope", resultView.scope, () => (resultView.scope ? [renderScope(resultView.scope, say)] : []));
  add("answers", [headings.answers, resultView.answers], () => [
    el("section", { class: "print-answers", "aria-labelledby": "answers-heading" },
      el("h3", { id: "answers-heading", text: headings.answers }),
      el("dl", {}, resultView.answers.map(([question, answer]) => [el("dt", { text: question }), el("dd", { text: answer })])),
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
export async function drawResult(box, sections, outcome, stillWanted) {
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
