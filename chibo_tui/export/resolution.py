"""Nghị quyết chi bộ tháng (DESIGN.md §6.5), or the thông báo kết luận a cell issues instead.

The structure is the Cẩm Lệ template of domain-notes-2 §2.2: the opening paragraph
from the roll call, I. the month judged (its "bốn tốt" result, the two free-text
reviews, last month's tasks and their results, commendations, shortcomings and
their causes), II. the tasks for the month ahead, III. who leads which, IV. the
score of the HD 42 sheet (when the meeting was scored), the adoption sentence from the
resolution's own vote, Nơi nhận and the signature. Nothing is written as decided
that the record does not decide: an unvoted criterion is "chưa biểu quyết", a
resolution not adopted says so, and either keeps the document a DỰ THẢO.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules, tasks
from ..domain.model import (
    COMMITTEE_OWNER,
    WHOLE_CELL,
    Cell,
    CriterionReview,
    Meeting,
    Mention,
    ResolutionForm,
    Role,
    Task,
    TaskGroup,
    TaskReview,
    TaskStatus,
    Verdict,
)
from ..domain.months import shift
from ..domain.register import code_of, number_of
from ..domain.scoresheet import Result
from ..domain.vietnamese import month_label, vn_letter
from ..text import resolution as R
from . import styles
from .facts import (
    BLANK_LINE,
    bare_name,
    cell_title,
    chair_role,
    clause,
    clean,
    comrade,
    dmy,
    lines,
    reporting_body,
    sentence,
    task_owner,
)
from .header import Recipients, Signer, begin, finish, signature_block, title_block
from .writer import prepare_folder, write_atomic

if TYPE_CHECKING:
    from docx.document import Document

STEMS = {ResolutionForm.RESOLUTION: "nghi-quyet", ResolutionForm.CONCLUSION: "thong-bao-ket-luan"}


def form_of(cell: Cell) -> ResolutionForm:
    """The form the document takes; a cell that issues neither gets a nghị quyết."""
    form = cell.resolution.form
    return form if form in R.FORMS else ResolutionForm.RESOLUTION


def export_resolution(
    cell: Cell, meeting: Meeting, out_dir: Path, score: Result | None = None
) -> Path:
    """Write ``YYYY-MM_nghi-quyet.docx`` (or ``_thong-bao-ket-luan``, ``-2`` …); its path."""
    folder = prepare_folder(out_dir)
    doc = build_resolution(cell, meeting, score)
    return write_atomic(folder, f"{meeting.month}_{STEMS[form_of(cell)]}", doc.save)


def build_resolution(cell: Cell, meeting: Meeting, score: Result | None = None) -> Document:
    form = form_of(cell)
    label = month_label(meeting.month)
    ahead = month_label(shift(meeting.month, 1))
    counts = rules.attendance_counts(meeting.attendance)
    adoption = adoption_sentence(form, meeting, counts)
    summary = R.SUMMARY[form].format(ahead=ahead, month=label)
    doc = begin(
        cell,
        kind=code_of(cell, "resolution"),
        seq=number_of(cell, "resolution", meeting.month),
        day=meeting.date,
        # A resolution the cell has not adopted is a draft, finalised meeting or not.
        draft=not meeting.is_final or not adoption.adopted,
        title=f"{R.TITLE[form]} {summary[0].lower()}{summary[1:]}",
        subject=summary,
        category=R.CATEGORY[form],
    )
    title_block(doc, R.TITLE[form], [summary])
    _opening(doc, cell, meeting, counts, form)

    styles.heading(doc, R.PART_I.format(month=label))
    reviews = sorted(meeting.reviews, key=lambda r: r.number)
    _four_good(doc, meeting, reviews, counts)
    styles.heading(doc, R.IDEOLOGY, level=2)
    styles.notes(doc, meeting.ideology_review, empty=BLANK_LINE)
    styles.heading(doc, R.POLITICAL, level=2)
    styles.notes(doc, meeting.political_review, empty=BLANK_LINE)
    _results(doc, meeting, form)
    _mentions(doc, meeting)
    _shortcomings(doc, reviews, counts)

    styles.heading(doc, R.PART_II.format(ahead=ahead))
    plan = _tasks_ahead(doc, meeting)
    styles.heading(doc, R.PART_III)
    _assignment(doc, meeting, plan)
    styles.paragraph(
        doc,
        R.ISSUE.format(document=R.THIS[form], ward=reporting_body(cell.parent_committee)),
    )
    quality_section(doc, score)

    styles.paragraph(doc, adoption.text, italic=not adoption.adopted, before=6, after=12)
    secretary = cell.with_role(Role.SECRETARY)
    signature_block(
        doc,
        Recipients(
            tuple(line.format(ward=reporting_body(cell.parent_committee)) for line in R.RECIPIENTS)
        ),
        Signer(
            (cell.resolution.signature.value, R.SECRETARY), secretary.full_name if secretary else ""
        ),
        cell.documents,
    )
    return finish(doc, cell)


def _opening(
    doc: Document,
    cell: Cell,
    meeting: Meeting,
    counts: rules.AttendanceCounts,
    form: ResolutionForm,
) -> None:
    if meeting.start_time and meeting.end_time:
        minutes = str(rules.meeting_minutes(meeting.start_time, meeting.end_time))
    else:
        minutes = R.NO_MINUTES
    chair = comrade(meeting.chair) + chair_role(meeting)
    styles.paragraph(
        doc,
        R.OPENING.format(
            day=dmy(meeting.date),
            place=clean(meeting.place) or clean(cell.meeting_place) or "……………………",
            cell=cell_title(cell.name),
            month=month_label(meeting.month),
            total=counts.total,
            present=counts.present,
            absent=counts.absent,
            excused=counts.excused,
            unexcused=counts.unexcused,
            unmarked=R.UNMARKED.format(n=counts.unmarked) if counts.unmarked else "",
            exempt=counts.exempt,
            minutes=minutes,
            chair=capital(chair),
            minute_taker=comrade(meeting.minute_taker),
        ),
    )
    styles.paragraph(doc, R.AFTER_REPORT + R.DECIDES[form])


def _four_good(
    doc: Document,
    meeting: Meeting,
    reviews: list[CriterionReview],
    counts: rules.AttendanceCounts,
) -> None:
    """The month's "bốn tốt" result from the adopted verdicts, or what it still waits for."""
    base, voters = counts.official_voting_base, counts.voters
    outcome = rules.meeting_outcome(reviews, base, voters)
    result = outcome.reason[0].lower() + outcome.reason[1:]
    failed = [
        str(r.number) for r in reviews if rules.adopted_verdict(r, base, voters) is Verdict.FAIL
    ]
    if outcome.value is not None and failed:
        result = R.FAILED_ONES.format(result=result, numbers=rules.join_words(failed))
    styles.paragraph(doc, R.FOUR_GOOD.format(month=month_label(meeting.month), result=result))


