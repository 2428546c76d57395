"""The at-a-glance data and the poster drawn from it, without a site build: the data is
checked on load (naming file and key), the SVG is well formed and accessible and says what
the data says in reading order, the QR code decodes to the self-assessment's address, each
PDF is one page of the right paper, and a site without an address gets no QR code."""

from __future__ import annotations

import copy
import logging
import tomllib
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path

import pytest
import zxingcpp
from mkdocs.exceptions import PluginError
from PIL import Image
from pypdf import PdfReader

from hooks import at_a_glance, poster_render
from hooks.at_a_glance_data import DATA_FILE, GlanceError, load_glance, parse_glance, plain
from hooks.page_sources import registry
from hooks.poster_layout import Qr

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://example.org/referrers/"
SVG = "{http://www.w3.org/2000/svg}"
MM_PER_POINT = 25.4 / 72


@pytest.fixture(scope="module")
def sources() -> object:
    return registry()


@pytest.fixture(scope="module")
def glance(sources: object) -> object:
    return load_glance(sources)


@pytest.fixture(scope="module")
def drawn(glance: object) -> dict[str, bytes]:
    return at_a_glance.poster_files(at_a_glance.poster(glance, SITE))


def raw_data() -> dict:
    return tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))


# --- the data --------------------------------------------------------------------------------


def test_the_data_has_eight_steps_each_with_its_basis_and_sources(glance: object) -> None:
    assert len(glance.steps) == 8
    for step in glance.steps:
        assert step.basis and step.sources, step.title


def test_step_6_attributes_each_element_only_to_a_source_that_says_it(glance: object) -> None:
    """Content review of 3 December 2026, row 5: Dorset asks only for IR(ME)R training with
    a 3-yearly refresher, an audit every two years and acting on results."""
    step = glance.steps[5]
    dorset_clause = step.text.split("[Dorset County Hospital][dchft-nmr]")[0]
    for not_dorset in ("education", "supervisor", "CPD", "competence"):
        assert not_dorset not in dorset_clause, not_dorset
    assert "refresher every 3 years" in dorset_clause and "audit every two years" in dorset_clause
    assert "CPD" in step.suggestion and "education" in step.suggestion


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["steps"][2].update(colour="blue"),
         "'steps[2]': unknown key(s) colour"),
        (lambda d: d["steps"][0].update(sources=[]), "'steps[0].sources' is empty"),
        (lambda d: d["steps"][0].pop("sources"), "'steps[0]': missing key(s) sources"),
        (lambda d: d["steps"][1].update(sources=["sor-2025-announcement", "no-such-source"]),
         "'steps[1].sources': unknown source id(s) no-such-source"),
        (lambda d: d["steps"][3].update(sources=["irmer-2017-reg-2"]),
         "'steps[3].text' cites sor-2025-announcement, which 'steps[3].sources' does not list"),
        (lambda d: d["page"].update(motto="x"), "'page': unknown key(s) motto"),
        (lambda d: d["poster"].pop("label"), "'poster': missing key(s) label"),
        (lambda d: d["steps"].pop(), "'steps' must be a list of 8"),
    ],
)
def test_a_mistake_in_the_data_fails_naming_file_and_key(
    sources: object, change: object, message: str
) -> None:
    data = copy.deepcopy(raw_data())
    change(data)
    with pytest.raises(GlanceError) as raised:
        parse_glance(data, sources)
    assert str(raised.value).startswith("docs/guidance/at-a-glance.toml: ")
    assert message in str(raised.value)


# --- the SVG ---------------------------------------------------------------------------------


def test_the_svg_is_well_formed_with_a_title_and_a_description_first(
    drawn: dict[str, bytes], glance: object
) -> None:
    root = ET.fromstring(drawn["svg"])
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]
    assert root.find(f"{SVG}title").text == glance.poster["title"]
    description = root.find(f"{SVG}desc").text
    assert "not the official 2025 infographic" in description
    for step in glance.steps:
        assert step.title in description and step.basis in description


