"""The line at the top of every screen: the cell, where we are, when we last saved."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from ..text import common as T


class TopBar(Horizontal):
    """Cell name on the left, a context (month, step) and the save time on the right."""

    context: reactive[str] = reactive("")
    """What this screen shows, e.g. "Sinh hoạt tháng 11/2026 · Tiêu chí 2/4"."""
    saved: reactive[str] = reactive(T.NOT_SAVED_YET)
    """When the last change reached the disk."""

    def __init__(self, cell_name: str, *, sample: bool = False) -> None:
        super().__init__()
        self._cell_name = cell_name
        self._sample = sample

    def compose(self) -> ComposeResult:
        yield Label(self._cell_name, id="topbar-cell")
        badge = Label(T.SAMPLE_BADGE, id="topbar-sample")
        badge.display = self._sample
        yield badge
        yield Label(id="topbar-context")
        yield Label(id="topbar-extra")
        yield Label(id="topbar-saved")

    def on_mount(self) -> None:
        # The app's ``last_saved`` is the one place the save time lives.
        self.watch(self.app, "last_saved", self._show_saved)

    def _show_saved(self, at: datetime | None) -> None:
        if at is not None:
            self.saved = T.SAVED_AT.format(time=at.strftime("%H:%M:%S"))

    def watch_context(self, value: str) -> None:
        self.query_one("#topbar-context", Label).update(value)

    def watch_saved(self, value: str) -> None:
        self.query_one("#topbar-saved", Label).update(value)

    def set_cell_name(self, name: str) -> None:
        """After a rename in the profile."""
        self.query_one("#topbar-cell", Label).update(name)

    def set_sample(self, sample: bool) -> None:
        self.query_one("#topbar-sample", Label).display = sample

    def set_extra(self, text: str) -> None:
        self.query_one("#topbar-extra", Label).update(text)
