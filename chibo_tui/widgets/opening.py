"""Step 1 — opening: date, start time, place, chair, minute-taker, a thematic session,
guests."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Checkbox, DataTable, Input, Label

from ..domain.model import Guest, Meeting
from ..domain.timefmt import parse_date, parse_time, show_date, show_time
from ..text import meeting as T
from .labels import set_text
from .member_picker import Candidate, MemberPicker
from .pane import MeetingPane


def roster_candidates(meeting: Meeting) -> list[Candidate]:
    return [Candidate(a.full_name, a.member_id) for a in meeting.attendance]


class GuestTable(DataTable[str]):
    BINDINGS = [Binding("delete", "remove", T.KEY_DELETE, id="guest-delete")]

    def action_remove(self) -> None:
        pane = self.screen.query_one(OpeningPane)
        pane.remove_guest(self.cursor_row)


class OpeningPane(MeetingPane):
    """Who, when and where; the clock starts from the start time."""

    UNSENT = frozenset({"guest-name", "guest-position"})

    def compose(self) -> ComposeResult:
        m = self.meeting
        yield Label(T.OPENING_TITLE, classes="pane-title")
        with Horizontal(classes="row"):
            yield Label(T.DATE, classes="field-label")
            yield Input(show_date(m.date), id="opening-date", classes="short", compact=True)
            yield Label("", id="opening-date-error", classes="error-text")
        with Horizontal(classes="row"):
            yield Label(T.START, classes="field-label")
            yield Input(show_time(m.start_time), id="opening-start", classes="short", compact=True)
            yield Label("", id="opening-start-error", classes="error-text")
        with Horizontal(classes="row"):
            yield Label(T.PLACE, classes="field-label")
            yield Input(m.place, id="opening-place", compact=True)
        people = roster_candidates(m)
        with Horizontal(classes="row"):
            yield Label(T.CHAIR, classes="field-label")
            yield MemberPicker(people, T.PICK_HINT, m.chair, id="opening-chair")
        with Horizontal(classes="row"):
            yield Label(T.MINUTE_TAKER, classes="field-label")
            yield MemberPicker(people, T.PICK_HINT, m.minute_taker, id="opening-taker")
        with Horizontal(classes="row"):
            yield Label(T.THEMATIC, classes="field-label")
            yield Checkbox(T.THEMATIC_BOX, m.thematic, id="opening-thematic", compact=True)
        yield Label(T.GUESTS, classes="section-title")
        with Horizontal(classes="row"):
            yield Input(placeholder=T.GUEST_NAME, id="guest-name", compact=True)
            yield Input(placeholder=T.GUEST_POSITION, id="guest-position", compact=True)
        yield Label(T.GUEST_ADD_HINT, classes="hint")
        table = GuestTable(id="guest-table", cursor_type="row", classes="list")
        table.add_columns(T.GUEST_NAME, T.GUEST_POSITION)
        yield table

    def on_mount(self) -> None:
        self._fill_guests()

    def _fill_guests(self) -> None:
        table = self.query_one(GuestTable)
        table.clear()
        for g in self.meeting.guests:
            table.add_row(g.name, g.position)

    @on(Input.Changed, "#opening-date")
    def _date(self, event: Input.Changed) -> None:
        error = self.query_one("#opening-date-error", Label)
        try:
            self.meeting.date = parse_date(event.value)
        except ValueError as exc:
            set_text(error, str(exc))
            return
        set_text(error, "")
        self.changed()

    @on(Input.Changed, "#opening-start")
    def _start(self, event: Input.Changed) -> None:
        error = self.query_one("#opening-start-error", Label)
        if not event.value.strip():
            self.meeting.start_time = None
            set_text(error, "")
            self.changed()
            return
        try:
            self.meeting.start_time = parse_time(event.value)
        except ValueError as exc:
            set_text(error, str(exc))
            return
        set_text(error, "")
        self.changed()

    @on(Checkbox.Changed, "#opening-thematic")
    def _thematic(self, event: Checkbox.Changed) -> None:
        """A thematic session the same day: the meeting must last 120 minutes (HD 42),
        and the score sheet counts it for the quarter."""
        if self.read_only or self.meeting.thematic == event.value:
            return
        self.meeting.thematic = event.value
        self.changed()

    @on(Input.Changed, "#opening-place")
    def _place(self, event: Input.Changed) -> None:
        self.meeting.place = event.value
        self.changed()

    @on(MemberPicker.Changed)
    def _person(self, event: MemberPicker.Changed) -> None:
        if event.picker.id == "opening-chair":
            self.meeting.chair, self.meeting.chair_id = event.name, event.id
        else:
            self.meeting.minute_taker, self.meeting.minute_taker_id = event.name, event.id
        self.changed()

    @on(MemberPicker.Picked)
    def _picked(self) -> None:
        self.screen.focus_next()

    @on(Input.Submitted, "#guest-name")
    def _guest_name_done(self) -> None:
        self.query_one("#guest-position", Input).focus()

    @on(Input.Submitted, "#guest-position")
    def _add_guest(self) -> None:
        name_input = self.query_one("#guest-name", Input)
        position_input = self.query_one("#guest-position", Input)
        name = name_input.value.strip()
        if not name:
            name_input.focus()
            return
        self.meeting.guests.append(Guest(name, position_input.value.strip()))
        name_input.value = position_input.value = ""
        self._fill_guests()
        self.changed()
        name_input.focus()

    def remove_guest(self, index: int) -> None:
        if self.read_only:
            return  # a finalised record has no edit path: reopen it first (Ctrl+O)
        if 0 <= index < len(self.meeting.guests):
            del self.meeting.guests[index]
            self._fill_guests()
            self.changed()
