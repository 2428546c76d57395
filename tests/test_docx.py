"""The standard-library Word writer (`assessment.renderers.docx`), checked with real readers:
python-docx reads every paragraph, table and link back; LibreOffice converts the document to
PDF with the expected number of pages; Pyodide, with the built site's standard-library
subset, writes the same bytes as CPython. The sample is tests/docx_sample.py."""

from __future__ import annotations

import base64
import datetime
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx_sample import (
    DATE,
    EVIDENCE_ROWS,
    GUIDE_URL,
    LONG_ROWS,
    SCOPE_HEADERS,
    SCOPE_ROWS,
    SOURCE_URL,
    TITLE,
    TRICKY,
    sample,
)

from assessment.renderers.docx import CREATOR, TEXT_WIDTH, Document, Link, Run, column_widths
from tests.libreoffice import pdf_of
from tests.pyodide_run import package_file_list

ROOT = Path(__file__).resolve().parent.parent
NODE_SCRIPT = ROOT / "tests" / "node" / "docx_sample.mjs"
SAMPLE_PAGES = 4
PARAGRAPHS = [
    ("Title", TITLE),
    ("Normal", "Date: 1 December 2026"),
    ("Normal", "Outcome: You appear ready to apply for entitlement. "
               "The statuses are self-declared."),
    ("Heading 1", "Your answers in brief"),
    ("List Bullet", "Nation: England"),
    ("List Bullet", "Profession: nurse"),
    ("List Bullet", "Employer: Example NHS Trust"),
    ("Heading 1", "What to show"),
    ("Heading 2", "Training"),
    ("Normal", TRICKY),
    ("Heading 3", "IR(ME)R training"),
    ("Normal", f"Read the guidance and the regulation ({SOURCE_URL})."),
    ("Normal", GUIDE_URL),
    ("Heading 2", "Draft scope of practice"),
    ("After Table", ""),
    ("Heading 2", "Evidence index"),
    ("After Table", ""),
    ("Heading 1", "Signatures"),
    ("Normal", "Applicant"),
    ("Normal", ""),
    ("Normal", "Supervisor"),
    ("Normal", ""),
    ("Normal", ""),  # the page break
    ("Heading 1", "Every item"),
    ("After Table", ""),
    ("Normal", "End of the pack."),
]


@pytest.fixture(scope="module")
def sample_bytes() -> bytes:
    return sample()


@pytest.fixture(scope="module")
def read_back(sample_bytes: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(sample_bytes))


def read(document: Document) -> docx.document.Document:
    return docx.Document(io.BytesIO(document.to_bytes()))


# python-docx reads it back --------------------------------------------------------------------

def test_every_paragraph_reads_back_with_its_style(read_back: docx.document.Document) -> None:
    assert [(p.style.name, p.text) for p in read_back.paragraphs] == PARAGRAPHS


def test_headings_are_word_headings_with_outline_levels(
        read_back: docx.document.Document) -> None:
    for level in (1, 2, 3):
        style = read_back.styles[f"Heading {level}"]
        assert style.element.get(qn("w:styleId")) == f"Heading{level}"
        assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)
    assert read_back.styles["Title"].type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH


def test_core_properties_and_language(read_back: docx.document.Document) -> None:
    properties = read_back.core_properties
    assert properties.title == TITLE
    assert properties.author == CREATOR
    assert properties.language == "en-GB"
    moment = datetime.datetime.combine(DATE, datetime.time(), tzinfo=datetime.UTC)
    assert properties.created == properties.modified == moment
    default_lang = read_back.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert default_lang.get(qn("w:val")) == "en-GB"


