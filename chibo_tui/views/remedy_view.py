"""Remedies across months: filters by status and owner, order, and totals."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

import msgspec

from ..domain.model import COLLECTIVE, RemedyStatus
from ..domain.remedies import TrackedRemedy
from ..domain.vietnamese import name_sort_key


class StatusFilter(StrEnum):
    """The status filter of the remedies list, in the order a key cycles through it."""

    UNRESOLVED = "unresolved"  # chưa or đang khắc phục
    OVERDUE = "overdue"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ALL = "all"

    def next(self) -> StatusFilter:
        members = list(StatusFilter)
        return members[(members.index(self) + 1) % len(members)]


def matches(item: TrackedRemedy, status: StatusFilter, today: date) -> bool:
    if status is StatusFilter.ALL:
        return True
    if status is StatusFilter.UNRESOLVED:
        return item.status is not RemedyStatus.DONE
    if status is StatusFilter.OVERDUE:
        return item.overdue(today)
    return item.status.value == status.value


def order_key(item: TrackedRemedy, today: date) -> tuple[object, ...]:
    """Overdue first, then still open by due date, then the done ones, newest first."""
    due = item.remedy.due or date.max
    if item.overdue(today):
        return (0, due, item.source_month)
    if item.status is not RemedyStatus.DONE:
        return (1, due, item.source_month)
    return (2, -int(item.source_month.replace("-", "")), due)


def filter_remedies(
    items: Iterable[TrackedRemedy], status: StatusFilter, owner: str | None, today: date
) -> list[TrackedRemedy]:
    """The remedies that pass both filters (``owner=None``: everyone), in list order."""
    kept = [
        t for t in items if matches(t, status, today) and (owner is None or t.remedy.owner == owner)
    ]
    return sorted(kept, key=lambda t: order_key(t, today))


def owners(items: Iterable[TrackedRemedy]) -> list[str]:
    """Everyone who owns a remedy: the collective first, then in roster order."""
    names = {t.remedy.owner for t in items if t.remedy.owner}
    collective = [COLLECTIVE] if COLLECTIVE in names else []
    return collective + sorted(names - {COLLECTIVE}, key=name_sort_key)


class RemedyTotals(msgspec.Struct, frozen=True):
    """How many remedies were raised, closed and are still open, and how many are late."""

    raised: int
    done: int
    unresolved: int
    overdue: int


def totals(items: Iterable[TrackedRemedy], today: date, year: int | None = None) -> RemedyTotals:
    """Totals over all remedies, or those raised in ``year``."""
    rows = [t for t in items if year is None or t.source_month.startswith(f"{year:04d}-")]
    done = sum(t.status is RemedyStatus.DONE for t in rows)
    return RemedyTotals(
        raised=len(rows),
        done=done,
        unresolved=len(rows) - done,
        overdue=sum(t.overdue(today) for t in rows),
    )
