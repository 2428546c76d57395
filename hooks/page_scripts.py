"""The scripts of the pages that run Python (the self-assessment and the reviewer's checklist),
as data for their templates (overrides/python-page.html, partials/python/): the inline boot
script's code and settings, and each page script's import map.

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


def boot_settings(config: MkDocsConfig, rules_version: str) -> dict[str, str]:
    """The boot script's settings, its tag's data attributes: site-relative paths of the
    worker, the Pyodide runtime, the package, the snapshot (its size and SHA-256) and the standard
    library subset, and the rules' version a snapshot must carry (hooks/assessment_page.py
    writes them into `config.extra`)."""
    extra = config.extra
    return {
        "worker_url": extra["assessment_worker"],
        "pyodide_url": extra["pyodide_path"],
        "package_url": extra["assessment_archive"],
        "snapshot_url": extra["assessment_snapshot"],
        "snapshot_bytes": str(extra["assessment_snapshot_bytes"]),
        "snapshot_sha256": extra["assessment_snapshot_sha256"],
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
