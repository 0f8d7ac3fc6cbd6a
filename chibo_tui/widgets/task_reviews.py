"""The step after last month's remedies: the tasks of the previous resolution, reviewed.

Each task is marked hoàn thành / đang thực hiện / chưa thực hiện with a note; the
share completed is shown with its formula as it goes into section I.3 of this
month's resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Label

from ..dialogs.text_entry import TextEntryDialog
from ..domain import tasks
from ..domain.model import TaskReview, TaskStatus
from ..domain.timefmt import show_date
from ..domain.vietnamese import month_label
from ..text import meeting as T
from .labels import set_text
from .pane import MeetingPane
from .wrap_table import WrapColumn, WrapTable


class TaskReviewTable(WrapTable):
    """1/2/3 set the result of the task under the cursor, Enter asks for a note."""

    BINDINGS = [
        Binding("1", "status('done')", T.KEY_TASK_DONE, id="task-review-done"),
        Binding("2", "status('in_progress')", T.KEY_TASK_IN_PROGRESS, id="task-review-doing"),
        Binding("3", "status('not_done')", T.KEY_TASK_NOT_DONE, id="task-review-not-done"),
        Binding("enter", "note", T.KEY_NOTE, id="task-review-note"),
    ]

    @dataclass
    class Chosen(Message):
        """Row ``row`` gets ``status``; ``None``: its note is to be written."""

        row: int
        status: TaskStatus | None

    def action_status(self, status: str) -> None:
        row = self.cursor_row
        self.post_message(self.Chosen(row, TaskStatus(status)))
        # On to the next task now, not when the pane has handled the message: a key
        # typed meanwhile is for the next row, not this one again.
        if row + 1 < self.row_count:
            self.move_cursor(row=row + 1)

    def action_note(self) -> None:
        self.post_message(self.Chosen(self.cursor_row, None))


class TaskReviewPane(MeetingPane):
    """``meeting.task_reviews``: set by the previous resolution, reviewed here."""

    def compose(self) -> ComposeResult:
        yield Label(T.TASK_REVIEWS_TITLE, classes="pane-title")
        if not self.meeting.task_reviews:
            yield Label(T.NO_TASK_REVIEWS, classes="muted", id="no-task-reviews")
            return
        yield Label(T.TASK_REVIEWS_HINT, classes="hint")
        yield Label("", id="task-completion", classes="totals")
        table = TaskReviewTable(
            [
                # Narrow on purpose: at 120 columns all seven fit beside the steps.
                WrapColumn(T.COL_FROM, "from", 7, min_width=7),
                WrapColumn(T.COL_TASK, "text"),
                WrapColumn(T.COL_OWNER, "owner", 12, fit=True),
                WrapColumn(T.COL_DUE, "due", 10, min_width=10),
                WrapColumn(T.COL_BEFORE, "before", 9, fit=True),
                WrapColumn(T.COL_STATE, "state", 9, fit=True),
                WrapColumn(T.COL_NOTE, "note", 12, fit=True),
            ],
            id="task-review-table",
            cursor_type="row",
            zebra_stripes=True,
            classes="list",
        )
        table.set_rows(self._cells(r) for r in self.meeting.task_reviews)
        yield table

    def on_mount(self) -> None:
        self._show_completion()

    @staticmethod
    def _cells(review: TaskReview) -> tuple[str, ...]:
        return (
            month_label(review.source_month),
            review.text,
            review.owner,
            show_date(review.due),
            tasks.before_text(review),
            tasks.status_text(review.status),
            review.note,
        )

    def _show_completion(self) -> None:
        found = self.query("#task-completion")
        if not found:
            return
        text = T.COMPLETION.format(formula=tasks.completion(self.meeting).formula)
        pending = sum(r.status is None for r in self.meeting.task_reviews)
        if pending:
            text += T.COMPLETION_PENDING.format(n=pending)
        set_text(found.first(Label), text)

    def _refresh_row(self, index: int) -> None:
        table = self.query_one(TaskReviewTable)
        cells = self._cells(self.meeting.task_reviews[index])
        table.set_cell(index, "state", cells[5])
        table.set_cell(index, "note", cells[6])
        self._show_completion()

    @on(TaskReviewTable.Chosen)
    def _chosen(self, event: TaskReviewTable.Chosen) -> None:
        if event.status is None:
            self.ask_note(event.row)
        else:
            self.set_status(event.row, event.status)

    def set_status(self, index: int, status: TaskStatus) -> None:
        reviews = self.meeting.task_reviews
        if self.read_only or not 0 <= index < len(reviews):
            return
        reviews[index].status = status
        self._refresh_row(index)
        self.changed()

    def ask_note(self, index: int) -> None:
        reviews = self.meeting.task_reviews
        if self.read_only or not 0 <= index < len(reviews):
            return
        review = reviews[index]

        def done(note: str | None) -> None:
            if note is None:
                return
            review.note = note
            self._refresh_row(index)
            self.changed()

        prompt = T.TASK_NOTE_FOR.format(text=review.text)
        self.app.push_screen(TextEntryDialog(T.NOTE_TITLE, prompt, review.note), done)
