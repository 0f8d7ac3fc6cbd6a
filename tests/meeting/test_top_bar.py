"""The top bar shows when the last change reached the disk, on every screen shown.

The app tells the top bars (a watcher on the app would keep every bar ever shown
alive), and a save repaints the bars, not the whole screen.
"""

from __future__ import annotations

from datetime import datetime

from meeting_steps import MONTH, saved, settle, whole_repaints
from textual.widgets import Label

from chibo_tui.app import ChiboApp
from chibo_tui.screens.home import HomeScreen
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.screens.month import MonthScreen
from chibo_tui.widgets.topbar import TopBar


def saved_label(bar: TopBar) -> str:
    return str(bar.query_one("#topbar-saved", Label).render())


async def test_every_top_bar_shows_the_last_save_without_watching_the_app(
    app: ChiboApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await app.open_meeting(MONTH)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        home = app.screen_stack[-2]
        screen.meeting.conclusion = "Chi bộ thống nhất"
        app.session.save_now()
        await saved(app, pilot)
        # The meeting's top bar and home's, below it, both say it.
        assert saved_label(screen.query_one(TopBar)) == "Đã lưu 19:30:00"
        assert saved_label(home.query_one(TopBar)) == "Đã lưu 19:30:00"
        app.push_screen(MonthScreen("2026-10"))  # a screen built after: at once
        await settle(pilot)
        assert saved_label(app.screen.query_one(TopBar)) == "Đã lưu 19:30:00"


async def test_a_save_repaints_the_top_bar_not_the_screen(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        # Home, with no meeting open: no save of the app's own can land in between
        # and put its time back (with a meeting open, its autosave could).
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and not app.session.saving
        repaints = whole_repaints(screen)
        app.last_saved = datetime(2026, 11, 27, 19, 31, 5)
        await settle(pilot)
        assert saved_label(screen.query_one(TopBar)) == "Đã lưu 19:31:05"
        assert repaints == []
