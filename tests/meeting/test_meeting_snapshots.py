"""Snapshots of the meeting's key screens: opening, a criterion, the close."""

from __future__ import annotations

from meeting_steps import at_step
from textual.pilot import Pilot
from textual.widgets import Input

from chibo_tui.app import ChiboApp
from chibo_tui.screens.meeting import MeetingScreen


async def _open(pilot: Pilot, step: str) -> MeetingScreen:
    app = pilot.app
    assert isinstance(app, ChiboApp)
    screen = await at_step(app, pilot, step)
    await settle(pilot)
    return screen


async def settle(pilot: Pilot) -> None:
    """Wait until the step's pane is built and the "Đã lưu" time is on screen."""
    app = pilot.app
    assert isinstance(app, ChiboApp)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    for _ in range(200):
        await pilot.pause()
        pane = screen._pane(screen.step)
        if pane is not None and pane.is_mounted:
            break
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]  # a blinking cursor is not a diff
    app.session.save_now()
    # The "Đã lưu" time arrives as a message from the writer thread: wait for it.
    for _ in range(200):
        await pilot.pause()
        if app.last_saved is not None and not app.session.saving:
            break
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def test_opening_screen(snap_compare, app: ChiboApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await _open(pilot, "opening")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_criterion_screen(snap_compare, app: ChiboApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await _open(pilot, "criterion-2")
        await pilot.press("d", "k", "d")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_close_screen_with_a_vote_that_does_not_add_up(snap_compare, app: ChiboApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        screen = await _open(pilot, "attendance")
        await pilot.press("a")
        await screen.go_to("criterion-1")
        screen.query_one("#criterion-1 #vote-in_favour", Input).value = "99"
        await screen.go_to("close")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_criterion_screen_at_80_by_24(snap_compare, app: ChiboApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await _open(pilot, "criterion-1")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
