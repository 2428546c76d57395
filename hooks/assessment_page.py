"""Build the self-assessment into the site: package `assessment` for the browser, make the
memory snapshot it starts from, and place the app on the `assessment/` page.

The package is shipped as a plain zip archive with a content-hashed name, unpacked by the
page's worker into Pyodide's file system; nothing is ever fetched by package name. The
snapshot (a content-hashed file beside it) lets the worker restore an interpreter with the
package already imported instead of starting CPython; the worker falls back to a plain start.
Beside them goes the part of Python's standard library the engine uses (about a third), which
both starts mount instead of Pyodide's whole library. The small boot script that starts the
worker is written inline at the top of the page's head.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessment.reading.employer_profiles import load_employers
from assessment.reading.loader import RulesError, load_rules
from assessment.views.catalogue import evidence_catalogue, group_titles, question_catalogue
from assessment.views.provenance import shown_name
from hooks import assessment_html
from hooks.asset_names import hashed
from hooks.handover_html import handover_fields
from hooks.page_markdown import human_date
from hooks.pyodide_runtime import PACKAGE_DIR, pyodide_version
from hooks.security import sri
from hooks.snapshot import checked_heap, make_snapshot

log = logging.getLogger("mkdocs.hooks.assessment_page")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "assessment"
PLACEHOLDER = "<!-- assessment:app -->"
BOOT_SCRIPT = "assets/js/assessment-boot.js"  # inlined into the page, never served
WORKER_SCRIPT = "assets/js/assessment-worker.mjs"
PAGE_SCRIPT = "assets/js/assessment.js"
# The page script's modules, one job each: every other assets/js/assessment-*.js.
PAGE_MODULES = "assessment-*.js"
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
    # In the config, not this module: the review page's hook (hooks/review_page.py) starts
    # Python with `boot_script` too, from its own import of this module.
    # The worker checks the snapshot it reads against both before restoring it, and starts
    # Python plainly on anything else (a download that ended early, bytes changed on the way).
    config.extra["assessment_snapshot_bytes"] = len(snapshot)
    config.extra["assessment_snapshot_sha256"] = hashlib.sha256(snapshot).hexdigest()
    # Content-hashed by hooks/asset_names.py, like every script of ours.
    config.extra["assessment_worker"] = config.extra["asset_names"][WORKER_SCRIPT]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave out the file of the boot script: the page carries it inline."""
    copy = files.get_file_from_path(BOOT_SCRIPT)
    if copy is not None:
        files.remove(copy)
    return files


ACTIONS = (
    # Shares through the system's share sheet where the browser has one, else copies.
    ("copy-link", "Share a link to these answers"),
    ("review-link", "Link for the person reviewing your application"),
    ("download-docx", "Download as Word (.docx)"),
    ("copy-text", "Copy as plain text"),
    ("download", "Download as a text file to edit (.md)"),
    ("print", "Print or save as PDF"),
    ("start-again", "Start again"),
    ("forget", "Forget my answers on this device"),
)


def action_buttons() -> str:
    """The result's buttons; the first is the main action."""
    return "".join(
        f'<button type="button" class="md-button{" md-button--primary" if index == 0 else ""}"'
        f' data-action="{action}">{label}</button>'
        for index, (action, label) in enumerate(ACTIONS)
    )


def page_modules() -> list[str]:
    """The page script's modules (site paths), which it imports by their plain names."""
    folder = ROOT / "overrides" / "assets" / "js"
    return [f"assets/js/{path.name}" for path in sorted(folder.glob(PAGE_MODULES))
            if f"assets/js/{path.name}" != BOOT_SCRIPT]


def import_map(link: Callable[[str], str], names: dict[str, str]) -> str:
    """An import map that points each module's plain name at its content-hashed file, with
    the file's integrity: the files keep their bytes (and so their hashes), and the browser
    checks each module as it checks the page script (hooks/security.py allows this inline
    script by its hash, as it does the boot script)."""
    modules = page_modules()
    mapping = {
        "imports": {link(plain): link(names[plain]) for plain in modules},
        "integrity": {
            link(names[plain]): sri((ROOT / "overrides" / plain).read_bytes())
            for plain in modules
        },
    }
    return f'<script type="importmap">{json.dumps(mapping, sort_keys=True)}</script>'


