"""Link previews: the picture and tags a messaging app or social network reads beside a
shared link, drawn at build time (Pillow, with the fonts of hooks/drawing_fonts.py; no
outside service). The key pages (the self-assessment, at a glance, the evidence page, the
employer comparison and each employer's page, the reviewer's checklist) each get a card of
their own from their title, description and section; every other page shares the site's.

The tags themselves are in overrides/partials/link-preview.html; this hook hands it
`link_preview`: absolute addresses for the picture and the page (`og:url`) whenever the site
has an address (SITE_URL; `make publish` insists on one), relative ones otherwise. Cards get
content-hashed names like every asset.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from PIL import Image, ImageDraw

from hooks.asset_names import hashed
from hooks.drawing_fonts import pillow_font

SIZE = (1200, 630)  # the size Open Graph readers expect
INDIGO = (40, 53, 147)  # the theme's indigo, darkened: white text on it is 10:1
WHITE = (255, 255, 255)
PALE = (220, 224, 245)  # on INDIGO: 8:1
KEY_PAGES = (
    "assessment/index.md",
    "guidance/at-a-glance.md",
    "evidence/index.md",
    "employers/compared.md",
    "review/index.md",
)
# Every page under employers/ is one employer's, but for these two.
EMPLOYER_FOLDER = "employers/"
NOT_EMPLOYER_PAGES = ("employers/index.md", "employers/profiles.md")
SITE_CARD = "site"
_state: dict[str, Any] = {"images": {}, "names": {}}


def is_key_page(src_uri: str) -> bool:
    """Whether the page gets a card of its own."""
    if src_uri in KEY_PAGES:
        return True
    return src_uri.startswith(EMPLOYER_FOLDER) and src_uri not in NOT_EMPLOYER_PAGES


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fitted(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int,
            most: int) -> list[str]:
    """At most `most` lines; a longer text ends in an ellipsis."""
    lines = _wrapped(draw, text, font, width)
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    while draw.textlength(kept[-1] + " …", font=font) > width and " " in kept[-1]:
        kept[-1] = kept[-1].rsplit(" ", 1)[0]
    kept[-1] += " …"
    return kept


def card(kicker: str, title: str, subtitle: str, footer: str) -> bytes:
    """A 1200 × 630 PNG: the section, the title, a short description and the site."""
    image = Image.new("RGB", SIZE, INDIGO)
    draw = ImageDraw.Draw(image)
    left, width = 80, SIZE[0] - 160
    top = 64
    if kicker:
        draw.text((left, top), kicker.upper(), font=pillow_font("bold", 28), fill=PALE)
        top += 56
    heading = pillow_font("bold", 64 if len(title) < 40 else 54)
    for line in _fitted(draw, title, heading, width, 3):
        draw.text((left, top), line, font=heading, fill=WHITE)
        top += int(heading.size * 1.2)
    top += 24
    body = pillow_font("regular", 34)
    room = max(1, (SIZE[1] - 120 - top) // 46)
    for line in _fitted(draw, subtitle, body, width, min(room, 4)):
        draw.text((left, top), line, font=body, fill=PALE)
        top += 46
    draw.rectangle((left, SIZE[1] - 92, left + 300, SIZE[1] - 86), fill=WHITE)
    draw.text((left, SIZE[1] - 70), footer, font=pillow_font("regular", 28), fill=WHITE)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _footer(config: MkDocsConfig) -> str:
    """The site's name, and its address without the scheme when it has one."""
    if not config.site_url:
        return config.site_name
    parts = urlsplit(config.site_url)
    return f"{config.site_name} · {parts.netloc}{parts.path.rstrip('/')}"


def _card_name(key: str, kicker: str, title: str, subtitle: str, config: MkDocsConfig) -> str:
    if key not in _state["names"]:
        data = card(kicker, title, subtitle, _footer(config))
        name = hashed(f"assets/images/preview-{key}.png", data)
        _state["images"][name] = data
        _state["names"][key] = name
    return _state["names"][key]


def _address(path: str, config: MkDocsConfig, base_url: str) -> str:
    if config.site_url:
        root = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        return root + path
    return _relative(base_url, path)


def _relative(base_url: str, path: str) -> str:
    """`path` (from the site's root) as the page reaches it: `../../x`, `./x` or `/x`."""
    return f"{base_url.rstrip('/')}/{path}" if base_url else path


def preview(config: MkDocsConfig, base_url: str, page: Page | None) -> dict[str, Any]:
    """What the partial needs for one page (None: the 404 page)."""
    meta = page.meta if page is not None else {}
    title = meta.get("title") or (page.title if page is not None else None) or config.site_name
    description = meta.get("description") or config.site_description or ""
    if page is not None and is_key_page(page.file.src_uri):
        key = page.file.src_uri.removesuffix(".md").replace("/", "-")
        kicker = page.parent.title if page.parent is not None and page.parent.title else ""
        image = _card_name(key, kicker, title, description, config)
    else:
        image = _card_name(SITE_CARD, "", config.site_name, config.site_description or "",
                           config)
    app = config.extra.get("web_app", {})
    return {
        "title": title,
        "description": description,
        "image": _address(image, config, base_url),
        "width": SIZE[0],
        "height": SIZE[1],
        "image_alt": f"{title}: {description}",
        "url": page.canonical_url if page is not None and config.site_url else None,
        "manifest": _relative(base_url, app.get("manifest", "")),
        "touch_icon": _relative(base_url, app.get("touch_icon", "")),
        "theme_color": app.get("theme_color", ""),
    }


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """A new build draws its cards afresh."""
    _state["images"] = {}
    _state["names"] = {}
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Any) -> dict[str, Any]:
    """Hand the page's preview to the template."""
    context["link_preview"] = preview(config, context.get("base_url", ""), page)
    return context


def on_template_context(context: dict[str, Any], template_name: str,
                        config: MkDocsConfig) -> dict[str, Any]:
    """The 404 page, rendered without a page, shares the site's card."""
    if template_name == "404.html":
        context["link_preview"] = preview(config, context.get("base_url", ""), None)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write the pictures into the built site."""
    for name, data in _state["images"].items():
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
