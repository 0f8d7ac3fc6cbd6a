"""Home: the months held, newest first (placeholder until the history issue lands)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..domain.months import month_of
from ..widgets.topbar import TopBar


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "m",
            "open_meeting",
            "Họp tháng này",
            tooltip="Mở hoặc bắt đầu kỳ sinh hoạt tháng này",
            id="open-meeting",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield Static(id="months")
        yield Footer()

    def on_mount(self) -> None:
        lines = [f"{s.month[5:]}/{s.month[:4]}" for s in self.app.repo.summaries()]  # type: ignore[attr-defined]
        self.query_one("#months", Static).update("\n".join(lines) or "Chưa có kỳ sinh hoạt nào")

    def action_open_meeting(self) -> None:
        from .meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(month_of(date.today())))