def _results(doc: Document, meeting: Meeting, form: ResolutionForm) -> None:
    """I.3: each task of the last resolution, where it stood and what this meeting found."""
    reviews = meeting.task_reviews
    source = max((r.source_month for r in reviews), default=shift(meeting.month, -1))
    document = R.OF_MONTH[form].format(month=month_label(source))
    styles.heading(doc, R.RESULTS.format(document=document), level=2)
    if not reviews:
        styles.paragraph(doc, R.NO_RESULTS)
        return
    styles.paragraph(doc, R.RESULTS_INTRO.format(document=document), keep_next=True)
    width = styles.text_width_mm(doc)
    widths = (12.0, width - 12 - 34 - 46, 34.0, 46.0)
    tbl = styles.table(doc, len(reviews) + 1, widths, borders=True)
    headings = [h.format(month=month_label(source)) for h in R.TABLE_HEADINGS]
    for top, text in zip(tbl.rows[0].cells, headings, strict=True):
        styles.cell_text(top, text, bold=True)
    styles.repeat_as_header(tbl)
    styles.keep_rows_whole(tbl)  # a task and its result are read together, on one page
    for i, (row, review) in enumerate(zip(tbl.rows[1:], reviews, strict=True), start=1):
        c = row.cells
        styles.cell_text(c[0], str(i))
        about = [R.TASK_OWNER.format(owner=task_owner(review.owner))]
        if review.source_month != source:  # carried from an older resolution
            about.insert(0, R.OLDER_SOURCE.format(month=month_label(review.source_month)))
        styles.cell_text(c[1], f"{clause(review.text)} ({'; '.join(about)})", align="left")
        styles.cell_text(c[2], capital(tasks.before_text(review)))
        found = capital(tasks.status_text(review.status))
        if sentence(review.note):
            found += f". {capital(sentence(review.note))}"
        styles.cell_text(c[3], found, align="left")
    styles.keep_with_next(tbl)  # the completion figure follows the table onto its page
    done = tasks.completion(meeting)
    waiting = sum(r.status is None for r in reviews)
    line = R.COMPLETION_WAITING if waiting else R.COMPLETION
    styles.paragraph(doc, line.format(formula=done.formula, n=waiting), before=6)


