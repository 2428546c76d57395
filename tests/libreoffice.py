"""LibreOffice for the tests that read Word documents back: its command (a skip where it is
missing, a failure under CI) and one conversion of a document's bytes to a PDF's."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def soffice() -> str:
    """LibreOffice's command, or a skip (a failure under CI, where it must be installed)."""
    found = shutil.which("soffice")
    if found:
        return found
    message = "soffice is missing: run `make libreoffice` (Debian's libreoffice-writer-nogui)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def pdf_of(document: bytes, folder: Path, name: str) -> bytes:
    """The PDF LibreOffice makes of a .docx (asserting the conversion succeeded)."""
    command = soffice()
    source = folder / f"{name}.docx"
    source.write_bytes(document)
    profile = (folder / "profile").as_uri()  # private: parallel runs do not share a lock
    done = subprocess.run(
        [command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder / "out"), str(source)],
        capture_output=True, check=False, timeout=180)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    pdf = folder / "out" / f"{name}.pdf"
    assert pdf.is_file(), done.stdout.decode(errors="replace") + done.stderr.decode()
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    return data
