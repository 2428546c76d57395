"""The employer pages, generated from the profiles in `assessment/employers/` at build time:
`employers/compared/` (one row per employer, a column for each thing at least two profiles
state, each cell linked to its source) and `employers/<id>/` (one profile in full).

This hook holds the data and the logic (which columns, which cells, the counts); the pages'
Markdown comes from the Jinja templates in `overrides/employers/` and their words from the
employers section of the words data. They are rendered to Markdown, not HTML, so the site's
citation, source, link and search machinery treats them as it does every page; their front
matter carries the profiles' sources and checked dates, so the review dates apply too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from assessment.engine.condition_text import describe
from assessment.model.errors import RulesError
from assessment.model.rules_model import FACT_KINDS, PROVENANCES, Employer, Requirement
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import Rules, load_rules
from assessment.views.provenance import provenance_sentence, shown_name, title_name
from hooks.page_markdown import human_date

FOLDER = "employers"
INDEX_PAGE = f"{FOLDER}/index.md"
HOW_TO_PAGE = f"{FOLDER}/profiles.md"
COMPARED_PAGE = f"{FOLDER}/compared.md"
NAV_SECTION = "For employers"
TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / FOLDER
WORDS = "employers"
# Where the profiles page records what was searched for the nations without a profile.
SEARCHED = "profiles.md#nations"
REPORT = "profiles.md#report-a-change"
EMAIL_IN_TEXT = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
# html-validate's limit for a whole <title> is 70 characters; the site's name takes 31 of them.
MAX_TITLE = 38


@dataclass(frozen=True)
class Cell:
    """One thing a profile states, as a comparison cell or a line of its page: the words, the
    sources they link to, and an address to write to where there is one."""

    text: str
    sources: tuple[str, ...]
    email: str | None = None


def _profiles() -> tuple[Rules, list[Employer]]:
    try:
        rules = load_rules()
        return rules, list(load_employers(rules).values())
    except RulesError as error:
        raise PluginError(f"Invalid employer profile: {error}") from error


def _environment() -> jinja2.Environment:
    """Markdown templates: no HTML escaping (the words are Markdown); a missing value fails."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True,
        # Markdown's attribute lists ("## Heading {#id}") use Jinja's comment marks.
        comment_start_string="{%#", comment_end_string="#%}")
    environment.filters["cell"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    # An address to write to, in a profile's own words ("email it to NMR@…"), as a link.
    environment.filters["mail_links"] = lambda text: EMAIL_IN_TEXT.sub(
        lambda found: f"[{found.group(0)}](mailto:{found.group(0)})", str(text))
    return environment


def stated_cells(profile: Employer, column: str) -> list[Cell]:
    """What `profile` states for a column: a kind of requirement (a requirement's own topic
    or one it also states) or a fact (who to contact, how long a decision takes)."""
    if column in FACT_KINDS:
        fact = profile.fact(column)
        return [] if fact is None else [Cell(fact.text, fact.sources, fact.email)]
    return [Cell(cell, req.sources) for req in profile.requirements
            for topic, cell in req.columns() if topic == column]


def column_ids(rules: Rules) -> list[str]:
    """Every column the comparison may have, in the words' order: the kinds of requirement,
    then the facts."""
    return [*rules.employer_topics, *FACT_KINDS]


def stated_counts(profiles: list[Employer], rules: Rules) -> Counter[str]:
    """How many profiles state each column."""
    return Counter(column for profile in profiles for column in column_ids(rules)
                   if stated_cells(profile, column))


def stated_topics(profiles: list[Employer], rules: Rules) -> list[str]:
    """The columns at least two profiles state, in order (the specification's rule)."""
    counts = stated_counts(profiles, rules)
    return [column for column in column_ids(rules) if counts[column] >= 2]


def column_label(column: str, rules: Rules) -> str:
    if column in FACT_KINDS:
        return rules.words.text(WORDS, f"facts.{column}")
    return rules.employer_topics[column]


def page_title(name: str) -> str:
    """A profile page's title, short enough for a browser tab and a link preview (the page's
    h1 keeps the full name): without a bracketed abbreviation or the words "NHS Foundation
    Trust" / "NHS Trust" when the name is long."""
    title = name.split(" (", maxsplit=1)[0]
    for suffix in (" NHS Foundation Trust", " NHS Trust"):
        if len(title) > MAX_TITLE and title.endswith(suffix):
            title = title.removesuffix(suffix)
    return title


def profile_title(profile: Employer, rules: Rules) -> str:
    """The page title: the short name and, for a partner's or system's profile, what it is."""
    title = title_name(profile, rules.words, page_title(profile.name))
    if len(title) > MAX_TITLE:
        raise PluginError(f"{profile.file}: the page title {title!r} is longer than "
                          f"{MAX_TITLE} characters; shorten the name")
    return title


def caveat(profiles: list[Employer], rules: Rules) -> dict[str, str]:
    """The caveat every employer page opens with, its counts taken from the profiles."""
    counts = Counter(profile.provenance for profile in profiles)
    words = rules.words
    return {
        "title": words.text(WORDS, "caveat.title"),
        "counts": words.text(WORDS, "caveat.counts", total=str(len(profiles)),
                             **{kind: str(counts[kind]) for kind in PROVENANCES}),
        "rest": words.text(WORDS, "caveat.rest", report=REPORT),
    }


def _nation_label(nation: str, rules: Rules) -> str:
    return rules.question("nation").option(nation).label


def _nations(profiles: list[Employer], rules: Rules) -> dict[str, str]:
    """How many profiles each nation has, and which have none, said in words."""
    nations = rules.question("nation").options
    counts = Counter(profile.nation for profile in profiles)
    words = rules.words
    said = {"counts": words.text(WORDS, "compared.nations", counts=", ".join(
        f"{option.label} {counts[option.id]}" for option in nations))}
    missing = [option.label for option in nations if not counts[option.id]]
    if missing:
        joined = missing[0] if len(missing) == 1 else (
            ", ".join(missing[:-1]) + " and " + missing[-1])
        said["missing"] = words.text(WORDS, "compared.nations_missing", nations=joined,
                                     searched=SEARCHED)
    return said


def _row(profile: Employer, columns: list[str], rules: Rules) -> dict[str, Any]:
    return {
        "id": profile.id,
        "name": shown_name(profile, rules.words),
        "where": rules.words.text(WORDS, "compared.where", nation=_nation_label(
            profile.nation, rules), date=human_date(profile.checked)),
        "cells": [stated_cells(profile, column) for column in columns],
        "apply": Cell(rules.words.text(WORDS, "compared.how_to_apply"),
                      (profile.sources[0],)),
        "apply_url": profile.apply_url,
    }


def _agreement(profiles: list[Employer], column: str, rules: Rules) -> dict[str, Any]:
    """One column's values, each with the profiles that state it."""
    values: dict[str, list[tuple[Cell, Employer]]] = {}
    for profile in profiles:
        for cell in stated_cells(profile, column):
            values.setdefault(cell.text, []).append((cell, profile))
    stated = {profile.id for group in values.values() for _, profile in group}
    return {
        "label": column_label(column, rules),
        "stated": rules.words.text(WORDS, "compared.agree", count=str(len(stated)),
                                   total=str(len(profiles))),
        "values": [{"cell": group[0][0],
                    "profiles": [{"id": p.id, "name": shown_name(p, rules.words)}
                                 for _, p in group]}
                   for group in values.values()],
    }


def _only(profiles: list[Employer], rules: Rules) -> list[dict[str, str]]:
    """The columns that one profile states (they are on its page) or none does."""
    counts = stated_counts(profiles, rules)
    lines = []
    for column in column_ids(rules):
        if counts[column] >= 2:
            continue
        label = column_label(column, rules)
        if counts[column] == 1:
            profile = next(p for p in profiles if stated_cells(p, column))
            lines.append({"text": rules.words.text(
                WORDS, "compared.only_one", label=label,
                employer=f"[{shown_name(profile, rules.words)}]({profile.id}.md)")})
        else:
            lines.append({"text": rules.words.text(WORDS, "compared.none", label=label)})
    return lines


def _sources(profiles: list[Employer]) -> list[str]:
    found = [source for profile in profiles for source in profile.sources]
    found += [source for profile in profiles for req in profile.requirements
              for source in req.sources]
    found += [source for profile in profiles for fact in profile.facts
              for source in fact.sources]
    return list(dict.fromkeys(found))


def compared_markdown(profiles: list[Employer], rules: Rules) -> str:
    """The comparison page: a table of every profile, where they agree and differ, what only
    one or none states, and the profiles by nation."""
    columns = stated_topics(profiles, rules)
    oldest = min((profile.checked for profile in profiles), default=None)
    return _environment().get_template("compared.md").render(
        w=rules.words.section(WORDS),
        reviewed=oldest.isoformat() if oldest else "2026-12-01",
        sources=_sources(profiles),
        caveat=caveat(profiles, rules),
        intro=rules.words.text(WORDS, "compared.intro", count=str(len(profiles))),
        headings=[column_label(column, rules) for column in columns],
        rows=[_row(profile, columns, rules) for profile in profiles],
        agreements=[_agreement(profiles, column, rules) for column in columns],
        only=_only(profiles, rules),
        nations=_nations(profiles, rules),
    )


def _status_line(req: Requirement, rules: Rules) -> str:
    words = rules.words
    if req.held_when is None:
        return words.text(WORDS, "profile.check_status", status=rules.status_labels["check"],
                          check=req.check or "")
    line = words.text(WORDS, "profile.held", held=describe(req.held_when, rules))
    if req.partial_when is not None:
        line += words.text(WORDS, "profile.partial", partial=describe(req.partial_when, rules))
    return line + "."


def _requirement(req: Requirement, rules: Rules) -> dict[str, Any]:
    item = rules.item(req.refines) if req.refines else None
    return {
        "id": req.id, "title": req.title, "text": req.text, "sources": req.sources,
        "dated": req.dated,
        "refines": None if item is None else {"id": item.id, "title": item.title},
        "applies": describe(req.applies_when, rules),
        "status": _status_line(req, rules),
    }


def profile_markdown(profile: Employer, rules: Rules,
                     profiles: list[Employer] | None = None) -> str:
    """One employer's page: where it comes from, how to apply, what else it states (who to
    contact, say) and every requirement, each with its source."""
    checked = human_date(profile.checked)
    sources = [*profile.sources, *(s for req in profile.requirements for s in req.sources),
               *(s for fact in profile.facts for s in fact.sources)]
    name = shown_name(profile, rules.words)
    return _environment().get_template("profile.md").render(
        w=rules.words.section(WORDS),
        title=profile_title(profile, rules).replace('"', "“"),
        description=rules.words.text(WORDS, "profile.description",
                                     name=name.replace('"', "“"), date=checked),
        reviewed=profile.checked.isoformat(),
        sources=list(dict.fromkeys(sources)),
        caveat=caveat(profiles or [profile], rules),
        name=name,
        provenance=provenance_sentence(profile, rules.words),
        nation=_nation_label(profile.nation, rules),
        checked=checked,
        apply_text=profile.apply_text,
        apply_source=profile.sources[0],
        apply_url=profile.apply_url,
        facts=[{"label": column_label(fact.kind, rules),
                "cell": Cell(fact.text, fact.sources, fact.email)} for fact in profile.facts],
        requirements=[_requirement(req, rules) for req in profile.requirements],
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the generated pages in the navigation, under the page for employers."""
    rules, profiles = _profiles()
    nav: list[Any] = config.nav or []
    for index, entry in enumerate(nav):
        section = entry.get(NAV_SECTION) if isinstance(entry, dict) else None
        # The section is the index page alone, or a list that starts with it (the pages
        # after it, such as the reviewer's checklist, stay right after it).
        if section == INDEX_PAGE or (isinstance(section, list) and section[:1] == [INDEX_PAGE]):
            nav[index] = {NAV_SECTION: [
                INDEX_PAGE,
                *(section[1:] if isinstance(section, list) else []),
                {"Have a profile added or corrected": HOW_TO_PAGE},
                {"Employers compared": COMPARED_PAGE},
                # Short labels, as the pages' titles (a partner's or system's profile
                # says so): the section's links stay in view beside each page.
                *({profile_title(profile, rules): f"{FOLDER}/{profile.id}.md"}
                  for profile in profiles),
            ]}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the comparison page and one page per profile, generated from the data."""
    rules, profiles = _profiles()
    files.append(File.generated(config, COMPARED_PAGE, content=compared_markdown(profiles, rules)))
    for profile in profiles:
        files.append(File.generated(config, f"{FOLDER}/{profile.id}.md",
                                    content=profile_markdown(profile, rules, profiles)))
    return files
