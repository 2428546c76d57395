"""The employer pages, generated from the profiles in `assessment/employers/` at build time:
`employers/compared/` (one row per employer, a column for each kind of requirement at least
two profiles state, each cell linked to its source) and `employers/<id>/` (one profile in
full). Nothing here is written by hand, so the pages cannot drift from the data; the pages'
front matter carries the profiles' sources and checked dates, so the site's citation and
review checks apply to them as to every page.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from assessment.condition_text import describe
from assessment.employer_profiles import load_employers
from assessment.errors import RulesError
from assessment.loader import Rules, load_rules
from assessment.rules_model import Employer, Requirement
from hooks.page_markdown import human_date

FOLDER = "employers"
INDEX_PAGE = f"{FOLDER}/index.md"
HOW_TO_PAGE = f"{FOLDER}/profiles.md"
COMPARED_PAGE = f"{FOLDER}/compared.md"
NAV_SECTION = "For employers"
NOT_STATED = "Not stated"
# html-validate's limit for a whole <title> is 70 characters; the site's name takes 31 of them.
MAX_TITLE = 38
CAVEAT = (
    '!!! warning "From public documents, at a date"\n'
    "    Each profile records only what the employer's own public pages or documents said when "
    "we last checked them (the date is on each row and page). The employer's current procedure "
    "always wins: ask its radiology department before you apply. If a profile is out of date "
    "or wrong, [tell us how it has changed](profiles.md#report-a-change).\n"
)


def _profiles() -> tuple[Rules, list[Employer]]:
    try:
        rules = load_rules()
        return rules, list(load_employers().values())
    except RulesError as error:
        raise PluginError(f"Invalid employer profile: {error}") from error


def _front_matter(title: str, description: str, reviewed: str, sources: list[str]) -> str:
    listed = "\n".join(f"  - {source}" for source in dict.fromkeys(sources))
    return (f"---\ntitle: {title}\ndescription: {description}\nreviewed: {reviewed}\n"
            f"sources:\n{listed}\n---\n\n")


def _cite(text: str, sources: tuple[str, ...]) -> str:
    """`text` as a link to its first source, the others after it."""
    more = "".join(f" ([also][{source}])" for source in sources[1:])
    return f"[{text}][{sources[0]}]{more}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def stated_topics(profiles: list[Employer], rules: Rules) -> list[str]:
    """The kinds of requirement at least two profiles state, in the order words/result.toml lists."""
    counts = Counter(topic for profile in profiles
                     for topic in {req.topic for req in profile.requirements if req.topic})
    return [topic for topic in rules.employer_topics if counts[topic] >= 2]


def _topic_cell(profile: Employer, topic: str) -> str:
    found = [req for req in profile.requirements if req.topic == topic]
    if not found:
        return NOT_STATED
    return "; ".join(_cite(_cell(req.in_short or req.title), req.sources) for req in found)


def compared_markdown(profiles: list[Employer], rules: Rules) -> str:
    """The comparison page: a table of every profile, then where they agree and differ."""
    topics = stated_topics(profiles, rules)
    oldest = min((profile.checked for profile in profiles), default=None)
    sources = [source for profile in profiles for source in profile.sources]
    sources += [source for profile in profiles for req in profile.requirements
                for source in req.sources]
    lines = [_front_matter(
        "Employers compared",
        "What each employer's own procedure asks of non-medical referrers, side by side, "
        "from its public documents, each with the date it was checked.",
        (oldest.isoformat() if oldest else "2026-12-01"), sources)]
    lines += ["# Employers compared", "", CAVEAT, ""]
    lines += [f"{len(profiles)} employers' procedures, as their public documents describe "
              "them. A column shows a kind of requirement that at least two of them state; "
              f"“{NOT_STATED}” means the documents we read do not mention it, not that the "
              "employer does not ask it. Each cell links to the document it comes from.", ""]
    headings = ["Employer", "Nation", *(rules.employer_topics[t] for t in topics),
                "How to apply", "Checked"]
    lines += ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    for profile in profiles:
        nation = rules.question("nation").option(profile.nation).label
        apply = _cite("How to apply", (profile.sources[0],)) if not profile.apply_url else (
            f"[How to apply]({profile.apply_url})")
        cells = [f"[{_cell(profile.name)}]({profile.id}.md)", nation,
                 *(_topic_cell(profile, topic) for topic in topics), apply,
                 human_date(profile.checked)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Where they agree and where they differ {#agree-differ}", ""]
    for topic in topics:
        lines.append(_agreement(profiles, topic, rules))
    lines += ["", "Requirements that only one profile states are on that employer's own page.",
              ""]
    return "\n".join(lines)


def _agreement(profiles: list[Employer], topic: str, rules: Rules) -> str:
    values: dict[str, list[Employer]] = {}
    for profile in profiles:
        for req in profile.requirements:
            if req.topic == topic:
                values.setdefault(req.in_short or req.title, []).append(profile)
    stated = len({profile.id for group in values.values() for profile in group})
    parts = []
    for value, group in values.items():
        names = ", ".join(f"[{_cell(p.name)}]({p.id}.md)" for p in group)
        first = next(req for req in group[0].requirements if req.topic == topic)
        parts.append(f"{_cite(_cell(value), first.sources)} ({names})")
    return (f"- **{rules.employer_topics[topic]}**: stated by {stated} of {len(profiles)}: "
            + "; ".join(parts) + ".")


def _status_line(req: Requirement, rules: Rules) -> str:
    if req.held_when is None:
        return (f"The self-assessment shows it as “{rules.status_labels['check']}”: "
                f"{req.check}")
    line = f"Held when {describe(req.held_when, rules)}"
    if req.partial_when is not None:
        line += f"; begun but not complete when {describe(req.partial_when, rules)}"
    return line + "."


def page_title(name: str) -> str:
    """A profile page's title, short enough for a browser tab and a link preview (the page's
    h1 keeps the full name): without a bracketed abbreviation or the words "NHS Foundation
    Trust" / "NHS Trust" when the name is long."""
    title = name.split(" (", maxsplit=1)[0]
    for suffix in (" NHS Foundation Trust", " NHS Trust"):
        if len(title) > MAX_TITLE and title.endswith(suffix):
            title = title.removesuffix(suffix)
    return title


