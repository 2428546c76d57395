"""The scripts of the pages that run Python (the self-assessment and the reviewer's checklist),
as data for their templates (overrides/python-page.html, partials/python/): the inline boot
script's code and settings, each page script's import map, and the code of a module written
inline as a classic script (the self-assessment's first-paint answers, link-answers.js).

A page script imports its modules by their plain names (`./nodes.js`); the build publishes
each under a content-hashed name (hooks/asset_names.py), so the page's import map points each
plain name at its hashed file, with the file's integrity. Which modules a page needs is read
from the page script's own `import … from "./name.js"` lines, followed through its modules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessment.model.rules_model import Rules
from hooks.security import sri

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "overrides"
BOOT_SCRIPT = "assets/js/boot.js"  # inlined into the page, never served
# A link's answers at the first paint (the self-assessment): inlined, with link.js, never served.
LINK_ANSWERS_SCRIPT = "assets/js/link-answers.js"
INLINED_SCRIPTS = (BOOT_SCRIPT, LINK_ANSWERS_SCRIPT)
# `import { x } from "./name.js";`, `export { x } from "./name.js";` and `import "./name.js";`
IMPORT = re.compile(r"""^\s*(?:import|export)\b[^"';]*?(?:\bfrom\s*)?["']\./([\w.-]+\.js)["']""",
                    re.MULTILINE)


def modules_of(script: str) -> list[str]:
    """Every module `script` (a site path such as `assets/js/review.js`) imports, directly or
    through its modules, as site paths in a stable order; a missing module fails the build."""
    folder = script.rpartition("/")[0]
    found: list[str] = []
    waiting = [script]
    while waiting:
        current = waiting.pop(0)
        source = SCRIPTS / current
        if not source.is_file():
            raise PluginError(f"overrides/{current}: a page script imports it, and it is missing")
        for name in IMPORT.findall(source.read_text(encoding="utf-8")):
            module = f"{folder}/{name}"
            if module not in found and module != script:
                found.append(module)
                waiting.append(module)
    return sorted(found)


def import_map(page: Page, script: str, names: Mapping[str, str]) -> dict[str, Any]:
    """The import map of the page that runs `script`: each module's plain name (relative to
    the page) to its content-hashed file, and that file's integrity, so the browser checks
    each module as it checks the page script (hooks/security.py allows the map, an inline
    script, by its hash)."""

    def link(target: str) -> str:
        return get_relative_url(target, page.url or ".")

    modules = modules_of(script)
    return {
        "imports": {link(plain): link(names[plain]) for plain in modules},
        "integrity": {link(names[plain]): sri((SCRIPTS / plain).read_bytes())
                      for plain in modules},
    }


def boot_code() -> str:
    """The boot script's code, to be written inline (so it cannot hold `</script`)."""
    code = (SCRIPTS / BOOT_SCRIPT).read_text(encoding="utf-8")
    if "</script" in code.lower():
        raise PluginError(f"{BOOT_SCRIPT}: an inline script cannot contain '</script'")
    return code


# A module's whole import line, `import { a, b } from "./name.js";`, and its export marks.
IMPORT_LINE = re.compile(r"""^import\s*\{[^}]*\}\s*from\s*["']\./([\w.-]+\.js)["'];?[ \t]*$""",
                         re.MULTILINE)
EXPORT_MARK = re.compile(r"^export (?=(?:async )?(?:function|const|let|class)\b)", re.MULTILINE)
MODULE_SYNTAX = re.compile(r"^\s*(?:import|export)\b", re.MULTILINE)


def inlined_module(script: str) -> str:
    """`script` (a module that imports only modules which import nothing) as one classic
    script to write inline: each import line replaced by that module's code with its
    `export` marks taken off, the whole wrapped in a function so none of its names is a
    global. The page then runs the same code as the module would, with no request."""
    folder = script.rpartition("/")[0]
    source = (SCRIPTS / script).read_text(encoding="utf-8")

    def code_of(match: re.Match[str]) -> str:
        module = f"{folder}/{match.group(1)}"
        code = (SCRIPTS / module).read_text(encoding="utf-8")
        code = EXPORT_MARK.sub("", code)
        if MODULE_SYNTAX.search(code):
            raise PluginError(f"overrides/{module}: inlined into {script}, it must import nothing")
        return f"// {module}, inlined:\n{code}// {script}:"

    code = IMPORT_LINE.sub(code_of, source)
    if MODULE_SYNTAX.search(code):
        raise PluginError(f"overrides/{script}: an import or export the build cannot inline")
    if "</script" in code.lower():
        raise PluginError(f"{script}: an inline script cannot contain '</script'")
    return f"(() => {{\n\"use strict\";\n{code}}})();\n"


def boot_settings(config: MkDocsConfig, rules_version: str) -> dict[str, str]:
    """The boot script's settings, its tag's data attributes: site-relative paths of the
    worker, the Pyodide runtime, the package, the snapshot (its size, SHA-256 and transfer
    profile) and the standard library subset, and the rules' version a snapshot must carry
    (hooks/assessment_page.py writes them into `config.extra`)."""
    extra = config.extra
    return {
        "worker_url": extra["assessment_worker"],
        "pyodide_url": extra["pyodide_path"],
        "package_url": extra["assessment_archive"],
        "snapshot_url": extra["assessment_snapshot"],
        "snapshot_bytes": str(extra["assessment_snapshot_bytes"]),
        "snapshot_sha256": extra["assessment_snapshot_sha256"],
        "snapshot_profile": extra["assessment_snapshot_profile"],
        "stdlib_url": extra["assessment_stdlib"],
        "rules_version": rules_version,
    }


def python_page(page: Page, config: MkDocsConfig, script: str, rules: Rules,
                *, only_with_answers: bool = False) -> dict[str, Any]:
    """What overrides/python-page.html needs for a page that runs `script`: the boot script
    (code, settings and words, the page words' `boot.*`, and the worker's, `worker.*`;
    `only_with_answers`: start Python
    only for a link that carries answers), the page script's built name and its import map."""
    names = config.extra["asset_names"]
    words = rules.words.section("page")
    return {
        "boot_code": boot_code(),
        "boot": boot_settings(config, rules.version),
        "boot_words": {key.removeprefix("boot."): text for key, text in words.items()
                       if key.startswith("boot.")},
        # The worker's words (`worker.*`), which boot.js passes it in its start message.
        "worker_words": {key: text for key, text in words.items() if key.startswith("worker.")},
        "only_with_answers": only_with_answers,
        "script": names[script],
        "import_map": import_map(page, script, names),
    }
