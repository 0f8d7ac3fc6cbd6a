"""Phiếu đánh giá chất lượng sinh hoạt chi bộ tháng (HD 42), as the An Phú form prints it.

Layout from domain-notes-2 §1.6: the party header without a number, the title,
a table STT | TIÊU CHÍ ĐÁNH GIÁ | Thang điểm | Điểm tự chấm | Ghi chú in which every
band of a banded item is printed and the chosen one marked, the total, the
rating, the notes of overridden items, and two signatures: the cell's and the
upper-level committee member's who follows it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules, scoresheet
from ..domain.model import Cell, Meeting, Role, ScoreGroup
from ..domain.scoresheet import Line, Result
from . import styles
from .facts import clause, clean, roman
from .header import Signer, begin, finish, signature_block, title_block
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document

CHOSEN, OTHER = "● ", "+ "
SIZE = 12  # 28 items and their bands: the form's rows, at the size tables use
UPPER_COMMITTEE = "CẤP ỦY CẤP TRÊN PHỤ TRÁCH"


def export_scorecard(cell: Cell, meeting: Meeting, result: Result, out_dir: Path) -> Path:
    """Write ``YYYY-MM_phieu-danh-gia.docx`` (or ``-2`` …) into ``out_dir``."""
    folder = prepare_folder(out_dir)
    doc = build_scorecard(cell, meeting, result)
    return write_atomic(folder, f"{meeting.month}_phieu-danh-gia", doc.save)


def build_scorecard(cell: Cell, meeting: Meeting, result: Result) -> Document:
    assert meeting.score is not None
    mm, yyyy = meeting.month[5:7], meeting.month[:4]
    subject = f"Chất lượng sinh hoạt chi bộ tháng {mm} năm {yyyy}"
    doc = begin(
        cell,
        kind=None,
        seq=None,
        day=meeting.date,
        draft=not meeting.is_final or bool(result.unscored),
        title=f"Phiếu đánh giá chất lượng sinh hoạt chi bộ tháng {mm}/{yyyy}",
        subject=subject,
        category="Phiếu đánh giá",
    )
    title_block(doc, "Phiếu đánh giá", [subject])
    sheet = meeting.score.sheet
    if sheet.source:
        styles.paragraph(
            doc, f"({clause(sheet.source)})", italic=True, size=12, align="center", indent=False
        )
    _table(doc, result, sheet.groups)
    par = styles.paragraph(doc, before=6)
    styles.add_run(par, f"Xếp loại chất lượng sinh hoạt chi bộ tháng {mm} năm {yyyy}: ", bold=True)
    if result.unscored:
        styles.add_run(par, f"chưa xếp loại (còn {result.unscored} mục chưa chấm).", italic=True)
    else:
        styles.add_run(par, f"{result.rating} ({result.total}/{scoresheet.TOTAL} điểm).", bold=True)
    styles.paragraph(doc, f"({scoresheet.RATING_RULE}.)", italic=True, size=12)
    overridden = [line for line in result.lines if line.overridden]
    if overridden:
        styles.paragraph(doc, "Các mục chi bộ sửa điểm chibo tính từ biên bản:", bold=True)
        for line in overridden:
            styles.item(doc, _override_note(line))
    vote = meeting.score.vote
    if vote is not None:
        counts = rules.attendance_counts(meeting.attendance)
        wording = rules.vote_wording(vote, counts.voters, counts.official_voting_base)
        styles.labelled(doc, "Chi bộ biểu quyết thông qua phiếu: ", f"{wording.count}.")

    secretary = cell.with_role(Role.SECRETARY)
    styles.paragraph(doc, after=6)
    signature_block(
        doc,
        Signer(
            (cell.resolution.signature.value, "BÍ THƯ"), secretary.full_name if secretary else ""
        ),
        Signer((UPPER_COMMITTEE,), ""),
        cell.documents,
    )
    return finish(doc, cell)


def _table(doc: Document, result: Result, groups: list[ScoreGroup]) -> None:
    width = styles.text_width_mm(doc)
    fixed = (12, 18, 18, 40)
    widths = (fixed[0], width - sum(fixed), *fixed[1:])
    by_key = {line.item.key: line for line in result.lines}
    rows = 2 + sum(1 + sum(1 + len(item.bands) for item in group.items) for group in groups)
    tbl = styles.table(doc, rows, widths, borders=True)
    for cell_, text in zip(
        tbl.rows[0].cells,
        ("STT", "TIÊU CHÍ ĐÁNH GIÁ", "Thang điểm", "Điểm tự chấm", "Ghi chú"),
        strict=True,
    ):
        styles.cell_text(cell_, text, bold=True)
    styles.repeat_as_header(tbl)
    row = 1
    number = 0
    for g, group in enumerate(groups, start=1):
        c = tbl.rows[row].cells
        lines = [by_key[item.key] for item in group.items]
        styles.cell_text(c[0], roman(g), bold=True)
        styles.cell_text(c[1], clean(group.title), bold=True, align="left")
        styles.cell_text(c[2], str(group.points), bold=True)
        scored = [line.points for line in lines]
        if all(p is not None for p in scored):
            styles.cell_text(c[3], str(sum(p or 0 for p in scored)), bold=True)
        if group.note:
            styles.cell_text(c[4], clause(group.note), italic=True, size=11, align="left")
        row += 1
        for line in lines:
            number += 1
            c = tbl.rows[row].cells
            styles.cell_text(c[0], str(number))
            styles.cell_text(c[1], clean(line.item.text), align="left", size=SIZE)
            styles.cell_text(c[2], str(line.item.points), size=SIZE)
            if not line.item.bands:
                shown = "" if line.points is None else str(line.points)
                styles.cell_text(c[3], shown, bold=True, size=SIZE)
            styles.cell_text(c[4], _note(line), size=11, align="left")
            row += 1
            chosen = line.band
            for index, band in enumerate(line.item.bands):
                c = tbl.rows[row].cells
                mark = CHOSEN if index == chosen else OTHER
                styles.cell_text(c[1], mark + clean(band.label), align="left", bold=index == chosen)
                styles.cell_text(c[2], str(band.points))
                if index == chosen:
                    styles.cell_text(c[3], str(band.points), bold=True)
                row += 1
    c = tbl.rows[row].cells
    total = c[0].merge(c[1])
    styles.cell_text(total, "TỔNG ĐIỂM", bold=True)
    styles.cell_text(c[2], str(scoresheet.TOTAL), bold=True)
    styles.cell_text(c[3], str(result.total), bold=True)
    styles.keep_rows_whole(tbl)


def _note(line: Line) -> str:
    """The "Ghi chú" column: how chibo computed the item, or the chair's own note."""
    parts = []
    if line.computed is not None and not line.overridden:
        parts.append(line.computed.how)
    if line.overridden:
        parts.append(f"Chi bộ sửa: {line.note}")
    elif line.note:
        parts.append(line.note)
    if line.item.note:
        parts.append(line.item.note)
    return "; ".join(clause(p) for p in parts if p.strip())


def _override_note(line: Line) -> str:
    computed = line.computed
    was = (
        f"{computed.points} điểm ({computed.how})"
        if computed and computed.points is not None
        else ""
    )
    text = clause(line.item.text)
    return f"{text}: {line.points} điểm; chibo tính {was}; lý do: {clause(line.note)}."
