"""Employer profiles as data: one TOML file per employer in `assessment/employers/`, read
and checked against the rules on every load, into frozen `Employer` records.

A profile says, from public documents and at a date, what one employer asks of non-medical
referrers: from the employer's own (`own`), from a partner's description of its policy
(`partner`: a local medical committee, a GP education trust) or from a system-level page
(`system`: an integrated care board's), and says which. Its requirements use the rules'
condition vocabulary, so the engine works out their status exactly as it does an evidence
item's; nothing about a particular employer is written in code. The file format (every key
is checked; a mistake raises `RulesError` naming the file and the key)::

    name = "…"                      # the employer's name
    expanded_from = "…"             # optional: the source gives only this abbreviation,
                                    # so the name is our expansion (and says so)
    nation = "england"              # an option of the `nation` question
    provenance = "own"              # own | partner | system: where the profile comes from
    partner = "…"                   # the partner or system, with partner or system (only)
    checked = 2026-12-01            # when the profile was last checked against its sources
    sources = ["…"]                 # ids in rules/sources.toml, of kind "employer", https
    [facts.contact]                 # optional: what it states besides requirements; the
    text = "…"                      # kinds are the [employer_facts] of words/employers.toml
    email = "…@…"                   # optional: an address to write to (a mailto: link)
    sources = ["…"]
    [apply]
    text = "How to apply."
    url = "https://…"               # optional
    [requirements.<id>]             # lowercase, hyphens; not an evidence item's id
    title = "…"
    text = "…"                      # what the employer asks, in plain words
    sources = ["…"]                 # as above
    why = ["…"]                     # placeholders as in evidence.toml
    topic = "…"                     # optional: an [employer_topics] id of words/result.toml …
    in_short = "…"                  # … with its value in a few words (required with topic)
    also = { <topic> = "…" }        # optional: more columns it states, each with its cell
    dated = "…"                     # optional: the source is dated, and how
    refines = "<evidence id>"       # optional: the national item it sharpens
    applies_when = { … }            # optional (default: registered); with `refines`, the
                                    # requirement applies only when that item applies too
    held_when = { … }               # optional; then next_step is required …
    partial_when = { … }            # … and partial_when may be given
    next_step = "…"
    check = "…"                     # required without held_when: the status is then `check`
    [requirements.<id>.voices]      # required: its words in the other two voices (the
    pack = "…"                      # applicant's are why, next_step and check): the
    reviewer = "…"                  # application pack's third person, the reviewer's

A requirement's held_when, partial_when and why sentences may read only questions that are
asked whenever it applies. Files are read by plain paths relative to this module (like the
rules), and this module uses the standard library only: it runs in Pyodide too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..model.conditions import All, Condition, reads
from ..model.errors import RulesError
from ..model.phrases import PLACEHOLDER
from ..model.rules_model import (
    FACT_KINDS,
    NATION_QUESTION,
    PROVENANCES,
    Employer,
    Fact,
    Requirement,
    Rules,
)
from .condition_parser import ParseContext, parse
from .loader import load_rules
from .rules_reader import _File, check_why, display_path
from .validation import _Space, check_entry

__all__ = ["PROFILES_DIR", "RESERVED_IDS", "load_employers", "read_profile"]

PROFILES_DIR = Path(__file__).resolve().parent.parent / "employers"
RESERVED_IDS = ("compared",)
PROFILE_ID = re.compile(r"[a-z0-9-]+")
REQUIREMENT_ID = re.compile(r"[a-z][a-z0-9-]*")
SOURCE_KIND = "employer"
# The specification asks for https addresses, for a profile's sources and its apply.url.
ADDRESS_PREFIXES = ("https://",)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)  # an address to write to
VOICES = {"pack": "the application pack's, in the third person (“the applicant …”)",
          "reviewer": "the reviewer's, for the review page and the record (“Confirm …”)"}


def load_employers(rules: Rules,
                   directory: str | Path | None = None) -> Mapping[str, Employer]:
    """The profiles in `directory` (the package's own by default), read and checked once
    against `rules`, by id in the order of their ids.

    The folder must exist: in the browser the profiles are read while the memory snapshot
    is made (the package's files are not there afterwards), so a missing folder is an error
    rather than an empty list.
    """
    path = PROFILES_DIR if directory is None else Path(directory)
    return _load(str(path.resolve()), str(rules.directory))


@lru_cache(maxsize=8)
def _load(directory: str, rules_directory: str) -> Mapping[str, Employer]:
    rules = load_rules(rules_directory)
    folder = Path(directory)
    if not folder.is_dir():
        raise RulesError(display_path(folder), None, "no such folder of employer profiles")
    profiles = (read_profile(path, rules) for path in sorted(folder.glob("*.toml")))
    return MappingProxyType({profile.id: profile for profile in profiles})


def read_profile(path: str | Path, rules: Rules) -> Employer:
    """One profile file, read and checked against the rules; `RulesError` names the file
    and the key of the first mistake."""
    return _ProfileReader(Path(path), rules).read()


class _ProfileReader:
    """Reads one profile file key by key, then checks its requirements' conditions."""

    def __init__(self, path: Path, rules: Rules) -> None:
        self.path = path
        self.rules = rules

    def read(self) -> Employer:
        name = display_path(self.path)
        profile_id = self.path.stem
        if self.path.suffix != ".toml":
            raise RulesError(name, None, "a profile's file name ends in .toml")
        if not PROFILE_ID.fullmatch(profile_id) or profile_id in RESERVED_IDS:
            raise RulesError(name, None, f"the file's name (without .toml) is the profile id: "
                                         f"lowercase letters, digits and hyphens, and not "
                                         f"{' or '.join(RESERVED_IDS)}; {profile_id!r} is not")
        file = _File(self.path.parent, self.path.name)
        self.file = file
        data = file.data
        file.fields(data, "", {"name": "text", "nation": "text", "checked": "date",
                               "sources": "texts", "apply": "any", "requirements": "any",
                               "provenance": "text"},
                    {"partner": "text", "expanded_from": "text", "facts": "any"})
        self._provenance(data)
        nations = self.rules.question(NATION_QUESTION).option_index
        if data["nation"] not in nations:
            file.fail("nation", f"unknown nation {data['nation']!r}; the nations are "
                                f"{', '.join(nations)}")
        sources = self._sources("sources", data["sources"])
        apply = data["apply"]
        if not isinstance(apply, dict):
            file.fail("apply", "must be a table")
        file.fields(apply, "apply", {"text": "text"}, {"url": "text", "own_form": "bool"})
        if "url" in apply and not apply["url"].startswith(ADDRESS_PREFIXES):
            file.fail("apply.url", "must be an https address")
        requirements = tuple(self._requirement(key, value)
                             for key, value in file.tables("requirements").items())
        self._check(requirements)
        facts = tuple(self._fact(key, value) for key, value in
                      (file.tables("facts").items() if "facts" in data else ()))
        return Employer(
            id=profile_id, name=data["name"], nation=data["nation"], checked=data["checked"],
            sources=sources, apply_text=apply["text"], apply_url=apply.get("url"),
            requirements=requirements, file=file.name, provenance=data["provenance"],
            partner=data.get("partner"), expanded_from=data.get("expanded_from"), facts=facts,
            own_form=apply.get("own_form", False),
        )

    def _provenance(self, data: dict[str, Any]) -> None:
        """Where the profile comes from, and the partner named when it is not `own`."""
        provenance = data["provenance"]
        if provenance not in PROVENANCES:
            self.file.fail("provenance", f"unknown provenance {provenance!r}; it is one of "
                                         f"{', '.join(PROVENANCES)}")
        if provenance == "own" and "partner" in data:
            self.file.fail("partner", "only a partner or system profile names a partner")
        if provenance != "own" and "partner" not in data:
            self.file.fail("partner", f"missing: a {provenance} profile names the partner "
                                      "whose page it comes from")

    def _fact(self, key: str, value: Any) -> Fact:
        where = f"facts.{key}"
        if key not in FACT_KINDS:
            self.file.fail(where, f"unknown fact {key!r}; the facts are {', '.join(FACT_KINDS)}")
        self.file.fields(value, where, {"text": "text", "sources": "texts"}, {"email": "text"})
        if "email" in value and not EMAIL.fullmatch(value["email"]):
            self.file.fail(f"{where}.email", f"{value['email']!r} is not an email address")
        return Fact(kind=key, text=value["text"], email=value.get("email"),
                    sources=self._sources(f"{where}.sources", value["sources"]))

    def _sources(self, key: str, ids: list[str]) -> tuple[str, ...]:
        for index, source_id in enumerate(ids):
            source = self.rules.sources.get(source_id)
            if source is None:
                self.file.fail(f"{key}[{index}]", f"unknown source {source_id!r}")
            if source.kind != SOURCE_KIND:
                self.file.fail(f"{key}[{index}]",
                               f"source {source_id!r} is of kind {source.kind!r}; a profile "
                               f"cites only pages about an employer's procedure (kind "
                               f"{SOURCE_KIND!r}: its own, a partner's or a system's)")
            if not source.url.startswith(ADDRESS_PREFIXES):
                self.file.fail(f"{key}[{index}]",
                               f"source {source_id!r} has no https address ({source.url})")
        if len(set(ids)) != len(ids):
            self.file.fail(key, "lists a source twice")
        return tuple(ids)

    def _requirement(self, key: str, value: dict[str, Any]) -> Requirement:
        file, rules = self.file, self.rules
        where = f"requirements.{key}"
        if not REQUIREMENT_ID.fullmatch(key):
            file.fail(where, "a requirement id is lowercase letters, digits and hyphens, "
                             "beginning with a letter")
        if key in rules.item_index:
            file.fail(where, f"{key!r} is an evidence item's id: a requirement needs its own "
                             "(say which item it sharpens with refines)")
        file.fields(value, where,
                    {"title": "text", "text": "text", "sources": "texts", "why": "texts"},
                    {"topic": "text", "in_short": "text", "refines": "text",
                     "applies_when": "any", "held_when": "any", "partial_when": "any",
                     "next_step": "text", "check": "text", "also": "any", "dated": "text",
                     "voices": "any"})
        self._check_fields(where, value)
        voices = self._voices(where, value)
        also = self._also(where, value)
        for index, template in enumerate(value["why"]):
            check_why(file, f"{where}.why[{index}]", template, rules.question_index,
                      rules.option_sets)
        context = ParseContext(
            file.name, rules.question_index,
            {name: (found.question, found.options) for name, found in rules.option_sets.items()},
            rules.registered, file.fail,
        )
        conditions = {name: parse(value[name], f"{where}.{name}", context)
                      for name in ("applies_when", "held_when", "partial_when") if name in value}
        applies: Condition = conditions.pop("applies_when", rules.registered)
        refines = value.get("refines")
        if refines is not None and applies != rules.item(refines).applies_when:
            applies = All((applies, rules.item(refines).applies_when))
        return Requirement(
            id=key, title=value["title"], text=value["text"],
            sources=self._sources(f"{where}.sources", value["sources"]),
            applies_when=applies, why=tuple(value["why"]), topic=value.get("topic"),
            in_short=value.get("in_short"), refines=refines,
            next_step=value.get("next_step"), check=value.get("check"),
            status_reads=frozenset().union(*(reads(found) for found in conditions.values())),
            also=also, dated=value.get("dated"), pack=voices["pack"],
            reviewer=voices["reviewer"], **conditions,
        )

    def _voices(self, where: str, value: dict[str, Any]) -> dict[str, str]:
        """The requirement's words for the pack and the reviewer; a missing one is refused
        (the applicant's are its why, next_step and check)."""
        for voice, whose in VOICES.items():
            if not isinstance(value.get("voices"), dict) or voice not in value["voices"]:
                self.file.fail(f"{where}.voices.{voice}", f"missing: every requirement has its "
                                                          f"words in three voices; this one is "
                                                          f"{whose}")
        voices: dict[str, str] = value["voices"]
        self.file.fields(voices, f"{where}.voices", {voice: "text" for voice in VOICES})
        return voices

    def _also(self, where: str, value: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """More comparison columns the requirement states, each with its cell."""
        also = value.get("also", {})
        if not isinstance(also, dict):
            self.file.fail(f"{where}.also", "must be a table of topic = cell")
        for topic, cell in also.items():
            if topic not in self.rules.employer_topics:
                self.file.fail(f"{where}.also.{topic}", f"unknown topic {topic!r}")
            if topic == value.get("topic"):
                self.file.fail(f"{where}.also.{topic}", "is the requirement's own topic")
            self.file._kind(cell, f"{where}.also.{topic}", "text")
        return tuple(also.items())

    def _check_fields(self, where: str, value: dict[str, Any]) -> None:
        file, rules = self.file, self.rules
        if "topic" in value and value["topic"] not in rules.employer_topics:
            file.fail(f"{where}.topic", f"unknown topic {value['topic']!r}; the topics are "
                                        f"{', '.join(rules.employer_topics)}")
        if "topic" in value and "in_short" not in value:
            file.fail(f"{where}.in_short", "missing: a requirement with a topic says it in a "
                                           "few words for the comparison page")
        if "in_short" in value and "topic" not in value:
            file.fail(f"{where}.in_short", "only a requirement with a topic has in_short")
        if "refines" in value and value["refines"] not in rules.item_index:
            file.fail(f"{where}.refines", f"unknown evidence item {value['refines']!r}")
        if "partial_when" in value and "held_when" not in value:
            file.fail(f"{where}.partial_when", "needs a held_when")
        if "held_when" in value:
            if "next_step" not in value:
                file.fail(f"{where}.next_step", "missing: a requirement with held_when says "
                                                "what to do while it is not held")
            if "check" in value:
                file.fail(f"{where}.check", "only a requirement without held_when has a "
                                            "check (its status is then always check)")
        else:
            if "check" not in value:
                file.fail(f"{where}.check", "missing: without held_when the status is always "
                                            "check, and check says what to confirm")
            if "next_step" in value:
                file.fail(f"{where}.next_step", "only a requirement with held_when has a "
                                                "next_step")

    def _check(self, requirements: tuple[Requirement, ...]) -> None:
        """Each requirement can apply, its conditions can hold while it does, a why sentence
        can always be filled in, and its status and why read only asked questions."""
        extra = [condition for requirement in requirements for condition in (
            requirement.applies_when, requirement.held_when, requirement.partial_when)
            if condition is not None]
        templates = [template for requirement in requirements for template in requirement.why]
        space = _Space(self.rules, extra, templates)
        for requirement in requirements:
            if space.find(All((self.rules.registered, requirement.applies_when))) is None:
                self.file.fail(f"requirements.{requirement.id}.applies_when",
                               "never holds for a registered person, so the requirement can "
                               "never show (no local requirement shows when the outcome is "
                               "blocked)")
            conditions = {"held_when": requirement.held_when,
                          "partial_when": requirement.partial_when}
            must_be_asked = {
                name: (f"its {name} reads", reads(condition))
                for name, condition in conditions.items()
                if condition is not None}
            placeholders = frozenset(match.partition(":")[0] for template in requirement.why
                                     for match in PLACEHOLDER.findall(template))
            must_be_asked["why"] = ("its why sentences read", placeholders)
            check_entry(space, self.file.name, f"requirements.{requirement.id}", requirement,
                        conditions=conditions, must_be_asked=must_be_asked,
                        noun="requirement")
