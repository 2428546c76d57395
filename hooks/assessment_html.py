"""HTML for the self-assessment page, generated at build time from the rules data.

The questions become real form controls and the evidence list a static checklist, so the page
works before Python starts, without JavaScript, and if Python never starts. Every text comes
from the rules catalogue and is escaped here; no rule is restated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any

Link = Callable[[str], str]


def attrs(**values: str | None) -> str:
    """Render HTML attributes, escaped; `None` leaves an attribute out, `class_` is `class`."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{escape(value, quote=True)}"')
    return "".join(parts)


def render_question(question: Mapping[str, Any]) -> str:
    """One question as a fieldset of radios (single choice) or checkboxes (multi)."""
    qid = question["id"]
    kind = "checkbox" if question["multi"] else "radio"
    described = [f"q-{qid}-hint"] if question.get("help") else []
    condition = question.get("asked_when_text")
    if condition:
        described.append(f"q-{qid}-when")
    legend = escape(question["text"])
    if question["multi"]:
        legend += ' <span class="question__multi">(choose all that apply)</span>'
    out = [
        f"<fieldset{attrs(class_='question', id=f'q-{qid}', data_question=qid)}"
        f"{attrs(aria_describedby=' '.join(described) or None)}>",
        f'<legend class="question__text">{legend}</legend>',
    ]
    if question.get("help"):
        out.append(
            f"<p{attrs(class_='question__hint', id=f'q-{qid}-hint')}>{escape(question['help'])}</p>"
        )
    if condition:
        out.append(
            f"<p{attrs(class_='question__when', id=f'q-{qid}-when')}>"
            f"Asked only when {escape(condition)}.</p>"
        )
    out.append('<div class="question__options">')
    for option in question["options"]:
        control_id = f"q-{qid}-{option['id']}"
        hint = option.get("help")
        hint_id = f"{control_id}-hint" if hint else None
        out.append(
            '<div class="option">'
            f"<input{attrs(type=kind, name=qid, value=option['id'], id=control_id)}"
            f"{attrs(aria_describedby=hint_id)}>"
            f"<label{attrs(for_=control_id)}>{escape(option['label'])}</label>"
            + (
                f"<span{attrs(class_='option__hint', id=hint_id)}>{escape(hint)}</span>"
                if hint
                else ""
            )
            + "</div>"
        )
    out.append("</div></fieldset>")
    return "".join(out)


def render_form(questions: Iterable[Mapping[str, Any]], after: str = "") -> str:
    """The whole questionnaire as one form, and `after` it (the employer choice); it is
    never submitted to a server."""
    fields = "".join(render_question(question) for question in questions)
    return (
        '<form id="assessment-form" class="assessment-form" action="#" novalidate'
        ' aria-label="Self-assessment questions">'
        f"{fields}{after}</form>"
    )


NOT_LISTED = "not-listed"


def render_employer_choice(employers: Iterable[tuple[str, str, str]], compared: str) -> str:
    """The optional choice of employer: a radio group named `employer`, one option per
    profile (id, name, the date it was checked, said in words) and "Not listed", with a line
    saying where the list comes from and a link to `compared` (employers/compared/). It is
    always asked (`data-always-asked`), and goes last, so a link carries it after the
    questions' keys."""
    qid = "employer"
    options: list[tuple[str, str, str | None]] = [
        (employer_id, name, f"Profile checked {checked}")
        for employer_id, name, checked in employers]
    options.append((NOT_LISTED, "Not listed",
                    "The result shows the national picture; ask your employer for its own "
                    "procedure"))
    out = [
        f"<fieldset{attrs(class_='question question--employer', id=f'q-{qid}', data_question=qid)}"
        f"{attrs(data_always_asked='', aria_describedby=f'q-{qid}-hint')}>",
        '<legend class="question__text">Your employer (optional)</legend>',
        f"<p{attrs(class_='question__hint', id=f'q-{qid}-hint')}>"
        "Choose your employer to see its own requirements beside the national ones. The list"
        " comes from employers’ own public documents, each checked at a date; their current"
        " procedure always wins. "
        f"<a{attrs(href=compared)}>How these employers compare</a>.</p>",
        '<div class="question__options">',
    ]
    for value, label, hint in options:
        control_id = f"q-{qid}-{value}"
        hint_id = f"{control_id}-hint" if hint else None
        out.append(
            '<div class="option">'
            f"<input{attrs(type='radio', name=qid, value=value, id=control_id)}"
            f"{attrs(aria_describedby=hint_id)}>"
            f"<label{attrs(for_=control_id)}>{escape(label)}</label>"
            + (f"<span{attrs(class_='option__hint', id=hint_id)}>{escape(hint)}</span>"
               if hint else "")
            + "</div>"
        )
    out.append("</div></fieldset>")
    return "".join(out)


def render_sources(sources: Iterable[Mapping[str, str]]) -> str:
    """A short list of linked sources."""
    items = "".join(
        f"<li><a{attrs(href=source['url'])}>{escape(source['title'])}</a></li>"
        for source in sources
    )
    return f'<ul class="evidence__sources">{items}</ul>'


def render_catalogue_item(item: Mapping[str, Any], link: Link,
                          labels: Mapping[str, str]) -> str:
    """One evidence item of the static checklist: what it is, when it applies, its basis."""
    rows = [("When it applies", item["applies_text"]), ("Counts as held when", item["held_text"])]
    if item.get("partial_text"):
        rows.append(("Counts as partly held when", item["partial_text"]))
    if item.get("check_text"):
        rows.append(("Ask your employer", item["check_text"]))
    rows.append((labels["basis"], item["basis_label"]))
    details = "".join(f"<dt>{escape(term)}</dt><dd>{escape(text)}</dd>" for term, text in rows)
    item_id = f"item-{item['id']}"
    return (
        f"<li{attrs(class_='catalogue__item', id=item_id)}>"
        f'<h4 class="catalogue__title">{escape(item["title"])}</h4>'
        f"<p>{escape(item['what'])}</p>"
        f'<dl class="catalogue__facts">{details}</dl>'
        f"{render_sources(item['sources'])}"
        f"<p><a{attrs(href=link(item['guidance']))}>"
        f"{escape(labels['more_about'].replace('{title}', item['title']))}</a></p>"
        "</li>"
    )


def render_catalogue(
    items: Iterable[Mapping[str, Any]], group_titles: Mapping[str, str], link: Link,
    labels: Mapping[str, str],
) -> str:
    """The complete evidence list, grouped, with when each item applies; `labels` are the
    rules' labels (words/result.toml), which the live result and the checklists print too."""
    by_group: dict[str, list[Mapping[str, Any]]] = {group: [] for group in group_titles}
    for item in items:
        by_group.setdefault(item["group"], []).append(item)
    sections = []
    for group, members in by_group.items():
        if not members:
            continue
        entries = "".join(render_catalogue_item(item, link, labels) for item in members)
        title = escape(group_titles.get(group, group))
        sections.append(f'<h3>{title}</h3><ul class="catalogue__list">{entries}</ul>')
    return "".join(sections)
