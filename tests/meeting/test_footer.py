"""The footer shows the keys of the field in focus, and is not rebuilt for nothing.

Textual's footer is rebuilt at every focus change; chibo's (``KeyFooter``) changes
only the keys that changed. What it shows must stay what Textual's would show.
"""

from __future__ import annotations

from meeting_steps import at_step, settle
from textual.pilot import Pilot
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from chibo_tui.app import ChiboApp
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.widgets.criterion import ChecklistTable
from chibo_tui.widgets.footer import KeyFooter

Key = tuple[str, str, str, bool, object, frozenset[str]]


def keys(footer: Footer) -> list[Key]:
    """What a footer shows, key by key, in order (a key hidden is not shown)."""
    return [
        (k.key, k.key_display, k.description, k._disabled, k.tooltip, k.classes)
        for k in footer.query_children(FooterKey)
        if k.display
    ]


async def rebuilt(pilot: Pilot[None], screen: MeetingScreen) -> list[Key]:
    """What Textual's own footer shows for the same focus."""
    reference = Footer(id="reference")
    await screen.mount(reference)
    screen.refresh_bindings()
    await pilot.pause()
    await pilot.pause()
    shown = keys(reference)
    await reference.remove()
    return shown


async def with_footer(
    app: ChiboApp, pilot: Pilot[None], step: str
) -> tuple[MeetingScreen, KeyFooter]:
    screen = await at_step(app, pilot, step)
    return screen, screen.query_one(KeyFooter)


async def test_the_footer_follows_the_focus_as_textuals_would(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen, footer = await with_footer(app, pilot, "criterion-1")
        pane = screen.query_one("#criterion-1")
        assert isinstance(screen.focused, ChecklistTable)
        assert "Đạt" in [k[2] for k in keys(footer)]
        assert keys(footer) == await rebuilt(pilot, screen)

        await pilot.press("tab")  # to the speaker: the checklist's keys go
        await settle(pilot)
        assert not isinstance(screen.focused, ChecklistTable)
        assert "Đạt" not in [k[2] for k in keys(footer)]
        assert keys(footer) == await rebuilt(pilot, screen)

        pane.query_one(ChecklistTable).focus()  # and come back
        await settle(pilot)
        assert "Đạt" in [k[2] for k in keys(footer)]
        assert keys(footer) == await rebuilt(pilot, screen)

        await screen.go_to("conclusion")  # fewer keys: F6 and F7 are not there
        await settle(pilot)
        assert keys(footer) == await rebuilt(pilot, screen)
        await screen.go_to("attendance")  # more
        await settle(pilot)
        assert keys(footer) == await rebuilt(pilot, screen)
        mounted = list(footer.query_children(FooterKey))
        await screen.go_to("conclusion")  # fewer again, then more: hidden, shown again
        await settle(pilot)
        assert keys(footer) == await rebuilt(pilot, screen)
        await screen.go_to("attendance")
        await settle(pilot)
        assert keys(footer) == await rebuilt(pilot, screen)
        assert list(footer.query_children(FooterKey)) == mounted  # none mounted, none removed
        # Every key was changed in place: the footer was built once, at the start.
        assert footer.rebuilds == 1


async def test_the_footer_is_not_rebuilt_when_its_keys_stay_the_same(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen, footer = await with_footer(app, pilot, "opening")
        before = list(footer.query_children(FooterKey))
        inputs = [i for i in screen.query_one("#opening").query(Input) if i.focusable]
        assert len(inputs) >= 2
        for field in inputs[:3]:
            field.focus()
            await settle(pilot)
        # The same key widgets, untouched: nothing mounted, nothing removed.
        assert list(footer.query_children(FooterKey)) == before
        assert footer.rebuilds == 1


async def test_a_footer_on_its_way_out_reads_no_bindings(app: ChiboApp) -> None:
    # A screen being replaced may have lost the widgets its ``check_action`` reads
    # (the roster's table): its footer, removed with it, must not ask any more.
    async with app.run_test(size=(120, 40)) as pilot:
        screen, footer = await with_footer(app, pilot, "opening")
        asked: list[str] = []
        check = screen.check_action

        def check_action(action: str, parameters: tuple[object, ...]) -> bool | None:
            asked.append(action)
            return check(action, parameters)

        screen.check_action = check_action  # type: ignore[method-assign]
        removing = footer.remove()
        await footer.recompose()
        assert asked == []
        await removing
