"""A small Word (.docx) writer made with the standard library only.

The package also runs in the browser under Pyodide. Pyodide does offer lxml (its
pyodide-lock.json lists lxml 6.1.3) though not python-docx, but neither ships with the
Pyodide this site serves, and the download is the reason not to add them: measured on
3 December 2026, the lxml 6.1.3 wheel is 5.2 MB (5,211,431 bytes, CPython 3.11 x86-64; the
WebAssembly build was not measured) and python-docx 1.2.0's 0.25 MB (252,987 bytes), where
this writer is 20 KB of source (6.9 KB deflated) that arrives inside the package's own
archive. So documents are written as WordprocessingML text and zipped with `zipfile`.
The model is a flat list of blocks: the
title and headings (real Word heading styles with outline levels), paragraphs of runs
(plain, bold, italic or hyperlinks), bulleted lists, tables with a repeating header row,
page breaks and signature lines.

Every piece of text is escaped, never read as markup. The same calls give the same bytes:
the zip members have a fixed order, a fixed date and a fixed compression level, and the
document's created and modified dates are the one the caller gives.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["CREATOR", "Document", "Link", "Run"]

CREATOR = "Imaging referrer entitlement self-assessment"
LANGUAGE = "en-GB"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_LEVEL = 6
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 11906, 16838, 1134  # A4 with 2 cm margins, in twips
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FONT = "Arial"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Characters XML 1.0 does not allow, even escaped (tab and newline are handled before this).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Run:
    """A piece of text in one style within a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Link:
    """A hyperlink to an external address. With `show_url` the address itself follows the
    text in brackets, so it can still be read and typed from paper."""

    text: str
    url: str
    show_url: bool = False


Inline = str | Run | Link
Content = str | Sequence[Inline]


def text_xml(text: str) -> str:
    """Text for element content: escaped, with anything XML cannot hold removed.

    Written out rather than taken from `xml.sax.saxutils`, which would bring about thirty
    modules (urllib, http, email) into the browser's standard-library subset."""
    text = _NOT_XML.sub("", _SURROGATE.sub("\ufffd", text))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr_xml(text: str) -> str:
    """Text for a double-quoted attribute value."""
    return (text_xml(text).replace('"', "&quot;").replace("\n", "&#10;")
            .replace("\t", "&#9;").replace("\r", "&#13;"))


