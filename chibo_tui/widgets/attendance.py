"""Step 2 — the roll call: one key per member, live totals, exempt members apart."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from ..dialogs.text_entry import TextEntryDialog, required
from ..domain import rules
from ..domain.model import Attendance, MemberStatus, Presence
from ..domain.vietnamese import name_sort_key
from ..text import meeting as T
from .labels import set_text
from .pane import MeetingPane


class RosterTable(DataTable[str]):
    """The members expected at the meeting; keys mark presence on the cursor row."""

    BINDINGS = [
        Binding("c", "mark('present')", T.KEY_PRESENT, id="mark-present"),
        Binding("l", "mark('excused')", T.KEY_EXCUSED, id="mark-excused"),
        Binding("k", "mark('unexcused')", T.KEY_UNEXCUSED, id="mark-unexcused"),
        Binding("u", "mark('unmarked')", T.KEY_UNMARK, id="mark-unmarked"),
        Binding("a", "all_present", T.KEY_ALL_PRESENT, id="mark-all-present"),
    ]

    def action_mark(self, presence: str) -> None:
        self.screen.query_one(AttendancePane).mark(self.cursor_row, Presence(presence))

    def action_all_present(self) -> None:
        self.screen.query_one(AttendancePane).mark_rest_present()


class AttendancePane(MeetingPane):
    """Attendance of the meeting's roster copy (``meeting.attendance``)."""

    def compose(self) -> ComposeResult:
        yield Label(T.ATTENDANCE_TITLE, classes="pane-title")
        yield Label("", id="attendance-totals", classes="totals")
        yield Label(T.ATTENDANCE_HINT, classes="hint")
        table = RosterTable(id="roster", cursor_type="row", zebra_stripes=True, classes="list")
        table.add_column(T.COL_NO, key="no")
        table.add_column(T.COL_NAME, key="name")
        table.add_column(T.COL_PRESENCE, key="presence", width=16)
        table.add_column(T.COL_STATUS, key="status")
        table.add_column(T.COL_REASON, key="reason", width=28)
        yield table
        yield Label(T.EXEMPT_TITLE, classes="section-title")
        yield Label("", id="exempt-list", classes="muted")

    def on_mount(self) -> None:
        self._fill()

    def refresh_view(self) -> None:
        # A member added or removed in the roster (F7) mid-meeting shows at once.
        if [a.member_id for a in self._expected()] != [a.member_id for a in self._rows]:
            self._fill()

    def _fill(self) -> None:
        self._rows = self._expected()
        table = self.query_one(RosterTable)
        cursor = table.cursor_row
        table.clear()
        for i, row in enumerate(self._rows, start=1):
            table.add_row(str(i), *self._cells(row), key=row.member_id)
        if self._rows:
            table.move_cursor(row=min(cursor, len(self._rows) - 1))
        exempt = [a.full_name for a in self.meeting.attendance if a.exempt]
        set_text(self.query_one("#exempt-list", Label), ", ".join(exempt) or T.NO_EXEMPT)
        if not self._rows:
            set_text(self.query_one("#attendance-totals", Label), T.ROSTER_EMPTY)
        else:
            self._totals()

    def _expected(self) -> list[Attendance]:
        rows = [a for a in self.meeting.attendance if not a.exempt]
        return sorted(rows, key=lambda a: name_sort_key(a.full_name))

    @staticmethod
    def _cells(row: Attendance) -> tuple[str, str, str, str]:
        status = T.STATUS_OFFICIAL if row.status is MemberStatus.OFFICIAL else T.STATUS_PROBATIONARY
        return row.full_name, T.PRESENCE[row.presence.value], status, row.reason

    def _update_row(self, row: Attendance) -> None:
        table = self.query_one(RosterTable)
        _, presence, _, reason = self._cells(row)
        table.update_cell(row.member_id, "presence", presence)
        table.update_cell(row.member_id, "reason", reason)

    def _totals(self) -> None:
        c = rules.attendance_counts(self.meeting.attendance)
        set_text(
            self.query_one("#attendance-totals", Label),
            T.TOTALS.format(
                total=c.total,
                official=c.official,
                probationary=c.probationary,
                exempt=c.exempt,
                present=c.present,
                expected=c.expected,
                excused=c.excused,
                unexcused=c.unexcused,
                unmarked=c.unmarked,
                voters=c.voters,
            ),
        )

    def mark(self, index: int, presence: Presence) -> None:
        if self.read_only or not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        if presence is Presence.EXCUSED:

            def with_reason(reason: str | None) -> None:
                if reason is None:
                    return
                row.presence, row.reason = Presence.EXCUSED, reason
                self._after_mark(row, index)

            self.app.push_screen(
                TextEntryDialog(
                    T.REASON_TITLE,
                    T.REASON_FOR.format(name=row.full_name),
                    row.reason,
                    check=required,
                ),
                with_reason,
            )
            return
        row.presence = presence
        row.reason = "" if presence is not Presence.UNEXCUSED else row.reason
        self._after_mark(row, index)

    def _after_mark(self, row: Attendance, index: int) -> None:
        self._update_row(row)
        self._totals()
        self.changed()
        table = self.query_one(RosterTable)
        if index + 1 < len(self._rows):
            table.move_cursor(row=index + 1)

    def mark_rest_present(self) -> None:
        if self.read_only:
            return
        for row in self._rows:
            if row.presence is Presence.UNMARKED:
                row.presence = Presence.PRESENT
                self._update_row(row)
        self._totals()
        self.changed()
