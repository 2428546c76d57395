"""Our own styles and scripts are published under names that carry a hash of their content,
so they can be cached for a year: each page points at exactly the files it was built with."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from hooks.asset_names import OWN_ASSETS, THEME_DIR
from hooks.page_scripts import INLINED_SCRIPTS

NAME = re.compile(r"^(?P<stem>.+)-(?P<hash>[0-9a-f]{12})(?P<suffix>\.m?js|\.css)$")


def test_every_own_style_and_script_is_published_under_its_content_hash(built_site: Path) -> None:
    published = {}
    for folder in OWN_ASSETS:
        for path in (built_site / folder).iterdir():
            if path.suffix in {".gz", ".br"}:
                continue
            found = NAME.match(path.name)
            assert found, f"{path.name} is published without a content hash"
            assert hashlib.sha256(path.read_bytes()).hexdigest()[:12] == found["hash"], path.name
            published[folder + found["stem"] + found["suffix"]] = path
    sources = {
        path.relative_to(THEME_DIR).as_posix()
        for folder in OWN_ASSETS
        for path in (THEME_DIR / folder).iterdir()
    }
    # Every source is published (the boot script and the link's answers at the first paint
    # only inline in the page), byte for byte.
    assert set(published) == sources - set(INLINED_SCRIPTS)
    for plain, path in published.items():
        assert path.read_bytes() == (THEME_DIR / plain).read_bytes(), plain


def test_pages_name_only_the_hashed_files(built_site: Path) -> None:
    plain = re.compile(r'(?:src|href)="[^"]*assets/(?:css|js)/[a-z-]+\.(?:css|m?js)"')
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not plain.findall(html), f"{page}: {plain.findall(html)}"
    assessment = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    module = r'<script type="module" src="\.\./assets/js/assessment-[0-9a-f]{12}\.js"'
    assert re.search(module, assessment)
