"""The base of every step of the live meeting: a scrolling form over one Meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import TextArea

from ..domain.model import Cell, Meeting


class MeetingPane(VerticalScroll):
    """A step's form. Edits go straight into ``meeting``, the session's live object,
    which saves them; ``changed()`` tells the screen to refresh what depends on them."""

    class Changed(Message):
        """Something in the meeting changed: totals, checks and marks refresh."""

    def __init__(self, meeting: Meeting, cell: Cell, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.meeting = meeting
        self.cell = cell
        self.focus_on_mount: str | None = None
        """Id of the field to focus once composed ("": the first; None: leave focus)."""
        self.clock: Callable[[], datetime] = datetime.now
        """The session's clock (fixed in tests), set by the screen."""

    def on_mount(self) -> None:
        if self.read_only:
            self._lock()
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

    def focus_field(self, field: str) -> None:
        """Focus the field with id ``field``, or the first field if it is not there."""
        fields = self.fields()
        if not fields:
            self.focus()
            return
        if field.isdigit():  # saved before fields had ids: the field's place in Tab order
            target = fields[min(int(field), len(fields) - 1)]
        else:
            target = next((w for w in fields if self.field_id(w) == field), fields[0])
        # The first field is at the top already; a later one (a resumed meeting) is
        # scrolled into view once the layout is known, not before.
        self.screen.set_focus(target, scroll_visible=False)
        if target is not fields[0]:
            self.call_after_refresh(self.scroll_to_widget, target, animate=False)

    def _lock(self) -> None:
        """A finalised meeting: fields disabled, notes readable but not editable."""
        for control in self.query("Input, Select, Button"):
            control.disabled = True
        for area in self.query(TextArea).results():
            area.read_only = True

    def changed(self) -> None:
        self.post_message(self.Changed())

    def refresh_view(self) -> None:
        """Recompute what depends on other steps (called when the step is shown)."""

    @property
    def read_only(self) -> bool:
        return self.meeting.is_final
