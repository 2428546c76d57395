"""How a profile says where it comes from, on every surface that names it: its name as shown
(a partner's or a system's profile says so; a name we expanded from the source's
abbreviation says that too), the same short enough for a page title, and the sentence that
says it in full. The words are the employers section of the words data."""

from __future__ import annotations

from ..model.rules_model import Employer
from ..model.words import Words

__all__ = ["provenance_sentence", "shown_name", "title_name"]

SECTION = "employers"


def _expanded(employer: Employer, words: Words) -> str:
    if employer.expanded_from is None:
        return employer.name
    return words.text(SECTION, "name.expanded", name=employer.name,
                      abbreviation=employer.expanded_from)


def shown_name(employer: Employer, words: Words) -> str:
    """The name every surface shows: "Somerset NHS Foundation Trust (our expansion of “SFT”),
    as described by Somerset GP Education Trust"; an own profile's name as it is."""
    name = _expanded(employer, words)
    if employer.provenance == "own":
        return name
    return words.text(SECTION, f"name.{employer.provenance}", name=name,
                      partner=employer.partner or "")


def title_name(employer: Employer, words: Words, short: str) -> str:
    """A page title: `short` (the name cut to fit a title) and, for a partner's or system's
    profile, what it is, with the source's own abbreviation where we expanded the name."""
    if employer.provenance == "own":
        return short
    return words.text(SECTION, f"title.{employer.provenance}",
                      name=employer.expanded_from or short)


def provenance_sentence(employer: Employer, words: Words) -> str:
    """Where the profile comes from, in a sentence or two."""
    partner = {} if employer.provenance == "own" else {"partner": employer.partner or ""}
    said = words.text(SECTION, f"provenance.{employer.provenance}", **partner)
    if employer.expanded_from is not None:
        said += " " + words.text(SECTION, "provenance.expanded",
                                 abbreviation=employer.expanded_from)
    return said
