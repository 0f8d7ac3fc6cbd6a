"""A meeting's life: started from the cell, finalised, reopened, amended."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from ..text import amendments as T
from . import amendments, tasks
from .model import (
    Amendment,
    Attendance,
    Cell,
    CriterionReview,
    Meeting,
    MeetingState,
    RemedyStatus,
    Role,
)
from .remedies import carry_over, follow_ups_for


def new_meeting(
    cell: Cell,
    month: str,
    day: date,
    history: Iterable[Meeting] = (),
    start: time | None = None,
) -> Meeting:
    """A draft meeting with the roster, criteria and open remedies copied in.

    The copies keep the meeting as it was judged, whatever later edits the cell sees.
    """
    chair = cell.with_role(Role.SECRETARY)
    return Meeting(
        month=month,
        date=day,
        start_time=start,
        place=cell.meeting_place,
        chair=chair.full_name if chair else "",
        chair_id=chair.id if chair else None,
        attendance=[Attendance.of(m) for m in cell.active_members()],
        follow_ups=follow_ups_for(history, month),
        task_reviews=tasks.reviews_for(history, month),
        reviews=[CriterionReview.of(c) for c in cell.criteria],
    )


def sync_roster(meeting: Meeting, cell: Cell) -> None:
    """Bring a draft meeting's roster in line with the cell, keeping marks made.

    Members removed from the cell leave the meeting unless they were marked
    present; that case is reported by ``rules.meeting_roster_issues`` instead.
    """
    if meeting.is_final:
        return
    by_id = {a.member_id: a for a in meeting.attendance}
    rows: list[Attendance] = []
    for member in cell.active_members():
        row = by_id.pop(member.id, None) or Attendance.of(member)
        row.full_name, row.status = member.full_name, member.status
        row.exempt, row.role = member.exempt, member.role
        rows.append(row)
    rows += [a for a in by_id.values() if a.presence.value == "present"]
    meeting.attendance = rows


def sync_follow_ups(meeting: Meeting, previous: Meeting | None) -> None:
    """Bring a draft's follow-up list in line with what ``previous`` leaves open.

    A draft started before the previous month was finished (or reopened since)
    would otherwise never see remedies raised there. Marks and notes already
    made are kept, and a remedy the chair has already marked is never dropped.
    """
    if meeting.is_final:
        return
    mine = {f.remedy_id: f for f in meeting.follow_ups}
    carried = carry_over(previous) if previous is not None else []
    synced = [mine.pop(f.remedy_id, f) for f in carried]
    synced += [f for f in mine.values() if f.status is not RemedyStatus.OPEN or f.note]
    if synced != meeting.follow_ups:
        meeting.follow_ups = synced


def sync_task_reviews(meeting: Meeting, previous: Meeting | None) -> None:
    """Bring a draft's task reviews in line with what ``previous`` leaves to review.

    As for remedies: a draft started before the previous month was finalised
    sees the tasks set there; reviews already made are kept, never dropped.
    """
    if meeting.is_final:
        return
    mine = {r.task_id: r for r in meeting.task_reviews}
    due = tasks.carry_over(previous) if previous is not None else []
    synced = [mine.pop(r.task_id, r) for r in due]
    synced += [r for r in mine.values() if r.status is not None or r.note]
    if synced != meeting.task_reviews:
        meeting.task_reviews = synced


def sync_criteria(meeting: Meeting, cell: Cell) -> None:
    """Apply edited criteria to a draft meeting, keeping marks of unchanged lines."""
    if meeting.is_final:
        return
    for criterion in cell.criteria:
        try:
            review = meeting.review(criterion.number)
        except StopIteration:
            meeting.reviews.append(CriterionReview.of(criterion))
            continue
        marks = {c.text: c.passed for c in review.checks}
        review.title = criterion.title
        review.checks = CriterionReview.of(criterion).checks
        for check in review.checks:
            check.passed = marks.get(check.text)


def finalise(meeting: Meeting, at: datetime, override_reason: str = "") -> None:
    """Lock the meeting; after a reopening, record what changed since it was finalised."""
    reopening = meeting.amendments[-1] if meeting.amendments else None
    if reopening is not None and reopening.is_reopening and reopening.closed_at is None:
        assert reopening.finalised is not None
        reopening.changes = amendments.changes(reopening.finalised, meeting)
        reopening.closed_at = at
    meeting.state = MeetingState.FINALISED
    meeting.finalised_at = at
    meeting.override_reason = override_reason


def reopen(meeting: Meeting, at: datetime, reason: str) -> None:
    """Unlock a finalised meeting; the reason is kept as a dated amendment, with the
    record as it was finalised, to say what changed when it is finalised again."""
    if not reason.strip():
        raise ValueError(T.REASON_REQUIRED)
    meeting.amendments.append(
        Amendment(at=at, reason=reason, text=T.REOPENED, finalised=amendments.snapshot(meeting))
    )
    meeting.state = MeetingState.DRAFT


def amend(meeting: Meeting, at: datetime, reason: str, text: str) -> None:
    meeting.amendments.append(Amendment(at=at, reason=reason, text=text))
