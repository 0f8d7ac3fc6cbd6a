"""The base of every step of the live meeting: a scrolling form over one Meeting."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.message import Message

from ..domain.model import Cell, Meeting


class MeetingPane(VerticalScroll):
    """A step's form. Edits go straight into ``meeting``; ``changed()`` saves them."""

    class Changed(Message):
        """Something in the meeting changed: totals, checks and marks refresh."""

    def __init__(self, meeting: Meeting, cell: Cell, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.meeting = meeting
        self.cell = cell

    def changed(self) -> None:
        self.app.meeting_changed(self.meeting)  # type: ignore[attr-defined]
        self.post_message(self.Changed())

    def refresh_view(self) -> None:
        """Recompute what depends on other steps (called when the step is shown)."""

    @property
    def read_only(self) -> bool:
        return self.meeting.is_final
