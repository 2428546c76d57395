"""Build the self-assessment into the site: package `assessment` for the browser, make the
memory snapshot it starts from, and place the app on the `assessment/` page.

The package is shipped as a plain zip archive with a content-hashed name, unpacked by the
page's worker into Pyodide's file system; nothing is ever fetched by package name. The
snapshot (a content-hashed file beside it) lets the worker restore an interpreter with the
package already imported instead of starting CPython; the worker falls back to a plain start.
Beside them goes the part of Python's standard library the engine uses (about a third), which
both starts mount instead of Pyodide's whole library.

The page itself is the template overrides/assessment.html (named by the page's front matter):
this hook gives it its data, the questions, employers and evidence list from the rules and the
page's words, and overrides/python-page.html starts Python from the top of its head.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from assessment.model.details import DETAIL_FIELDS, MAX_FIELD, PERSON_FIELDS
from assessment.model.rules_model import Rules
from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import RulesError, load_rules
from assessment.views.catalogue import evidence_catalogue, group_titles, question_catalogue
from assessment.views.provenance import shown_name
from hooks.asset_names import hashed
from hooks.page_markdown import human_date
from hooks.page_scripts import INLINED_SCRIPTS, LINK_ANSWERS_SCRIPT, inlined_module, python_page
from hooks.pyodide_runtime import PACKAGE_DIR, pyodide_version
from hooks.snapshot import checked_heap, make_snapshot, transfer_profile

log = logging.getLogger("mkdocs.hooks.assessment_page")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "assessment"
TEMPLATE = "assessment.html"
WORKER_SCRIPT = "assets/js/assessment-worker.mjs"
PAGE_SCRIPT = "assets/js/assessment.js"
ZIP_EPOCH = (2020, 1, 1, 0, 0, 0)
_outputs: dict[str, bytes] = {}


def package_files() -> list[Path]:
    """The files that make up the package: its Python modules and its rules data."""
    return sorted(
        path
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and path.suffix in {".py", ".toml", ".json"}
        and "__pycache__" not in path.parts
    )


def package_archive() -> bytes:
    """A reproducible zip of the package: same files, same bytes, same name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in package_files():
            info = zipfile.ZipInfo(path.relative_to(ROOT).as_posix(), ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the rules, package the engine once per build and record its hashed name."""
    try:
        load_rules()
    except RulesError as error:
        raise PluginError(f"Invalid rules data: {error}") from error
    _outputs.clear()
    archive = package_archive()
    stdlib, snapshot, heap_record = make_snapshot(archive, pyodide_version())
    heap = checked_heap(snapshot, heap_record, (PACKAGE_DIR / "pyodide.asm.wasm").read_bytes())
    log.info(heap.line())
    for key, path, data in (
        ("assessment_archive", "assets/py/assessment.zip", archive),
        ("assessment_snapshot", "assets/py/assessment.snapshot", snapshot),
        ("assessment_stdlib", "assets/py/python-stdlib.zip", stdlib),
    ):
        config.extra[key] = hashed(path, data)
        _outputs[config.extra[key]] = data
    # In the config, not this module: the review page starts Python too (hooks/page_scripts.py).
    # The worker checks the snapshot it reads against both before restoring it, and starts
    # Python plainly on anything else (a download that ended early, bytes changed on the way).
    config.extra["assessment_snapshot_bytes"] = len(snapshot)
    config.extra["assessment_snapshot_sha256"] = hashlib.sha256(snapshot).hexdigest()
    # How the compressed download is spread over the snapshot, for the worker's pace estimate.
    config.extra["assessment_snapshot_profile"] = ",".join(map(str, transfer_profile(snapshot)))
    # Content-hashed by hooks/asset_names.py, like every script of ours.
    config.extra["assessment_worker"] = config.extra["asset_names"][WORKER_SCRIPT]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave out the files of the scripts the page carries inline (the boot script, and the
    link's answers at the first paint)."""
    for script in INLINED_SCRIPTS:
        copy = files.get_file_from_path(script)
        if copy is not None:
            files.remove(copy)
    return files


# The result's buttons, in the page's order (the first is the main action; "copy-link"
# shares through the system's share sheet where the browser has one, else copies). Their
# words are the page words' `actions.<id>`.
ACTIONS = ("copy-text", "download", "start-again", "forget")
# The actions the result leads with (partials/assessment/lead.html), within the first two
# phone screens: the Word pack first, then print, share and the review link.
LEAD_ACTIONS = ("download-docx", "print", "copy-link", "review-link")
NOT_LISTED = "not-listed"  # the employer choice's "Not listed" (overrides/assets/js/link.js)


def nested(flat: Mapping[str, str]) -> dict[str, Any]:
    """Dotted keys (`status.no_js`) as nested tables, for the templates (`words.status.no_js`)."""
    tree: dict[str, Any] = {}
    for key, text in flat.items():
        *tables, last = key.split(".")
        node = tree
        for table in tables:
            node = node.setdefault(table, {})
        node[last] = text
    return tree


# Each typed field's autocomplete token (WCAG 1.3.5, where one exists).
AUTOCOMPLETE = {"name": "name", "job_title": "organization-title", "workplace": "organization",
                "contact": "email"}
# What the page script says after the Word button and Forget (page words' handover.said.*).
HANDOVER_SAID = ("share_label", "shared", "downloaded", "forgotten")


def handover_fields(rules: Rules) -> dict[str, Any]:
    """What overrides/partials/assessment/handover.html prints: the applicant's fields (each
    with its autocomplete token), the scope detail's (each with its column's heading), the
    keys of what the page says after the Word button and Forget, and the longest text a
    field takes."""
    headings = {column.key: column.heading for column in rules.scope.columns}
    return {
        "people": [{"field": field, "autocomplete": AUTOCOMPLETE.get(field, "off")}
                   for field in PERSON_FIELDS],
        "rows": [{"field": field, "heading": headings[field]} for field in DETAIL_FIELDS],
        "said": HANDOVER_SAID,
        "max_field": MAX_FIELD,
    }


def catalogue_groups(items: Iterable[Mapping[str, Any]],
                     titles: Mapping[str, str]) -> list[dict[str, Any]]:
    """The evidence list's groups in the rules' order, each with its title and its items
    (`evidence`; a group without items is left out)."""
    by_group: dict[str, list[Mapping[str, Any]]] = {group: [] for group in titles}
    for item in items:
        by_group.setdefault(item["group"], []).append(item)
    return [{"title": titles.get(group, group), "evidence": members}
            for group, members in by_group.items() if members]


def link_questions(questions: Iterable[Mapping[str, Any]], employers: Iterable[Mapping[str, Any]],
                   words: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What the link's answers at the first paint are shown by (link-answers.js): each
    question's id, text (its legend's), whether it takes several answers, and its options'
    values and labels, in the order of the page script's questions (questions.js: the form's,
    with the organisation's choice, always asked, last)."""
    shown = [{"id": question["id"], "text": question["text"], "multi": question["multi"],
              "options": [[option["id"], option["label"]] for option in question["options"]]}
             for question in questions]
    employer_options = [[employer["id"], employer["name"]] for employer in employers]
    shown.append({"id": "employer", "text": words["employer"]["legend"], "multi": False,
                  "options": [*employer_options, [NOT_LISTED, words["employer"]["not_listed"]]]})
    return shown


def page_data(site_url: str | None) -> dict[str, Any]:
    """What overrides/partials/assessment/ prints: the questions, the employers (id, name
    as shown and the date its profile was checked, in words) and the line under their
    legend (the employers words' `choice.hint`), the evidence list, the rules' labels and
    the page's words (nested for the templates, flat for the scripts), and what shows a link's
    answers at the first paint (the questions' labels and the inline script's code)."""
    rules = load_rules()
    words = rules.words.section("page")
    questions = question_catalogue(rules)
    # Each option names the profile as every surface does, with its provenance.
    employers = [{"id": employer.id, "name": shown_name(employer, rules.words),
                  "checked": human_date(employer.checked)}
                 for employer in load_employers(rules).values()]
    return {
        "questions": questions,
        "employers": employers,
        "link_questions": link_questions(questions, employers, nested(words)),
        "link_answers_code": inlined_module(LINK_ANSWERS_SCRIPT),
        "employer_hint": rules.words.text("employers", "choice.hint"),
        "handover": handover_fields(rules),
        "not_listed": NOT_LISTED,
        "catalogue": catalogue_groups(evidence_catalogue(rules), group_titles(rules)),
        "labels": rules.labels,
        "actions": ACTIONS,
        "lead_actions": LEAD_ACTIONS,
        "site_url": site_url or None,
        "words": nested(words),
        "script_data": {"words": words},
    }


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    """Give the self-assessment's template its data."""
    if page.meta.get("template") != TEMPLATE:
        return context
    context["assessment"] = page_data(config.site_url)
    context["python"] = python_page(page, config, PAGE_SCRIPT, load_rules())
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write the package archive, the snapshot and the standard-library subset into the site."""
    for name, data in _outputs.items():
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
