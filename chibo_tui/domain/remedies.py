"""Remedies across months: which are still open, and their latest status.

A remedy is raised in one meeting; later meetings record follow-ups of it. Its
status is the latest follow-up's, or "chưa khắc phục" when none exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import msgspec
from msgspec.structs import replace

from .carried import Carried
from .model import Meeting, Remedy, RemedyFollowUp, RemedyStatus

STATUS_TEXT = {
    RemedyStatus.OPEN: "chưa khắc phục",
    RemedyStatus.IN_PROGRESS: "đang khắc phục",
    RemedyStatus.DONE: "đã khắc phục",
}


class TrackedRemedy(msgspec.Struct, frozen=True):
    """A remedy with where it came from and where it stands now."""

    source_month: str
    criterion: int
    remedy: Remedy
    status: RemedyStatus
    note: str
    updated_month: str | None  # the meeting of the latest follow-up

    def overdue(self, today: date) -> bool:
        due = self.remedy.due
        return self.status is not RemedyStatus.DONE and due is not None and due < today


def track(meetings: Iterable[Meeting | Carried], before: str | None = None) -> list[TrackedRemedy]:
    """Every remedy raised before ``before`` (all when ``None``), oldest first.

    A :class:`Carried` counts as the meeting it was taken from.
    """
    tracker = RemedyTracker()
    for meeting in sorted(meetings, key=lambda m: m.month):
        if before is None or meeting.month < before:
            tracker.add(meeting)
    return tracker.tracked()


class RemedyTracker:
    """:func:`track` fed one meeting at a time, oldest first, so that a long history
    need not be held in memory at once (home counts open remedies at start-up)."""

    def __init__(self) -> None:
        self._latest: dict[str, tuple[str, RemedyFollowUp]] = {}
        self._raised: list[tuple[str, int, Remedy]] = []

    def add(self, meeting: Meeting | Carried) -> None:
        for f in meeting.follow_ups:
            self._latest[f.remedy_id] = (meeting.month, f)
        self._raised += [(meeting.month, c, remedy) for c, remedy in meeting.remedies()]

    def tracked(self) -> list[TrackedRemedy]:
        tracked = []
        for source, criterion, remedy in self._raised:
            month, follow = self._latest.get(remedy.id, (None, None))
            tracked.append(
                TrackedRemedy(
                    source_month=source,
                    criterion=criterion,
                    remedy=remedy,
                    status=follow.status if follow else RemedyStatus.OPEN,
                    note=follow.note if follow else "",
                    updated_month=month,
                )
            )
        return tracked


def follow_ups_for(meetings: Iterable[Meeting], month: str) -> list[RemedyFollowUp]:
    """The follow-up list a new meeting of ``month`` starts with: all open remedies.

    Only the latest meeting before ``month`` is needed: its follow-ups already
    carry every remedy still open then, and its own remedies are new.
    """
    earlier = [m for m in meetings if m.month < month]
    if not earlier:
        return []
    return carry_over(max(earlier, key=lambda m: m.month))


def carry_over(previous: Meeting) -> list[RemedyFollowUp]:
    """What stays open after ``previous``: its unfinished follow-ups, then its remedies."""
    carried = [replace(f) for f in previous.follow_ups if f.status is not RemedyStatus.DONE]
    carried += [
        RemedyFollowUp(
            remedy_id=remedy.id,
            source_month=previous.month,
            criterion=criterion,
            text=remedy.text,
            owner=remedy.owner,
            due=remedy.due,
        )
        for criterion, remedy in previous.remedies()
    ]
    return carried
