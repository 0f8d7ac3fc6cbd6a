"""The month's pack folder name, and PDFs through LibreOffice (a stand-in here)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from chibo_tui.export import ExportError
from chibo_tui.export.pdf import find_soffice, pack_folder_name, to_pdf

FAKE = """#!{python}
import sys, pathlib
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--outdir") + 1])
source = pathlib.Path(args[-1])
if "hong" in source.name:
    print("Error: source file could not be loaded", file=sys.stderr)
    sys.exit(1)
(out / (source.stem + ".pdf")).write_bytes(b"%PDF-1.4 " + source.read_bytes()[:4])
"""


@pytest.fixture
def soffice(tmp_path: Path) -> str:
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return str(program)


def test_the_folder_is_named_for_upload_in_plain_letters():
    assert pack_folder_name("2026-11", "Chi bộ Đinh Tiên Hoàng") == "2026-11_chi-bo-dinh-tien-hoang"
    assert pack_folder_name("2026-11", "  ") == "2026-11_chi-bo"


def test_soffice_is_found_on_path_or_not(soffice: str, monkeypatch):
    monkeypatch.setenv("PATH", str(Path(soffice).parent))
    monkeypatch.delenv("CHIBO_SOFFICE", raising=False)
    assert find_soffice() == soffice
    monkeypatch.setenv("PATH", "/nonexistent")
    assert find_soffice() is None


def test_each_document_gets_its_pdf_beside_it(tmp_path: Path, soffice: str):
    docs = [tmp_path / "2026-11_bien-ban.docx", tmp_path / "2026-11_bao-cao.docx"]
    for doc in docs:
        doc.write_bytes(b"PK\x03\x04 fake")
    seen = []
    pdfs = to_pdf(docs, soffice, progress=lambda i, n, p: seen.append((i, n, p.name)))
    assert [p.name for p in pdfs] == ["2026-11_bien-ban.pdf", "2026-11_bao-cao.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert seen == [(1, 2, "2026-11_bien-ban.docx"), (2, 2, "2026-11_bao-cao.docx")]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [d.name for d in docs] + [p.name for p in pdfs] + ["bin"]
    )  # no temp folder left behind


def test_a_failed_conversion_says_why(tmp_path: Path, soffice: str):
    doc = tmp_path / "hong.docx"
    doc.write_bytes(b"x")
    with pytest.raises(ExportError, match="hong.docx.*source file could not be loaded"):
        to_pdf([doc], soffice)