def test_the_svg_text_is_the_data_in_reading_order(drawn: dict[str, bytes],
                                                    glance: object) -> None:
    """Real text, one line per <text>, in the order a person reads the steps."""
    root = ET.fromstring(drawn["svg"])
    read = " ".join(element.text or "" for element in root.iter(f"{SVG}text"))
    expected = [glance.poster["label"], glance.poster["title"], glance.page["start"]]
    for step in glance.steps:
        expected += [step.title, plain(step.text)]
        if step.suggestion:
            expected.append(plain(step.suggestion))
        expected.append(f"{glance.page['basis_label']}: {step.basis}")
    expected += [glance.page["end"], f"{SITE}assessment/"]
    position = 0
    for words in expected:
        found = read.find(words, position)
        assert found >= 0, f"not found after position {position}: {words!r}"
        position = found + len(words)


def test_the_poster_says_it_is_the_sites_own_summary(drawn: dict[str, bytes]) -> None:
    texts = [el.text for el in ET.fromstring(drawn["svg"]).iter(f"{SVG}text")]
    assert texts[0] == "This site's own summary, not the official 2025 infographic"


# --- the QR code and the downloads -----------------------------------------------------------


def test_the_qr_code_on_the_png_decodes_to_the_self_assessment(drawn: dict[str, bytes]) -> None:
    image = Image.open(BytesIO(drawn["png"]))
    assert image.size == (1080, 1527)
    codes = zxingcpp.read_barcodes(image)
    assert [code.text for code in codes] == [f"{SITE}assessment/"]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode


@pytest.mark.parametrize(("paper", "size_mm"), [("a4", (210, 297)), ("a3", (297, 420))])
def test_each_pdf_is_one_page_of_its_paper_with_the_steps_as_text(
    drawn: dict[str, bytes], glance: object, paper: str, size_mm: tuple[int, int]
) -> None:
    reader = PdfReader(BytesIO(drawn[paper]))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * MM_PER_POINT), round(float(box.height) * MM_PER_POINT)) \
        == size_mm
    text = " ".join(reader.pages[0].extract_text().split())
    for step in glance.steps:
        assert step.title in text, step.title
    assert f"{SITE}assessment/" in text


def test_the_pdf_qr_code_decodes_too(drawn: dict[str, bytes], tmp_path: Path) -> None:
    """Drawn on paper as in the picture: rasterised by poppler, then decoded."""
    import subprocess  # noqa: PLC0415

    pdf = tmp_path / "a4.pdf"
    pdf.write_bytes(drawn["a4"])
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "page")],
                   check=True)
    image = Image.open(next(tmp_path.glob("page*.png")))
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [f"{SITE}assessment/"]


def test_without_a_site_address_the_poster_has_no_qr_code_and_the_build_says_so(
    glance: object, caplog: pytest.LogCaptureFixture
) -> None:
    drawn = at_a_glance.poster(glance, None)
    assert not [shape for shape in drawn.shapes if isinstance(shape, Qr)]
    assert not [text for text in drawn.texts() if "http" in text]
    assert zxingcpp.read_barcodes(Image.open(BytesIO(poster_render.png(drawn)))) == []
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.at_a_glance"):
        files = at_a_glance.generated(glance, None)
    assert "The poster has no QR code and no web address" in caplog.text
    assert set(files) == {at_a_glance.PAGE, *at_a_glance.POSTER_FILES.values()}
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.at_a_glance"):
        at_a_glance.generated(glance, SITE)
    assert "no QR code" not in caplog.text


def test_a_bad_data_file_fails_the_build_naming_it(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    bad = tmp_path / "at-a-glance.toml"
    bad.write_text(DATA_FILE.read_text(encoding="utf-8").replace("[[steps]]", "[[step]]", 1),
                   encoding="utf-8")
    monkeypatch.setattr(at_a_glance, "load_glance",
                        lambda known: load_glance(known, bad))
    with pytest.raises(PluginError, match=r"at-a-glance.toml: '.top level.': unknown key"):
        at_a_glance.load()
