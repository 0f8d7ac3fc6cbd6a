"""Helpers of the meeting tests that drive the screen step by step."""

from __future__ import annotations

from textual.pilot import Pilot

from chibo_tui.app import ChiboApp
from chibo_tui.screens.meeting import MeetingScreen

MONTH = "2026-11"


async def settle(pilot: Pilot[None], rounds: int = 3) -> None:
    for _ in range(rounds):
        await pilot.pause()


async def at_step(app: ChiboApp, pilot: Pilot[None], step: str) -> MeetingScreen:
    """This month's meeting open at ``step``, its form up and painted."""
    await app.open_meeting(MONTH)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.go_to(step)
    await settle(pilot)
    return screen


async def saved(app: ChiboApp, pilot: Pilot[None]) -> None:
    """Until the save handed over last is on disk and its time has come back."""
    for _ in range(200):  # bounded; the time comes from the writer thread
        await pilot.pause()
        if app.last_saved is not None and not app.session.saving:
            return