def capital(text: str) -> str:
    """The first letter in capitals, for a cell's text that starts a sentence."""
    return text[:1].upper() + text[1:]


def _mentions(doc: Document, meeting: Meeting) -> None:
    styles.heading(doc, R.MENTIONS, level=2)
    ordered = [c for kind in Mention for c in meeting.commendations if c.kind is kind]
    ordered = [c for c in ordered if bare_name(c.name) or clean(c.text)]
    if not ordered:
        styles.paragraph(doc, R.NO_MENTIONS)
    for mention in ordered:
        text = R.MENTION.format(
            kind=tasks.MENTION_TEXT[mention.kind],
            name=comrade(mention.name),
            text=sentence(mention.text) or BLANK_LINE,
        )
        styles.item(doc, text)


def _shortcomings(
    doc: Document, reviews: list[CriterionReview], counts: rules.AttendanceCounts
) -> None:
    """I.5: "Một là, …. Nguyên nhân: …" for each criterion the cell voted không đạt."""
    styles.heading(doc, R.SHORTCOMINGS, level=2)
    base, voters = counts.official_voting_base, counts.voters
    failed = [r for r in reviews if rules.adopted_verdict(r, base, voters) is Verdict.FAIL]
    waiting = [r for r in reviews if rules.adopted_verdict(r, base, voters) is None]
    if not failed:
        styles.paragraph(doc, R.NO_SHORTCOMINGS)
    for i, review in enumerate(failed):
        missed = [clause(c.text) for c in review.checks if c.passed is False]
        ordinal = R.ORDINALS[i] if i < len(R.ORDINALS) else str(i + 1)
        par = styles.paragraph(doc)
        styles.add_run(
            par,
            R.SHORTCOMING.format(
                ordinal=ordinal,
                number=review.number,
                title=clause(review.title),
                missed=R.MISSED.format(checks="; ".join(missed)) if missed else "",
            ),
        )
        causes = " ".join(sentence(line) for line in lines(review.causes))
        if not causes:
            causes = R.NO_CAUSES
        elif not causes.casefold().startswith(R.CAUSES_WORD.casefold()):
            causes = R.CAUSES.format(causes=causes)  # typed as "Nguyên nhân chủ quan: …" or not
        styles.add_run(par, " " + causes)
    if waiting:
        states = [
            f"nội dung {r.number} ({clause(r.title)}) {rules.criterion_state(r, base, voters)}"
            for r in waiting
        ]
        styles.paragraph(doc, R.UNDECIDED.format(states=rules.join_words(states)))


@dataclass(frozen=True)
class _Planned:
    """A task of section II with its point ("1a", "3b") and who leads it."""

    point: str
    owner: str
    owner_id: str | None


def _tasks_ahead(doc: Document, meeting: Meeting) -> list[_Planned]:
    """II: the new tasks under their group headings, then the unfinished ones carried on."""
    planned: list[_Planned] = []
    number = 0
    for group in TaskGroup.IDEOLOGY, TaskGroup.POLITICAL:
        mine = [t for t in meeting.tasks if t.group is group]
        if not mine:
            continue
        number += 1
        styles.heading(doc, f"{number}. {tasks.GROUP_TEXT[group]}", level=2)
        for i, task in enumerate(mine):
            letter = vn_letter(i)
            styles.paragraph(doc, _task_line(letter, task))
            planned.append(_Planned(f"{number}{letter}", task.owner, task.owner_id))
    carried = [r for r in meeting.task_reviews if r.status is not TaskStatus.DONE]
    if carried:
        number += 1
        styles.heading(doc, R.CARRIED.format(n=number), level=2)
        for i, review in enumerate(carried):
            letter = vn_letter(i)
            styles.paragraph(doc, _carried_line(letter, review))
            planned.append(_Planned(f"{number}{letter}", review.owner, None))
    if not planned:
        styles.paragraph(doc, R.NO_TASKS)
    return planned


