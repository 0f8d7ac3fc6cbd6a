"""Snapshots of the home screen and the year grid on the demo history (fixed day)."""

from __future__ import annotations

from collections.abc import Callable

from history_fixtures import settle
from textual.pilot import Pilot

from chibo_tui.app import ChiboApp


def test_home_screen(snap_compare, app: ChiboApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("down")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_home_screen_without_meetings_at_80_by_24(  # type: ignore[no-untyped-def]
    snap_compare, make_history_app: Callable[[int], ChiboApp]
) -> None:
    assert snap_compare(make_history_app(0), terminal_size=(80, 24), run_before=settle)


def test_year_grid(snap_compare, app: ChiboApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n", "left", "left")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_year_grid_at_80_by_24(snap_compare, app: ChiboApp) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n", "pageup")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
