"""The poster's layout: the at-a-glance data placed on an A4 page, as a list of shapes and
lines of text in reading order (top to bottom, each step's number, title, text, suggestion
and basis together). The SVG, the PDFs and the PNG are drawn from this one list, so they
cannot differ; A3 and the PNG are the same page scaled.

Coordinates are points from the top left of an A4 portrait page. The type starts large and
shrinks in small steps until everything fits on the page, so the poster uses the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hooks import drawing_fonts
from hooks.at_a_glance_data import Glance, plain
from hooks.page_markdown import human_date

A4 = (595.28, 841.89)
MARGIN = 34.0
LARGEST = 1.3  # the largest type scale tried (1: 9.3 pt body text on A4)
INK = "#000000"
INDIGO = "#1a237e"  # 16:1 on white: legible in print and in greyscale
NUMBER_FILL = "#283593"  # behind white numbers, 10:1
RULE = "#5c6bc0"  # the connecting line: decoration only
WHITE = "#ffffff"
TINT = "#e8eaf6"  # behind the start and result lines; black on it is 17:1


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    size: float
    style: str = "regular"  # regular, bold or italic
    fill: str = INK
    anchor: str = "start"  # start or middle


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 1.0
    radius: float = 0.0


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str


@dataclass(frozen=True)
class Qr:
    x: float
    y: float
    size: float
    modules: tuple[tuple[bool, ...], ...]  # with its quiet zone


Shape = Text | Box | Circle | Qr


@dataclass
class Poster:
    """Everything drawn, in reading order, and what the SVG says about itself."""

    width: float
    height: float
    title: str
    description: str
    shapes: list[Shape] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [shape.text for shape in self.shapes if isinstance(shape, Text)]


def _check_glyphs(text: str, style: str) -> str:
    missing = drawing_fonts.missing_glyphs(text, style)
    if missing:
        raise ValueError(f"the poster's font cannot draw {missing!r} in: {text}")
    return text


class _Writer:
    """Places wrapped lines down the page at one type scale."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.shapes: list[Shape] = []
        self.y = MARGIN

    def lines(self, text: str, x: float, limit: float, size: float, *,
              style: str = "regular", fill: str = INK, leading: float = 1.28) -> float:
        """Write `text` wrapped at `limit`; return the height used."""
        size *= self.scale
        top = self.y
        # A little slack, for a viewer that draws the SVG in a slightly wider fallback font.
        for line in drawing_fonts.wrap(_check_glyphs(text, style), style, size, limit * 0.96):
            self.y += size * leading
            self.shapes.append(Text(x, self.y - size * (leading - 1) / 2 - size * 0.18, line,
                                    size, style, fill))
        return self.y - top


def _step(writer: _Writer, glance: Glance, index: int, left: float, right: float) -> None:
    step = glance.steps[index]
    scale = writer.scale
    radius = 12.5 * scale
    text_x = left + 2 * radius + 10 * scale
    limit = right - text_x
    top = writer.y
    writer.shapes.append(Circle(left + radius, top + radius + 1, radius, NUMBER_FILL))
    writer.shapes.append(Text(left + radius, top + radius + 1 + 4.6 * scale, str(step.number),
                              13 * scale, "bold", WHITE, "middle"))
    writer.lines(step.title, text_x, limit, 12.5, style="bold", fill=INDIGO, leading=1.3)
    writer.lines(plain(step.text), text_x, limit, 9.3)
    if step.suggestion:
        label = glance.page["suggestion_label"]
        writer.lines(f"{label}: {plain(step.suggestion)}", text_x, limit, 9.3, style="italic")
    writer.y += 2 * scale
    basis = f"{glance.page['basis_label']}: {step.basis}"
    size = 8.6 * scale
    tag_w = drawing_fonts.width(_check_glyphs(basis, "bold"), "bold", size) + 10 * scale
    tag_h = size * 1.55
    writer.shapes.append(Box(text_x, writer.y, tag_w, tag_h, None, INK, 0.8, 2.5 * scale))
    writer.shapes.append(Text(text_x + 5 * scale, writer.y + tag_h - size * 0.45, basis, size,
                              "bold"))
    writer.y += tag_h + 9 * scale
    if index + 1 < len(glance.steps):  # the line down to the next number: decoration
        writer.shapes.insert(0, Box(left + radius - 1, top + 2 * radius, 2,
                                    writer.y - top - 2 * radius + 2, RULE))


