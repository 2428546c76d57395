"""The poster drawn three ways from its one layout (hooks/poster_layout.py): SVG (real text,
a <title> and a <desc>, in reading order), PDF (reportlab, the fonts embedded, one page, A4
or A3) and PNG (Pillow, portrait, sized for messaging apps). Each returns the file's bytes.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A3, A4
from reportlab.pdfgen import canvas

from hooks import drawing_fonts
from hooks.poster_layout import Box, Circle, Poster, Qr, Text

PNG_WIDTH = 1080  # what messaging apps show without shrinking; the height keeps A4's shape
SUPERSAMPLE = 2  # Pillow draws shapes without smoothing: draw at twice the size, then shrink
PAPER = {"a4": A4, "a3": A3}


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _qr_path(shape: Qr) -> str:
    module = shape.size / len(shape.modules)
    parts = []
    for row, cells in enumerate(shape.modules):
        for col, dark in enumerate(cells):
            if dark:
                x, y = shape.x + col * module, shape.y + row * module
                parts.append(f"M{_number(x)} {_number(y)}h{_number(module)}v{_number(module)}"
                             f"h-{_number(module)}z")
    return "".join(parts)


def svg(poster: Poster) -> bytes:
    """The poster as a standalone SVG document."""
    weight = {"regular": "", "bold": ' font-weight="bold"', "italic": ' font-style="italic"'}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" xml:lang="en" lang="en" '
        f'role="img" aria-labelledby="poster-title poster-desc" '
        f'viewBox="0 0 {_number(poster.width)} {_number(poster.height)}" '
        f'width="{_number(poster.width)}" height="{_number(poster.height)}">',
        f'<title id="poster-title">{escape(poster.title)}</title>',
        f'<desc id="poster-desc">{escape(poster.description)}</desc>',
        f'<rect width="{_number(poster.width)}" height="{_number(poster.height)}" fill="#fff"/>',
        f'<g font-family={quoteattr(drawing_fonts.SVG_FAMILY)}>',
    ]
    for shape in poster.shapes:
        if isinstance(shape, Text):
            anchor = ' text-anchor="middle"' if shape.anchor == "middle" else ""
            out.append(f'<text x="{_number(shape.x)}" y="{_number(shape.y)}" '
                       f'font-size="{_number(shape.size)}" fill="{shape.fill}"'
                       f'{weight[shape.style]}{anchor}>{escape(shape.text)}</text>')
        elif isinstance(shape, Box):
            fill = shape.fill or "none"
            stroke = (f' stroke="{shape.stroke}" stroke-width="{_number(shape.stroke_width)}"'
                      if shape.stroke else "")
            out.append(f'<rect x="{_number(shape.x)}" y="{_number(shape.y)}" '
                       f'width="{_number(shape.w)}" height="{_number(shape.h)}" '
                       f'rx="{_number(shape.radius)}" fill="{fill}"{stroke}/>')
        elif isinstance(shape, Circle):
            out.append(f'<circle cx="{_number(shape.cx)}" cy="{_number(shape.cy)}" '
                       f'r="{_number(shape.r)}" fill="{shape.fill}"/>')
        elif isinstance(shape, Qr):
            out.append(f'<rect x="{_number(shape.x)}" y="{_number(shape.y)}" '
                       f'width="{_number(shape.size)}" height="{_number(shape.size)}" '
                       'fill="#fff"/>')
            out.append(f'<path d="{_qr_path(shape)}" fill="#000" shape-rendering="crispEdges"/>')
    out += ["</g>", "</svg>", ""]
    return "\n".join(out).encode("utf-8")


def pdf(poster: Poster, paper: str) -> bytes:
    """The poster as a one-page PDF on `paper` (a4 or a3), scaled to fill it."""
    size = PAPER[paper]
    scale = size[0] / poster.width
    names = drawing_fonts.register_pdf_fonts()
    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=size, pageCompression=1, invariant=1)
    page.setTitle(poster.title)
    page.setSubject(poster.description)
    page.setCreator("imaging referrer entitlement site build")
    page.translate(0, size[1])
    page.scale(scale, -scale)  # top-left origin, as the layout is
    for shape in poster.shapes:
        if isinstance(shape, Text):
            page.saveState()
            page.translate(shape.x, shape.y)
            page.scale(1, -1)
            page.setFillColor(shape.fill)
            page.setFont(names[shape.style], shape.size)
            if shape.anchor == "middle":
                page.drawCentredString(0, 0, shape.text)
            else:
                page.drawString(0, 0, shape.text)
            page.restoreState()
        elif isinstance(shape, Box):
            if shape.fill:
                page.setFillColor(shape.fill)
            if shape.stroke:
                page.setStrokeColor(shape.stroke)
                page.setLineWidth(shape.stroke_width)
            page.roundRect(shape.x, shape.y, shape.w, shape.h, shape.radius,
                           stroke=1 if shape.stroke else 0, fill=1 if shape.fill else 0)
        elif isinstance(shape, Circle):
            page.setFillColor(shape.fill)
            page.circle(shape.cx, shape.cy, shape.r, stroke=0, fill=1)
        elif isinstance(shape, Qr):
            module = shape.size / len(shape.modules)
            page.setFillColor("#ffffff")
            page.rect(shape.x, shape.y, shape.size, shape.size, stroke=0, fill=1)
            page.setFillColor("#000000")
            for row, cells in enumerate(shape.modules):
                for col, dark in enumerate(cells):
                    if dark:
                        page.rect(shape.x + col * module, shape.y + row * module,
                                  module, module, stroke=0, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


def png_size(poster: Poster) -> tuple[int, int]:
    """The PNG's size in pixels: PNG_WIDTH wide, the page's shape."""
    return PNG_WIDTH, round(PNG_WIDTH * poster.height / poster.width)


def png(poster: Poster) -> bytes:
    """The poster as a portrait PNG, PNG_WIDTH pixels wide."""
    final = png_size(poster)
    scale = final[0] * SUPERSAMPLE / poster.width
    image = Image.new("RGB", (final[0] * SUPERSAMPLE, final[1] * SUPERSAMPLE), "#ffffff")
    draw = ImageDraw.Draw(image)

    def px(value: float) -> int:
        return round(value * scale)

    for shape in poster.shapes:
        if isinstance(shape, Text):
            font = drawing_fonts.pillow_font(shape.style, px(shape.size))
            anchor = "ms" if shape.anchor == "middle" else "ls"
            draw.text((px(shape.x), px(shape.y)), shape.text, font=font, fill=shape.fill,
                      anchor=anchor)
        elif isinstance(shape, Box):
            draw.rounded_rectangle((px(shape.x), px(shape.y), px(shape.x + shape.w),
                                    px(shape.y + shape.h)), radius=px(shape.radius),
                                   fill=shape.fill, outline=shape.stroke,
                                   width=max(1, px(shape.stroke_width)) if shape.stroke else 0)
        elif isinstance(shape, Circle):
            draw.ellipse((px(shape.cx - shape.r), px(shape.cy - shape.r),
                          px(shape.cx + shape.r), px(shape.cy + shape.r)), fill=shape.fill)
        elif isinstance(shape, Qr):
            module = shape.size / len(shape.modules)
            draw.rectangle((px(shape.x), px(shape.y), px(shape.x + shape.size),
                            px(shape.y + shape.size)), fill="#ffffff")
            for row, cells in enumerate(shape.modules):
                for col, dark in enumerate(cells):
                    if dark:
                        x, y = shape.x + col * module, shape.y + row * module
                        draw.rectangle((px(x), px(y), px(x + module) - 1, px(y + module) - 1),
                                       fill="#000000")
    image = image.resize(final, Image.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
