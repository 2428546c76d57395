"""Content-hashed names for the site's own styles and scripts.

The theme names its own files by their content (`main.57a0d79d.min.css`); ours get the same
treatment (`site-3f2a…c1.css`), so browsers, hosts and the service worker may keep them for a
year and never ask again: a changed file is a new name, which a page built with it points to.
Unchanging names had to be asked for again on every visit (`no-cache`), before the page could
be drawn. The files stay under their plain names in `overrides/`; only the built site renames
them, and `config.extra["asset_names"]` maps each plain name to its built one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parent.parent
THEME_DIR = ROOT / "overrides"
OWN_ASSETS = ("assets/css/", "assets/js/")


def hashed(path: str, data: bytes) -> str:
    """`assets/css/site.css` → `assets/css/site-0123456789ab.css`."""
    stem, dot, suffix = path.rpartition(".")
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}{dot}{suffix}"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Work out every own style's and script's built name; point the page templates at them."""
    names = {
        path.relative_to(THEME_DIR).as_posix(): path
        for folder in OWN_ASSETS
        for path in sorted((THEME_DIR / folder).glob("*"))
        if path.suffix in {".css", ".js", ".mjs"}
    }
    mapping = {plain: hashed(plain, path.read_bytes()) for plain, path in names.items()}
    config.extra["asset_names"] = mapping
    config.extra_css = [mapping.get(path, path) for path in config.extra_css]
    scripts: list[Any] = []
    for script in config.extra_javascript:  # plain paths, or entries with attributes
        if isinstance(script, str):
            scripts.append(mapping.get(script, script))
        else:
            script.path = mapping.get(script.path, script.path)
            scripts.append(script)
    config.extra_javascript = scripts
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Write each of them under its hashed name."""
    for plain, built in config.extra["asset_names"].items():
        file = files.get_file_from_path(plain)
        if file is not None:
            file.dest_uri = built
    return files