def _framed(writer: _Writer, label: str, text: str, *, left: float, right: float,
            border: float) -> None:
    top = writer.y
    writer.y += 6 * writer.scale
    writer.lines(f"{label}: {text}", left + 10 * writer.scale, right - left - 20 * writer.scale,
                 10.5, style="bold")
    writer.y += 5 * writer.scale
    writer.shapes.append(Box(left, top, right - left, writer.y - top, TINT, INDIGO, border,
                             5 * writer.scale))
    # The box goes behind its text: move it before the lines just written.
    box = writer.shapes.pop()
    first = next(i for i, shape in enumerate(writer.shapes)
                 if isinstance(shape, Text) and shape.y > top)
    writer.shapes.insert(first, box)
    writer.y += 10 * writer.scale


def _footer(writer: _Writer, glance: Glance, address: dict[str, str] | None,
            qr: tuple[tuple[bool, ...], ...] | None, *, left: float, right: float) -> None:
    poster = glance.poster
    scale = writer.scale
    qr_size = 92 * scale if qr else 0.0
    text_right = right - (qr_size + 12 * scale if qr else 0)
    top = writer.y
    writer.shapes.append(Box(left, top, right - left, 1.2, INDIGO))
    writer.y += 8 * scale
    if address:
        writer.lines(poster["qr_caption"], left, text_right - left, 11, style="bold", fill=INDIGO)
        writer.lines(address["assessment"], left, text_right - left, 10, style="bold")
        writer.y += 3 * scale
        writer.lines(f"{poster['sources_line']} {address['page']}", left, text_right - left, 8.5)
    reviewed = f"{poster['reviewed_line']} {human_date(glance.reviewed)}. {poster['independent']}"
    writer.lines(reviewed, left, text_right - left, 8.5)
    if qr:
        writer.shapes.append(Qr(right - qr_size, top + 6 * scale, qr_size, qr))
        writer.y = max(writer.y, top + 6 * scale + qr_size)


def _attempt(glance: Glance, address: dict[str, str] | None,
             qr: tuple[tuple[bool, ...], ...] | None, scale: float) -> tuple[_Writer, float]:
    writer = _Writer(scale)
    left, right = MARGIN, A4[0] - MARGIN
    label = glance.poster["label"]
    writer.lines(label, left, right - left, 9, style="bold")
    writer.y += 4 * scale
    writer.lines(glance.poster["title"], left, right - left, 23, style="bold", fill=INDIGO,
                 leading=1.18)
    writer.y += 10 * scale
    _framed(writer, glance.page["start_label"], f"“{glance.page['start']}”", left=left,
            right=right, border=1.5)
    for index in range(len(glance.steps)):
        _step(writer, glance, index, left + 4, right)
    _framed(writer, glance.page["end_label"], glance.page["end"], left=left, right=right,
            border=3)
    _footer(writer, glance, address, qr, left=left, right=right)
    return writer, writer.y + MARGIN


def layout(glance: Glance, address: dict[str, str] | None,
           qr: tuple[tuple[bool, ...], ...] | None) -> Poster:
    """The poster on A4. `address` has the self-assessment's and this page's absolute
    addresses, `qr` the code's modules; both None for a site built without an address."""
    scale = LARGEST
    writer, height = _attempt(glance, address, qr, scale)
    while height > A4[1] and scale > 0.6:
        scale -= 0.02
        writer, height = _attempt(glance, address, qr, scale)
    if height > A4[1]:
        raise ValueError("the poster's steps do not fit on one page: shorten the texts in "
                         "docs/guidance/at-a-glance.toml")
    page, poster = glance.page, glance.poster
    steps = "; ".join(f"{step.number}. {step.title} ({page['basis_label']}: {step.basis})"
                      for step in glance.steps)
    where = f" {poster['qr_caption']}: {address['assessment']}." if address else ""
    description = (f"{poster['label']}. {page['start_label']}: {page['start']} {steps}. "
                   f"{page['end_label']}: {page['end']}{where}")
    return Poster(A4[0], A4[1], glance.poster["title"], description, writer.shapes)
