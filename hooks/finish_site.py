"""Finish a built site: the steps that only post-process `site/`, in order, as plain
functions any static-site generator's build can be followed by.

1. copy the self-hosted Pyodide runtime in (`pyodide_runtime.copy_runtime`);
2. give every page its Content Security Policy and Subresource Integrity
   (`security.finish_pages`);
3. write gzip copies beside large files (`precompress.precompress`);
4. write the service worker and the integrity manifest, last, over everything above
   (`security.write_worker_and_manifest`).

As a MkDocs hook it runs after every other hook's `on_post_build` (it is listed last). After
another generator's build: `python -m hooks.finish_site site [--site-url URL]`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hooks.precompress import precompress
from hooks.pyodide_runtime import copy_runtime
from hooks.security import SiteError, finish_pages, write_worker_and_manifest


def finish_site(site_dir: Path, site_url: str | None = None) -> None:
    """Run the four steps over the built site in `site_dir`."""
    copy_runtime(site_dir)
    finish_pages(site_dir)
    precompress(site_dir)
    write_worker_and_manifest(site_dir, site_url)


def on_post_build(config: Any) -> None:
    """The MkDocs hook: finish the site just built."""
    from mkdocs.exceptions import PluginError  # noqa: PLC0415 (only a MkDocs build needs it)

    try:
        finish_site(Path(config.site_dir), config.site_url or None)
    except SiteError as error:
        raise PluginError(str(error)) from error


def main(argv: list[str] | None = None) -> int:
    """`python -m hooks.finish_site SITE_DIR`: finish a site another tool has built."""
    parser = argparse.ArgumentParser(prog="python -m hooks.finish_site", description=__doc__)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--site-url", default=None, help="the address the site is published at")
    options = parser.parse_args(argv)
    try:
        finish_site(options.site_dir, options.site_url)
    except SiteError as error:
        print(f"finish_site: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
