"""The line at the top of every screen: the cell, where we are, when we last saved."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from ..text import common as T
from .labels import set_text


class TopBar(Horizontal):
    """Cell name on the left, a context (month, step) and the save time on the right."""

    context: reactive[str] = reactive("")
    """What this screen shows, e.g. "Sinh hoạt tháng 11/2026 · Tiêu chí 2/4"."""
    saved: reactive[str] = reactive(T.NOT_SAVED_YET)
    """When the last change reached the disk."""

    def __init__(
        self, cell_name: str, *, sample: bool = False, saved_at: datetime | None = None
    ) -> None:
        super().__init__()
        self._cell_name = cell_name
        self._sample = sample
        self._saved = T.NOT_SAVED_YET if saved_at is None else saved_text(saved_at)
        self.set_reactive(TopBar.saved, self._saved)

    def compose(self) -> ComposeResult:
        yield Label(self._cell_name, id="topbar-cell")
        badge = Label(T.SAMPLE_BADGE, id="topbar-sample")
        badge.display = self._sample
        yield badge
        yield Label(id="topbar-context")
        yield Label(id="topbar-extra")
        yield Label(self._saved, id="topbar-saved")

    def show_saved(self, at: datetime | None) -> None:
        """The app's ``last_saved``, the one place the save time lives (the app tells
        every top bar: a watcher on the app would keep each bar ever shown alive)."""
        if at is not None:
            self.saved = saved_text(at)

    def watch_context(self, value: str) -> None:
        set_text(self.query_one("#topbar-context", Label), value)

    def watch_saved(self, value: str) -> None:
        set_text(self.query_one("#topbar-saved", Label), value)

    def set_cell_name(self, name: str) -> None:
        """After a rename in the profile."""
        set_text(self.query_one("#topbar-cell", Label), name)

    def set_sample(self, sample: bool) -> None:
        self.query_one("#topbar-sample", Label).display = sample

    def set_extra(self, text: str) -> None:
        set_text(self.query_one("#topbar-extra", Label), text)


def saved_text(at: datetime) -> str:
    return T.SAVED_AT.format(time=at.strftime("%H:%M:%S"))
