"""Kế hoạch năm (DESIGN.md §6.4): the draft yearly plan, shaped like the cell's own.

Follows the seed plan's outline (bases; I. purpose and requirements; II. the
criteria and the monthly evaluation; III. organisation) and fills it from the
cell's profile: its bases, name, current criteria (their sub-criteria in the
appendix the seed plan refers to), rules and secretary. The wording is ours; the
chair edits the file, and it exports marked DỰ THẢO until the cell adopts it
(``Cell.plan_adopted_years``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.criteria import FOUR_GOOD
from ..domain.model import Cell, Criterion, Role
from ..domain.register import number_of
from ..domain.rules import ADOPTION_CITATION
from . import styles
from .facts import basis_line, cell_title, clause, doc_number, reporting_body, roman
from .header import (
    Recipients,
    Signer,
    appendix_title,
    begin,
    finish,
    signature_block,
    title_block,
)
from .summary import check_year
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document

# Used when the cell has not entered its own bases: the national resolution that
# started the model (Nghị quyết 21-NQ/TW, mục III.1.1; domain-notes §0).
DEFAULT_BASIS = (
    "Căn cứ Nghị quyết số 21-NQ/TW ngày 16 tháng 6 năm 2022 của Hội nghị lần thứ năm Ban "
    "Chấp hành Trung ương Đảng khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng "
    "và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới;"
)
SAMPLE_NOTE = (
    "Ghi chú: các tiêu chí con trên theo mẫu tham khảo; chi bộ điều chỉnh theo phụ lục "
    "tiêu chí của cấp ủy trước khi thông qua kế hoạch."
)
# The seed plan's own words under the list of criteria.
APPENDIX_REFERENCE = "Đính kèm phụ lục tiêu chí xây dựng mô hình “chi bộ bốn tốt”"


def export_plan(cell: Cell, year: int, out_dir: Path, *, today: date | None = None) -> Path:
    """Write ``YYYY_ke-hoach.docx`` (or ``-2`` …) into ``out_dir``; return its path."""
    check_year(year)
    folder = prepare_folder(out_dir)
    doc = build_plan(cell, year, today or date.today())
    return write_atomic(folder, f"{year:04d}_ke-hoach", doc.save)


def build_plan(cell: Cell, year: int, today: date) -> Document:
    subject = f"Thực hiện mô hình “chi bộ bốn tốt” năm {year}"
    doc = begin(
        cell,
        kind="KH",
        seq=number_of(cell, "plan", str(year)),
        day=today,
        # A plan is a draft until the cell adopts it (bí thư drafts, the cell adopts).
        draft=year not in cell.plan_adopted_years,
        title=f"Kế hoạch {subject[0].lower()}{subject[1:]}",
        subject=subject,
        category="Kế hoạch",
    )
    title_block(doc, "Kế hoạch", [subject])
    ward = reporting_body(cell.parent_committee)

    for basis in cell.plan_bases or [DEFAULT_BASIS]:
        styles.paragraph(doc, basis_line(basis))
    styles.paragraph(
        doc,
        f"{cell_title(cell.name)} xây dựng kế hoạch thực hiện mô hình “chi bộ bốn tốt” "
        f"năm {year} cụ thể như sau:",
    )

    styles.heading(doc, "I. MỤC ĐÍCH - YÊU CẦU")  # as the seed plan writes it
    styles.heading(doc, "1. Mục đích", level=2)
    for text in (
        "Xây dựng chi bộ trong sạch, vững mạnh về chính trị, tư tưởng, tổ chức, đạo đức và "
        "cán bộ; thực hiện đúng nguyên tắc tập trung dân chủ; nâng cao chất lượng sinh hoạt "
        "chi bộ, thực hiện tốt tự phê bình và phê bình, giữ gìn kỷ luật, tăng cường đoàn kết "
        "thống nhất trong chi bộ.",
        "Lãnh đạo thực hiện tốt nhiệm vụ chính trị; thường xuyên giáo dục, rèn luyện phẩm "
        "chất đạo đức cách mạng cho đảng viên; làm tốt công tác vận động quần chúng, phát "
        "triển đảng viên, quản lý, kiểm tra, giám sát đảng viên.",
        "Góp phần nâng cao năng lực lãnh đạo, sức chiến đấu của chi bộ và chất lượng đội ngũ "
        "đảng viên, đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    ):
        styles.paragraph(doc, text)
    styles.heading(doc, "2. Yêu cầu", level=2)
    for text in (
        "Mỗi đảng viên nắm vững các tiêu chí, tích cực thực hiện và tham gia đánh giá hằng tháng.",
        "Việc đánh giá bảo đảm khách quan, thực chất, đúng quy trình. Kết quả thực hiện mô "
        "hình “chi bộ bốn tốt” là một trong những căn cứ để đánh giá, xếp loại chất lượng "
        "chi bộ hằng năm.",
    ):
        styles.item(doc, text)

    styles.heading(doc, "II. NỘI DUNG")
    criteria = _criteria(cell)
    count = f"{len(criteria):02d}"
    styles.heading(
        doc, f"1. Các tiêu chí xây dựng mô hình “chi bộ bốn tốt”, gồm {count} tiêu chí:", level=2
    )
    for i, criterion in enumerate(criteria):
        end = "." if i == len(criteria) - 1 else ";"
        styles.item(doc, clause(criterion.title) + end, mark="+")
    with_subs = any(c.sub_criteria for c in criteria)
    if with_subs:
        styles.paragraph(doc, f"({APPENDIX_REFERENCE})")

    styles.heading(doc, "2. Tổ chức đánh giá định kỳ hằng tháng", level=2)
    expected = sum(not m.exempt for m in cell.active_members())
    minutes = rules.required_minutes(expected, cell.rules)
    thematic = rules.required_minutes(expected, cell.rules, thematic=True)
    length = f"thời lượng không dưới {minutes} phút"
    if thematic > minutes:
        length += (
            f"; khi sinh hoạt chuyên đề cùng buổi với sinh hoạt định kỳ, không dưới {thematic} phút"
        )
    for text in (
        f"Chi bộ sinh hoạt định kỳ mỗi tháng một lần, {length}.",
        "Tại kỳ sinh hoạt hằng tháng, đảng viên thảo luận, phân tích, làm rõ nguyên nhân, "
        "xác định trách nhiệm của tập thể đối với việc chi bộ đạt hay không đạt từng nội "
        "dung “bốn tốt”; đề xuất giải pháp khắc phục, giao người phụ trách và thời hạn; chủ "
        "trì kết luận; chi bộ biểu quyết từng nội dung.",
        "Một nội dung được đề xuất đạt khi tất cả tiêu chí con của nội dung đó đạt; chủ trì "
        "có thể điều chỉnh đề xuất trước khi đưa ra chi bộ biểu quyết.",
        "Chỉ đảng viên chính thức có mặt tham gia biểu quyết; kết quả được thông qua khi có "
        "hơn một nửa số đảng viên chính thức của chi bộ (không kể đảng viên được miễn công "
        f"tác, sinh hoạt đảng) tán thành ({ADOPTION_CITATION}). Ý kiến thuộc về thiểu số "
        "được ghi vào biên bản.",
        "Tháng đạt “bốn tốt” khi cả bốn nội dung đều đạt.",
        "Các giải pháp khắc phục được kiểm điểm tại kỳ sinh hoạt kế tiếp cho đến khi hoàn thành.",
    ):
        styles.item(doc, text)
    if cell.rules.year_target_months:
        styles.heading(doc, "3. Chỉ tiêu", level=2)
        styles.paragraph(
            doc,
            f"Phấn đấu năm {year} có ít nhất {cell.rules.year_target_months}/12 tháng đạt "
            "“bốn tốt”.",
        )

    styles.heading(doc, "III. TỔ CHỨC THỰC HIỆN")
    for n, text in enumerate(
        (
            f"Chi bộ phổ biến, quán triệt nội dung {_guidance(cell)} và Kế hoạch này đến "
            "từng đảng viên trong chi bộ.",
            "Bí thư chi bộ chuẩn bị nội dung, chủ trì đánh giá hằng tháng; đảng viên được phân "
            "công thực hiện giải pháp khắc phục báo cáo kết quả tại kỳ sinh hoạt kế tiếp.",
            "Hằng tháng, tổng hợp kết quả thực hiện mô hình “chi bộ bốn tốt” báo cáo "
            f"{ward}; cuối năm tổng hợp kết quả cả năm làm căn cứ kiểm điểm, đánh giá, xếp "
            "loại chất lượng chi bộ.",
            "Định kỳ hằng năm, bí thư xây dựng dự thảo kế hoạch năm sau, thông qua chi bộ góp "
            "ý để thống nhất triển khai.",
        ),
        start=1,
    ):
        styles.paragraph(doc, f"{n}. {text}")

    secretary = cell.with_role(Role.SECRETARY)
    styles.paragraph(doc, after=6)
    signature_block(
        doc,
        Recipients((f"- {ward} (để báo cáo);", "- Đảng viên chi bộ;", "- Lưu Chi bộ.")),
        Signer(("T/M CHI BỘ", "BÍ THƯ"), secretary.full_name if secretary else ""),
        cell.documents,
    )
    if with_subs:
        styles.page_break(doc)
        _appendix(doc, cell, criteria, year, today)
    return finish(doc, cell)


def _guidance(cell: Cell) -> str:
    """The guidance the plan carries out (III.1 of the seed plan): the report's bases
    other than the cell's own plan, which inside the plan is "Kế hoạch này"."""
    texts = [clause(b.text) for b in cell.report_bases if not b.own_plan and clause(b.text)]
    return "; ".join(texts) if texts else "các văn bản nêu trên"


def _appendix(doc: Document, cell: Cell, criteria: list[Criterion], year: int, today: date) -> None:
    """The sub-criteria, as the appendix the plan refers to."""
    seq = number_of(cell, "plan", str(year))
    number = doc_number(seq, "KH", cell.documents.colon_after_number)
    appendix_title(
        doc,
        cell,
        subject="Tiêu chí xây dựng mô hình “chi bộ bốn tốt”",
        of=f"Kế hoạch {number[0].lower()}{number[1:]}",
        day=today,
    )
    for criterion in criteria:
        styles.heading(doc, f"{roman(criterion.number)}. {clause(criterion.title)}", level=2)
        subs = criterion.sub_criteria
        for k, sub in enumerate(subs, start=1):
            end = "." if k == len(subs) else ";"
            styles.paragraph(doc, f"{k}. {clause(sub.text)}{end}")
    if cell.criteria_is_sample:
        styles.paragraph(doc, SAMPLE_NOTE, italic=True, size=12, before=6, indent=False)


def _criteria(cell: Cell) -> list[Criterion]:
    if cell.criteria:
        return sorted(cell.criteria, key=lambda c: c.number)
    return [Criterion(number=i, title=t) for i, t in enumerate(FOUR_GOOD, start=1)]
