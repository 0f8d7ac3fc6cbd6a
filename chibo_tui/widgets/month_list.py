"""Home's list of months: one line per month, drawn only where the screen shows it.

An ``OptionList`` builds, measures and keeps every row: with 600 months that was
~1.2 MB of rows and ~30 ms of work for the ~35 a screen shows. Here a row is drawn
when it comes into view (``render_line``), from the caller's ``draw``; what the list
holds is the months' keys and the few rows last drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from ..text import history as T

VIEW_BINDING = Binding("enter", "select", T.KEY_VIEW, tooltip=T.KEY_VIEW_HELP, id="history-view")
"""Enter on a history list (this one or a ``HistoryList``): "Xem" in the footer."""

DRAWN_KEPT = 256
"""Rows kept once drawn (a few screens' worth): scrolling back costs nothing."""


class MonthList(ScrollView, can_focus=True):
    """Months, newest first; Enter (or a click) opens the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        VIEW_BINDING,
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"month-list--row", "month-list--highlighted"}
    DEFAULT_CSS = """
    MonthList {
        overflow-x: hidden;
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """The index of the highlighted month (``None``: the list is empty)."""

    @dataclass
    class Selected(Message):
        """A month was chosen (Enter or a click)."""

        month_list: MonthList
        month: str

        @property
        def control(self) -> MonthList:
            return self.month_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._months: list[str] = []
        self._draw: Callable[[int], Content] = lambda index: Content("")
        self._drawn: dict[tuple[int, int, VisualStyle], Strip] = {}

    # -- what the list shows -------------------------------------------------------

    def show(self, months: Sequence[str], draw: Callable[[int], Content]) -> None:
        """List ``months`` (their keys, in order); ``draw(i)`` gives row ``i``'s text.
        The highlight stays on the month it was on, if that month is still listed."""
        kept = self.highlighted_month
        self._months = list(months)
        self._draw = draw
        self._drawn.clear()
        self.virtual_size = Size(0, len(self._months))  # as wide as it is: no sideways scroll
        if not self._months:
            self.highlighted = None
        elif kept in self._months:
            self.highlighted = self._months.index(kept)
        else:
            self.highlighted = 0
        self.refresh()

    @property
    def months(self) -> list[str]:
        return list(self._months)

    @property
    def highlighted_month(self) -> str | None:
        index = self.highlighted
        return self._months[index] if index is not None and index < len(self._months) else None

    def row_text(self, index: int) -> Content:
        """Row ``index`` as drawn (what a test or a screen reader would read)."""
        return self._draw(index)

    # -- drawing -------------------------------------------------------------------

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not self._months:
            return None
        return min(max(index, 0), len(self._months) - 1)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._show_highlighted()
        self.refresh()

    def on_resize(self) -> None:
        self._show_highlighted()  # a shorter list must not hide it

    def _show_highlighted(self) -> None:
        if self.highlighted is not None:
            region = Region(0, self.highlighted, max(self.size.width, 1), 1)
            self.scroll_to_region(region, animate=False, force=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if index >= len(self._months):
            return Strip.blank(width, self.get_visual_style("month-list--row").rich_style)
        names = ("month-list--row", "month-list--highlighted")
        # The style in the key: a row is drawn again when the focus, the highlight or
        # the theme changes its colours.
        style = self.get_visual_style(*names[: 1 + (index == self.highlighted)])
        key = (index, width, style)
        strip = self._drawn.get(key)
        if strip is None:
            if len(self._drawn) >= DRAWN_KEPT:
                self._drawn.clear()
            padding = self.get_component_styles("month-list--row").padding
            row = self._draw(index).pad(padding.left, padding.right)
            strip = Strip(row.render_segments(style)).extend_cell_length(width, style.rich_style)
            strip = strip.crop(0, width)
            self._drawn[key] = strip
        return strip

    # -- keys and the mouse --------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.highlighted is not None:
            self.highlighted += step

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        if self._months:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._months:
            self.highlighted = len(self._months) - 1

    def action_select(self) -> None:
        month = self.highlighted_month
        if month is not None:
            self.post_message(self.Selected(self, month))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        if 0 <= index < len(self._months):
            self.highlighted = index
            self.action_select()