def test_tables_have_their_shape_a_repeating_header_and_borders(
        read_back: docx.document.Document) -> None:
    expected = [(SCOPE_HEADERS, SCOPE_ROWS),
                (("Appendix", "Document", "Attached"), EVIDENCE_ROWS),
                (("No.", "Item", "Status", "Seen"), LONG_ROWS)]
    assert len(read_back.tables) == len(expected)
    for table, (headers, rows) in zip(read_back.tables, expected, strict=True):
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        assert cells == [list(headers), *[list(row) for row in rows]]
        flags = [row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
                 for row in table.rows]
        assert flags == [True] + [False] * len(rows)
        assert all(run.bold for cell in table.rows[0].cells
                   for run in cell.paragraphs[0].runs)
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert [edge.get(qn("w:val")) for edge in borders] == ["single"] * 6
        widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid]
        assert sum(widths) == TEXT_WIDTH
    # The column to fill in: empty cells, each holding one empty paragraph.
    assert {row.cells[-1].text for row in read_back.tables[2].rows[1:]} == {""}
    caption = read_back.tables[0]._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption.get(qn("w:val")) == "Draft scope"


def test_hyperlinks_point_at_their_addresses(read_back: docx.document.Document) -> None:
    links = [(link.text, link.address) for paragraph in read_back.paragraphs
             for link in paragraph.hyperlinks]
    assert links == [("guidance", GUIDE_URL), ("regulation", SOURCE_URL),
                     (SOURCE_URL, SOURCE_URL), (GUIDE_URL, GUIDE_URL)]
    external = {rel.target_ref for rel in read_back.part.rels.values() if rel.is_external}
    assert external == {GUIDE_URL, SOURCE_URL}  # one relationship per address


def test_bullets_use_a_bullet_numbering_definition(read_back: docx.document.Document) -> None:
    bullets = [p for p in read_back.paragraphs if p.style.name == "List Bullet"]
    assert {p._p.pPr.numPr.numId.val for p in bullets} == {1}
    numbering = read_back.part.numbering_part.element
    (abstract,) = numbering.findall(qn("w:abstractNum"))
    level = abstract.find(qn("w:lvl"))
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"
    assert numbering.num_having_numId(1).abstractNumId.val == 0


def test_runs_keep_bold_and_italic(read_back: docx.document.Document) -> None:
    outcome = read_back.paragraphs[2].runs
    assert [(run.text, run.bold, run.italic) for run in outcome] == [
        ("Outcome: ", True, None),
        ("You appear ready to apply for entitlement.", None, None),
        (" The statuses are self-declared.", None, True)]


def test_the_signature_line_stays_with_its_label(read_back: docx.document.Document) -> None:
    label, line = read_back.paragraphs[18:20]
    assert label.paragraph_format.keep_with_next
    assert line._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None


# Bytes ----------------------------------------------------------------------------------------

def test_two_builds_give_the_same_bytes(sample_bytes: bytes) -> None:
    assert sample() == sample_bytes


def test_the_zip_has_a_fixed_order_date_and_compression(sample_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as archive:
        infos = archive.infolist()
        assert archive.testzip() is None
    assert [info.filename for info in infos] == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
        "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footer1.xml",
        "word/_rels/document.xml.rels"]
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}


def test_a_different_date_changes_only_the_core_properties() -> None:
    first = Document("T", "2026-12-01")
    second = Document("T", datetime.date(2027, 1, 2))
    with zipfile.ZipFile(io.BytesIO(first.to_bytes())) as one, \
            zipfile.ZipFile(io.BytesIO(second.to_bytes())) as two:
        differ = [name for name in one.namelist() if one.read(name) != two.read(name)]
    assert differ == ["docProps/core.xml"]
    assert read(second).core_properties.created == datetime.datetime(
        2027, 1, 2, tzinfo=datetime.UTC)


# Text is text ---------------------------------------------------------------------------------

MARKUP = '</w:t></w:r><w:r><w:t>&amp; <![CDATA[x]]> <!-- c --> "q" \'a\''


def test_markup_in_text_stays_text_everywhere() -> None:
    document = Document(MARKUP, "2026-12-01")
    document.heading(MARKUP, 1)
    document.paragraph([MARKUP, Run(MARKUP, bold=True)])
    document.bullets([MARKUP])
    document.table([MARKUP], [[MARKUP]])
    document.link(MARKUP, 'https://example.org/?a=1&b="2"<3>')
    document.signature(MARKUP)
    back = read(document)
    texts = [p.text for p in back.paragraphs if p.text]
    assert texts == [MARKUP, MARKUP * 2, MARKUP, MARKUP, MARKUP]
    assert back.tables[0].cell(1, 0).text == MARKUP
    assert back.core_properties.title == MARKUP
    (link,) = back.paragraphs[4].hyperlinks
    assert link.address == 'https://example.org/?a=1&b="2"<3>'


