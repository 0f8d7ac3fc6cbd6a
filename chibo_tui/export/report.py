"""Báo cáo tháng (DESIGN.md §6.2, domain-notes §3): the month's result for the ward.

No official template exists for this report; its shape follows the synthesis in
domain-notes §3: bases, how the meeting went, a criterion × result × vote table,
what failed and what will be done, the conclusion, and the sub-criteria appendix
in the "phiếu tự đánh giá" form (Đạt / Không đạt columns marked with an "x").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.model import Cell, CriterionReview, Meeting, RemedyStatus, Role, Verdict
from ..domain.register import number_of
from ..domain.remedies import STATUS_TEXT
from ..domain.vietnamese import month_label
from . import styles
from .facts import (
    basis_line,
    cell_title,
    clause,
    clean,
    clock,
    comrade,
    dmy,
    doc_number,
    lines,
    owner,
    reporting_body,
    roman,
)
from .header import (
    Recipients,
    Signer,
    appendix_title,
    begin,
    finish,
    signature_block,
    title_block,
)
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

MARK = "x"
SAMPLE_NOTE = (
    "Ghi chú: các tiêu chí con theo mẫu tham khảo, chưa điều chỉnh theo phụ lục tiêu chí "
    "của cấp ủy."
)


def export_report(cell: Cell, meeting: Meeting, out_dir: Path) -> Path:
    """Write ``YYYY-MM_bao-cao.docx`` (or ``-2`` …) into ``out_dir``; return its path."""
    folder = prepare_folder(out_dir)
    doc = build_report(cell, meeting)
    return write_atomic(folder, f"{meeting.month}_bao-cao", doc.save)


def build_report(cell: Cell, meeting: Meeting) -> Document:
    label = month_label(meeting.month)
    seq = number_of(cell, "report", meeting.month)
    subject = f"Kết quả thực hiện mô hình “chi bộ bốn tốt” tháng {label}"
    doc = begin(
        cell,
        kind="BC",
        seq=seq,
        day=meeting.date,
        draft=not meeting.is_final,
        title=f"Báo cáo {subject[0].lower()}{subject[1:]}",
        subject=subject,
        category="Báo cáo",
    )
    title_block(doc, "Báo cáo", [subject])
    counts = rules.attendance_counts(meeting.attendance)
    reviews = sorted(meeting.reviews, key=lambda r: r.number)
    adopted = {
        r.number: rules.adopted_verdict(r, counts.official_voting_base, counts.voters)
        for r in reviews
    }

    for basis in cell.report_bases:
        styles.paragraph(doc, basis_line(basis.text))
    styles.paragraph(
        doc, f"Căn cứ kết quả sinh hoạt chi bộ định kỳ tháng {label} ngày {dmy(meeting.date)},"
    )
    styles.paragraph(
        doc,
        f"{cell_title(cell.name)} báo cáo kết quả thực hiện mô hình “chi bộ bốn tốt” "
        f"tháng {label} như sau:",
    )

    styles.heading(doc, "I. TÌNH HÌNH TỔ CHỨC SINH HOẠT")
    _meeting_facts(doc, cell, meeting, counts)

    styles.heading(doc, "II. KẾT QUẢ ĐÁNH GIÁ TỪNG NỘI DUNG")
    if reviews:
        _result_table(doc, reviews, adopted, counts)
        outcome = rules.meeting_outcome(reviews, counts.official_voting_base, counts.voters)
        par = styles.paragraph(doc, before=6)
        if outcome.value is None:
            styles.add_run(par, outcome.reason + ".", italic=True)
        else:
            styles.add_run(par, "Kết quả chung: ", bold=True)
            styles.add_run(par, outcome.reason + ".", bold=True)
    else:
        styles.paragraph(doc, "Chưa có nội dung nào được đánh giá.")

    styles.heading(doc, "III. HẠN CHẾ, NGUYÊN NHÂN, TRÁCH NHIỆM VÀ GIẢI PHÁP KHẮC PHỤC")
    _shortcomings(doc, meeting, reviews, adopted, counts)

    styles.heading(doc, "IV. KẾT LUẬN")
    styles.notes(doc, meeting.conclusion, empty="……………………………………………………")

    secretary = cell.with_role(Role.SECRETARY)
    styles.paragraph(doc, after=6)
    signature_block(
        doc,
        Recipients((f"- {reporting_body(cell.parent_committee)} (để báo cáo);", "- Lưu Chi bộ.")),
        Signer(("T/M CHI BỘ", "BÍ THƯ"), secretary.full_name if secretary else ""),
        cell.documents,
    )

    if any(r.checks for r in reviews):
        styles.page_break(doc)
        number = doc_number(seq, "BC", cell.documents.colon_after_number)
        _appendix(doc, cell, meeting, reviews, adopted, number)
    return finish(doc, cell)


def _meeting_facts(
    doc: Document, cell: Cell, meeting: Meeting, counts: rules.AttendanceCounts
) -> None:
    if meeting.start_time and meeting.end_time:
        length = rules.meeting_length(
            meeting.start_time, meeting.end_time, counts.expected, cell.rules, meeting.thematic
        )
        span = (
            f"ngày {dmy(meeting.date)}, từ {clock(meeting.start_time)} đến "
            f"{clock(meeting.end_time)} ({length.reason[0].lower()}{length.reason[1:]})."
        )
    else:
        span = f"ngày {dmy(meeting.date)}, bắt đầu lúc {clock(meeting.start_time)}."
    styles.labelled(doc, "- Thời gian: ", span)
    place = clean(meeting.place) or clean(cell.meeting_place) or "……………………"
    styles.labelled(doc, "- Địa điểm: ", f"{place}.")
    exempt = f"; miễn sinh hoạt {counts.exempt}" if counts.exempt else ""
    styles.labelled(
        doc,
        "- Tổng số đảng viên: ",
        f"{counts.total} đồng chí (chính thức {counts.official}, dự bị "
        f"{counts.probationary}{exempt}).",
    )
    ratio = rules.percent(counts.present / counts.expected) if counts.expected else "0%"
    styles.labelled(
        doc,
        "- Dự sinh hoạt: ",
        f"{counts.present}/{counts.expected} đồng chí ({ratio}); vắng có lý do "
        f"{counts.excused}, vắng không lý do {counts.unexcused}.",
    )
    styles.labelled(
        doc, "- Chủ trì: ", f"{comrade(meeting.chair)}; thư ký: {comrade(meeting.minute_taker)}."
    )
    guests = [
        comrade(g.name) + (f" ({clause(g.position)})" if clause(g.position) else "")
        for g in meeting.guests
        if clean(g.name)
    ]
    if guests:
        styles.labelled(doc, "- Đại biểu dự: ", "; ".join(guests) + ".")


def _result_table(
    doc: Document,
    reviews: list[CriterionReview],
    adopted: dict[int, Verdict | None],
    counts: rules.AttendanceCounts,
) -> Table:
    width = styles.text_width_mm(doc)
    fixed = (12, 16, 18, 20, 20, 18)
    widths = (fixed[0], width - sum(fixed), *fixed[1:])
    tbl = styles.table(doc, 2 + len(reviews), widths, borders=True)
    top, sub = tbl.rows[0].cells, tbl.rows[1].cells
    for i, text in ((0, "STT"), (1, "Nội dung")):
        merged = top[i].merge(sub[i])
        styles.cell_text(merged, text, bold=True)
    styles.cell_text(top[2].merge(top[3]), "Kết quả", bold=True)
    styles.cell_text(top[4].merge(top[6]), "Biểu quyết", bold=True)
    for i, text in enumerate(("Đạt", "Không đạt", "Tán thành", "Không tán thành", "Ý kiến khác")):
        styles.cell_text(sub[2 + i], text, bold=True)
    styles.repeat_as_header(tbl, 2)
    for row, review in zip(tbl.rows[2:], reviews, strict=True):
        c = row.cells
        verdict = adopted[review.number]
        styles.cell_text(c[0], str(review.number))
        title = clause(review.title)
        if verdict is None:
            state = rules.criterion_state(review, counts.official_voting_base, counts.voters)
            title += f" ({state})"
        styles.cell_text(c[1], title, align="left")
        styles.cell_text(c[2], MARK if verdict is Verdict.PASS else "", bold=True)
        styles.cell_text(c[3], MARK if verdict is Verdict.FAIL else "", bold=True)
        vote = review.vote
        if vote is not None:
            styles.cell_text(c[4], f"{vote.in_favour}/{counts.voters}")
            styles.cell_text(c[5], str(vote.against))
            styles.cell_text(c[6], str(vote.other))
    styles.keep_with_next(tbl)  # "Kết quả chung" follows the table onto its page
    return tbl


def _shortcomings(
    doc: Document,
    meeting: Meeting,
    reviews: list[CriterionReview],
    adopted: dict[int, Verdict | None],
    counts: rules.AttendanceCounts,
) -> None:
    # Only what the cell voted "không đạt" is a shortcoming; an undecided criterion
    # is reported as such, apart, and never as a result.
    failed = [r for r in reviews if adopted[r.number] is Verdict.FAIL]
    waiting = [r for r in reviews if adopted[r.number] is None]
    if not failed and not waiting:
        styles.paragraph(
            doc,
            f"Tháng {month_label(meeting.month)} các nội dung đều đạt; chi bộ tiếp tục duy trì "
            "và nâng cao chất lượng thực hiện.",
        )
    elif not failed:
        styles.paragraph(doc, "Không có nội dung nào được chi bộ biểu quyết không đạt.")
    for n, review in enumerate(failed, start=1):
        styles.heading(
            doc, f"{n}. Nội dung {review.number}: {clause(review.title)} (không đạt)", level=2
        )
        missed = [clause(c.text) for c in review.checks if c.passed is False]
        if missed:
            styles.labelled(doc, "- Tiêu chí con không đạt: ", "; ".join(missed) + ".")
        for label, text in (
            ("- Nguyên nhân: ", review.causes),
            ("- Trách nhiệm: ", review.responsibility),
        ):
            rows = lines(text)
            if rows:
                styles.labelled(doc, label, rows[0])
                for more in rows[1:]:
                    styles.paragraph(doc, more)
        if review.remedies:
            styles.labelled(doc, "- Giải pháp khắc phục:", "")
            for remedy in review.remedies:
                due = dmy(remedy.due) if remedy.due else "chưa định"
                text = clause(remedy.text)
                styles.item(
                    doc,
                    f"{text} (phụ trách: {owner(remedy.owner)}; thời hạn: {due}).",
                    mark="+",
                )
    if waiting:
        base, voters = counts.official_voting_base, counts.voters
        states = [
            f"nội dung {r.number} ({clause(r.title)}) {rules.criterion_state(r, base, voters)}"
            for r in waiting
        ]
        styles.labelled(
            doc,
            "Nội dung chưa có kết quả: ",
            f"{rules.join_words(states)}; chi bộ báo cáo bổ sung sau khi biểu quyết.",
        )
    if meeting.follow_ups:
        tally = {s: sum(f.status is s for f in meeting.follow_ups) for s in RemedyStatus}
        detail = ", ".join(f"{STATUS_TEXT[s]} {tally[s]}" for s in RemedyStatus)
        styles.labelled(
            doc,
            "Kết quả khắc phục hạn chế các kỳ trước: ",
            f"{len(meeting.follow_ups)} giải pháp; {detail}.",
        )


def _appendix(
    doc: Document,
    cell: Cell,
    meeting: Meeting,
    reviews: list[CriterionReview],
    adopted: dict[int, Verdict | None],
    number: str,
) -> None:
    appendix_title(
        doc,
        cell,
        subject="Kết quả đánh giá tiêu chí con mô hình “chi bộ bốn tốt” tháng "
        f"{month_label(meeting.month)}",
        of=f"Báo cáo {number[0].lower()}{number[1:]}",
        day=meeting.date,
    )
    width = styles.text_width_mm(doc)
    widths = (14, width - 14 - 2 * 18, 18, 18)
    rows = 1 + sum(1 + len(r.checks) for r in reviews)
    tbl = styles.table(doc, rows, widths, borders=True)
    for cell_, text in zip(tbl.rows[0].cells, ("STT", "Tiêu chí", "Đạt", "Không đạt"), strict=True):
        styles.cell_text(cell_, text, bold=True)
    styles.repeat_as_header(tbl)
    index = 1
    for review in reviews:
        c = tbl.rows[index].cells
        verdict = adopted[review.number]
        styles.cell_text(c[0], roman(review.number), bold=True)
        styles.cell_text(c[1], clean(review.title), bold=True, align="left")
        styles.cell_text(c[2], MARK if verdict is Verdict.PASS else "", bold=True)
        styles.cell_text(c[3], MARK if verdict is Verdict.FAIL else "", bold=True)
        index += 1
        for k, check in enumerate(review.checks, start=1):
            c = tbl.rows[index].cells
            styles.cell_text(c[0], str(k))
            styles.cell_text(c[1], clean(check.text), align="left")
            styles.cell_text(c[2], MARK if check.passed is True else "")
            styles.cell_text(c[3], MARK if check.passed is False else "")
            index += 1
    if cell.criteria_is_sample:
        styles.paragraph(doc, SAMPLE_NOTE, italic=True, size=12, before=6, indent=False)