def render_app(page: Page, config: MkDocsConfig) -> str:
    """The self-assessment: status, questions, and the static checklist the result replaces."""

    def link(target: str) -> str:
        return get_relative_url(target, page.url or ".")

    page_script = config.extra["asset_names"][PAGE_SCRIPT]

    rules = load_rules()
    # Each option names the profile as every surface does, with its provenance.
    employers = [(employer.id, shown_name(employer, rules.words), human_date(employer.checked))
                 for employer in load_employers(rules=rules).values()]
    form = assessment_html.render_form(
        question_catalogue(rules),
        assessment_html.render_employer_choice(
            employers, link("employers/compared/"),
            rules.words.text("employers", "choice.hint")),
    )
    catalogue = assessment_html.render_catalogue(
        evidence_catalogue(rules), group_titles(rules), link, rules.labels
    )
    data = assessment_html.attrs(
        id="assessment-app",
        class_="assessment",
        data_site_root=link(""),
        data_site_url=config.site_url or None,
    )
    return (
        f"<div{data}>"
        '<div class="assessment__status">'
        # Which words show depends on the class the boot script puts on <html> as the head is
        # read: with JavaScript on, the page never says it is off, not even while it loads.
        '<p role="status" data-python-status>'
        '<span class="assessment__no-js">The live result needs JavaScript, which is off or'
        " blocked in this browser. Every question and the complete evidence list, with when"
        " each item applies, are below: use them as a checklist.</span>"
        '<span class="assessment__loading">Getting your live result ready…</span></p>'
        '<progress data-python-progress max="3" value="0" hidden'
        ' aria-label="Getting the live result ready"></progress>'
        "</div>"
        '<div class="assessment__notes" role="status" data-notes hidden></div>'
        # A shared result, first: the outcome and counts where the eye lands (filled in by the
        # page script; the full result, with data-outcome, stays in its own section below).
        '<section class="assessment__summary" data-summary hidden tabindex="-1"'
        ' aria-labelledby="summary-heading">'
        '<h2 id="summary-heading">Your result at a glance</h2>'
        '<p class="assessment__summary-outcome" data-summary-outcome></p>'
        '<div data-summary-counts></div>'
        '<p class="assessment__summary-actions">'
        '<button type="button" class="md-button md-button--primary"'
        ' data-action="see-result">See the full result</button>'
        '<button type="button" class="md-button" data-action="change-answers">'
        "Change your answers</button></p>"
        "</section>"
        '<div class="assessment__layout">'
        '<section class="assessment__questions" aria-labelledby="questions-heading">'
        '<h2 id="questions-heading">Questions</h2>'
        f"{form}"
        # On a small screen, the result in short stays in view at the bottom while the person
        # answers (site.css); the page script fills it in once Python has answered.
        '<div class="assessment__dock" data-dock hidden>'
        '<p class="assessment__dock-text" data-dock-text></p>'
        '<a class="assessment__dock-link" href="#result" data-action="dock-result">'
        "Full result</a></div>"
        "</section>"
        '<section class="assessment__result" id="result" tabindex="-1"'
        ' aria-labelledby="result-heading">'
        '<h2 id="result-heading">Your result</h2>'
        '<p class="print-only" data-print-date></p>'
        '<div class="print-only" data-print-who></div>'
        '<p class="visually-hidden" role="status" aria-live="polite" data-result-announcer></p>'
        '<div data-result hidden></div>'
        '<div class="assessment__actions" data-actions hidden>'
        f"{handover_fields(rules)}"
        f"{action_buttons()}"
        '<p role="status" class="assessment__feedback" data-action-feedback></p>'
        '<button type="button" class="md-button" data-action="undo" hidden>Undo</button>'
        "</div>"
        '<div data-static-checklist>'
        "<p>Until your result is worked out, here is every evidence item an application may"
        " need, with when it applies.</p>"
        f"{catalogue}</div>"
        "</section></div></div>"
        f"{import_map(link, config.extra['asset_names'])}"
        f'<script type="module" src="{link(page_script)}"></script>'
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the placeholder on the self-assessment page with the app."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, render_app(page, config))


def boot_script(page: Page, config: MkDocsConfig) -> str:
    """The small script that starts Python's worker while the page is still arriving.

    It is inline and placed before the styles, so it runs as the head is read: measured, the
    worker then starts about 150 ms sooner than from an `async` module file, which had to be
    fetched and then waited for the page's first drawing. (Preloading the snapshot and the
    WebAssembly from the head as well was measured slower on a warm visit: the browser then
    reads and unpacks those large files from its cache twice, on a machine where every core is
    busy.) The content security policy allows it by its hash (hooks/security.py).
    """

    def link(target: str) -> str:
        return get_relative_url(target, page.url)

    data = assessment_html.attrs(
        data_assessment_boot="",
        data_worker_url=link(config.extra["assessment_worker"]),
        data_pyodide_url=link(config.extra["pyodide_path"]),
        data_package_url=link(config.extra["assessment_archive"]),
        data_snapshot_url=link(config.extra["assessment_snapshot"]),
        data_snapshot_bytes=str(config.extra["assessment_snapshot_bytes"]),
        data_snapshot_sha256=config.extra["assessment_snapshot_sha256"],
        data_stdlib_url=link(config.extra["assessment_stdlib"]),
        data_rules_version=load_rules().version,
    )
    code = (ROOT / "overrides" / BOOT_SCRIPT).read_text(encoding="utf-8")
    if "</script" in code.lower():
        raise PluginError(f"{BOOT_SCRIPT}: an inline script cannot contain '</script'")
    return f"<script{data}>\n{code}</script>"


# The theme's anchor tracking rewrites the address as the page scrolls (to the heading in
# view, or to no fragment at all), which wiped the answers' share link from the address bar
# as soon as a person scrolled. On the self-assessment the fragment is the answers', so the
# page's copy of the theme's settings leaves that feature out.
TRACKING = '"navigation.tracking", '


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Start Python from the top of the self-assessment page's head, before its styles, and
    keep the theme from rewriting the page's fragment."""
    if 'id="assessment-app"' not in output:
        return output
    config_start = output.find('<script id="__config" type="application/json">')
    if config_start != -1:
        config_end = output.index("</script>", config_start)
        output = (output[:config_start]
                  + output[config_start:config_end].replace(TRACKING, "")
                  + output[config_end:])
    head_end = output.index("</head>")
    first_link = output.find("<link", 0, head_end)
    at = first_link if first_link != -1 else head_end
    return output[:at] + boot_script(page, config) + output[at:]


def on_post_build(config: MkDocsConfig) -> None:
    """Write the package archive, the snapshot and the standard-library subset into the site."""
    for name, data in _outputs.items():
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