def _task_line(letter: str, task: Task) -> str:
    return R.TASK.format(
        letter=letter,
        text=clause(task.text),
        owner=task_owner(task.owner),
        due=dmy(task.due) if task.due else R.DUE_UNSET,
        at=R.REPORT_AT.format(month=month_label(task.report_month))
        if task.report_month
        else R.REPORT_AT_UNSET,
    )


def _carried_line(letter: str, review: TaskReview) -> str:
    return R.CARRIED_TASK.format(
        letter=letter,
        text=clause(review.text),
        source=R.OLDER_SOURCE.format(month=month_label(review.source_month)),
        owner=task_owner(review.owner),
        status=tasks.status_text(review.status),
        due=R.CARRIED_DUE.format(due=dmy(review.due)) if review.due else "",
    )


def _assignment(doc: Document, meeting: Meeting, planned: list[_Planned]) -> None:
    """III.1: each owner once, with the points of section II they lead.

    The chi ủy first, then members in roll-call order, the whole cell last, and
    what nobody leads yet after everything else.
    """
    if not planned:
        return
    styles.paragraph(doc, R.ASSIGNMENT, keep_next=True)
    roll = {a.member_id: i for i, a in enumerate(meeting.attendance)}
    by_name = {clean(a.full_name).casefold(): i for i, a in enumerate(meeting.attendance)}
    points: dict[str, list[str]] = {}
    rank: dict[str, tuple[int, int]] = {}
    for n, item in enumerate(planned):
        who = task_owner(item.owner)
        name = bare_name(item.owner).casefold()
        if name == COMMITTEE_OWNER.casefold():
            order = 0
        elif name == WHOLE_CELL.casefold():
            order = 10_000
        elif not name:
            order = 20_000
        else:
            order = 1 + roll.get(item.owner_id or "", by_name.get(name, 5_000))
        points.setdefault(who, []).append(item.point)
        rank.setdefault(who, (order, n))
    for who in sorted(points, key=rank.__getitem__):
        styles.item(doc, R.ASSIGNED.format(owner=capital(who), points=", ".join(points[who])))


def quality_section(doc: Document, score: Result | None) -> None:
    """IV: the meeting's score from its HD 42 sheet, and the items that lost points as
    what to improve next time; nothing when the meeting was not scored."""
    if score is None:
        return
    styles.heading(doc, R.PART_IV)
    if score.unscored:
        styles.paragraph(doc, R.SCORE_PARTIAL.format(points=score.total, n=score.unscored))
    else:
        styles.paragraph(doc, R.SCORE.format(points=score.total, rating=score.rating))
    short = [
        clause(line.item.text)
        for line in score.lines
        if line.points is not None and line.points < line.item.points
    ]
    if short:
        # One item a line, as the sheet words it: run into one sentence, each item's
        # capital letter stood mid-sentence, and lowercasing could not tell "Đảng ủy"
        # from a common word.
        styles.paragraph(doc, R.TO_IMPROVE, keep_next=True)
        for n, text in enumerate(short, start=1):
            last = n == len(short)
            end = ";" if not last else "" if text.endswith("…") else "."
            styles.item(doc, text + end)


@dataclass(frozen=True)
class Adoption:
    """The sentence that says how the resolution was voted, and whether it was adopted."""

    text: str
    adopted: bool


def adoption_sentence(
    form: ResolutionForm, meeting: Meeting, counts: rules.AttendanceCounts
) -> Adoption:
    """ "… với 9/10 đồng chí tán thành, đạt tỷ lệ 90%." counted on the official members
    present, adopted when more than half of the official members (not exempt) approve
    (khoản 5 Điều 10 Điều lệ Đảng); otherwise, truthfully, why it is not adopted."""
    document = R.THIS[form]
    vote = meeting.resolution_vote
    day = dmy(meeting.date)
    voters, base = counts.voters, counts.official_voting_base
    if vote is None:
        return Adoption(R.NOT_VOTED.format(document=document), False)
    if not rules.vote_validity(vote, voters).value:
        text = R.MISCOUNTED.format(document=document, day=day, total=vote.total, voters=voters)
        return Adoption(text, False)
    share = rules.percent(vote.in_favour / voters) if voters else "0%"
    values = {"document": document, "day": day, "yes": vote.in_favour, "voters": voters}
    if rules.adoption(vote, base).value:
        return Adoption(R.ADOPTED.format(**values, share=share), True)
    text = R.NOT_ADOPTED.format(**values, share=share, base=base, citation=rules.ADOPTION_CITATION)
    return Adoption(text, False)
