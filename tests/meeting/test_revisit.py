"""A step shown again is not rebuilt: only what changed meanwhile is redrawn.

The score sheet's view is refreshed each time its step is shown; it used to clear
and re-add every row, wrapped first for the hidden pane's width, then again once
shown (~40 ms of the ~75 ms a return to the step cost, 120 months).
"""

from __future__ import annotations

from typing import Any

import pytest
from meeting_steps import at_step, settle, whole_repaints
from textual.widgets import Static

from chibo_tui.app import ChiboApp
from chibo_tui.widgets.pane import MeetingPane
from chibo_tui.widgets.scoring import ScoreTable


def shown(table: ScoreTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_score_sheet_is_kept_when_its_step_is_shown_again(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_step(app, pilot, "scoring")
        table = screen.query_one(ScoreTable)
        keys, rows = list(table.rows), shown(table)
        assert rows

        await screen.go_to("opening")
        await settle(pilot)
        await screen.go_to("scoring")
        await settle(pilot)
        assert list(table.rows) == keys  # the same rows: not cleared and added again
        assert shown(table) == rows

        # What changed in another step still shows: the attendance item scores
        # once everyone is marked.
        assert rows[1][2] == "—/4"
        await screen.go_to("attendance")
        await settle(pilot)
        await pilot.press("a")  # everyone not yet marked: present
        await settle(pilot)
        await screen.go_to("scoring")
        await settle(pilot)
        assert shown(table)[1][2] == "4/4"


async def test_a_step_focuses_its_first_field_or_the_one_asked_for(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_step(app, pilot, "criterion-2")
        pane = screen.query_one("#criterion-2", MeetingPane)
        fields = pane.fields()
        await screen.go_to("opening")
        await settle(pilot)
        await screen.go_to("criterion-2")  # shown again: its first field
        assert screen.focused is fields[0]
        for asked, expected in (("causes", pane.query_one(".causes")), ("2", fields[2])):
            pane.focus_field(asked)  # by name, or by place (saved by older versions)
            await settle(pilot)
            assert screen.focused is expected
        pane.focus_field("no-such-field")
        assert screen.focused is fields[0]


async def test_moving_to_another_field_repaints_the_two_fields_not_the_screen(
    app: ChiboApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_step(app, pilot, "criterion-1")
        repaints = whole_repaints(screen)
        before = screen.focused
        await pilot.press("tab")
        await settle(pilot)
        assert screen.focused is not before
        assert repaints == []


@pytest.mark.parametrize("step", ["criterion-1", "attendance", "close"])
async def test_a_step_shown_again_sets_no_label_to_what_it_shows(
    app: ChiboApp, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    # Setting a label's text lays the screen out again even when the text is the
    # same (``widgets/labels.py``).
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_step(app, pilot, step)
        await screen.go_to("opening")
        await settle(pilot)
        again: list[tuple[str | None, str]] = []
        update = Static.update

        def recorded(label: Static, content: Any = "", *, layout: bool = True) -> None:
            if isinstance(content, str) and content == label.content:
                again.append((label.id, content))
            update(label, content, layout=layout)

        monkeypatch.setattr(Static, "update", recorded)
        await screen.go_to(step)
        await settle(pilot)
        assert again == []
        assert screen.query_one(f"#{step}", MeetingPane).display