def run_xml(text: str, *, bold: bool = False, italic: bool = False, style: str = "") -> str:
    """One `w:r`; newlines become line breaks and tabs become tabs."""
    props = "".join((
        f'<w:rStyle w:val="{style}"/>' if style else "",
        "<w:b/><w:bCs/>" if bold else "",
        "<w:i/><w:iCs/>" if italic else "",
    ))
    parts = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        if index:
            parts.append("<w:br/>")
        for number, piece in enumerate(line.split("\t")):
            if number:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{text_xml(piece)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


def paragraph_xml(runs: str, *, style: str = "", props: str = "") -> str:
    """One `w:p` around ready-made runs, with an optional paragraph style."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr = f"<w:pPr>{style_xml}{props}</w:pPr>" if style_xml or props else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def column_widths(count: int, widths: Sequence[float] | None) -> list[int]:
    """Column widths in twips that fill the text width, from relative widths (or equal)."""
    shares = list(widths) if widths is not None else [1.0] * count
    if len(shares) != count or count == 0 or min(shares) <= 0:
        raise ValueError("widths must give one positive number per column")
    total = sum(shares)
    twips = [int(TEXT_WIDTH * share / total) for share in shares]
    twips[-1] += TEXT_WIDTH - sum(twips)
    return twips


def core_date(value: datetime.date | str) -> str:
    """A W3C date-time in UTC for the core properties, from a date, a datetime or ISO text
    (a date is midnight; a datetime without a time zone is taken as UTC)."""
    if isinstance(value, str):
        value = (datetime.datetime.fromisoformat(value) if "T" in value
                 else datetime.date.fromisoformat(value))
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat() + "Z"
    return f"{value.isoformat()}T00:00:00Z"


class Document:
    """A Word document built block by block, then written with `to_bytes`.

    `heading(text, 0)` writes the visible title (Word's Title style); levels 1 to 3 are
    Heading 1 to Heading 3. Paragraph and cell content is a string or a sequence of
    strings, `Run`s and `Link`s.
    """

    def __init__(self, title: str, date: datetime.date | str) -> None:
        self.title = title
        self.date = core_date(date)
        self._blocks: list[str] = []
        self._links: dict[str, str] = {}

    # Blocks -------------------------------------------------------------------------------

    def heading(self, text: str, level: int = 1) -> None:
        """The title (level 0) or a heading of level 1, 2 or 3."""
        if level not in (0, 1, 2, 3):
            raise ValueError("heading level must be 0 (title), 1, 2 or 3")
        style = "Title" if level == 0 else f"Heading{level}"
        self._blocks.append(paragraph_xml(run_xml(text), style=style))

    def paragraph(self, content: Content = "", *, bold: bool = False,
                  compact: bool = False, keep_next: bool = False) -> None:
        """A paragraph of text, or of runs and links (`compact`: smaller, close set, as for
        a list of references; `keep_next`: on the same page as what follows, a table's
        introduction)."""
        self._blocks.append(paragraph_xml(self._inline(content, bold=bold),
                                          style="Compact" if compact else "",
                                          props="<w:keepNext/>" if keep_next else ""))

    def link(self, text: str, url: str, *, show_url: bool = False) -> None:
        """A paragraph holding one hyperlink."""
        self.paragraph([Link(text, url, show_url)])

    def bullets(self, items: Iterable[Content]) -> None:
        """A bulleted list, one paragraph per item."""
        numbering = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        for item in items:
            self._blocks.append(paragraph_xml(self._inline(item), style="ListBullet",
                                              props=numbering))

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[Content]],
              widths: Sequence[float] | None = None, *, caption: str = "",
              header: bool = True, compact: bool = False) -> None:
        """A bordered table whose first row holds the headers and repeats on each page.
        An empty string makes an empty cell, to be filled in; `widths` are relative. With
        `header=False` there is no header row (a table of labels and values, the labels in
        bold: `headers` then only counts the columns); `compact` sets the cells smaller."""
        twips = column_widths(len(headers), widths)
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in twips)
        style = "TableSmall" if compact else "TableText"
        top = self._row(list(headers), twips, header=True, style=style) if header else ""
        body = []
        for row in rows:
            if len(row) != len(headers):
                raise ValueError(f"a row has {len(row)} cells for {len(headers)} headers")
            body.append(self._row(row, twips, header=False, style=style,
                                  first_bold=not header))
        self._blocks.append(f"<w:tbl>{table_props(caption)}<w:tblGrid>{grid}</w:tblGrid>"
                            f"{top}{''.join(body)}</w:tbl>")
        # A short paragraph after each table: two tables in a row would merge into one.
        self._blocks.append(paragraph_xml("", style="AfterTable"))

    def signature(self, label: str) -> None:
        """A label and, below it, a line to sign on, kept together on one page."""
        self._blocks.append(paragraph_xml(run_xml(label, bold=True),
                                          props="<w:keepNext/><w:keepLines/>"))
        line = ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
                f'</w:pBdr><w:spacing w:before="480" w:after="240"/>'
                f'<w:ind w:right="{TEXT_WIDTH // 2}"/>')
        self._blocks.append(paragraph_xml("", props=line))

    def signature_row(self, labels: Sequence[str]) -> None:
        """Labels side by side, each over a line to sign or write on (a table without
        borders, kept on one page)."""
        twips = column_widths(len(labels), None)
        line = ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
                '</w:pBdr><w:spacing w:before="480" w:after="120"/><w:ind w:right="227"/>')
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"{paragraph_xml('', props=line)}"
            f"{paragraph_xml(run_xml(label, bold=True), style='TableSmall')}</w:tc>"
            for label, width in zip(labels, twips, strict=True))
        props = (f'<w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
                 '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" '
                 'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
                 'w:noVBand="1"/></w:tblPr>')
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in twips)
        self._blocks.append(f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>"
                            f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr></w:tbl>")
        self._blocks.append(paragraph_xml("", style="AfterTable"))

    def page_break(self) -> None:
        """Start a new page."""
        self._blocks.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    # Content ------------------------------------------------------------------------------

    def _inline(self, content: Content, *, bold: bool = False) -> str:
        """Runs for a paragraph's content."""
        pieces: Sequence[Inline] = [content] if isinstance(content, str) else content
        return "".join(self._piece(piece, bold) for piece in pieces)

    def _piece(self, piece: Inline, bold: bool) -> str:
        if isinstance(piece, str):
            return run_xml(piece, bold=bold)
        if isinstance(piece, Run):
            return run_xml(piece.text, bold=piece.bold or bold, italic=piece.italic)
        if isinstance(piece, Link):
            text = piece.text or piece.url
            xml = self._hyperlink(text, piece.url, bold)
            if piece.show_url and piece.text and piece.text != piece.url:
                xml += run_xml(" (") + self._hyperlink(piece.url, piece.url, bold) + run_xml(")")
            return xml
        raise TypeError(f"not paragraph content: {piece!r}")

    def _hyperlink(self, text: str, url: str, bold: bool) -> str:
        """A `w:hyperlink` to an external relationship, one relationship per address."""
        rel_id = self._links.setdefault(url, f"rIdLink{len(self._links) + 1}")
        return (f'<w:hyperlink r:id="{rel_id}" w:history="1">'
                f'{run_xml(text, bold=bold, style="Hyperlink")}</w:hyperlink>')

    def _row(self, cells: Sequence[Content], twips: Sequence[int], *, header: bool,
             style: str = "TableText", first_bold: bool = False) -> str:
        row_props = ("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header
                     else "<w:trPr><w:cantSplit/></w:trPr>")
        shaded = header or first_bold
        xml = []
        for index, (cell, width) in enumerate(zip(cells, twips, strict=True)):
            bold = header or (first_bold and index == 0)
            shade = ('<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>'
                     if shaded and bold else "")
            props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            xml.append(f"<w:tc>{props}"
                       f"{paragraph_xml(self._inline(cell, bold=bold), style=style)}"
                       "</w:tc>")
        return f"<w:tr>{row_props}{''.join(xml)}</w:tr>"

    # Package ------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The .docx file: the same blocks always give the same bytes."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, xml in self._parts():
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = 0o644 << 16
                archive.writestr(info, (XML_DECLARATION + xml).encode("utf-8"),
                                 compresslevel=ZIP_LEVEL)
        return buffer.getvalue()

    def _parts(self) -> list[tuple[str, str]]:
        """The package's parts, in a fixed order, content types first."""
        return [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", PACKAGE_RELATIONSHIPS),
            ("docProps/core.xml", core_xml(self.title, self.date)),
            ("word/document.xml", self._document_xml()),
            ("word/styles.xml", STYLES),
            ("word/numbering.xml", NUMBERING),
            ("word/settings.xml", SETTINGS),
            ("word/footer1.xml", footer_xml(self.title)),
            ("word/_rels/document.xml.rels", document_relationships(self._links)),
        ]

    def _document_xml(self) -> str:
        section = ('<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>'
                   f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
                   f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" '
                   f'w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/>'
                   "</w:sectPr>")
        return (f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
                f"{''.join(self._blocks)}{section}</w:body></w:document>")


def table_props(caption: str) -> str:
    """A full-width, fixed-layout table with single borders on every cell edge."""
    edges = "".join(f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    alt = (f'<w:tblCaption w:val="{attr_xml(caption)}"/>' if caption else "")
    return (f'<w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
            f"<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            "</w:tblCellMar>"
            '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>{alt}</w:tblPr>')


def core_xml(title: str, date: str) -> str:
    """The core properties: title, creator, language and the caller's date."""
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{text_xml(title)}</dc:title><dc:creator>{CREATOR}</dc:creator>"
            f"<cp:lastModifiedBy>{CREATOR}</cp:lastModifiedBy>"
            f"<dc:language>{LANGUAGE}</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>'
            "</cp:coreProperties>")


def footer_xml(title: str) -> str:
    """The footer: the title, then "Page N of M" from Word's own fields."""
    def field(code: str) -> str:
        return f'<w:fldSimple w:instr=" {code} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    runs = (run_xml(f"{title}\t") + run_xml("Page ") + field("PAGE") + run_xml(" of ")
            + field("NUMPAGES"))
    return (f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f"{paragraph_xml(runs, style='Footer')}</w:ftr>")


def document_relationships(links: dict[str, str]) -> str:
    """The main part's relationships: its styles, numbering, settings, footer and links."""
    fixed = [("rIdStyles", "styles", "styles.xml"), ("rIdNumbering", "numbering",
             "numbering.xml"), ("rIdSettings", "settings", "settings.xml"),
             ("rIdFooter", "footer", "footer1.xml")]
    rels = [f'<Relationship Id="{rel_id}" Type="{DOC_RELS}/{kind}" Target="{target}"/>'
            for rel_id, kind, target in fixed]
    rels += [f'<Relationship Id="{rel_id}" Type="{DOC_RELS}/hyperlink" '
             f'Target="{attr_xml(url)}" TargetMode="External"/>'
             for url, rel_id in links.items()]
    return f'<Relationships xmlns="{PACKAGE_RELS}">{"".join(rels)}</Relationships>'


CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{WORD_TYPE}document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{WORD_TYPE}styles+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{WORD_TYPE}numbering+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{WORD_TYPE}settings+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{WORD_TYPE}footer+xml"/>'
    "</Types>"
)

