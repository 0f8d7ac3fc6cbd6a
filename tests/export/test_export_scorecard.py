"""The meeting-quality score sheet as a document: every band shown, the chosen one marked."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from docx_probe import cell_texts, open_doc, tables, text

from chibo_tui.domain import scoresheet as S
from chibo_tui.domain.model import Cell, Meeting, MeetingState
from chibo_tui.domain.paperwork import record
from chibo_tui.export.scorecard import export_scorecard


def scored(cell: Cell, meeting: Meeting) -> S.Result:
    meeting.score = S.start_score(cell)
    ctx = S.year_context(cell, meeting, [])
    for line in S.evaluate(meeting.score, meeting, ctx).lines:
        if line.points is None:
            S.set_points(meeting.score, line.item, line.item.points)
    return S.evaluate(meeting.score, meeting, ctx)


def test_the_sheet_reads_back_with_bands_total_and_rating(cell, meeting, out: Path):
    meeting.start_time, meeting.end_time = time(19, 0), time(20, 20)  # 80 minutes
    record(cell, meeting.month, "posted_before", date(2026, 10, 3))
    meeting.state = MeetingState.FINALISED
    result = scored(cell, meeting)
    duration = result.lines[0]
    assert duration.points == 4
    S.set_points(
        meeting.score,
        duration.item,
        5,
        "Có 10 phút chiếu phim tư liệu trước giờ họp",
        computed=duration.computed,
    )
    result = S.evaluate(meeting.score, meeting, S.year_context(cell, meeting, []))
    doc = open_doc(export_scorecard(cell, meeting, result, out))
    body = text(doc)
    assert "PHIẾU ĐÁNH GIÁ" in body
    assert "Chất lượng sinh hoạt chi bộ tháng 10 năm 2026" in body
    assert "(tham khảo phiếu của Đảng ủy phường An Phú theo HD 42)" in body
    assert "DỰ THẢO" not in body
    rows = cell_texts(tables(doc)[1])
    assert rows[0] == ["STT", "TIÊU CHÍ ĐÁNH GIÁ", "Thang điểm", "Điểm tự chấm", "Ghi chú"]
    assert rows[1][:4] == ["I", "Chấp hành thời gian, thời lượng sinh hoạt chi bộ", "5", "5"]
    bands = [r[1] for r in rows[3:8]]
    assert bands[0] == "● Đạt ít nhất 90 phút (hoặc 120 phút…)"  # the override, marked
    assert all(b.startswith("+ ") for b in bands[1:])
    assert "Chi bộ sửa: Có 10 phút chiếu phim tư liệu trước giờ họp" in rows[2][4]
    total = rows[-1]
    assert total[0] == "TỔNG ĐIỂM" and total[-3:-1] == ["100", str(result.total)]
    assert (
        f"Xếp loại chất lượng sinh hoạt chi bộ tháng 10 năm 2026: {result.rating} ({result.total}/100 điểm)."
        in body
    )
    assert "chibo tính 4 điểm (80 phút, thiếu 10 phút so với 90 phút quy định)" in body
    assert "T/M CHI BỘ" in body and "CẤP ỦY CẤP TRÊN PHỤ TRÁCH" in body
    assert "Số " not in body.split("PHIẾU ĐÁNH GIÁ")[0]  # the form carries no number


def test_an_unfinished_sheet_is_a_draft_without_a_rating(cell, meeting, out: Path):
    meeting.score = S.start_score(cell)
    result = S.evaluate(meeting.score, meeting, S.year_context(cell, meeting, []))
    body = text(open_doc(export_scorecard(cell, meeting, result, out)))
    assert "DỰ THẢO" in body
    assert f"chưa xếp loại (còn {result.unscored} mục chưa chấm)." in body
