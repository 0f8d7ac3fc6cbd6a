"""The resolutions' tasks across months: filters by state and owner, order, and totals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..domain.model import COMMITTEE_OWNER, WHOLE_CELL, TaskStatus
from ..domain.tasks import TrackedTask
from ..domain.vietnamese import name_sort_key


class StateFilter(StrEnum):
    """The state filter of the tasks list, in the order a key cycles through it."""

    UNFINISHED = "unfinished"  # not found done yet: reviewed or not
    OVERDUE = "overdue"
    NOT_REVIEWED = "not_reviewed"  # chưa đánh giá
    IN_PROGRESS = "in_progress"  # đang thực hiện
    NOT_DONE = "not_done"  # chưa thực hiện
    DONE = "done"  # hoàn thành
    ALL = "all"

    def next(self) -> StateFilter:
        members = list(StateFilter)
        return members[(members.index(self) + 1) % len(members)]


def matches(item: TrackedTask, state: StateFilter, today: date) -> bool:
    if state is StateFilter.ALL:
        return True
    if state is StateFilter.UNFINISHED:
        return item.status is not TaskStatus.DONE
    if state is StateFilter.OVERDUE:
        return item.overdue(today)
    if state is StateFilter.NOT_REVIEWED:
        return item.status is None
    return item.status is not None and item.status.value == state.value


def order_key(item: TrackedTask, today: date) -> tuple[object, ...]:
    """Overdue first, then the unfinished by deadline, then the done ones, newest first."""
    due = item.task.due or date.max
    if item.overdue(today):
        return (0, due, item.source_month)
    if item.status is not TaskStatus.DONE:
        return (1, due, item.source_month)
    return (2, -int(item.source_month.replace("-", "")), due)


def filter_tasks(
    items: Iterable[TrackedTask], state: StateFilter, owner: str | None, today: date
) -> list[TrackedTask]:
    """The tasks that pass both filters (``owner=None``: everyone), in list order."""
    kept = [
        t for t in items if matches(t, state, today) and (owner is None or t.task.owner == owner)
    ]
    return sorted(kept, key=lambda t: order_key(t, today))


def owners(items: Iterable[TrackedTask]) -> list[str]:
    """Everyone who carries a task: the chi ủy and the whole cell first, then by name."""
    names = {t.task.owner for t in items if t.task.owner}
    bodies = [n for n in (COMMITTEE_OWNER, WHOLE_CELL) if n in names]
    return bodies + sorted(names - set(bodies), key=name_sort_key)


@dataclass(frozen=True)
class TaskTotals:
    """How many tasks were set, found done, are still unfinished, and how many are late."""

    set: int
    done: int
    unfinished: int
    overdue: int


def totals(items: Iterable[TrackedTask], today: date) -> TaskTotals:
    rows = list(items)
    done = sum(t.status is TaskStatus.DONE for t in rows)
    return TaskTotals(
        set=len(rows),
        done=done,
        unfinished=len(rows) - done,
        overdue=sum(t.overdue(today) for t in rows),
    )
