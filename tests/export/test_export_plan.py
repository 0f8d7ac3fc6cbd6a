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
        "I. MỤC ĐÍCH - YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "II. NỘI DUNG",
        "1. Các tiêu chí xây dựng mô hình “chi bộ bốn tốt”, gồm 04 tiêu chí:",
        "(Đính kèm phụ lục tiêu chí xây dựng mô hình “chi bộ bốn tốt”)",
        "2. Tổ chức đánh giá định kỳ hằng tháng",
        "III. TỔ CHỨC THỰC HIỆN",
        "Nơi nhận:",
        "T/M CHI BỘ",
    ]
    positions = [body.index(part) for part in order]
    assert positions == sorted(positions)
    assert "Tây Thạnh, ngày 01 tháng 12 năm 2026" in body
    signature = body.index("Nguyễn Văn An", body.index("T/M CHI BỘ"))
    assert signature < body.index("PHỤ LỤC")  # the appendix follows the signature


def test_lists_current_criteria(cell: Cell, out: Path) -> None:
    body = plan_text(cell, out)
    criteria, appendix = body.split("\nPHỤ LỤC\n")
    for i, criterion in enumerate(cell.criteria):
        end = "." if i == len(cell.criteria) - 1 else ";"
        assert f"+ {criterion.title}{end}" in criteria
        assert f"{'I II III IV'.split()[i]}. {criterion.title}" in appendix
        for k, sub in enumerate(criterion.sub_criteria, start=1):
            end = "." if k == len(criterion.sub_criteria) else ";"
            assert f"{k}. {sub.text}{end}" in appendix
            assert sub.text not in criteria  # the sub-criteria live in the appendix


def test_edited_criteria_and_target(out: Path) -> None:
    cell = make_cell(40, criteria_is_sample=False)
    cell.criteria = [
        Criterion(n, t, [SubCriterion(f"Tiêu chí riêng {n}")]) for n, t in enumerate(FOUR_GOOD, 1)
    ]
    cell.rules.year_target_months = 10
    body = plan_text(cell, out)
    assert "1. Tiêu chí riêng 3." in body
    assert "mẫu tham khảo" not in body
    assert "Phấn đấu năm 2027 có ít nhất 10/12 tháng đạt “bốn tốt”." in body
    # HD 42: 40 members or not, 90 minutes; 120 with a thematic session the same day.
    assert (
        "thời lượng không dưới 90 phút; khi sinh hoạt chuyên đề cùng buổi với sinh hoạt "
        "định kỳ, không dưới 120 phút." in body
    )
    cell.rules.large_cell_rule = True  # the older local rule, kept as a setting
    assert "thời lượng không dưới 120 phút." in plan_text(cell, out)


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


# -- issue 12 ----------------------------------------------------------------------


def test_the_appendix_of_sub_criteria(cell: Cell, out: Path) -> None:
    body = plan_text(cell, out)
    appendix = body.split("\nPHỤ LỤC\n")[1]
    assert appendix.startswith("Tiêu chí xây dựng mô hình “chi bộ bốn tốt”\n(Kèm theo Kế hoạch số")
    assert "ngày 01/12/2026 của Chi bộ Đinh Tiên Hoàng)" in appendix
    assert "Ghi chú: các tiêu chí con trên theo mẫu tham khảo" in appendix
    assert "phần mềm" not in body


def test_a_plan_is_a_draft_until_the_cell_adopts_it(cell: Cell, out: Path) -> None:
    assert plan_text(cell, out).startswith("DỰ THẢO\n")
    cell.plan_adopted_years = [2027]
    assert "DỰ THẢO" not in plan_text(cell, out)
    assert plan_text(cell, out, year=2028).startswith("DỰ THẢO\n")


def test_citations_in_the_plan(cell: Cell, out: Path) -> None:
    body = plan_text(cell, out)
    assert "Điều 10.5" not in body
    assert "(khoản 5 Điều 10 Điều lệ Đảng)" in body
    assert (
        "1. Chi bộ phổ biến, quán triệt nội dung Hướng dẫn số 03-HD/TU ngày 07 tháng 7 năm "
        "2023 của Ban Thường vụ Thành ủy về thực hiện mô hình “chi bộ bốn tốt” và Kế hoạch "
        "này đến từng đảng viên trong chi bộ." in body
    )
