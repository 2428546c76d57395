"""The web app manifest and its icons, so that a phone offers to add the site to the home
screen: it opens on the self-assessment, in its own window, and works offline as the site
does (the service worker keeps the manifest and the icons with every other file).

The icons are drawn by the build (Pillow) at 192 and 512 pixels: a white clipboard with a
tick on the theme's indigo, inside the middle 60 % so that a launcher may cut it to a circle
(`maskable`). The names and colours come from mkdocs.yml (`site_name`, `site_description`,
`extra.web_app`). Every address in the manifest is relative to it, at the site's root, so
the site still works under any sub-path.
"""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from PIL import Image, ImageDraw

from hooks.asset_names import hashed

MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
TOUCH_ICON_SIZE = 180  # what iOS asks for (rel="apple-touch-icon")
START = "assessment/"
REQUIRED = ("short_name", "theme_color", "background_color")
_state: dict[str, Any] = {"files": {}}


def icon(size: int, background: str) -> bytes:
    """The app icon as a `size` × `size` PNG, drawn four times larger and then shrunk."""
    big = size * 4
    image = Image.new("RGB", (big, big), background)
    draw = ImageDraw.Draw(image)
    unit = big / 100  # the drawing is 100 units wide; everything sits within 20..80
    board = (31 * unit, 24 * unit, 69 * unit, 78 * unit)
    draw.rounded_rectangle(board, radius=5 * unit, fill="#ffffff")
    draw.rounded_rectangle((41 * unit, 19 * unit, 59 * unit, 29 * unit), radius=3 * unit,
                           fill="#ffffff", outline=background, width=round(2 * unit))
    tick = [(39 * unit, 52 * unit), (47 * unit, 61 * unit), (62 * unit, 41 * unit)]
    draw.line(tick, fill=background, width=round(6 * unit), joint="curve")
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def manifest(config: MkDocsConfig, icons: dict[int, str]) -> dict[str, Any]:
    """The manifest's content (addresses relative to the manifest, at the site's root)."""
    app = config.extra["web_app"]
    return {
        "name": config.site_name,
        "short_name": app["short_name"],
        "description": " ".join((config.site_description or "").split()),
        "lang": config.theme.get("language") or "en",
        "dir": "ltr",
        "start_url": START,
        "scope": "./",
        "display": "standalone",
        "theme_color": app["theme_color"],
        "background_color": app["background_color"],
        "icons": [
            {"src": name, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for size, name in icons.items() if size in ICON_SIZES
            for purpose in ("any", "maskable")
        ],
    }


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Draw the icons and write down their names for the pages (`extra.web_app`)."""
    app = config.extra.get("web_app")
    if not isinstance(app, dict) or any(not app.get(key) for key in REQUIRED):
        raise PluginError(f"mkdocs.yml: extra.web_app needs {', '.join(REQUIRED)}")
    files: dict[str, bytes] = {}
    icons: dict[int, str] = {}
    for size in (*ICON_SIZES, TOUCH_ICON_SIZE):
        data = icon(size, app["theme_color"])
        name = hashed(f"assets/images/app-icon-{size}.png", data)
        files[name] = data
        icons[size] = name
    files[MANIFEST] = (json.dumps(manifest(config, icons), indent=1, ensure_ascii=False)
                       + "\n").encode("utf-8")
    _state["files"] = files
    config.extra["web_app"] = {**app, "manifest": MANIFEST,
                               "touch_icon": icons[TOUCH_ICON_SIZE]}
    return config


def on_post_build(config: MkDocsConfig) -> None:
    """Write the manifest and the icons into the built site (before the service worker's
    list of files is made, so it keeps them)."""
    for name, data in _state["files"].items():
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
