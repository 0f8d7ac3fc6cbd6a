"""``chibo export scorecard|review|pack``: the month's paperwork from the command line."""

from __future__ import annotations

import stat
import sys
from datetime import datetime
from pathlib import Path

import docx
import pytest

from chibo_tui.__main__ import main
from chibo_tui.domain import lifecycle, scoresheet
from chibo_tui.store import Repository

PREFIX = "chibo: lỗi: "
MONTH = "2026-03"
FAKE_SOFFICE = """#!{python}
import sys, pathlib
args = sys.argv[1:]
out = pathlib.Path(args[args.index("--outdir") + 1])
source = pathlib.Path(args[-1])
(out / (source.stem + ".pdf")).write_bytes(b"%PDF-1.4")
"""


@pytest.fixture
def db(tmp_path: Path, factory, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CHIBO_DB", raising=False)
    monkeypatch.delenv("CHIBO_EXPORTS", raising=False)
    monkeypatch.delenv("CHIBO_SOFFICE", raising=False)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "db" / "chibo.json"
    cell = factory.cell()
    with Repository.open(path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(factory.meeting(cell, MONTH))  # a draft: scored before finalising
    return path


def score(db: Path) -> None:
    with Repository.open(db) as repo:
        cell, meeting = repo.load_cell(), repo.load_meeting(MONTH)
        assert cell is not None and meeting is not None
        meeting.score = scoresheet.start_score(cell)
        repo.save_meeting(meeting)


def run(capsys, *argv):  # type: ignore[no-untyped-def]
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_month_not_scored_has_no_score_sheet(db: Path, capsys):
    code, _, err = run(capsys, "export", "scorecard", "--db", db, "--month", MONTH)
    assert code == 2
    assert err.startswith(PREFIX + "Tháng 03/2026 chưa chấm điểm chất lượng sinh hoạt")
    score(db)
    code, out, _ = run(capsys, "export", "scorecard", "--db", db, "--month", MONTH)
    assert code == 0 and "2026-03_phieu-danh-gia.docx" in out and "(Số" not in out


def test_the_pack_holds_the_months_documents_in_one_folder(db: Path, capsys, tmp_path: Path):
    score(db)
    code, out, _ = run(capsys, "export", "pack", "--db", db, "--month", MONTH)
    assert code == 0
    folder = tmp_path / "exports" / "2026-03_chi-bo-dinh-tien-hoang"
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-03_bao-cao.docx",
        "2026-03_bien-ban.docx",
        "2026-03_nghi-quyet.docx",
        "2026-03_phieu-danh-gia.docx",
    ]
    assert "Số 01-NQ/CB" in out and "Đã ghi 4 văn bản vào" in out
    body = "\n".join(
        p.text for p in docx.Document(str(folder / "2026-03_nghi-quyet.docx")).paragraphs
    )
    assert "NGHỊ QUYẾT" in body
    # A second pack is a new whole set, never mixed into the first.
    code, _, _ = run(capsys, "export", "pack", "--db", db, "--month", MONTH)
    assert code == 0 and (tmp_path / "exports" / "2026-03_chi-bo-dinh-tien-hoang-2").is_dir()


def test_pdfs_through_libreoffice_or_a_message_how_to_install_it(
    db: Path, capsys, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    code, _, err = run(capsys, "export", "pack", "--db", db, "--month", MONTH, "--pdf")
    assert code == 2 and "Chưa có LibreOffice" in err and "apt install" in err
    folder = tmp_path / "exports" / "2026-03_chi-bo-dinh-tien-hoang"
    assert len(list(folder.glob("*.docx"))) == 3  # the documents are written anyway

    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(FAKE_SOFFICE.format(python=sys.executable), encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(program.parent))
    code, out, _ = run(capsys, "export", "pack", "--db", db, "--month", MONTH, "--pdf")
    assert code == 0 and "3 tệp PDF" in out
    second = tmp_path / "exports" / "2026-03_chi-bo-dinh-tien-hoang-2"
    assert len(list(second.glob("*.pdf"))) == 3


def test_pdf_is_for_the_pack_only(db: Path, capsys):
    code, _, err = run(capsys, "export", "report", "--db", db, "--month", MONTH, "--pdf")
    assert code == 2 and "--pdf chỉ dùng với pack" in err


def test_the_year_review_from_the_command_line(db: Path, capsys, tmp_path: Path):
    code, _, err = run(capsys, "export", "review", "--db", db, "--year", "2026")
    assert code == 2 and "Năm 2026 chưa có kỳ sinh hoạt nào đã chốt" in err  # only a draft
    with Repository.open(db) as repo:
        meeting = repo.load_meeting(MONTH)
        assert meeting is not None
        lifecycle.finalise(meeting, datetime(2026, 3, 5, 21, 10))
        repo.save_meeting(meeting)
    code, out, _ = run(capsys, "export", "review", "--db", db, "--year", "2026")
    assert code == 0 and "2026_kiem-diem.docx" in out and "Số 01-BC/CB" in out
    code, _, err = run(capsys, "export", "review", "--db", db, "--year", "2025")
    assert code == 2 and "Năm 2025 chưa có kỳ sinh hoạt nào đã chốt" in err
