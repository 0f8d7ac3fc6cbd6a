"""Biên bản sinh hoạt chi bộ (DESIGN.md §6.1): the minutes of one monthly meeting.

Everything a ward official looks for is written out in words: who was there and
who was not (by name, with reasons), who voted (official members present only),
each vote sentence and whether it adopted the verdict, the remedies with owner and
due date, last month's remedies, and the closing sentence above the signatures.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.model import Attendance, Cell, CriterionReview, FieldChange, Meeting, Presence
from ..domain.months import shift
from ..domain.register import number_of
from ..domain.remedies import STATUS_TEXT
from ..domain.review_notes import NotePlace, notes_at
from ..domain.vietnamese import month_label, vn_letter
from ..text import amendments as A
from ..text import resolution as R
from . import styles
from .facts import (
    BLANK_LINE,
    bare_name,
    chair_role,
    clause,
    clean,
    clock,
    comrade,
    dmy,
    in_words,
    lines,
    owner,
    sentence,
    task_owner,
)
from .header import Signer, begin, finish, signature_block, title_block
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document

VERDICT_CAPS = {v: t.upper() for v, t in rules.VERDICT_TEXT.items()}
CLOSING = (
    "Biên bản kết thúc lúc {end} cùng ngày, đã được đọc lại cho những người có mặt "
    "cùng nghe và nhất trí."
)


def export_minutes(cell: Cell, meeting: Meeting, out_dir: Path) -> Path:
    """Write ``YYYY-MM_bien-ban.docx`` (or ``-2`` …) into ``out_dir``; return its path."""
    folder = prepare_folder(out_dir)
    doc = build_minutes(cell, meeting)
    return write_atomic(folder, f"{meeting.month}_bien-ban", doc.save)


def build_minutes(cell: Cell, meeting: Meeting) -> Document:
    label = month_label(meeting.month)
    doc = begin(
        cell,
        kind="BB",
        seq=number_of(cell, "minutes", meeting.month),
        day=meeting.date,
        draft=not meeting.is_final,
        title=f"Biên bản sinh hoạt chi bộ tháng {label}",
        subject=f"Sinh hoạt chi bộ định kỳ tháng {label}",
        category="Biên bản",
    )
    title_block(doc, "Biên bản", [f"Sinh hoạt chi bộ định kỳ tháng {label}"])
    counts = rules.attendance_counts(meeting.attendance)
    _opening(doc, cell, meeting, counts)
    reviews = sorted(meeting.reviews, key=lambda r: r.number)

    styles.heading(doc, "I. NỘI DUNG SINH HOẠT")
    agenda = [
        "Kiểm điểm kết quả thực hiện các giải pháp khắc phục kỳ trước.",
        f"Đánh giá kết quả thực hiện mô hình “chi bộ bốn tốt” tháng {label}"
        + (":" if reviews else "."),
    ]
    for i, text in enumerate(agenda, start=1):
        styles.paragraph(doc, f"{i}. {text}")
    for review in reviews:
        styles.item(doc, f"Nội dung {review.number}: {clause(review.title)}.", mark="+")
    n = len(agenda)
    if lines(meeting.other_business):
        n += 1
        styles.paragraph(doc, f"{n}. Các nội dung khác.")
    styles.paragraph(doc, f"{n + 1}. Kết luận của chủ trì.")

    styles.heading(doc, "II. DIỄN BIẾN")
    styles.heading(doc, "1. Kết quả thực hiện giải pháp khắc phục kỳ trước", level=2)
    _follow_ups(doc, meeting)
    number = 1
    for review in reviews:
        number += 1
        styles.heading(doc, f"{number}. Nội dung {review.number}: {clause(review.title)}", level=2)
        _review(doc, review, counts)
    if lines(meeting.other_business):
        number += 1
        styles.heading(doc, f"{number}. Các nội dung khác", level=2)
        styles.notes(doc, meeting.other_business)

    styles.heading(doc, "III. KẾT LUẬN CỦA CHỦ TRÌ")
    styles.notes(doc, meeting.conclusion, empty=BLANK_LINE)
    if reviews:
        overall(doc, reviews, counts)
    _resolution_record(doc, cell, meeting, counts)
    if meeting.is_final and clean(meeting.override_reason):
        par = styles.paragraph(doc)
        styles.add_run(par, "Ghi chú: ", bold=True)
        styles.add_run(
            par,
            "biên bản được chốt khi còn nội dung chưa hoàn chỉnh; lý do: "
            + sentence(meeting.override_reason),
        )

    styles.paragraph(
        doc, CLOSING.format(end=clock(meeting.end_time)), before=6, after=12, keep_next=True
    )
    signature_block(
        doc,
        Signer(("THƯ KÝ",), meeting.minute_taker),
        Signer(("CHỦ TRÌ",), meeting.chair),
        cell.documents,
    )
    _amendments(doc, cell, meeting)
    return finish(doc, cell)


def _opening(doc: Document, cell: Cell, meeting: Meeting, counts: rules.AttendanceCounts) -> None:
    start = clock(meeting.start_time)
    styles.labelled(doc, "- Thời gian: ", f"bắt đầu lúc {start}, ngày {dmy(meeting.date)}.")
    place = clean(meeting.place) or clean(cell.meeting_place) or "……………………"
    styles.labelled(doc, "- Địa điểm: ", f"{place}.")
    styles.labelled(
        doc,
        "- Tổng số đảng viên của chi bộ: ",
        f"{counts.total} đồng chí; trong đó chính thức {counts.official}, "
        f"dự bị {counts.probationary}.",
    )
    exempt = [a for a in meeting.attendance if a.exempt]
    if exempt:
        styles.labelled(
            doc,
            "- Miễn công tác, sinh hoạt đảng: ",
            f"{len(exempt)} đồng chí ({_names(exempt)}); không tính vào số phải dự.",
        )
    present = [a for a in meeting.attendance if not a.exempt and a.presence is Presence.PRESENT]
    probationary_present = sum(not a.is_official for a in present)
    ratio = rules.percent(counts.present / counts.expected) if counts.expected else "0%"
    styles.labelled(
        doc,
        "- Có mặt: ",
        f"{counts.present}/{counts.expected} đồng chí ({ratio} số đảng viên phải dự sinh "
        f"hoạt); chính thức {counts.voters}, dự bị {probationary_present}.",
    )
    if counts.absent:
        styles.labelled(doc, "- Vắng mặt: ", f"{counts.absent} đồng chí:")
        excused = _marked(meeting, Presence.EXCUSED)
        unexcused = _marked(meeting, Presence.UNEXCUSED)
        if excused:
            styles.item(doc, f"Có lý do ({len(excused)}): {_with_reasons(excused)}.", mark="+")
        if unexcused:
            styles.item(doc, f"Không có lý do ({len(unexcused)}): {_names(unexcused)}.", mark="+")
    else:
        styles.labelled(doc, "- Vắng mặt: ", "không.")
    if counts.unmarked:
        unmarked = _marked(meeting, Presence.UNMARKED)
        styles.labelled(
            doc, "- Chưa điểm danh: ", f"{len(unmarked)} đồng chí ({_names(unmarked)})."
        )
    styles.labelled(
        doc,
        "- Biểu quyết: ",
        f"{counts.voters} đảng viên chính thức có mặt được biểu quyết; nghị quyết được "
        f"thông qua khi có hơn một nửa trong {counts.official_voting_base} đảng viên chính "
        "thức của chi bộ (không kể đồng chí miễn sinh hoạt) tán thành "
        f"({rules.ADOPTION_CITATION}).",
    )
    guests = [g for g in meeting.guests if clean(g.name)]
    if guests:
        styles.labelled(doc, "- Đại biểu, khách mời: ", f"{len(guests)} đồng chí:")
        for guest in guests:
            position = f", {clause(guest.position)}" if clause(guest.position) else ""
            name = comrade(guest.name)
            styles.item(doc, f"{name[0].upper()}{name[1:]}{position}.", mark="+")
    else:
        styles.labelled(doc, "- Đại biểu, khách mời: ", "không có.")
    styles.labelled(doc, "- Chủ trì: ", f"{comrade(meeting.chair)}{chair_role(meeting)}.")
    styles.labelled(doc, "- Thư ký: ", f"{comrade(meeting.minute_taker)}.")


def _marked(meeting: Meeting, presence: Presence) -> list[Attendance]:
    return [a for a in meeting.attendance if not a.exempt and a.presence is presence]


def _names(rows: list[Attendance]) -> str:
    return ", ".join(comrade(a.full_name) for a in rows)


def _with_reasons(rows: list[Attendance]) -> str:
    parts = []
    for a in rows:
        why = clause(a.reason)
        parts.append(f"{comrade(a.full_name)} ({why})" if why else comrade(a.full_name))
    return "; ".join(parts)


def _follow_ups(doc: Document, meeting: Meeting) -> None:
    if not meeting.follow_ups:
        styles.paragraph(doc, "Không có giải pháp khắc phục nào còn tồn đọng từ các kỳ trước.")
        return
    for f in meeting.follow_ups:
        details = (
            f"nội dung {f.criterion}, đề ra tháng {month_label(f.source_month)}; "
            f"phụ trách: {owner(f.owner)}; thời hạn: {dmy(f.due) if f.due else 'chưa định'}"
        )
        par = styles.paragraph(doc)
        styles.add_run(par, f"- {clause(f.text)} ({details}): ")
        styles.add_run(par, STATUS_TEXT[f.status] + ".", bold=True)
        if sentence(f.note):
            styles.add_run(par, f" {sentence(f.note)}")


def _review(doc: Document, review: CriterionReview, counts: rules.AttendanceCounts) -> None:
    letters = iter(range(26))

    def sub(title: str) -> None:
        styles.heading(doc, f"{vn_letter(next(letters))}) {title}", level=3)

    if review.checks:
        sub("Kết quả tự đánh giá tiêu chí con:")
        for check in review.checks:
            result = (
                "chưa đánh giá"
                if check.passed is None
                else ("đạt" if check.passed else "không đạt")
            )
            styles.item(doc, f"{clause(check.text)}: {result}.")
    sub("Ý kiến thảo luận:")
    if not review.discussion:
        styles.paragraph(doc, "Không có ý kiến thảo luận.")
    for entry in review.discussion:
        said = lines(entry.text) or ["(không ghi nội dung)"]
        said[-1] = sentence(said[-1])
        par = styles.paragraph(doc)
        styles.add_run(par, "- Đồng chí ")
        styles.add_run(par, bare_name(entry.speaker) or "……………", bold=True)
        styles.add_run(par, f": {said[0]}")
        for more in said[1:]:
            styles.paragraph(doc, more)
    # Causes and responsibility belong to every criterion, đạt or not: why it went
    # well is as much the cell's judgement as why it did not.
    for note in notes_at(NotePlace.ANALYSIS):
        sub(f"{note.heading}:")
        styles.notes(doc, note.text(review), empty=BLANK_LINE)
    if review.remedies:
        sub("Giải pháp khắc phục:")
        for remedy in review.remedies:
            due = dmy(remedy.due) if remedy.due else "chưa định"
            styles.item(
                doc,
                f"{clause(remedy.text)}. Phụ trách: {owner(remedy.owner)}; thời hạn: {due}.",
            )
    sub("Biểu quyết:")
    _votes(doc, review, counts)
    for note in notes_at(NotePlace.AFTER_VOTE):
        if lines(note.text(review)):
            sub(f"{note.heading}:")
            styles.notes(doc, note.text(review))


def _votes(doc: Document, review: CriterionReview, counts: rules.AttendanceCounts) -> None:
    """Each vote read once: the count among the voters, then the test against its base.

    Every line up to the verdict is kept with the next, so the verdict never starts
    a page of its own, away from the vote it comes from.
    """
    voters, base = counts.voters, counts.official_voting_base
    for i, earlier in enumerate(review.earlier_votes, start=1):
        wording = rules.vote_wording(earlier, voters, base)
        styles.item(
            doc,
            f"Lần {i}: chủ trì đề nghị kết quả {rules.VERDICT_TEXT[earlier.verdict_put]}; "
            f"{wording.count}. {wording.test}.",
            keep_next=True,
        )
    vote = review.vote
    if vote is None:
        styles.paragraph(doc, "Chưa biểu quyết.")
        return
    put = (
        f"chủ trì đề nghị chi bộ biểu quyết kết quả nội dung {review.number}: "
        f"{rules.VERDICT_TEXT[vote.verdict_put]}."
    )
    if review.earlier_votes:
        put = f"Lần {len(review.earlier_votes) + 1}: {put}"
    styles.item(doc, put[0].upper() + put[1:], keep_next=True)
    wording = rules.vote_wording(vote, voters, base)
    styles.item(doc, f"Kết quả biểu quyết: {wording.count}.", keep_next=True)
    styles.item(doc, f"{wording.test}.", keep_next=True)
    par = styles.paragraph(doc)
    if wording.adopted:
        styles.add_run(par, f"Chi bộ thống nhất: nội dung {review.number} ", bold=True)
        styles.add_run(par, VERDICT_CAPS[vote.verdict_put] + ".", bold=True)
    else:
        styles.add_run(par, "Kết quả chưa được thông qua; chủ trì cần xem xét lại.", bold=True)


def overall(doc: Document, reviews: list[CriterionReview], counts: rules.AttendanceCounts) -> None:
    """ "Kết quả chung: …" once every criterion is decided; until then, what is missing."""
    outcome = rules.meeting_outcome(reviews, counts.official_voting_base, counts.voters)
    par = styles.paragraph(doc)
    if outcome.value is None:
        styles.add_run(par, outcome.reason + ".", italic=True)
        return
    styles.add_run(par, "Kết quả chung: ", bold=True)
    styles.add_run(par, outcome.reason + ".")


def _resolution_record(
    doc: Document, cell: Cell, meeting: Meeting, counts: rules.AttendanceCounts
) -> None:
    """What the meeting decided for its resolution: the tasks set, then the vote on it.

    The minutes are the record the resolution is checked against, so they carry both;
    a cell that issues no resolution still has its tasks recorded, without a vote.
    """
    form = cell.resolution.form
    if meeting.tasks:
        ahead = month_label(shift(meeting.month, 1))
        styles.labelled(
            doc,
            R.MINUTES_TASKS.format(ahead=ahead),
            R.MINUTES_TASKS_COUNT.format(n=len(meeting.tasks)),
        )
        for task in meeting.tasks:
            due = dmy(task.due) if task.due else R.DUE_UNSET
            styles.item(
                doc,
                R.MINUTES_TASK.format(
                    text=clause(task.text), owner=task_owner(task.owner), due=due
                ),
            )
    if form not in R.FORMS or not (meeting.tasks or meeting.resolution_vote):
        return  # a month from before the resolution was recorded: nothing to say of it
    label = R.MINUTES_VOTE.format(document=R.THIS[form].lower())
    voters, base = counts.voters, counts.official_voting_base
    said = [
        f"{wording.count}. {wording.test}."
        for wording in (
            rules.vote_wording(v, voters, base)
            for v in (*meeting.resolution_earlier_votes, meeting.resolution_vote)
            if v is not None
        )
    ]
    if meeting.resolution_vote is None:
        said.append(R.MINUTES_NOT_VOTED)
    if len(said) == 1:
        styles.labelled(doc, label, said[0])
        return
    # Voted again after a vote that did not adopt it: each vote, in order.
    styles.labelled(doc, label, "").paragraph_format.keep_with_next = True
    for n, text in enumerate(said, start=1):
        styles.item(doc, R.MINUTES_VOTE_AGAIN.format(n=n, text=text))


def _amendments(doc: Document, cell: Cell, meeting: Meeting) -> None:
    """Each reopening with what it changed (field, as finalised, now), its times in
    words, its reason and its own signatures; a plain amendment with its text."""
    if not meeting.amendments:
        return
    styles.paragraph(doc, A.BLOCK_TITLE, bold=True, align="center", indent=False, before=18)
    for n, amendment in enumerate(meeting.amendments, start=1):
        if amendment.is_reopening:
            line = A.REOPENING.format(n=n, opened=in_words(amendment.at))
            closed = amendment.closed_at
            line += A.CLOSED.format(closed=in_words(closed)) if closed else A.STILL_OPEN
        else:
            line = A.AMENDED.format(n=n, at=in_words(amendment.at))
        styles.paragraph(doc, line, bold=True, keep_next=True)
        styles.labelled(doc, A.REASON, sentence(amendment.reason) or BLANK_LINE)
        if not amendment.is_reopening:
            if clean(amendment.text):
                styles.labelled(doc, A.TEXT, sentence(amendment.text))
        elif amendment.closed_at is not None and amendment.changes:
            styles.paragraph(doc, A.CHANGES, keep_next=True)
            _changes_table(doc, amendment.changes)
        elif amendment.closed_at is not None:
            styles.paragraph(doc, A.NO_CHANGES)
        styles.paragraph(doc, after=0, keep_next=True)
        signature_block(
            doc,
            Signer(("THƯ KÝ",), meeting.minute_taker),
            Signer(("CHỦ TRÌ",), meeting.chair),
            cell.documents,
            ends_body=False,
        )


def _changes_table(doc: Document, changes: list[FieldChange]) -> None:
    width = styles.text_width_mm(doc)
    number_mm, field_mm = 12.0, 45.0
    side = (width - number_mm - field_mm) / 2
    tbl = styles.table(doc, len(changes) + 1, (number_mm, field_mm, side, side), borders=True)
    for cell, heading in zip(tbl.rows[0].cells, A.HEADINGS, strict=True):
        styles.cell_text(cell, heading, bold=True, size=12)
    for i, change in enumerate(changes, start=1):
        row = tbl.rows[i].cells
        styles.cell_text(row[0], str(i), size=12)
        for cell, text in zip(row[1:], (change.field, change.before, change.after), strict=True):
            styles.cell_text(cell, text, size=12, align="left")
    styles.repeat_as_header(tbl)
