"""The yearly plan (DESIGN.md §6.4), filled from the cell's profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx_probe import open_doc, text
from export_fixtures import make_cell

from chibo_tui.domain.criteria import FOUR_GOOD
from chibo_tui.domain.model import Cell, Criterion, SubCriterion
from chibo_tui.export import ExportError, export_plan


def plan_text(cell: Cell, out: Path, year: int = 2027) -> str:
    return text(open_doc(export_plan(cell, year, out, today=date(2026, 12, 1))))


def test_shape_of_the_seed_plan(cell: Cell, out: Path) -> None:
    body = plan_text(cell, out)
    order = [
        "KẾ HOẠCH",
        "Thực hiện mô hình “chi bộ bốn tốt” năm 2027",
        "Căn cứ Kế hoạch số 214-KH/TU",
        "Căn cứ Kế hoạch số 126-KH/ĐU",
        "Chi bộ Đinh Tiên Hoàng xây dựng kế hoạch thực hiện mô hình “chi bộ bốn tốt” năm 2027",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "II. NỘI DUNG",
        "1. Các tiêu chí xây dựng mô hình “chi bộ bốn tốt”, gồm 04 tiêu chí",
        "2. Tổ chức đánh giá định kỳ hằng tháng",
        "III. TỔ CHỨC THỰC HIỆN",
        "Nơi nhận:",
        "T/M CHI BỘ",
    ]
    positions = [body.index(part) for part in order]
    assert positions == sorted(positions)
    assert "Tây Thạnh, ngày 01 tháng 12 năm 2026" in body
    assert body.rstrip().endswith("Nguyễn Văn An")


def test_lists_current_criteria(cell: Cell, out: Path) -> None:
    body = plan_text(cell, out)
    for i, criterion in enumerate(cell.criteria):
        assert f"{'abcd'[i]}) {criterion.title}" in body
        for sub in criterion.sub_criteria[:-1]:
            assert f"- {sub.text};" in body
        assert f"- {criterion.sub_criteria[-1].text}." in body


def test_edited_criteria_and_target(out: Path) -> None:
    cell = make_cell(40, criteria_is_sample=False)
    cell.criteria = [
        Criterion(n, t, [SubCriterion(f"Tiêu chí riêng {n}")]) for n, t in enumerate(FOUR_GOOD, 1)
    ]
    cell.rules.year_target_months = 10
    body = plan_text(cell, out)
    assert "- Tiêu chí riêng 3." in body
    assert "mẫu tham khảo" not in body
    assert "Phấn đấu năm 2027 có ít nhất 10/12 tháng đạt “bốn tốt”." in body
    assert "thời lượng không dưới 120 phút" in body  # 40 members: a large cell


def test_empty_profile_still_makes_a_plan(out: Path) -> None:
    body = plan_text(Cell(), out)
    assert "Căn cứ Nghị quyết số 21-NQ/TW ngày 16 tháng 6 năm 2022" in body
    for title in FOUR_GOOD:
        assert title in body
    assert "Chi bộ xây dựng kế hoạch" in body
    assert "- Đảng ủy cấp trên (để báo cáo);" in body


def test_bad_year(cell: Cell, out: Path) -> None:
    with pytest.raises(ExportError, match="Năm không hợp lệ"):
        export_plan(cell, 99999, out)
    assert not out.exists()
