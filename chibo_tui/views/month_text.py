"""A finalised (or draft) month as readable text: sections of lines, no Textual.

The month-in-full screen shows these sections and the search index reads the very
same lines, so what search finds is exactly what the chair sees when it opens.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

import msgspec

from ..domain import rules, tasks
from ..domain.model import (
    Attendance,
    CriterionReview,
    Meeting,
    Mention,
    Presence,
    Remedy,
    RemedyFollowUp,
    ResolutionForm,
    TaskGroup,
    TaskStatus,
    Verdict,
    Vote,
)
from ..domain.months import shift
from ..domain.remedies import STATUS_TEXT
from ..domain.review_notes import NotePlace, notes_at
from ..domain.vietnamese import month_label
from ..text import history as T
from .tone import Tone


class Kind(StrEnum):
    """How a line is laid out."""

    GROUP = "group"  # a sub-heading inside a section ("Nguyên nhân")
    FIELD = "field"  # "Label: value"
    ITEM = "item"  # a bullet
    CHECK = "check"  # a sub-criterion, its mark as the label: "✓ Sinh hoạt định kỳ …"
    TEXT = "text"  # a paragraph


class Line(msgspec.Struct, frozen=True):
    """One line of a section: a label (speaker, field name) and the text."""

    text: str
    kind: Kind = Kind.TEXT
    label: str = ""
    tone: Tone = Tone.PLAIN
    group: str = ""  # the sub-heading it sits under, for search results
    what: str = ""  # what the line is ("nhiệm vụ", "biểu dương"), for search results

    @property
    def display(self) -> str:
        """The line as shown (and searched): "Nguyễn Văn An: ý kiến …", "✓ Sinh hoạt …"."""
        if not self.label:
            return self.text
        return (
            f"{self.label} {self.text}" if self.kind is Kind.CHECK else f"{self.label}: {self.text}"
        )


class Section(msgspec.Struct, frozen=True):
    """A block of the month: general facts, attendance, one criterion, the conclusion…"""

    anchor: str  # stable id: "general", "criterion-2", "conclusion"…
    title: str
    lines: tuple[Line, ...]
    criterion: int | None = None
    verdict: Verdict | None = None


def show_date(value: date | None) -> str:
    """``05/03/2026``, or an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


