"""The fonts the build draws with: Bitstream Vera Sans, shipped inside the reportlab wheel
(so a fresh Debian needs no font package and the build never downloads one). The poster's
PDF embeds them, its PNG and the link-preview cards and app icons are drawn with them, and
its SVG names them first (DejaVu Sans, Debian's default, has the same shapes and widths).
Text is measured here once, so every drawing of the poster wraps its lines the same way.
"""

from __future__ import annotations

import functools
from pathlib import Path

import reportlab
from PIL import ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"
FILES = {"regular": "Vera.ttf", "bold": "VeraBd.ttf", "italic": "VeraIt.ttf"}
PDF_NAMES = {"regular": "Vera", "bold": "Vera-Bold", "italic": "Vera-Italic"}
SVG_FAMILY = "'Bitstream Vera Sans', 'DejaVu Sans', Verdana, sans-serif"


def path(style: str) -> Path:
    """The TrueType file of one style: regular, bold or italic."""
    return FONT_DIR / FILES[style]


@functools.cache
def register_pdf_fonts() -> dict[str, str]:
    """Register the three styles with reportlab once; their PDF font names by style."""
    for style, name in PDF_NAMES.items():
        pdfmetrics.registerFont(TTFont(name, str(path(style))))
    return dict(PDF_NAMES)


def width(text: str, style: str, size: float) -> float:
    """The width of `text` in points at `size` points."""
    return pdfmetrics.stringWidth(text, register_pdf_fonts()[style], size)


@functools.cache
def pillow_font(style: str, size: int) -> ImageFont.FreeTypeFont:
    """The style at `size` pixels, for Pillow."""
    return ImageFont.truetype(str(path(style)), size)


@functools.cache
def _glyphs(style: str) -> frozenset[int]:
    register_pdf_fonts()
    font = pdfmetrics.getFont(PDF_NAMES[style])
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str, style: str) -> str:
    """The characters of `text` the font cannot draw (each once), for a clear build error."""
    known = _glyphs(style)
    return "".join(dict.fromkeys(ch for ch in text if ord(ch) not in known and ch != " "))


def wrap(text: str, style: str, size: float, limit: float) -> list[str]:
    """`text` broken into lines no wider than `limit` points (a longer word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and width(candidate, style, size) <= limit:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
