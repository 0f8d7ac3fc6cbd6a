"""A widget is styled when it joins the screen, not each time its classes change before.

Textual restyles a widget whose classes change even before it is mounted (an
``Input(compact=True)`` does at construction); a step builds ~50 such fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from meeting_steps import MONTH, settle
from textual.dom import DOMNode
from textual.geometry import Region
from textual.widgets import Input, Label, TextArea

from chibo_tui.app import ChiboApp
from chibo_tui.screens.meeting import STEPS, MeetingScreen


async def test_a_field_is_styled_once_it_is_on_the_screen_and_not_before(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await app.open_meeting(MONTH)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        styled: list[DOMNode] = []
        update_nodes = app.stylesheet.update_nodes

        def counted(nodes: Iterable[DOMNode], animate: bool = False) -> None:
            nodes = list(nodes)
            styled.extend(nodes)
            update_nodes(nodes, animate=animate)

        app.stylesheet.update_nodes = counted  # type: ignore[method-assign]
        note = TextArea("", compact=True, id="probe-note")
        note.add_class("note")
        field = Input(compact=True, id="probe-field")
        assert styled == []  # nothing on the screen changed

        pane = screen.query_one("#opening")
        await pane.mount(note, field)
        await pilot.pause()
        # Mounted, each has the styles of its classes: meeting.tcss's 6 rows for a
        # note on a wide screen, Textual's one row for a compact field.
        assert note.size.height == 6
        assert field.size.height == 1


async def test_no_text_is_cut_at_the_right_edge_of_a_narrow_terminal(app: ChiboApp) -> None:
    """Lines wrap: at 80 columns the attendance's key hint stopped at "chưa đ", and at
    100 the closing step's month result before its last words."""
    async with app.run_test(size=(80, 30)) as pilot:
        await app.open_meeting(MONTH)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        hints = 0
        for step in STEPS:
            await screen.go_to(step)
            await settle(pilot)
            pane = screen.query_one(f"#{step}")
            left, right = pane.scrollable_content_region.x, pane.scrollable_content_region.right
            for label in pane.query(Label):
                if not label.display or not str(label.content).strip():
                    continue
                region = label.region
                if not region.area:
                    continue  # inside something hidden: not on the screen
                assert left <= region.x and region.right <= right, (step, str(label.content))
                if label.has_class("hint"):
                    lines = label.render_lines(Region(0, 0, region.width, region.height))
                    shown = "".join("".join(strip.text for strip in lines).split())
                    assert shown == "".join(str(label.content).split()), step
                    hints += 1
        assert hints >= 5