def profile_markdown(profile: Employer, rules: Rules) -> str:
    """One employer's page: how to apply and every requirement, each with its source."""
    sources = list(profile.sources) + [s for req in profile.requirements for s in req.sources]
    nation = rules.question("nation").option(profile.nation).label
    checked = human_date(profile.checked)
    lines = [_front_matter(
        page_title(profile.name).replace('"', "“"),
        f"What {profile.name} asks of non-medical referrers, from its public documents, "
        f"checked on {checked}.", profile.checked.isoformat(), sources)]
    lines += [f"# {profile.name}", "", CAVEAT, ""]
    lines += [f"**Nation:** {nation}. **Checked against its sources:** {checked}. "
              f"**Compare:** [all employers side by side](compared.md).", ""]
    lines += ["## How to apply {#how-to-apply}", "",
              f"{profile.apply_text} ({_cite('source', (profile.sources[0],))}"
              + (f"; [where to apply]({profile.apply_url})" if profile.apply_url else "") + ")",
              ""]
    lines += ["## What it asks {#requirements}", ""]
    for req in profile.requirements:
        lines += [f"### {req.title} {{#{req.id}}}", "",
                  f"{req.text} ({_cite('source', req.sources)})", ""]
        details = []
        if req.refines:
            item = rules.item(req.refines)
            details.append(f"**Sharpens the national item:** "
                           f"[{item.title}](../evidence/index.md#{item.id})")
        details.append(f"**Applies when:** {describe(req.applies_when, rules)}.")
        details.append(f"**In the self-assessment:** {_status_line(req, rules)} "
                       f"({_cite('source', req.sources)})")
        lines += [f"- {detail}" for detail in details] + [""]
    return "\n".join(lines)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the generated pages in the navigation, under the page for employers."""
    _, profiles = _profiles()
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
                *({profile.name: f"{FOLDER}/{profile.id}.md"} for profile in profiles),
            ]}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the comparison page and one page per profile, generated from the data."""
    rules, profiles = _profiles()
    files.append(File.generated(config, COMPARED_PAGE, content=compared_markdown(profiles, rules)))
    for profile in profiles:
        files.append(File.generated(config, f"{FOLDER}/{profile.id}.md",
                                    content=profile_markdown(profile, rules)))
    return files
