"""Why an evidence item (or an employer's requirement) applies: its why sentences with the
person's answers filled in.

A template's ``{question}`` becomes the quoted label of the answer, ``{question:x}`` the
chosen options among option set or option ``x``; a sentence whose placeholder has nothing
to show (an unanswered question, no option chosen from the set) is left out.
"""

from __future__ import annotations

from ..model.conditions import Answers
from ..model.phrases import PLACEHOLDER, quoted_list
from ..model.rules_model import EvidenceItem, Requirement, Rules


def why_sentences(item: EvidenceItem | Requirement, settled: Answers, rules: Rules) -> list[str]:
    """The item's why sentences with the answers filled in; a sentence that names an
    unanswered question (or an option not chosen) is left out."""
    return filled(item.why, settled, rules)


def filled(templates: tuple[str, ...], settled: Answers, rules: Rules) -> list[str]:
    """Sentences with the answers filled in (an item's `why`, or its `third_person` for the
    Word application); a sentence that names an unanswered question is left out."""
    sentences = []
    for template in templates:
        sentence = _fill(template, settled, rules)
        if sentence is not None:
            sentences.append(sentence)
    return sentences


def _fill(template: str, settled: Answers, rules: Rules) -> str | None:
    if "{" not in template:
        return template
    pieces = []
    position = 0
    for match in PLACEHOLDER.finditer(template):
        question_id, _, narrow = match.group(1).partition(":")
        value = settled.get(question_id)
        chosen = (value,) if isinstance(value, str) else (value or ())
        if narrow in rules.option_sets:
            chosen = tuple(option for option in chosen
                           if option in rules.option_sets[narrow].options)
        elif narrow:
            chosen = tuple(option for option in chosen if option == narrow)
        if not chosen:
            return None
        question = rules.question(question_id)
        pieces += [template[position:match.start()],
                   quoted_list([question.option(option).label for option in chosen])]
        position = match.end()
    return "".join(pieces) + template[position:]
