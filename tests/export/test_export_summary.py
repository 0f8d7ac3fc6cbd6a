"""The annual summary (DESIGN.md §6.3) and its pure helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx_probe import cell_texts, open_doc, tables, text
from export_fixtures import make_meeting, year_of_meetings

from chibo_tui.domain import rules
from chibo_tui.domain.model import Cell, Presence, RemedyStatus, Vote
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
    assert "Lượt vắng không lý do trong năm: 6 lượt, ở các tháng 01/2026 (1 lượt), " in body
    assert "Năm 2026, chi bộ tổ chức 6 kỳ sinh hoạt định kỳ được đánh giá; 5 tháng đạt" in body
    assert (
        "Nội dung có nhiều tháng không đạt nhất: nội dung 2 (Chất lượng sinh hoạt tốt), "
        "không đạt 1 trong 6 tháng có kết quả biểu quyết." in body
    )
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


# -- issue 12 ----------------------------------------------------------------------


def draft_year(cell: Cell) -> list:
    """Ten finalised months, then November as a draft: 1 and 2 voted (2 short), 3 and 4 not."""
    meetings = year_of_meetings(cell, 2026, 10)
    november = make_meeting(cell, "2026-11", history=meetings, final=False, fail=())
    voters = rules.attendance_counts(november.attendance).voters
    november.review(2).vote = Vote(2, voters - 2, 0)
    november.review(3).vote = None
    november.review(4).vote = None
    return [*meetings, november]


def test_a_draft_month_is_never_counted_as_khong_dat(cell: Cell, out: Path) -> None:
    doc = summary_doc(cell, draft_year(cell), out)
    body = text(doc)
    assert body.startswith("DỰ THẢO\n")
    rows = cell_texts(tables(doc)[1])
    november = rows[2 + 10]
    assert november[0] == "11*"
    assert november[1:6] == [
        "Đạt",
        "Chưa được thông qua",
        "Chưa biểu quyết",
        "Chưa biểu quyết",
        "Chưa xác định",
    ]
    # April and August failed criterion 2; November counts for nothing either way.
    assert rows[14][:6] == ["Cộng", "11/11", "8/10", "10/10", "10/10", "8/10"]
    assert "- Nội dung 2 (Chất lượng sinh hoạt tốt): 8/10 tháng đạt (1 tháng chưa có kết " in body
    quarters = cell_texts(tables(doc)[2])
    assert quarters[4][1:] == ["2", "2/2", "1/1", "1/1", "1/1", "1/1"]
    assert (
        "Cả năm: 8/10 tháng đạt “bốn tốt” (1 tháng chưa đủ kết quả biểu quyết, chưa tính)." in body
    )
    assert (
        "Năm 2026, chi bộ tổ chức 11 kỳ sinh hoạt định kỳ được đánh giá; 8 tháng đạt “bốn tốt”, "
        "2 tháng chưa đạt “bốn tốt”; 1 tháng chưa đủ kết quả biểu quyết (tháng 11/2026)." in body
    )
    assert "không đạt 2 trong 10 tháng có kết quả biểu quyết" in body


def test_a_fully_voted_year_is_not_a_draft(cell: Cell, out: Path) -> None:
    body = text(summary_doc(cell, year_of_meetings(cell, 2026, 12), out))
    assert "DỰ THẢO" not in body and "Chưa xác định" not in body


def test_months_before_the_first_record_have_no_data(cell: Cell, out: Path) -> None:
    """A cell that started using chibo in October did not skip nine meetings."""
    history: list = []
    for month in ("2025-10", "2025-11", "2025-12"):
        history.append(make_meeting(cell, month, history=list(history), fail=()))
    doc = summary_doc(cell, history, out, year=2025)
    body = text(doc)
    rows = cell_texts(tables(doc)[1])
    assert [r[1:] for r in rows[2:11]] == [["chưa có số liệu"]] * 9
    assert "chưa có kỳ sinh hoạt" not in body
    quarters = cell_texts(tables(doc)[2])
    assert [r[1:] for r in quarters[1:4]] == [["chưa có số liệu"]] * 3
    assert "chi bộ tổ chức 3 kỳ" not in body
    assert (
        "Năm 2025, số liệu được ghi nhận từ tháng 10/2025: 3 kỳ sinh hoạt định kỳ được đánh "
        "giá; 3 tháng đạt “bốn tốt”." in body
    )
    assert (
        "Số liệu được tổng hợp từ biên bản các kỳ sinh hoạt từ tháng 10/2025; các tháng trước "
        "đó chưa có số liệu." in body
    )


def test_a_gap_after_the_first_record_is_a_month_without_a_meeting(cell: Cell, out: Path) -> None:
    meetings = [m for m in year_of_meetings(cell, 2026, 6) if m.month != "2026-03"]
    rows = cell_texts(tables(summary_doc(cell, meetings, out))[1])
    assert rows[4][1:] == ["chưa có kỳ sinh hoạt"]
    assert rows[2][1] == "Đạt"


def test_attendance_extremes_name_every_tied_month(cell: Cell, out: Path) -> None:
    meetings = year_of_meetings(cell, 2026, 12)
    for m in meetings:
        if m.month in ("2026-06", "2026-11"):
            for a in m.attendance:
                if not a.exempt:
                    a.presence = Presence.PRESENT
    body = text(summary_doc(cell, meetings, out))
    assert "cao nhất tháng 06 và 11/2026 (100%)" in body
    assert "thấp nhất tháng 01, 02, 03, 04, 05, 07, 08, 09, 10 và 12/2026 (" in body


def test_one_month_of_unexcused_absence_is_singular(cell: Cell, out: Path) -> None:
    meetings = year_of_meetings(cell, 2026, 3)
    for m in meetings[:2]:
        for a in m.attendance:
            if a.presence is Presence.UNEXCUSED:
                a.presence = Presence.PRESENT
    body = text(summary_doc(cell, meetings, out))
    assert "- Lượt vắng không lý do trong năm: 1 lượt, ở tháng 03/2026." in body
    assert "các tháng 03/2026" not in body


def test_the_failed_month_is_the_one_in_bold(cell: Cell, out: Path) -> None:
    grid = tables(summary_doc(cell, year_of_meetings(cell, 2026, 4), out))[1]
    april, january = grid.rows[2 + 3].cells, grid.rows[2].cells
    runs = [r for p in april[2].paragraphs for r in p.runs]
    assert april[2].text == "Không đạt" and all(r.bold for r in runs)
    assert april[5].text == "Không đạt" and all(r.bold for p in april[5].paragraphs for r in p.runs)
    assert january[1].text == "Đạt" and not any(
        r.bold for p in january[1].paragraphs for r in p.runs
    )
    assert not any(r.bold for p in january[5].paragraphs for r in p.runs)


def test_tied_criteria_are_all_named(cell: Cell, out: Path) -> None:
    meetings = [make_meeting(cell, f"2026-{m:02d}", fail=(2, 4) if m == 2 else ()) for m in (1, 2)]
    body = text(summary_doc(cell, meetings, out))
    assert (
        "Nội dung có nhiều tháng không đạt nhất: nội dung 2 (Chất lượng sinh hoạt tốt) và nội "
        "dung 4 (Cán bộ, đảng viên tốt), mỗi nội dung không đạt 1 tháng." in body
    )


def test_open_remedies_read_as_sentences(cell: Cell, out: Path) -> None:
    january = make_meeting(cell, "2026-01", fail=(3,))
    january.review(3).remedies[0].text = "Họp chi ủy trước ngày 12."
    doc = summary_doc(cell, [january], out)
    body = text(doc)
    assert "Họp chi ủy trước ngày 12 (nội dung 3)" in body
    assert "12. (nội dung" not in body
    remedies = cell_texts(tables(doc)[3])
    assert remedies[1][2] == f"Đồng chí {january.review(3).remedies[0].owner}"


def test_the_summary_cites_the_report_bases(cell: Cell, out: Path) -> None:
    body = text(summary_doc(cell, year_of_meetings(cell, 2026, 1), out))
    assert "Căn cứ Hướng dẫn số 03-HD/TU ngày 07 tháng 7 năm 2023" in body
    assert "214-KH/TU" not in body


def test_the_year_counts_its_months_by_quality_rating(tmp_path: Path) -> None:
    from datetime import date

    from chibo_tui.domain import scoresheet
    from chibo_tui.sample import build_demo

    cell, meetings = build_demo(14, date(2026, 12, 1))
    body = text(open_doc(export_summary(cell, meetings, 2026, tmp_path, today=date(2026, 12, 8))))
    assert "V. CHẤT LƯỢNG SINH HOẠT CHI BỘ (TỰ CHẤM ĐIỂM THEO HD 42)" in body
    mine = [m for m in meetings if m.year == 2026]
    ratings = []
    for m in mine:
        assert m.score is not None
        result = scoresheet.evaluate(m.score, m, scoresheet.year_context(cell, m, mine))
        assert f"tháng {m.month[5:]}/{m.month[:4]}: {result.total} điểm ({result.rating})" in body
        ratings.append(result.rating)
    counts = ", ".join(f"{r} {ratings.count(r)} tháng" for r in ("Tốt", "Khá", "Trung bình", "Kém"))
    assert f"Xếp loại: {counts} (trên {len(mine)} tháng đã chấm)." in body
