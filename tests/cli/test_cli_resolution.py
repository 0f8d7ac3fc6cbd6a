"""``chibo export resolution --month YYYY-MM``: the number by form, and each refusal (exit 2)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from chibo_tui.__main__ import main
from chibo_tui.domain.model import ResolutionForm
from chibo_tui.store import Repository

PREFIX = "chibo: lỗi: "
MONTH = "2026-03"


@pytest.fixture
def db(tmp_path: Path, factory, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """A cell with one meeting (March 2026) that set one task and voted its resolution."""
    monkeypatch.delenv("CHIBO_DB", raising=False)
    monkeypatch.delenv("CHIBO_EXPORTS", raising=False)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "db" / "chibo.json"
    cell = factory.cell()
    with Repository.open(path) as repo:
        repo.save_cell(cell)
        repo.save_meeting(factory.meeting(cell, MONTH))
    return path


def run(capsys, *argv):  # type: ignore[no-untyped-def]
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def records(db: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in db.parent.glob("*.json")}


def exports(db: Path) -> list[str]:
    folder = db.parent.parent / "exports"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def set_form(db: Path, form: ResolutionForm) -> None:
    with Repository.open(db) as repo:
        cell = repo.load_cell()
        assert cell is not None
        cell.resolution.form = form
        repo.save_cell(cell)


def test_export_writes_the_resolution_with_its_nq_number(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "export", "resolution", "--month", MONTH, "--db", db)
    assert code == 0, err
    path = db.parent.parent / "exports" / "2026-03_nghi-quyet.docx"
    assert out == "Đã xuất: exports/2026-03_nghi-quyet.docx (Số 01-NQ/CB)\n"
    document = docx.Document(str(path))
    assert document.tables[0].rows[1].cells[0].text == "Số 01-NQ/CB"
    body = "\n".join(p.text for p in document.paragraphs)
    assert "NGHỊ QUYẾT\nLãnh đạo thực hiện nhiệm vụ tháng 04/2026" in body
    assert "a) Vận động các hộ tham gia ngày Chủ nhật xanh. Chủ trì: đồng chí Trần Thị Bình" in body
    # The minutes are numbered apart: their own type, from 01.
    code, out, _ = run(capsys, "export", "minutes", "--month", MONTH, "--db", db)
    assert code == 0 and out.endswith("(Số 01-BB/CB)\n")


def test_a_cell_issuing_conclusions_gets_a_tb_thong_bao(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    set_form(db, ResolutionForm.CONCLUSION)
    code, out, err = run(capsys, "export", "resolution", "--month", MONTH, "--db", db)
    assert code == 0, err
    assert out.endswith("2026-03_thong-bao-ket-luan.docx (Số 01-TB/CB)\n")


def test_a_month_without_tasks_is_refused_and_nothing_is_numbered(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    with Repository.open(db) as repo:
        meeting = repo.load_meeting(MONTH)
        assert meeting is not None
        meeting.tasks = []
        repo.save_meeting(meeting)
    before = records(db)
    code, out, err = run(capsys, "export", "resolution", "--month", MONTH, "--db", db)
    assert (code, out) == (2, "")
    assert err == PREFIX + (
        "Tháng 03/2026 chưa có nhiệm vụ tháng tới: chưa có gì để ra nghị quyết.\n"
    )
    assert exports(db) == [] and records(db) == before


def test_a_cell_that_issues_neither_is_refused(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    set_form(db, ResolutionForm.NONE)
    code, out, err = run(capsys, "export", "resolution", "--month", MONTH, "--db", db)
    assert (code, out) == (2, "")
    assert err.startswith(PREFIX + "Chi bộ được thiết lập không ban hành nghị quyết")
    assert exports(db) == []


def test_a_month_without_a_meeting_is_refused(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "export", "resolution", "--month", "2026-05", "--db", db)
    assert (code, out) == (2, "")
    assert err.startswith(PREFIX + "Không có kỳ sinh hoạt tháng 05/2026")
    assert exports(db) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--year", "2026"], "“resolution” dùng --month, không dùng --year"),
        ([], "“resolution” cần --month YYYY-MM"),
    ],
)
def test_the_month_is_required(capsys, db: Path, argv: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "export", "resolution", *argv, "--db", db)
    assert code == 2 and err.startswith(PREFIX + message)


def test_help_names_the_resolution(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out, _ = capsys.readouterr()
    assert "resolution (nghị quyết hoặc thông báo kết" in " ".join(out.split())


def test_a_scored_meeting_has_section_four(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    from chibo_tui.domain.scoresheet import start_score

    with Repository.open(db) as repo:
        cell, meeting = repo.load_cell(), repo.load_meeting(MONTH)
        assert cell is not None and meeting is not None
        meeting.score = start_score(cell)
        repo.save_meeting(meeting)
    code, _, err = run(capsys, "export", "resolution", "--month", MONTH, "--db", db)
    assert code == 0, err
    path = db.parent.parent / "exports" / "2026-03_nghi-quyet.docx"
    body = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG KỲ SINH HOẠT\nChi bộ tự chấm " in body
