"""The step after the four criteria: the tasks the resolution sets for next month.

Each task has its content, its heading in section II (chính trị, tư tưởng or
nhiệm vụ chính trị), who leads it (the chi ủy, the whole cell or a member), a
deadline and the meeting that hears its report. Remedies of criteria judged
không đạt are offered as tasks (G) so that the chair does not type them twice.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Select

from ..domain import tasks
from ..domain.model import COMMITTEE_OWNER, WHOLE_CELL, Cell, Meeting, Presence, Task, TaskGroup
from ..domain.months import parse_month_label
from ..domain.timefmt import parse_date, show_date
from ..domain.vietnamese import month_label
from ..text import meeting as T
from .entry_table import EntryTable, editing_row, marked, set_editing_row, store_entry
from .labels import set_text
from .member_picker import Candidate, MemberPicker
from .pane import MeetingPane
from .wrap_table import WrapColumn

KIND = "tasks"


def present_candidates(meeting: Meeting) -> list[Candidate]:
    """The members present at ``meeting``, for a picker."""
    return [
        Candidate(a.full_name, a.member_id)
        for a in meeting.attendance
        if a.presence is Presence.PRESENT
    ]


class TasksPane(MeetingPane):
    """``meeting.tasks``: typed in one row, listed below it."""

    UNSENT = frozenset({"task-text", "task-owner", "task-due", "task-report"})
    BINDINGS = [
        Binding("g", "offer", T.KEY_OFFER, tooltip=T.KEY_OFFER_HELP, id="tasks-offer"),
    ]

    def __init__(self, meeting: Meeting, cell: Cell, *, id: str) -> None:
        super().__init__(meeting, cell, id=id)
        self.report_default = tasks.default_report_month(meeting.month)

    def compose(self) -> ComposeResult:
        title = T.TASKS_TITLE.format(month=month_label(self.report_default))
        yield Label(title, classes="pane-title")
        with Horizontal(classes="row"):
            yield Input(placeholder=T.TASK_TEXT, id="task-text", compact=True)
        with Horizontal(classes="row"):
            yield Select(
                [(text, group.value) for group, text in tasks.GROUP_TEXT.items()],
                value=TaskGroup.POLITICAL.value,
                allow_blank=False,
                compact=True,
                id="task-group",
            )
            yield MemberPicker(self._owners(), T.TASK_OWNER, id="task-owner")
        with Horizontal(classes="row"):
            yield Input(placeholder=T.TASK_DUE, id="task-due", compact=True)
            placeholder = T.TASK_REPORT.format(month=month_label(self.report_default))
            yield Input(placeholder=placeholder, id="task-report", compact=True)
        yield Label("", id="task-error", classes="error-text")
        yield Label(T.TASKS_HINT, classes="hint")
        with Horizontal(id="task-offer-row", classes="row"):
            yield Label("", id="task-offer", classes="warning-text")
            yield Button(T.OFFER_BUTTON, id="task-offer-button", classes="small", compact=True)
        yield EntryTable(
            [
                WrapColumn(T.COL_TASK, "text"),
                WrapColumn(T.COL_GROUP, "group", 11),
                WrapColumn(T.COL_OWNER, "owner", 14),
                WrapColumn(T.COL_DUE, "due", 10, min_width=10),
                WrapColumn(T.COL_REPORT, "report", 7, min_width=7),
            ],
            cursor_type="row",
            id="task-table",
            classes="list",
        )

    def _owners(self) -> list[Candidate]:
        fixed = [Candidate(COMMITTEE_OWNER, None), Candidate(WHOLE_CELL, None)]
        return fixed + present_candidates(self.meeting)

    def on_mount(self) -> None:
        self._fill()
        self.refresh_view()

    def refresh_view(self) -> None:
        # Attendance may have changed since the step was built.
        self.query_one("#task-owner", MemberPicker).candidates = self._owners()
        offers = tasks.remedies_to_offer(self.meeting)
        set_text(self.query_one("#task-offer", Label), T.OFFER_REMEDIES.format(n=len(offers)))
        self.query_one("#task-offer-row").display = bool(offers) and not self.read_only

    # -- the list --------------------------------------------------------------

    def _editing(self) -> int | None:
        return editing_row(self, KIND, len(self.meeting.tasks))

    def _fill(self) -> None:
        table = self.query_one("#task-table", EntryTable)
        editing = self._editing()
        table.set_rows(
            (
                marked(task.text, i == editing),
                T.GROUP_SHORT[task.group.value],
                task.owner,
                show_date(task.due),
                month_label(task.report_month) if task.report_month else "",
            )
            for i, task in enumerate(self.meeting.tasks)
        )

    # -- typing a task ---------------------------------------------------------

    @on(Input.Submitted, "#task-text")
    def _text_done(self) -> None:
        self.query_one("#task-group", Select).focus()

    @on(Select.Changed, "#task-group")
    def _group_chosen(self, event: Select.Changed) -> None:
        # Chosen by the chair, not filled in: the focus is on the list it was chosen from
        # or already back on the field (Select gives it back through the app queue).
        if event.select.has_focus_within:
            self.query_one("#task-owner", MemberPicker).input.focus()

    @on(MemberPicker.Picked, "#task-owner")
    def _owner_picked(self) -> None:
        self.query_one("#task-due", Input).focus()

    @on(Input.Submitted, "#task-due, #task-report")
    def _add(self, event: Input.Submitted) -> None:
        if self.read_only:
            return
        error = self.query_one("#task-error", Label)
        text_input = self.query_one("#task-text", Input)
        if not text_input.value.strip():
            set_text(error, T.NEED_TASK_TEXT)
            text_input.focus()
            return
        due_input = self.query_one("#task-due", Input)
        report_input = self.query_one("#task-report", Input)
        due: date | None = None
        try:
            if due_input.value.strip():
                due = parse_date(due_input.value)
        except ValueError as exc:
            set_text(error, str(exc))
            due_input.focus()
            return
        report = self.report_default
        if report_input.value.strip():
            try:
                report = parse_month_label(report_input.value)
            except ValueError:
                set_text(error, T.TASK_REPORT_BAD.format(month=month_label(self.report_default)))
                report_input.focus()
                return
        set_text(error, "")
        owner = self.query_one("#task-owner", MemberPicker)
        group = self.query_one("#task-group", Select).value
        task = Task(
            text=text_input.value.strip(),
            owner=owner.value.strip(),
            owner_id=owner.picked_id,
            due=due,
            report_month=report,
            group=TaskGroup(str(group)),
        )

        def add(confirmed: bool | None) -> None:
            if not confirmed:
                due_input.focus()
                return
            replaced = store_entry(self, KIND, self.meeting.tasks, task)
            if replaced is not None:  # the same task, edited
                task.id, task.remedy_id = replaced.id, replaced.remedy_id
            text_input.value = due_input.value = report_input.value = ""
            # Back to the default heading: most tasks are the political ones.
            self.query_one("#task-group", Select).value = TaskGroup.POLITICAL.value
            owner.set("", None, notify=False)
            self.keep_unsent("task-owner", "")
            self._fill()
            self.refresh_view()
            self.changed()
            text_input.focus()

        self.check_due(due, add)

    # -- remedies offered as tasks ---------------------------------------------

    def action_offer(self) -> None:
        if self.read_only:
            return
        offers = tasks.remedies_to_offer(self.meeting)
        if not offers:
            self.notify(T.NOTHING_TO_OFFER)
            return
        self.meeting.tasks.extend(offers)
        self._fill()
        self.refresh_view()
        self.changed()
        self.notify(T.OFFERED.format(n=len(offers)))

    @on(Button.Pressed, "#task-offer-button")
    def _offer_pressed(self) -> None:
        self.action_offer()

    # -- delete, or take back to edit --------------------------------------------

    @on(EntryTable.Picked, "#task-table")
    def _picked(self, event: EntryTable.Picked) -> None:
        entries = self.meeting.tasks
        if self.read_only or not 0 <= event.row < len(entries):
            return
        if not event.edit:
            del entries[event.row]
            set_editing_row(self, KIND, None)  # the rows below moved up
        else:
            task = entries[event.row]
            set_editing_row(self, KIND, event.row)
            self.query_one("#task-text", Input).value = task.text
            self.query_one("#task-group", Select).value = task.group.value
            self.query_one("#task-owner", MemberPicker).set(task.owner, task.owner_id, False)
            self.keep_unsent("task-owner", task.owner)
            self.query_one("#task-due", Input).value = show_date(task.due)
            report = task.report_month
            shown = month_label(report) if report and report != self.report_default else ""
            self.query_one("#task-report", Input).value = shown
            self.query_one("#task-text", Input).focus()
        self._fill()
        self.refresh_view()
        self.changed()