def show_time(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def show_datetime(value: datetime | None) -> str:
    return value.strftime("%H:%M ngày %d/%m/%Y") if value else ""


def criterion_anchor(number: int) -> str:
    return f"criterion-{number}"


def month_sections(
    meeting: Meeting, form: ResolutionForm = ResolutionForm.RESOLUTION
) -> list[Section]:
    """Every section of ``meeting`` in reading order (empty ones left out).

    ``form`` is what the cell issues after a meeting; it names the vote on it.
    """
    counts = rules.attendance_counts(meeting.attendance)
    sections = [
        _general(meeting),
        _attendance(meeting),
        _follow_ups(meeting.follow_ups),
    ]
    if meeting.task_reviews:
        sections.append(_task_reviews(meeting))
    for review in sorted(meeting.reviews, key=lambda r: r.number):
        sections.append(_criterion(review, counts))
    if meeting.ideology_review.strip() or meeting.political_review.strip():
        sections.append(_leadership(meeting))
    if meeting.commendations:
        sections.append(_commendations(meeting))
    if meeting.tasks:
        sections.append(_tasks(meeting))
    if meeting.other_business.strip():
        sections.append(_paragraphs("other", T.SECTION_OTHER, meeting.other_business))
    sections.append(_paragraphs("conclusion", T.SECTION_CONCLUSION, meeting.conclusion))
    if meeting.resolution_vote is not None or meeting.resolution_earlier_votes:
        sections.append(_resolution_vote(meeting, form, counts))
    if meeting.amendments:
        lines = tuple(
            Line(
                T.AMENDMENT_LINE.format(at=show_datetime(a.at), reason=a.reason)
                + (f": {a.text}" if a.text else ""),
                Kind.ITEM,
            )
            for a in meeting.amendments
        )
        sections.append(Section("amendments", T.SECTION_AMENDMENTS, lines))
    return sections


def state_text(meeting: Meeting) -> str:
    if meeting.is_final:
        return T.STATE_FINAL_AT.format(at=show_datetime(meeting.finalised_at))
    return T.STATE_DRAFT_LONG


def _general(meeting: Meeting) -> Section:
    lines = [Line(state_text(meeting), Kind.FIELD, T.FIELD_STATE, _state_tone(meeting))]
    lines.append(Line(show_date(meeting.date), Kind.FIELD, T.FIELD_DATE))
    if meeting.start_time and meeting.end_time:
        minutes = rules.meeting_minutes(meeting.start_time, meeting.end_time)
        when = T.FIELD_TIME_VALUE.format(
            start=show_time(meeting.start_time), end=show_time(meeting.end_time), minutes=minutes
        )
        lines.append(Line(when, Kind.FIELD, T.FIELD_TIME))
    elif meeting.start_time:
        start = T.FIELD_TIME_OPEN.format(start=show_time(meeting.start_time))
        lines.append(Line(start, Kind.FIELD, T.FIELD_TIME))
    for label, value in (
        (T.FIELD_PLACE, meeting.place),
        (T.FIELD_CHAIR, meeting.chair),
        (T.FIELD_MINUTE_TAKER, meeting.minute_taker),
    ):
        if value:
            lines.append(Line(value, Kind.FIELD, label))
    if meeting.guests:
        guests = "; ".join(
            f"{g.name} ({g.position})" if g.position else g.name for g in meeting.guests
        )
        lines.append(Line(guests, Kind.FIELD, T.FIELD_GUESTS))
    if meeting.is_final and meeting.override_reason:
        lines.append(Line(meeting.override_reason, Kind.FIELD, T.FIELD_OVERRIDE, Tone.WARN))
    return Section("general", T.SECTION_GENERAL, tuple(lines))


def _state_tone(meeting: Meeting) -> Tone:
    return Tone.PASS if meeting.is_final else Tone.WARN


def _attendance(meeting: Meeting) -> Section:
    counts = rules.attendance_counts(meeting.attendance)
    roster = T.FIELD_ROSTER_VALUE.format(
        total=counts.total,
        official=counts.official,
        probationary=counts.probationary,
        exempt=counts.exempt,
    )
    lines = [
        Line(roster, Kind.FIELD, T.FIELD_ROSTER),
        Line(rules.attendance_ratio(counts).reason, Kind.FIELD, T.FIELD_PRESENT),
        Line(
            _absent(meeting.attendance, Presence.EXCUSED, with_reason=True),
            Kind.FIELD,
            T.FIELD_EXCUSED,
        ),
        Line(
            _absent(meeting.attendance, Presence.UNEXCUSED, with_reason=False),
            Kind.FIELD,
            T.FIELD_UNEXCUSED,
            Tone.FAIL if counts.unexcused else Tone.PLAIN,
        ),
        Line(
            T.FIELD_VOTERS_VALUE.format(voters=counts.voters, base=counts.official_voting_base),
            Kind.FIELD,
            T.FIELD_VOTERS,
        ),
    ]
    return Section("attendance", T.SECTION_ATTENDANCE, tuple(lines))


def _absent(rows: list[Attendance], presence: Presence, with_reason: bool) -> str:
    names = [
        f"{a.full_name} ({a.reason})" if with_reason and a.reason else a.full_name
        for a in rows
        if a.presence is presence and not a.exempt
    ]
    return "; ".join(names) if names else T.FIELD_NOBODY


def _follow_ups(follow_ups: list[RemedyFollowUp]) -> Section:
    lines: list[Line] = []
    for f in follow_ups:
        tone = {"done": Tone.PASS, "in_progress": Tone.WARN}.get(f.status.value, Tone.FAIL)
        text = T.FOLLOW_UP_LINE.format(
            text=f.text,
            owner=f.owner or T.NO_OWNER,
            due=show_date(f.due) or T.NO_DUE,
            month=month_label(f.source_month),
            n=f.criterion,
        )
        lines.append(Line(text, Kind.ITEM, STATUS_TEXT[f.status], tone))
        if f.note:
            lines.append(Line(T.FOLLOW_UP_NOTE.format(note=f.note), Kind.TEXT, tone=Tone.MUTED))
    if not lines:
        lines.append(Line(T.FOLLOW_UPS_NONE, tone=Tone.MUTED))
    return Section("follow-ups", T.SECTION_FOLLOW_UPS, tuple(lines))


TASK_TONE = {TaskStatus.DONE: Tone.PASS, TaskStatus.IN_PROGRESS: Tone.WARN}


def _task_reviews(meeting: Meeting) -> Section:
    """Section I.3 of the resolution: each task of the earlier resolutions, before and after."""
    completion = tasks.completion(meeting)
    lines = [Line(completion.formula, Kind.FIELD, T.TASK_COMPLETION, what=T.WHAT_TASK_REVIEW)]
    for review in meeting.task_reviews:
        if review.status is None:
            tone = Tone.UNDECIDED
        else:
            tone = TASK_TONE.get(review.status, Tone.FAIL)
        text = T.TASK_REVIEW_LINE.format(
            text=review.text,
            owner=review.owner or T.NO_OWNER,
            due=show_date(review.due) or T.NO_DUE,
            month=month_label(review.source_month),
            before=tasks.before_text(review),
        )
        label = tasks.status_text(review.status)
        lines.append(Line(text, Kind.ITEM, label, tone, what=T.WHAT_TASK_REVIEW))
        if review.note:
            note = T.TASK_REVIEW_NOTE.format(note=review.note)
            lines.append(Line(note, tone=Tone.MUTED, what=T.WHAT_TASK_NOTE))
    return Section("task-reviews", T.SECTION_TASK_REVIEWS, tuple(lines))


def _leadership(meeting: Meeting) -> Section:
    """Sections I.1 and I.2 of the resolution, under their headings."""
    lines: list[Line] = []
    for number, (group, text) in enumerate(
        (
            (TaskGroup.IDEOLOGY, meeting.ideology_review),
            (TaskGroup.POLITICAL, meeting.political_review),
        ),
        start=1,
    ):
        if text.strip():
            heading = f"{number}. {tasks.GROUP_TEXT[group]}"
            lines.append(Line(heading, Kind.GROUP))
            lines += [Line(p, group=heading, what=T.WHAT_LEADERSHIP) for p in _split(text)]
    return Section("leadership", T.SECTION_LEADERSHIP, tuple(lines))


def _commendations(meeting: Meeting) -> Section:
    lines = tuple(
        Line(
            T.COMMENDATION_LINE.format(name=c.name, text=c.text),
            Kind.ITEM,
            tasks.MENTION_TEXT[c.kind],
            Tone.PASS if c.kind is Mention.PRAISE else Tone.WARN,
            what=tasks.MENTION_TEXT[c.kind].lower(),
        )
        for c in meeting.commendations
    )
    return Section("commendations", T.SECTION_COMMENDATIONS, lines)


def _tasks(meeting: Meeting) -> Section:
    """Section II of the resolution: the tasks for the month ahead, by group."""
    lines: list[Line] = []
    for group in TaskGroup:
        mine = [t for t in meeting.tasks if t.group is group]
        if not mine:
            continue
        heading = tasks.GROUP_TEXT[group]
        lines.append(Line(heading, Kind.GROUP))
        for task in mine:
            text = T.TASK_LINE.format(
                text=task.text,
                owner=task.owner or T.NO_OWNER,
                due=show_date(task.due) or T.NO_DUE,
                report=month_label(task.report_month) if task.report_month else T.NO_DUE,
            )
            if task.remedy_id:
                text += T.TASK_FROM_REMEDY
            lines.append(Line(text, Kind.ITEM, group=heading, what=T.WHAT_TASK))
    title = T.SECTION_TASKS.format(month=month_label(shift(meeting.month, 1)))
    return Section("tasks", title, tuple(lines))


def _resolution_vote(
    meeting: Meeting, form: ResolutionForm, counts: rules.AttendanceCounts
) -> Section:
    """The vote that adopts the resolution, worded as the documents word it."""
    name = rules.RESOLUTION_NAME.get(form, rules.RESOLUTION_NAME[ResolutionForm.RESOLUTION])
    what = T.WHAT_RESOLUTION_VOTE
    lines = [
        Line(
            rules.vote_sentence(v, counts.voters), Kind.FIELD, T.VOTE_EARLIER, Tone.MUTED, what=what
        )
        for v in meeting.resolution_earlier_votes
    ]
    vote = meeting.resolution_vote
    if vote is None:
        lines.append(Line(T.RESOLUTION_VOTE_NONE, Kind.FIELD, T.VOTE, Tone.UNDECIDED, what=what))
    else:
        wording = rules.vote_wording(vote, counts.voters, counts.official_voting_base)
        tone = Tone.PASS if wording.adopted else Tone.WARN
        lines.append(Line(wording.count, Kind.FIELD, T.VOTE, what=what))
        lines.append(Line(wording.test, Kind.FIELD, T.ADOPTION, tone, what=what))
    title = T.SECTION_RESOLUTION_VOTE.format(name=name.lower())
    return Section("resolution-vote", title, tuple(lines))


def _criterion(review: CriterionReview, counts: rules.AttendanceCounts) -> Section:
    lines: list[Line] = []

    def group(title: str) -> None:
        lines.append(Line(title, Kind.GROUP))

    group(T.GROUP_CHECKS)
    for check in review.checks:
        mark, tone = {
            True: (T.MARK_PASS, Tone.PASS),
            False: (T.MARK_FAIL, Tone.FAIL),
            None: (T.MARK_UNDECIDED, Tone.UNDECIDED),
        }[check.passed]
        lines.append(Line(check.text, Kind.CHECK, mark, tone, T.GROUP_CHECKS))
    if not review.checks:
        lines.append(Line(T.CHECKS_NONE, tone=Tone.MUTED, group=T.GROUP_CHECKS))

    def notes(place: NotePlace) -> None:
        for note in notes_at(place):
            text = note.text(review)
            if text.strip():
                group(note.heading)
                lines.extend(Line(p, group=note.heading) for p in _split(text))

    group(T.GROUP_DISCUSSION)
    for d in review.discussion:
        lines.append(Line(d.text, Kind.ITEM, d.speaker, group=T.GROUP_DISCUSSION))
    if not review.discussion:
        lines.append(Line(T.DISCUSSION_NONE, tone=Tone.MUTED, group=T.GROUP_DISCUSSION))

    notes(NotePlace.ANALYSIS)

    if review.remedies:
        group(T.GROUP_REMEDIES)
        lines.extend(_remedy_line(r) for r in review.remedies)

    group(T.GROUP_RESULT)
    lines.extend(_result_lines(review, counts))

    notes(NotePlace.AFTER_VOTE)

    verdict = rules.adopted_verdict(review, counts.official_voting_base, counts.voters)
    title = T.SECTION_CRITERION.format(n=review.number, title=review.title)
    return Section(criterion_anchor(review.number), title, tuple(lines), review.number, verdict)


def _remedy_line(remedy: Remedy) -> Line:
    text = T.REMEDY_LINE.format(
        text=remedy.text,
        owner=remedy.owner or T.NO_OWNER,
        due=show_date(remedy.due) or T.NO_DUE,
    )
    return Line(text, Kind.ITEM, group=T.GROUP_REMEDIES)


def _result_lines(review: CriterionReview, counts: rules.AttendanceCounts) -> list[Line]:
    g = T.GROUP_RESULT
    proposed = rules.proposed_verdict(review)
    lines = [Line(proposed.reason, Kind.FIELD, T.PROPOSED, group=g)]
    for earlier in review.earlier_votes:
        lines.append(
            Line(_vote_text(earlier, counts), Kind.FIELD, T.VOTE_EARLIER, Tone.MUTED, group=g)
        )
    vote = review.vote
    if vote is None:
        lines.append(Line(T.VOTE_NONE, Kind.FIELD, T.VOTE, Tone.UNDECIDED, group=g))
        return lines
    lines.append(Line(_vote_text(vote, counts), Kind.FIELD, T.VOTE, group=g))
    valid = rules.vote_validity(vote, counts.voters)
    lines.append(
        Line(
            valid.reason, Kind.FIELD, T.VALIDITY, Tone.PLAIN if valid.value else Tone.FAIL, group=g
        )
    )
    wording = rules.vote_wording(vote, counts.voters, counts.official_voting_base)
    lines.append(
        Line(
            wording.test,
            Kind.FIELD,
            T.ADOPTION,
            Tone.PLAIN if wording.adopted else Tone.WARN,
            group=g,
        )
    )
    verdict = rules.adopted_verdict(review, counts.official_voting_base, counts.voters)
    tone = {Verdict.PASS: Tone.PASS, Verdict.FAIL: Tone.FAIL}.get(verdict, Tone.UNDECIDED)  # type: ignore[arg-type]
    shown = rules.VERDICT_TEXT[verdict].upper() if verdict else T.VERDICT_NONE
    lines.append(Line(shown, Kind.FIELD, T.VERDICT, tone, group=g))
    return lines


def _vote_text(vote: Vote, counts: rules.AttendanceCounts) -> str:
    put = T.VOTE_PUT.format(verdict=rules.VERDICT_TEXT[vote.verdict_put])
    return f"{put} — {rules.vote_sentence(vote, counts.voters)}"


def _paragraphs(anchor: str, title: str, text: str) -> Section:
    lines = tuple(Line(p) for p in _split(text)) or (Line(T.NOTHING, tone=Tone.MUTED),)
    return Section(anchor, title, lines)


def _split(text: str) -> list[str]:
    """Paragraphs of a free text, one line each (blank lines dropped)."""
    return [p.strip() for p in text.splitlines() if p.strip()]