def test_characters_xml_cannot_hold_are_dropped_and_the_rest_kept() -> None:
    document = Document("T", "2026-12-01")
    document.paragraph("a\x00b\x0bc\x1fd \U0001d6fc \ud800 e\u00a0f")
    document.paragraph("one\ntwo\r\nthree\tfour")
    back = read(document)
    assert back.paragraphs[0].text == "abcd \U0001d6fc \ufffd e\u00a0f"
    assert back.paragraphs[1].text == "one\ntwo\nthree\tfour"


def test_wrong_shapes_are_refused() -> None:
    document = Document("T", "2026-12-01")
    with pytest.raises(ValueError, match="heading level"):
        document.heading("x", 4)
    with pytest.raises(ValueError, match="2 cells for 3 headers"):
        document.table(["a", "b", "c"], [["1", "2"]])
    with pytest.raises(ValueError, match="widths"):
        document.table(["a", "b"], [], widths=[1])
    with pytest.raises(TypeError, match="not paragraph content"):
        document.paragraph([3])  # type: ignore[list-item]


def test_column_widths_fill_the_text_width() -> None:
    assert column_widths(3, None) == [3212, 3212, 3214]
    assert sum(column_widths(5, (3, 3, 3, 3, 4))) == TEXT_WIDTH
    assert column_widths(2, (1, 3))[0] == TEXT_WIDTH // 4


def test_a_link_without_text_shows_its_address() -> None:
    document = Document("T", "2026-12-01")
    document.paragraph([Link("", SOURCE_URL), " and ", Link(SOURCE_URL, SOURCE_URL, True)])
    (paragraph,) = read(document).paragraphs
    assert paragraph.text == f"{SOURCE_URL} and {SOURCE_URL}"


# LibreOffice ----------------------------------------------------------------------------------

@pytest.mark.libreoffice
def test_libreoffice_converts_it_to_pdf_with_the_expected_pages(
        sample_bytes: bytes, tmp_path: Path) -> None:
    data = pdf_of(sample_bytes, tmp_path, "sample")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == SAMPLE_PAGES
    # LibreOffice made the headings (levels 1 to 3) the PDF's bookmarks: they are an outline.
    titles = {bytes.fromhex(code.decode()).decode("utf-16-be")
              for code in re.findall(rb"/Title\s*<FEFF([0-9A-F]+)>", data)}
    headings = {text for style, text in PARAGRAPHS if style.startswith("Heading")}
    assert titles == headings | {TITLE}  # the title is the PDF's own, from the properties


# Pyodide --------------------------------------------------------------------------------------

@pytest.mark.node
def test_pyodide_with_the_sites_library_writes_the_same_document(
        sample_bytes: bytes, built_site: Path) -> None:
    node = shutil.which("node")
    assert node, "node is not on PATH: the Pyodide check needs Node.js 20+"
    (stdlib,) = (built_site / "assets" / "py").glob("python-stdlib-*.zip")
    done = subprocess.run([node, str(NODE_SCRIPT), str(ROOT), str(stdlib)], cwd=ROOT,
                          input=package_file_list().encode(), capture_output=True,
                          check=False, timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    output = json.loads(done.stdout)
    assert output["python"].startswith("3.14.")
    produced = base64.b64decode(output["docx"])
    if produced != sample_bytes:  # another zlib may compress differently: compare the parts
        with zipfile.ZipFile(io.BytesIO(produced)) as theirs, \
                zipfile.ZipFile(io.BytesIO(sample_bytes)) as ours:
            assert [(i.filename, i.date_time, i.CRC) for i in theirs.infolist()] == \
                   [(i.filename, i.date_time, i.CRC) for i in ours.infolist()]
