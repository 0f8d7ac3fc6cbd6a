"""The resolution's tasks across months: set at one meeting, reviewed at the next.

A task is set in section II of a month's resolution. Every later meeting reviews
it (hoàn thành / đang thực hiện / chưa thực hiện) until one finds it done, the way
remedies are followed up; the share completed at a meeting feeds section I.3 of
its resolution.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import msgspec
from msgspec.structs import replace

from .carried import Carried
from .model import (
    Meeting,
    Mention,
    Task,
    TaskGroup,
    TaskReview,
    TaskStatus,
    Verdict,
)
from .months import shift
from .rules import meeting_verdicts, percent

STATUS_TEXT = {
    TaskStatus.DONE: "hoàn thành",
    TaskStatus.IN_PROGRESS: "đang thực hiện",
    TaskStatus.NOT_DONE: "chưa thực hiện",
}
NEW_TASK = "mới đề ra"
NOT_REVIEWED = "chưa đánh giá"
GROUP_TEXT = {
    TaskGroup.IDEOLOGY: "Về công tác chính trị, tư tưởng",
    TaskGroup.POLITICAL: "Về lãnh đạo thực hiện nhiệm vụ chính trị",
}
MENTION_TEXT = {Mention.PRAISE: "Biểu dương", Mention.REMINDER: "Nhắc nhở"}


def status_text(status: TaskStatus | None) -> str:
    return STATUS_TEXT[status] if status is not None else NOT_REVIEWED


def before_text(review: TaskReview) -> str:
    """ "Tình trạng đầu kỳ": new last month, or where the last review left it."""
    if review.before is None:
        return NEW_TASK
    return STATUS_TEXT[review.before]


def default_report_month(month: str) -> str:
    """A task set at ``month`` is reported at the next month's meeting."""
    return shift(month, 1)


def carry_over(previous: Meeting) -> list[TaskReview]:
    """What ``previous`` leaves to review: its unfinished reviews, then its new tasks."""
    carried = [
        replace(r, before=r.status or r.before, status=None, note="")
        for r in previous.task_reviews
        if r.status is not TaskStatus.DONE
    ]
    carried += [
        TaskReview(
            task_id=task.id,
            source_month=previous.month,
            text=task.text,
            owner=task.owner,
            due=task.due,
        )
        for task in previous.tasks
    ]
    return carried


def reviews_for(meetings: Iterable[Meeting], month: str) -> list[TaskReview]:
    """The task reviews a new meeting of ``month`` starts with (from the latest before it)."""
    earlier = [m for m in meetings if m.month < month]
    if not earlier:
        return []
    return carry_over(max(earlier, key=lambda m: m.month))


class Completion(msgspec.Struct, frozen=True):
    """How many of the tasks up for review at a meeting were found done."""

    done: int
    total: int

    @property
    def share(self) -> float | None:
        return self.done / self.total if self.total else None

    @property
    def formula(self) -> str:
        """ "3/4 nhiệm vụ hoàn thành = 75%" — the figure with how it is computed."""
        if not self.total:
            return "không có nhiệm vụ nào của tháng trước"
        return f"{self.done}/{self.total} nhiệm vụ hoàn thành = {percent(self.done / self.total)}"


def completion(meeting: Meeting) -> Completion:
    reviews = meeting.task_reviews
    return Completion(sum(r.status is TaskStatus.DONE for r in reviews), len(reviews))


def remedies_to_offer(meeting: Meeting) -> list[Task]:
    """The remedies of criteria judged không đạt that are not tasks yet, as tasks.

    Offered in the tasks step so that the chair does not type them twice.
    """
    taken = {t.remedy_id for t in meeting.tasks if t.remedy_id}
    numbers = sorted(r.number for r in meeting.reviews)  # the order of meeting_verdicts
    verdicts = meeting_verdicts(meeting)
    failing = {n for n, v in zip(numbers, verdicts, strict=True) if v is Verdict.FAIL}
    return [
        Task(
            text=remedy.text,
            owner=remedy.owner,
            owner_id=remedy.owner_id,
            due=remedy.due,
            report_month=default_report_month(meeting.month),
            remedy_id=remedy.id,
        )
        for number, remedy in meeting.remedies()
        if number in failing and remedy.id not in taken
    ]


class TrackedTask(msgspec.Struct, frozen=True):
    """A task with the meeting that set it and where it stands now."""

    source_month: str
    task: Task
    status: TaskStatus | None  # None: not reviewed yet
    note: str
    updated_month: str | None  # the meeting of the latest review

    def overdue(self, today: date) -> bool:
        due = self.task.due
        return self.status is not TaskStatus.DONE and due is not None and due < today


def track(meetings: Iterable[Meeting]) -> list[TrackedTask]:
    """Every task set, oldest first, with its latest review."""
    tracker = TaskTracker()
    for meeting in sorted(meetings, key=lambda m: m.month):
        tracker.add(meeting)
    return tracker.tracked()


class TaskTracker:
    """:func:`track` fed one meeting at a time, oldest first (see ``RemedyTracker``)."""

    def __init__(self) -> None:
        self._latest: dict[str, tuple[str, TaskReview]] = {}
        self._set: list[tuple[str, Task]] = []

    def add(self, meeting: Meeting | Carried) -> None:
        self.add_reviews(meeting)
        self._set += [(meeting.month, task) for task in meeting.tasks]

    def add_reviews(self, meeting: Meeting | Carried) -> None:
        """Only the reviews ``meeting`` made, not the tasks it set: for a meeting whose
        own tasks are not asked for (the year review's earlier years)."""
        for review in meeting.task_reviews:
            if review.status is not None:
                self._latest[review.task_id] = (meeting.month, review)

    def tracked(self) -> list[TrackedTask]:
        tracked = []
        for source, task in self._set:
            found = self._latest.get(task.id)
            tracked.append(
                TrackedTask(
                    source_month=source,
                    task=task,
                    status=found[1].status if found else None,
                    note=found[1].note if found else "",
                    updated_month=found[0] if found else None,
                )
            )
        return tracked
