"""Build the self-assessment into the site: package `assessment` for the browser and
place the app on the `assessment/` page.

The package is shipped as a plain zip archive with a content-hashed name, unpacked by the
page's worker into Pyodide's file system; nothing is ever fetched by package name.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "assessment"
PLACEHOLDER = "<!-- assessment:app -->"
ZIP_EPOCH = (2020, 1, 1, 0, 0, 0)
_archive: dict[str, bytes] = {}


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
    """Package the engine once per build and record its hashed file name."""
    data = package_archive()
    digest = hashlib.sha256(data).hexdigest()[:12]
    config.extra["assessment_archive"] = f"assets/py/assessment-{digest}.zip"
    _archive["bytes"] = data
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the placeholder on the self-assessment page with the app."""
    if PLACEHOLDER not in html:
        return html

    def link(target: str) -> str:
        return get_relative_url(target, page.url or ".")

    app = (
        '<div id="assessment-app" class="assessment-app"'
        f' data-pyodide-url="{link(config.extra["pyodide_path"])}"'
        f' data-package-url="{link(config.extra["assessment_archive"])}"'
        f' data-worker-url="{link("assets/js/assessment-worker.mjs")}">'
        '<p class="assessment-status" role="status" data-python-status>'
        "Python has not started: it needs JavaScript.</p>"
        "</div>"
        f'<script type="module" src="{link("assets/js/assessment.js")}"></script>'
    )
    return html.replace(PLACEHOLDER, app)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the package archive into the site."""
    target = Path(config.site_dir) / config.extra["assessment_archive"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_archive["bytes"])
