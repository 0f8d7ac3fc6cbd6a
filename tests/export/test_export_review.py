"""The year's self-review (Mẫu 01): headings as the form gives them, figures from the records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx_probe import cell_texts, open_doc, tables, text

from chibo_tui.domain import year_review as Y
from chibo_tui.domain.model import MeetingState, ReviewRating, YearReview
from chibo_tui.export import ExportError
from chibo_tui.export.review import export_review
from chibo_tui.sample import build_demo

HEADINGS = [
    "A. NỘI DUNG KIỂM ĐIỂM",
    "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC",
    "1. Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.",
    "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
    "IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)",
    "V. TRÁCH NHIỆM CỦA TẬP THỂ, CÁ NHÂN",
    "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM",
    "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI",
    "I. ĐÁNH GIÁ THEO CÁC NHÓM TIÊU CHÍ",
    "II. ĐỀ XUẤT XẾP LOẠI MỨC CHẤT LƯỢNG",
]


@pytest.fixture
def demo():
    return build_demo(14, date(2026, 12, 1))


def test_a_demo_year_reads_back_with_every_figure_from_the_records(demo, tmp_path: Path):
    cell, meetings = demo
    cell.year_reviews.append(
        YearReview(
            2026,
            principles="Chi bộ giữ nền nếp.",
            general_score=27,
            results_score=60,
            proposed=ReviewRating.GOOD,
        )
    )
    doc = open_doc(export_review(cell, meetings, 2026, tmp_path, today=date(2026, 12, 8)))
    body = text(doc)
    for heading in HEADINGS:
        assert heading in body, heading
    assert (
        "Kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể Chi bộ Đinh Tiên Hoàng năm 2026"
        in body
    )
    assert "DỰ THẢO" in body  # not adopted yet
    facts = Y.year_facts(cell, meetings, 2026)
    assert f"Tổ chức {facts.held}/12 kỳ sinh hoạt thường kỳ đã chốt biên bản" in body
    for number, title in (
        (1, "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị"),
        (3, "Đoàn kết, kỷ luật tốt"),
    ):
        passed, failed = facts.criterion_counts(number)
        assert f"Nội dung “{title}”: {passed} tháng đạt, {failed} tháng không đạt." in body
    for s in facts.shortcomings:
        assert f"Tháng {s.month[5:]}/{s.month[:4]}, nội dung {s.criterion}" in body
        assert s.subjective in body
    assert "Chi bộ giữ nền nếp." in body
    assert "1. Nhóm tiêu chí chung: 27/30" in body and "Tổng điểm: 87/100" in body
    assert "- Hoàn thành tốt nhiệm vụ (đề xuất)" in body
    annex = cell_texts(tables(doc)[-1])
    assert annex[0][:2] == ["Tháng", "ND 1"]
    assert [row[0] for row in annex[1:]] == [f"{m:02d}/2026" for m in range(1, 12)]
    for row, month in zip(annex[1:], facts.months, strict=True):
        assert row[5] == month.attendance


def test_an_adopted_review_is_no_draft_unless_a_month_is(demo, tmp_path: Path):
    cell, meetings = demo
    cell.year_reviews.append(YearReview(2026, adopted=True))
    body = text(open_doc(export_review(cell, meetings, 2026, tmp_path, today=date(2026, 12, 8))))
    assert "DỰ THẢO" not in body
    meetings[-1].state = MeetingState.DRAFT
    body = text(open_doc(export_review(cell, meetings, 2026, tmp_path, today=date(2026, 12, 8))))
    assert "DỰ THẢO" in body and "Các tháng chưa chốt biên bản: 11/2026" in body


def test_a_year_without_a_finalised_meeting_is_refused(demo, tmp_path: Path):
    cell, meetings = demo
    with pytest.raises(ExportError, match="Năm 2027 chưa có kỳ sinh hoạt nào đã chốt"):
        export_review(cell, meetings, 2027, tmp_path, today=date(2027, 12, 8))
    assert not list(tmp_path.glob("*.docx"))
