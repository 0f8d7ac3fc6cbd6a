"""The base of every step of the live meeting: a scrolling form over one Meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import ClassVar

from textual import on
from textual.containers import VerticalScroll
from textual.message import Message
from textual.walk import walk_depth_first
from textual.widget import Widget
from textual.widgets import Input, TextArea

from ..dialogs.confirm import ConfirmDialog
from ..domain.model import Cell, Meeting
from ..domain.timefmt import show_date
from ..text import meeting as T
from .member_picker import MemberPicker


class MeetingPane(VerticalScroll):
    """A step's form. Edits go straight into ``meeting``, the session's live object,
    which saves them; ``changed()`` tells the screen to refresh what depends on them."""

    class Changed(Message):
        """Something in the meeting changed: totals, checks and marks refresh."""

    UNSENT: ClassVar[frozenset[str]] = frozenset()
    """Ids of the one-line fields whose text waits for Enter (a speech, a guest's
    name): kept in ``meeting.unsent`` meanwhile, and put back when the pane is built."""

    def __init__(self, meeting: Meeting, cell: Cell, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.meeting = meeting
        self.cell = cell
        self.focus_on_mount: str | None = None
        """Id of the field to focus once composed ("": the first; None: leave focus)."""
        self.clock: Callable[[], datetime] = datetime.now
        """The session's clock (fixed in tests), set by the screen."""
        self.width_hint = 0
        """The width its tables will get, if known before its first layout: that of
        the step shown while it is built (the same place, the same rules)."""

    def on_mount(self) -> None:
        if self.read_only:
            self._lock()
        else:
            self._put_back_unsent()
        if self.focus_on_mount is not None:
            # Focus now, not after a refresh: a deferred focus would land after keys
            # the chair (or a test) sent to a field in the meantime, and steal them.
            self.focus_field(self.focus_on_mount)

    def fields(self) -> list[Widget]:
        """The focusable widgets of the form, in Tab order."""
        return [w for w in self.query("*") if w.focusable]

    def field_id(self, widget: Widget) -> str | None:
        """The id that names ``widget``'s field: its own, or that of the control it is part
        of (a member picker's input is the picker)."""
        for node in (widget, *widget.ancestors):
            if node is self:
                return None
            if node.id:
                return node.id
        return None

    def first_field(self) -> Widget | None:
        """The first field in Tab order, found without listing them all."""
        return next(
            (w for w in walk_depth_first(self, Widget, with_root=False) if w.focusable), None
        )

    def focus_field(self, field: str) -> None:
        """Focus the field with id ``field``, or the first field if it is not there."""
        first = self.first_field()  # a step switch asks for it: the walk stops early
        if first is None:
            # At once, as a field is: ``focus()`` waits in the app's queue, and a step
            # with no field built on the way (F4 F4 F4) took the focus from the next.
            self.screen.set_focus(self, scroll_visible=False)
            return
        target = first
        if field:
            fields = self.fields()
            if field.isdigit():  # saved before fields had ids: the field's place in Tab order
                target = fields[min(int(field), len(fields) - 1)]
            else:
                target = next((w for w in fields if self.field_id(w) == field), first)
        # The first field is at the top already; a later one (a resumed meeting) is
        # scrolled into view once the layout is known, not before.
        self.screen.set_focus(target, scroll_visible=False)
        if isinstance(target, TextArea):
            target.move_cursor(target.document.end)  # resume typing where the text ends
        elif isinstance(target, Input):
            target.cursor_position = len(target.value)
        if target is not first:
            self.call_after_refresh(self.scroll_to_widget, target, animate=False)

    # -- text typed but not yet entered --------------------------------------

    def unsent_key(self, field: str) -> str:
        return f"{self.id}/{field}"

    def keep_unsent(self, field: str, text: str) -> None:
        """Keep (or, once empty, forget) what ``field`` holds before its Enter."""
        if self.read_only:
            return
        key = self.unsent_key(field)
        if text.strip():
            self.meeting.unsent[key] = text
        else:
            self.meeting.unsent.pop(key, None)

    @on(Input.Changed)
    def _input_typed(self, event: Input.Changed) -> None:
        field = self.field_id(event.input)
        if field in self.UNSENT:
            self.keep_unsent(field, event.value)

    @on(MemberPicker.Changed)
    def _picker_typed(self, event: MemberPicker.Changed) -> None:
        field = event.picker.id
        if field in self.UNSENT:
            self.keep_unsent(field, event.picker.value)

    def _put_back_unsent(self) -> None:
        for field in self.UNSENT:
            text = self.meeting.unsent.get(self.unsent_key(field))
            if not text:
                continue
            widget = self.query_one(f"#{field}")
            if isinstance(widget, MemberPicker):
                widget.input.value = text  # typed again: an exact name finds its member
            elif isinstance(widget, Input):
                widget.value = text

    def _lock(self) -> None:
        """A finalised meeting: fields disabled, notes readable but not editable."""
        for control in self.query("Input, Select, Button, Checkbox"):
            control.disabled = True
        for area in self.query(TextArea).results():
            area.read_only = True

    def check_due(self, due: date | None, then: Callable[[bool | None], None]) -> None:
        """Call ``then(True)``, after asking first when ``due`` is before the meeting
        (``then(False)`` if the chair says no): a deadline in the past is most often
        a typing slip."""
        if due is not None and due < self.meeting.date:
            question = T.DUE_BEFORE_MEETING.format(
                due=show_date(due), day=show_date(self.meeting.date)
            )
            self.app.push_screen(ConfirmDialog(question), then)
        else:
            then(True)

    def changed(self) -> None:
        self.post_message(self.Changed())

    def refresh_view(self) -> None:
        """Recompute what depends on other steps (called when the step is shown)."""

    @property
    def read_only(self) -> bool:
        return self.meeting.is_final
