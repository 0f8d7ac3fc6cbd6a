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

    def compose(self) -> ComposeResult:
        yield Label(id="topbar-cell")
        yield Label(T.SAMPLE_BADGE, id="topbar-sample")
        yield Label(id="topbar-context")
        yield Label(id="topbar-extra")
        yield Label(id="topbar-saved")

    def on_mount(self) -> None:
        cell = getattr(self.app, "cell", None)
        self.query_one("#topbar-cell", Label).update(
            cell.name if cell and cell.name else T.NO_CELL_NAME
        )
        self.query_one("#topbar-sample", Label).display = bool(
            getattr(self.app, "is_sample", False)
        )
        last = getattr(self.app, "last_saved", None)
        if last is not None:
            self.show_saved(last)

    def watch_context(self, value: str) -> None:
        self.query_one("#topbar-context", Label).update(value)

    def watch_saved(self, value: str) -> None:
        self.query_one("#topbar-saved", Label).update(value)

    def show_saved(self, at: datetime) -> None:
        self.saved = T.SAVED_AT.format(time=at.strftime("%H:%M:%S"))

    def set_extra(self, text: str) -> None:
        self.query_one("#topbar-extra", Label).update(text)