PACKAGE_RELATIONSHIPS = (
    f'<Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{PACKAGE_RELS}/metadata/core-properties" '
    'Target="docProps/core.xml"/></Relationships>'
)


def paragraph_style(style_id: str, name: str, ppr: str = "", rpr: str = "",
                    *, kind: str = "paragraph", heading: bool = False) -> str:
    """One style definition, based on Normal (the default paragraph style itself aside);
    after a heading, pressing Enter in Word starts a Normal paragraph."""
    based = "" if style_id == "Normal" or kind != "paragraph" else '<w:basedOn w:val="Normal"/>'
    follow = '<w:next w:val="Normal"/>' if heading else ""
    default = ' w:default="1"' if style_id == "Normal" else ""
    return (f'<w:style w:type="{kind}"{default} w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/>{based}{follow}<w:qFormat/>'
            f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}"
            f"{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:style>")


def heading_style(level: int, size: int) -> str:
    """Heading 1 to 3: Word's built-in names, with the outline level the navigation uses."""
    ppr = (f'<w:keepNext/><w:keepLines/><w:spacing w:before="{360 - 60 * level}" '
           f'w:after="120"/><w:outlineLvl w:val="{level - 1}"/>')
    rpr = f'<w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return paragraph_style(f"Heading{level}", f"heading {level}", ppr, rpr, heading=True)


