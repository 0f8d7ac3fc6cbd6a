"""Helpers of the meeting tests that drive the screen step by step."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.screen import Screen

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


def whole_repaints(screen: Screen[None]) -> list[dict[str, bool]]:
    """From now on, each repaint of the whole of ``screen`` (not of a region: what
    changed on a screen behind it), with its flags."""
    repaints: list[dict[str, bool]] = []
    refresh = screen.refresh

    def counted(*regions: object, **flags: bool) -> Screen[None]:
        if not regions:
            repaints.append(flags)
        return refresh(*regions, **flags)  # type: ignore[arg-type]

    screen.refresh = counted  # type: ignore[method-assign]
    return repaints
