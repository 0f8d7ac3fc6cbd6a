"""First run on an empty database (placeholder until the setup issue lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..widgets.topbar import TopBar


class WelcomeScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield TopBar()
        yield Static("Chào mừng đến với chibo. Cơ sở dữ liệu chưa có chi bộ nào.")
        yield Footer()
