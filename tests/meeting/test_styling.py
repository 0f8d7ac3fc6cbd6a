"""A widget is styled when it joins the screen, not each time its classes change before.

Textual restyles a widget whose classes change even before it is mounted (an
``Input(compact=True)`` does at construction); a step builds ~50 such fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from meeting_steps import MONTH
from textual.dom import DOMNode
from textual.widgets import Input, TextArea

from chibo_tui.app import ChiboApp
from chibo_tui.screens.meeting import MeetingScreen


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
