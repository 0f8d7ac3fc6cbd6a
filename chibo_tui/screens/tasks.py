"""The resolutions' tasks across all months: owner, deadline, result; unfinished first.

Beside the remedies list: a task set in one month's resolution is reviewed at the
next meetings until one finds it done, so its state needs every meeting and the
list is loaded by a worker from the shared history snapshot.
"""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from ..domain.model import TaskStatus
from ..domain.tasks import TrackedTask, status_text
from ..domain.vietnamese import month_label
from ..text import history as T
from ..views.month_text import show_date
from ..views.snapshot import HistorySnapshot
from ..views.task_view import StateFilter, filter_tasks, owners, totals
from ..widgets.verdict_marks import (
    STYLE_DRAFT,
    STYLE_MUTED,
    STYLE_OVERDUE,
    STYLE_PASS,
)
from .remedies import overdue_badge
from .tracked_list import TrackedListScreen

STATE_STYLE = {
    None: STYLE_MUTED,
    TaskStatus.NOT_DONE: STYLE_OVERDUE,
    TaskStatus.IN_PROGRESS: STYLE_DRAFT,
    TaskStatus.DONE: STYLE_PASS,
}


class TasksScreen(TrackedListScreen[TrackedTask]):
    """Every task with its latest review; filter by result (S) and owner (P)."""

    AUTO_FOCUS = "#tasks-list"
    PREFIX = "tasks"
    CONTEXT = T.TASKS_CONTEXT
    LOADING = T.TASKS_LOADING
    STATE_LABEL = T.TASKS_STATE
    OWNER_LABEL = T.TASKS_OWNER
    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="tasks-back"),
        Binding(
            "s",
            "cycle_status",
            T.KEY_STATE_FILTER,
            tooltip=T.KEY_STATE_FILTER_HELP,
            id="tasks-state",
        ),
        Binding(
            "p",
            "pick_owner",
            T.KEY_TASK_OWNER_FILTER,
            tooltip=T.KEY_TASK_OWNER_FILTER_HELP,
            id="tasks-owner",
        ),
    ]

    def __init__(self, state: StateFilter = StateFilter.UNFINISHED) -> None:
        super().__init__()
        self.state = state

    def tracked(self, snapshot: HistorySnapshot) -> list[TrackedTask]:
        return snapshot.tasks

    def owner_names(self, items: list[TrackedTask]) -> list[str]:
        return owners(items)

    def state_text(self) -> str:
        return T.STATE_FILTERS[self.state]

    def next_state(self) -> None:
        self.state = self.state.next()

    def filtered(self, items: list[TrackedTask], today: date) -> list[TrackedTask]:
        return filter_tasks(items, self.state, self.owner, today)

    def count_text(self, items: list[TrackedTask], today: date) -> str:
        all_totals = totals(items, today)
        if not items:
            return T.TASKS_EMPTY
        if not self.shown and self.state is StateFilter.UNFINISHED and self.owner is None:
            return T.TASKS_ALL_DONE.format(total=all_totals.set)
        if not self.shown:
            return T.TASKS_NONE_MATCH
        return T.TASKS_COUNT.format(
            shown=len(self.shown),
            total=all_totals.set,
            unfinished=all_totals.unfinished,
            overdue=all_totals.overdue,
        )

    def option(self, index: int, item: TrackedTask, today: date) -> Option:
        task = item.task
        overdue = item.overdue(today)
        due = show_date(task.due) or T.NO_DUE
        details = [
            Content.styled(T.TASKS_SET.format(month=month_label(item.source_month)), STYLE_MUTED),
            Content(f"{T.TASKS_COL_OWNER}: {task.owner or T.NO_OWNER}"),
            Content.styled(f"{T.REMEDIES_COL_DUE} {due}", STYLE_OVERDUE if overdue else ""),
            Content.styled(status_text(item.status), STATE_STYLE[item.status]),
        ]
        if overdue:
            details.append(overdue_badge())
        if item.updated_month:
            reviewed = T.TASKS_REVIEWED.format(month=month_label(item.updated_month))
            details.append(Content.styled(reviewed, STYLE_MUTED))
        elif task.report_month:
            report = T.TASKS_REPORT.format(month=month_label(task.report_month))
            details.append(Content.styled(report, STYLE_MUTED))
        text = Content(task.text)
        if item.note:
            text += Content.styled(f" — {item.note}", STYLE_MUTED)
        prompt = Content("\n").join([text, Content(" · ").join(details)])
        return Option(prompt, id=str(index))

    def open_item(self, item: TrackedTask) -> None:
        from .month import MonthScreen

        self.app.push_screen(MonthScreen(item.source_month, anchor="tasks", find=item.task.text))
