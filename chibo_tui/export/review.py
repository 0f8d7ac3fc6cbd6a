"""Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể (Mẫu 01-HD KĐ.ĐG 2025).

Headings as domain-notes-2 §3.3 gives them, word for word. Under each, what the
chair wrote in the "Kiểm điểm năm" screen, then what the year's records say (the
meetings held, attendance, the bốn tốt grid, the tasks, the shortcomings and
their causes, last year's remedies): a draft for the chi ủy to finish, marked
DỰ THẢO until the cell adopts it. The appendix is the month-by-month evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import year_review as Y
from ..domain.carried import Carried
from ..domain.model import Cell, Meeting, Role, Verdict, YearReview
from ..domain.register import number_of
from ..domain.rules import VERDICT_TEXT
from ..domain.vietnamese import month_label
from . import styles
from .errors import ExportError
from .facts import cell_title, clause, lines, reporting_body, roman
from .header import Recipients, Signer, appendix_title, begin, finish, signature_block, title_block
from .summary import check_year
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document

PLACEHOLDER = "…" * 60  # one line to write on, as paper forms leave
OPENING = (
    "Căn cứ kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị tại địa phương (cơ quan, "
    "đơn vị); tập thể {cell} kiểm điểm, tự đánh giá, xếp loại chất lượng với các nội dung chủ "
    "yếu sau:"
)
A_I = (
    "Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; "
    "thực hiện quy chế làm việc.",
    "Kết quả thực hiện các mục tiêu, chỉ tiêu, nhiệm vụ được đề ra trong nghị quyết đại hội "
    "nhiệm kỳ, kế hoạch, chương trình công tác năm, được cấp có thẩm quyền giao, phê duyệt và "
    "các nhiệm vụ phát sinh, đột xuất được cấp có thẩm quyền giao.",
    # The source gives this heading only in part; it is printed as far as it is known.
    "Công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị.",
    "Trách nhiệm của tập thể lãnh đạo, quản lý trong triển khai thực hiện các chủ trương, "
    "đường lối, nghị quyết, văn bản chỉ đạo của Đảng, của cấp trên; thực hiện nhiệm vụ chính "
    "trị của địa phương, tổ chức, cơ quan, đơn vị.",
)
A_III = (
    "III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CẤP CÓ THẨM QUYỀN KẾT LUẬN HOẶC "
    "ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC"
)
B_I = (
    "Trên cơ sở cụ thể hoá khung tiêu chí đánh giá đối với tập thể được quy định tại Phụ lục 1, "
    "Quy định số 366-QĐ/TW, các tập thể tự đánh giá, chấm điểm theo các tiêu chí được cụ thể "
    "hóa như sau:"
)
ANNEX_NOTE = (
    "(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ trong đó thể hiện sản phẩm tiến độ, chất "
    "lượng cụ thể - theo hướng dẫn của các cấp uỷ, tổ chức đảng)."
)
FROM_RECORDS = "Theo hồ sơ sinh hoạt của chi bộ:"


def export_review(
    cell: Cell,
    meetings: list[Meeting],
    year: int,
    out_dir: Path,
    *,
    today: date,
    earlier: Sequence[Carried] = (),
) -> Path:
    """Write ``YYYY_kiem-diem.docx`` from the history up to ``year``: the years before
    it in ``meetings`` or as what they carried (``earlier``, see ``year_facts``).

    Raises :class:`ExportError` when ``year`` has no finalised meeting.
    """
    check_year(year)
    if not any(m.year == year and m.is_final for m in meetings):
        raise ExportError(f"Năm {year} chưa có kỳ sinh hoạt nào đã chốt; chưa có gì để kiểm điểm.")
    folder = prepare_folder(out_dir)
    doc = build_review(cell, meetings, year, today, earlier)
    return write_atomic(folder, f"{year:04d}_kiem-diem", doc.save)


def build_review(
    cell: Cell,
    meetings: list[Meeting],
    year: int,
    today: date,
    earlier: Sequence[Carried] = (),
) -> Document:
    review = cell.year_review(year) or YearReview(year)
    facts = Y.year_facts(cell, meetings, year, earlier)
    subject = (
        f"Kiểm điểm, tự đánh giá, xếp loại chất lượng tập thể {cell_title(cell.name)} năm {year}"
    )
    doc = begin(
        cell,
        kind="BC",
        seq=number_of(cell, "review", str(year)),
        day=today,
        draft=not review.adopted or bool(facts.drafts),
        title=f"Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng năm {year}",
        subject=subject,
        category="Báo cáo",
    )
    title_block(doc, "Báo cáo", [subject])
    if facts.drafts:
        drafts = ", ".join(month_label(m) for m in facts.drafts)
        styles.paragraph(
            doc,
            f"(Các tháng chưa chốt biên bản: {drafts}; số liệu các tháng này có thể còn thay đổi.)",
            italic=True,
            size=12,
        )
    styles.paragraph(doc, OPENING.format(cell=cell_title(cell.name)))

    styles.heading(doc, "A. NỘI DUNG KIỂM ĐIỂM")
    styles.heading(doc, "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC")
    written = (review.principles, review.results, review.party_building, review.responsibility)
    for number, (heading, text) in enumerate(zip(A_I, written, strict=True), start=1):
        styles.heading(doc, f"{number}. {heading}", level=2)
        _written(doc, text)
        _records(doc, _a_i(number, facts))

    styles.heading(doc, "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN")
    _shortcomings(doc, facts)

    styles.heading(doc, A_III)
    _previous(doc, facts)

    styles.heading(doc, "IV. GIẢI TRÌNH NHỮNG VẤN ĐỀ ĐƯỢC GỢI Ý KIỂM ĐIỂM (NẾU CÓ)")
    _written(doc, review.explanations)
    styles.heading(doc, "V. TRÁCH NHIỆM CỦA TẬP THỂ, CÁ NHÂN")
    _written(doc, review.accountability)
    styles.heading(doc, "VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM")
    _written(doc, review.direction)
    _records(doc, _still_open(facts))

    styles.heading(doc, "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI")
    styles.heading(doc, "I. ĐÁNH GIÁ THEO CÁC NHÓM TIÊU CHÍ")
    styles.paragraph(doc, B_I)
    general = _points(review.general_score)
    results = _points(review.results_score)
    total = Y.total(review)
    styles.paragraph(doc, f"1. Nhóm tiêu chí chung: {general}/{Y.GENERAL_MAX}")
    styles.paragraph(
        doc, f"2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: {results}/{Y.RESULTS_MAX}"
    )
    styles.paragraph(doc, f"Tổng điểm: {_points(total)}/100", bold=True)
    styles.heading(doc, "II. ĐỀ XUẤT XẾP LOẠI MỨC CHẤT LƯỢNG")
    for level, label in Y.RATING_TEXT.items():
        chosen = level is review.proposed
        par = styles.paragraph(doc)
        styles.add_run(par, f"- {label}", bold=chosen)
        if chosen:
            styles.add_run(par, " (đề xuất)", bold=True, italic=True)
    styles.paragraph(doc, ANNEX_NOTE, italic=True)

    secretary = cell.with_role(Role.SECRETARY)
    styles.paragraph(doc, after=6)
    signature_block(
        doc,
        Recipients((f"- {reporting_body(cell.parent_committee)} (để báo cáo);", "- Lưu Chi bộ.")),
        Signer(
            (cell.resolution.signature.value, "BÍ THƯ"), secretary.full_name if secretary else ""
        ),
        cell.documents,
    )
    styles.page_break(doc)
    _annex(doc, cell, facts, today)
    return finish(doc, cell)


def _points(value: int | None) -> str:
    return "…" if value is None else str(value)


def _written(doc: Document, text: str) -> None:
    rows = lines(text)
    for row in rows or [PLACEHOLDER]:
        styles.paragraph(doc, row)


def _records(doc: Document, items: list[str]) -> None:
    if not items:
        return
    styles.paragraph(doc, FROM_RECORDS, italic=True)
    for item in items:
        styles.item(doc, item)


def _a_i(number: int, facts: Y.YearFacts) -> list[str]:
    """What the records say under A.I.1–4 (domain-notes-2 §3.5's evidence map)."""
    if number == 1:
        quarters = facts.thematic_by_quarter()
        thematic = "; ".join(f"quý {roman(q)}: {n}" for q, n in quarters.items())
        items = [
            f"Tổ chức {facts.held}/12 kỳ sinh hoạt thường kỳ đã chốt biên bản; sinh hoạt chuyên "
            f"đề: {thematic}.",
        ]
        present = [m for m in facts.months if m.expected]
        if present:
            total_present = sum(m.present for m in present)
            total_expected = sum(m.expected for m in present)
            share = total_present / total_expected
            items.append(
                f"Tỷ lệ đảng viên dự sinh hoạt bình quân {round(share * 100, 1):g}%".replace(
                    ".", ","
                )
                + " (chi tiết từng tháng tại Phụ lục)."
            )
        ratings = {k: v for k, v in facts.ratings().items() if v}
        if ratings:
            spread = ", ".join(f"{label} {n} tháng" for label, n in ratings.items())
            items.append(f"Chất lượng sinh hoạt chi bộ tự chấm điểm: {spread}.")
        else:
            items.append("Chưa có tháng nào được chấm điểm chất lượng sinh hoạt.")
        passed, failed = facts.criterion_counts(2)
        items.append(
            f"Nội dung “Chất lượng sinh hoạt tốt”: {passed} tháng đạt, {failed} tháng không đạt."
        )
        return items
    if number == 2:
        t = facts.tasks
        items = []
        if t.set:
            items.append(
                f"Nghị quyết các tháng đề ra {t.set} nhiệm vụ; đã đánh giá {len(t.reviewed)}, "
                f"hoàn thành {len(t.done)} (đúng kỳ báo cáo {len(t.on_time)}, chậm "
                f"{len(t.late)}); chưa hoàn thành {len(t.unfinished)}; chưa đến kỳ đánh giá "
                f"{len(t.not_reviewed)}."
            )
        else:
            items.append("Chưa có nhiệm vụ nào được ghi trong nghị quyết các tháng.")
        passed, failed = facts.criterion_counts(1)
        items.append(
            f"Nội dung “Lãnh đạo hoàn thành tốt nhiệm vụ chính trị”: {passed} tháng đạt, "
            f"{failed} tháng không đạt."
        )
        return items
    if number == 3:
        out = []
        for n, title in ((3, "Đoàn kết, kỷ luật tốt"), (4, "Cán bộ, đảng viên tốt")):
            passed, failed = facts.criterion_counts(n)
            out.append(f"Nội dung “{title}”: {passed} tháng đạt, {failed} tháng không đạt.")
        return out
    return []


def _shortcomings(doc: Document, facts: Y.YearFacts) -> None:
    if not facts.shortcomings:
        styles.paragraph(
            doc, f"Năm {facts.year}, không có nội dung nào chi bộ biểu quyết không đạt."
        )
        _written(doc, "")
        return
    styles.labelled(doc, "- Hạn chế, khuyết điểm:", "")
    for s in facts.shortcomings:
        missed = (
            f" (tiêu chí con chưa đạt: {'; '.join(clause(x) for x in s.missed)})"
            if s.missed
            else ""
        )
        styles.item(
            doc,
            f"Tháng {month_label(s.month)}, nội dung {s.criterion} ({clause(s.title)}) không đạt{missed}.",
            mark="+",
        )
    styles.labelled(doc, "- Nguyên nhân:", "")
    subjective = [
        f"tháng {month_label(s.month)}: {s.subjective}" for s in facts.shortcomings if s.subjective
    ]
    objective = [
        f"tháng {month_label(s.month)}: {s.objective}" for s in facts.shortcomings if s.objective
    ]
    other = [
        f"tháng {month_label(s.month)}: {clause(s.causes)}"
        for s in facts.shortcomings
        if not s.subjective and s.causes
    ]
    if subjective:
        styles.item(doc, "Chủ quan: " + "; ".join(subjective) + ".", mark="+")
    if objective:
        styles.item(doc, "Khách quan: " + "; ".join(objective) + ".", mark="+")
    for row in other:
        styles.item(doc, row + ".", mark="+")


def _previous(doc: Document, facts: Y.YearFacts) -> None:
    if not facts.previous:
        styles.paragraph(
            doc,
            f"Hồ sơ sinh hoạt chi bộ năm {facts.year - 1} không ghi hạn chế, khuyết điểm nào "
            "phải khắc phục.",
        )
        return
    width = styles.text_width_mm(doc)
    widths = (12, 24, width - 12 - 24 - 34, 34)
    tbl = styles.table(doc, 1 + len(facts.previous), widths, borders=True)
    for cell_, text in zip(
        tbl.rows[0].cells, ("TT", "Tháng", "Giải pháp khắc phục", "Kết quả"), strict=True
    ):
        styles.cell_text(cell_, text, bold=True)
    styles.repeat_as_header(tbl)
    for i, (row, r) in enumerate(zip(tbl.rows[1:], facts.previous, strict=True), start=1):
        c = row.cells
        styles.cell_text(c[0], str(i))
        styles.cell_text(c[1], month_label(r.month))
        styles.cell_text(c[2], clause(r.text), align="left")
        note = f"; {clause(r.note)}" if r.note.strip() else ""
        styles.cell_text(c[3], r.status_text + note, align="left")


def _still_open(facts: Y.YearFacts) -> list[str]:
    items = [
        f"Tiếp tục thực hiện nhiệm vụ: {clause(t.task.text)} (tháng {month_label(t.source_month)})."
        for t in facts.tasks.unfinished
    ]
    return items


def _annex(doc: Document, cell: Cell, facts: Y.YearFacts, today: date) -> None:
    appendix_title(
        doc,
        cell,
        subject=f"Kết quả thực hiện nhiệm vụ năm {facts.year}",
        of="Báo cáo kiểm điểm, tự đánh giá, xếp loại chất lượng",
        day=today,
    )
    width = styles.text_width_mm(doc)
    fixed = (20, 13, 13, 13, 13, 30, 26)
    widths = (*fixed, width - sum(fixed))
    head = (
        "Tháng",
        "ND 1",
        "ND 2",
        "ND 3",
        "ND 4",
        "Dự sinh hoạt",
        "Nhiệm vụ hoàn thành",
        "Điểm chất lượng",
    )
    tbl = styles.table(doc, 1 + len(facts.months), widths, borders=True)
    for cell_, text in zip(tbl.rows[0].cells, head, strict=True):
        styles.cell_text(cell_, text, bold=True, size=12)
    styles.repeat_as_header(tbl)
    for row, m in zip(tbl.rows[1:], facts.months, strict=True):
        c = row.cells
        styles.cell_text(c[0], month_label(m.month) + ("" if m.final else " (*)"), size=12)
        for i in range(4):
            v = m.verdicts[i] if i < len(m.verdicts) else None
            shown = "—" if v is None else ("Đ" if v is Verdict.PASS else "KĐ")
            styles.cell_text(c[1 + i], shown, size=12)
        styles.cell_text(c[5], m.attendance, size=12)
        done = m.reviewed
        styles.cell_text(c[6], f"{done.done}/{done.total}" if done.total else "—", size=12)
        styles.cell_text(c[7], f"{m.score} ({m.rating})" if m.score is not None else "—", size=12)
    styles.paragraph(
        doc,
        f"Đ: {VERDICT_TEXT[Verdict.PASS]}; KĐ: {VERDICT_TEXT[Verdict.FAIL]}; —: chưa có kết quả. "
        "Nhiệm vụ hoàn thành: số nhiệm vụ của nghị quyết tháng trước hoàn thành trên số nhiệm vụ "
        "được đánh giá tại kỳ sinh hoạt."
        + (" (*) Tháng chưa chốt biên bản." if facts.drafts else ""),
        italic=True,
        size=12,
        before=6,
        indent=False,
    )
