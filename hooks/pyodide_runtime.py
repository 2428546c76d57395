"""Copy the self-hosted Pyodide runtime into the built site under a versioned path.

Only the files a browser fetches are copied, from the pinned npm package in
node_modules/pyodide (installed by `npm ci`). The build fails with a clear message when
they are missing, so a site can never be published that would reach for a CDN instead.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "pyodide-lock.json",
)
# Pyodide's whole standard library is not published: the site serves the part the engine
# uses, made with the snapshot (hooks/snapshot.py), under a content-hashed name.
WHOLE_STDLIB = "python_stdlib.zip"


def pyodide_version() -> str:
    """The version of the installed npm package, or a build error saying how to install it."""
    manifest = PACKAGE_DIR / "package.json"
    if not manifest.is_file():
        raise PluginError(
            f"Pyodide is not installed: {manifest} is missing. Run `npm ci` (or `make build`)."
        )
    return json.loads(manifest.read_text(encoding="utf-8"))["version"]


def runtime_path() -> str:
    """The site-relative folder the runtime is published in, such as `pyodide/314.0.7/`."""
    return f"pyodide/{pyodide_version()}/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Tell templates where the runtime lives, and fail early if any file is missing."""
    path = runtime_path()
    needed = (*RUNTIME_FILES, WHOLE_STDLIB)  # the whole library: the build picks from it
    missing = [name for name in needed if not (PACKAGE_DIR / name).is_file()]
    if missing:
        raise PluginError(
            "Pyodide runtime files are missing from node_modules/pyodide: "
            + ", ".join(missing)
            + ". Run `npm ci` (or `make build`)."
        )
    config.extra["pyodide_path"] = path
    return config


def copy_runtime(site_dir: Path) -> None:
    """Copy the runtime files into site/pyodide/<version>/ (called by hooks/finish_site.py)."""
    target = site_dir / runtime_path()
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(PACKAGE_DIR / name, target / name)
