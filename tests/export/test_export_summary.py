"""The annual summary (DESIGN.md §6.3) and its pure helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx_probe import cell_texts, open_doc, tables, text
from export_fixtures import make_meeting, year_of_meetings

from chibo_tui.domain import rules
from chibo_tui.domain.model import Cell, RemedyStatus
from chibo_tui.domain.rollup import year_rollup
from chibo_tui.export import ExportError, export_summary
from chibo_tui.export.summary import quarter_passes, remedy_year

TODAY = date(2027, 1, 10)


def summary_doc(cell: Cell, meetings: list, out: Path, year: int = 2026):
    return open_doc(export_summary(cell, meetings, year, out, today=TODAY))


def test_grid_of_twelve_months(cell: Cell, out: Path) -> None:
    meetings = year_of_meetings(cell, 2026, 10)
    doc = summary_doc(cell, meetings, out)
    grid = tables(doc)[1]
    rows = cell_texts(grid)
    assert rows[0] == ["Tháng", "Nội dung", "Bốn tốt", "Dự sinh hoạt"]
    assert rows[1] == ["Tháng", "1", "2", "3", "4", "Bốn tốt", "Dự sinh hoạt"]  # merged down
    months = rows[2:14]
    assert [r[0] for r in months] == [f"{m:02d}" for m in range(1, 13)]
    assert months[3][1:6] == ["Đạt", "Không đạt", "Đạt", "Đạt", "Không đạt"]  # April failed
    assert months[0][1:6] == ["Đạt", "Đạt", "Đạt", "Đạt", "Đạt"]
    counts = rules.attendance_counts(meetings[0].attendance)
    assert months[0][6].startswith(f"{counts.present}/{counts.expected} (")
    assert months[10][1:] == ["chưa có kỳ sinh hoạt"]
    assert rows[14][:6] == ["Cộng", "10/10", "8/10", "10/10", "10/10", "8/10"]


def test_quarters_and_counts(cell: Cell, out: Path) -> None:
    meetings = year_of_meetings(cell, 2026, 12)
    doc = summary_doc(cell, meetings, out)
    body = text(doc)
    assert "- Nội dung 2 (Chất lượng sinh hoạt tốt): 9/12 tháng đạt." in body
    assert "Cả năm: 9/12 tháng đạt “bốn tốt”." in body
    quarters = tables(doc)[2]
    rows = cell_texts(quarters)
    assert rows[0][0] == "Quý" and rows[0][-1] == "Bốn tốt"
    assert [r[0] for r in rows[1:]] == ["I", "II", "III", "IV", "Cả năm"]
    assert rows[1][1:] == ["3", "3/3", "3/3", "3/3", "3/3", "3/3"]
    assert rows[2][1:] == ["3", "3/3", "2/3", "3/3", "3/3", "2/3"]
    assert rows[5][1:] == ["12", "12/12", "9/12", "12/12", "12/12", "9/12"]


def test_year_target_sentence(cell: Cell, out: Path) -> None:
    cell.rules.year_target_months = 10
    body = text(summary_doc(cell, year_of_meetings(cell, 2026, 12), out))
    assert "9/12 tháng đạt “bốn tốt”, chưa đạt mục tiêu 10 tháng" in body


def test_remedies_across_years(cell: Cell, out: Path) -> None:
    december = make_meeting(cell, "2025-12", fail=(3,))
    january = make_meeting(cell, "2026-01", history=[december], fail=(1,))
    january.follow_ups[0].status = RemedyStatus.DONE
    february = make_meeting(cell, "2026-02", history=[december, january], fail=())
    assert [f.criterion for f in february.follow_ups] == [1]
    history = [december, january, february]
    tally = remedy_year(history, 2026)
    assert [t.criterion for t in tally.opened] == [1]
    assert [t.source_month for t in tally.closed] == ["2025-12"]
    assert [t.criterion for t in tally.still_open] == [1]
    body = text(summary_doc(cell, history, out))
    assert "- Đề ra trong năm 2026: 1 giải pháp." in body
    assert "- Đã khắc phục trong năm: 1 giải pháp." in body
    assert "- Chưa khắc phục xong (theo kỳ sinh hoạt tháng 02/2026): 1 giải pháp." in body
    assert "chưa khắc phục" in body and "01/2026" in body


def test_later_years_do_not_leak_in(cell: Cell) -> None:
    january = make_meeting(cell, "2026-01", fail=(1,))
    next_year = make_meeting(cell, "2027-01", history=[january], fail=())
    next_year.follow_ups[0].status = RemedyStatus.DONE
    tally = remedy_year([january, next_year], 2026)
    assert len(tally.still_open) == 1 and not tally.closed


def test_quarter_passes(cell: Cell) -> None:
    meetings = year_of_meetings(cell, 2026, 12)
    rollup = year_rollup((rules.summarise(m) for m in meetings), 2026)
    assert quarter_passes(rollup) == {
        1: [3, 3, 3, 3],
        2: [3, 2, 3, 3],
        3: [3, 2, 3, 3],
        4: [3, 2, 3, 3],
    }


def test_attendance_and_overview(cell: Cell, out: Path) -> None:
    body = text(summary_doc(cell, year_of_meetings(cell, 2026, 6), out))
    assert "Tỷ lệ dự sinh hoạt bình quân" in body
    assert "Lượt vắng không lý do trong năm: 6" in body
    assert "Năm 2026, chi bộ tổ chức 6 kỳ sinh hoạt định kỳ được đánh giá; 5 tháng đạt" in body
    assert "nội dung 2 (Chất lượng sinh hoạt tốt), 1/6 tháng" in body
    assert "không thay cho kết quả xếp loại" in body


def test_draft_month_is_flagged(cell: Cell, out: Path) -> None:
    meetings = year_of_meetings(cell, 2026, 2)
    meetings.append(make_meeting(cell, "2026-03", final=False))
    body = text(summary_doc(cell, meetings, out))
    assert "\n03*\n" in body
    assert "chưa chốt" in body


def test_year_without_meetings(cell: Cell, out: Path) -> None:
    meetings = year_of_meetings(cell, 2025, 3)
    with pytest.raises(ExportError, match="Năm 2026 chưa có kỳ sinh hoạt nào"):
        export_summary(cell, meetings, 2026, out)
    with pytest.raises(ExportError):
        export_summary(cell, [], 2026, out)
    assert not out.exists()


def test_bad_year(cell: Cell, out: Path) -> None:
    with pytest.raises(ExportError, match="Năm không hợp lệ"):
        export_summary(cell, year_of_meetings(cell, 2026, 1), 26, out)


def test_one_member_one_month(out: Path) -> None:
    from export_fixtures import make_cell

    cell = make_cell(1)
    body = text(summary_doc(cell, [make_meeting(cell, "2026-05", absent=0)], out))
    assert "Không có lượt vắng không lý do trong năm." in body
    assert "1/1 tháng đạt" in body
