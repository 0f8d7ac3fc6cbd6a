"""Step 3 — last months' open remedies: đã / đang / chưa khắc phục, with a note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label

from ..dialogs.text_entry import TextEntryDialog
from ..domain.model import RemedyFollowUp, RemedyStatus
from ..domain.remedies import STATUS_TEXT
from ..domain.timefmt import show_date
from ..domain.vietnamese import month_label
from ..text import meeting as T
from .pane import MeetingPane
from .wrap_table import WrapColumn, WrapTable


class FollowUpTable(WrapTable):
    BINDINGS = [
        Binding("1", "status('done')", T.KEY_DONE, id="followup-done"),
        Binding("2", "status('in_progress')", T.KEY_IN_PROGRESS, id="followup-in-progress"),
        Binding("3", "status('open')", T.KEY_OPEN, id="followup-open"),
        Binding("enter", "note", T.KEY_NOTE, id="followup-note"),
    ]

    def action_status(self, status: str) -> None:
        self.screen.query_one(FollowUpPane).set_status(self.cursor_row, RemedyStatus(status))

    def action_note(self) -> None:
        self.screen.query_one(FollowUpPane).ask_note(self.cursor_row)


class FollowUpPane(MeetingPane):
    def compose(self) -> ComposeResult:
        yield Label(T.FOLLOWUPS_TITLE, classes="pane-title")
        if not self.meeting.follow_ups:
            yield Label(T.NO_FOLLOWUPS, classes="muted")
            return
        yield Label(T.FOLLOWUPS_HINT, classes="hint")
        table = FollowUpTable(
            [
                # Narrow on purpose: at 120 columns all six fit beside the steps.
                WrapColumn(T.COL_FROM, "from", 8),
                WrapColumn(T.COL_REMEDY, "text"),
                WrapColumn(T.COL_OWNER, "owner", 14, fit=True),
                WrapColumn(T.COL_DUE, "due", 10, min_width=10),
                WrapColumn(T.COL_STATE, "state", 9, fit=True),
                WrapColumn(T.COL_NOTE, "note", 16, fit=True),
            ],
            id="followups",
            cursor_type="row",
            zebra_stripes=True,
            classes="list",
        )
        table.set_rows(self._cells(f) for f in self.meeting.follow_ups)
        yield table

    @staticmethod
    def _cells(f: RemedyFollowUp) -> tuple[str, ...]:
        return (
            f"{month_label(f.source_month)} · TC{f.criterion}",
            f.text,
            f.owner,
            show_date(f.due),
            STATUS_TEXT[f.status],
            f.note,
        )

    def _refresh_row(self, index: int) -> None:
        table = self.query_one(FollowUpTable)
        cells = self._cells(self.meeting.follow_ups[index])
        table.set_cell(index, "state", cells[4])
        table.set_cell(index, "note", cells[5])

    def set_status(self, index: int, status: RemedyStatus) -> None:
        if self.read_only or not 0 <= index < len(self.meeting.follow_ups):
            return
        self.meeting.follow_ups[index].status = status
        self._refresh_row(index)
        self.changed()
        table = self.query_one(FollowUpTable)
        if index + 1 < len(self.meeting.follow_ups):
            table.move_cursor(row=index + 1)

    def ask_note(self, index: int) -> None:
        if self.read_only or not 0 <= index < len(self.meeting.follow_ups):
            return
        follow = self.meeting.follow_ups[index]

        def done(note: str | None) -> None:
            if note is None:
                return
            follow.note = note
            self._refresh_row(index)
            self.changed()

        prompt = T.NOTE_FOR.format(text=follow.text)
        self.app.push_screen(TextEntryDialog(T.NOTE_TITLE, prompt, follow.note), done)
