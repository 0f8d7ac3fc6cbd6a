"""A meeting closed is let go: its screen and its widgets.

The heap is frozen when a meeting opens (full collections then skip it while the chair
types); frozen objects are never collected, so each meeting opened and closed used to
stay in memory for the rest of the session (~7 MB at 120 months).
"""

from __future__ import annotations

import gc
import weakref

from meeting_steps import at_step, settle
from textual.widgets import TextArea

from chibo_tui.app import ChiboApp
from chibo_tui.widgets.topbar import TopBar


async def test_a_closed_meeting_is_collected(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_step(app, pilot, "criterion-1")
        note = screen.query_one("#criterion-1").query(TextArea).first()
        gone = [
            weakref.ref(screen),
            weakref.ref(screen.query_one(TopBar)),
            weakref.ref(note),
        ]
        assert gc.get_freeze_count() > 0  # frozen with the heap
        del screen, note

        await pilot.press("escape")  # home
        for _ in range(200):  # bounded: 10 s; collected about 2 s after the close
            if gone[0]() is None:
                break
            await pilot.pause(0.05)
        await settle(pilot)
        assert [ref() is None for ref in gone] == [True] * len(gone)
        assert gc.get_freeze_count() > 0  # and what stays is frozen again


async def test_steps_built_leave_nothing_for_a_collection_while_typing(app: ChiboApp) -> None:
    # Every step's form built: what building them left was collected and the rest
    # frozen as each came up, so the full collection the chair would otherwise meet
    # while typing (87-121 ms at 600 months, every step visited) has little to walk.
    from chibo_tui.screens.meeting import STEPS

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_step(app, pilot, STEPS[0])
        for step in STEPS[1:]:
            await screen.go_to(step)
            await settle(pilot)
        await settle(pilot)
        assert len(gc.get_objects()) < 20_000  # unfrozen; ~134,000 without the settling
