"""Link previews: the picture a messaging app or social network shows beside a shared link,
drawn at build time from the site's own name and colours (Pillow, with its built-in font; no
outside service and no font file needed). One picture for the guidance, one for the
self-assessment saying what it is for; both get content-hashed names like every asset.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from PIL import Image, ImageDraw, ImageFont

from hooks.asset_names import hashed

SIZE = (1200, 630)  # the size Open Graph readers expect
INDIGO = (48, 63, 159)  # the theme's primary colour, darkened for contrast with white text
WHITE = (255, 255, 255)
PALE = (197, 202, 233)
SITE_NAME = "Imaging referrer entitlement · an independent guide"
CARDS = {
    "guidance": ("Imaging referrer entitlement",
                 "A plain guide for nurses, allied health professionals, pharmacists and "
                 "other registered professionals who want to request imaging in the UK."),
    "assessment": ("Am I ready to apply?",
                   "A private self-assessment: which evidence your application for imaging "
                   "referrer entitlement needs, what you hold and what is missing."),
}
ASSESSMENT_PAGE = "assessment/"
_images: dict[str, bytes] = {}


Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def card(title: str, subtitle: str) -> bytes:
    """A 1200 × 630 PNG with the title and a short description, left-aligned."""
    image = Image.new("RGB", SIZE, INDIGO)
    draw = ImageDraw.Draw(image)
    heading = ImageFont.load_default(size=76)
    body = ImageFont.load_default(size=38)
    top = 90
    for line in _wrapped(draw, title, heading, SIZE[0] - 160):
        draw.text((80, top), line, font=heading, fill=WHITE)
        top += 92
    top += 30
    for line in _wrapped(draw, subtitle, body, SIZE[0] - 160):
        draw.text((80, top), line, font=body, fill=PALE)
        top += 52
    draw.rectangle((80, SIZE[1] - 96, 380, SIZE[1] - 88), fill=WHITE)
    draw.text((80, SIZE[1] - 74), SITE_NAME, font=ImageFont.load_default(size=30), fill=WHITE)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Draw the pictures once per build and tell the templates their hashed names."""
    _images.clear()
    names = {}
    for key, (title, subtitle) in CARDS.items():
        data = card(title, subtitle)
        name = hashed(f"assets/images/preview-{key}.png", data)
        _images[name] = data
        names[key] = name
    config.extra["preview_images"] = names
    config.extra["preview_assessment_page"] = ASSESSMENT_PAGE
    return config


def on_post_build(config: MkDocsConfig) -> None:
    """Write the pictures into the built site."""
    for name, data in _images.items():
        target = Path(config.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