STYLES = (
    f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>'
    f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/>'
    f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    + paragraph_style("Normal", "Normal")
    + paragraph_style("Title", "Title", '<w:spacing w:after="240"/>',
                      '<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/>', heading=True)
    + heading_style(1, 32) + heading_style(2, 26) + heading_style(3, 23)
    + paragraph_style("ListBullet", "List Bullet", '<w:spacing w:after="60"/>'
                      '<w:ind w:left="567" w:hanging="284"/>')
    + paragraph_style("TableText", "Table Text", '<w:spacing w:before="40" w:after="40"/>')
    + paragraph_style("TableSmall", "Table Small", '<w:spacing w:before="20" w:after="20" '
                      'w:line="240" w:lineRule="auto"/>', '<w:sz w:val="18"/><w:szCs w:val="18"/>')
    + paragraph_style("Compact", "Compact", '<w:spacing w:after="40" w:line="240" '
                      'w:lineRule="auto"/>', '<w:sz w:val="18"/><w:szCs w:val="18"/>')
    + paragraph_style("AfterTable", "After Table", '<w:spacing w:after="120" w:line="120" '
                      'w:lineRule="exact"/>')
    + paragraph_style("Footer", "footer", '<w:tabs><w:tab w:val="right" '
                      f'w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:after="0"/>',
                      '<w:sz w:val="18"/><w:szCs w:val="18"/>')
    + paragraph_style("Hyperlink", "Hyperlink", rpr='<w:color w:val="0B5394"/>'
                      '<w:u w:val="single"/>', kind="character")
    + "</w:styles>"
)

NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
    '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:ind w:left="567" w:hanging="284"/></w:pPr>'
    f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)

SETTINGS = (
    f'<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    f'<w:themeFontLang w:val="{LANGUAGE}"/></w:settings>'
)
