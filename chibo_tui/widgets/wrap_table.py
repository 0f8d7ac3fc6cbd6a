"""A table whose long text wraps instead of running off the screen.

A remedy, a sub-criterion or a speech is a sentence or two; in a plain
DataTable its column grows past the pane and the columns after it (owner,
due date, status, note) end up off screen. Here every column but one has a
fixed width, the one left takes the pane's remaining width, and each cell
wraps to its column, the row growing as tall as its longest cell.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.widgets import DataTable

MIN_FLEX = 12
"""The wrapping column never gets narrower than this, even on a tiny terminal."""
MIN_FIXED = 6
"""Nor a fixed column when the pane is too narrow for their widths (its cells wrap)."""


@dataclass(frozen=True)
class WrapColumn:
    label: str
    key: str
    width: int | None = None
    """Cells wider than this wrap; ``None``: the column takes the width left over."""
    min_width: int = MIN_FIXED
    """How far the column may give way on a narrow pane (a date: not at all)."""
    fit: bool = False
    """As narrow as its label and cells need, up to ``width`` (a note column while no
    note is written gives its room to the text: rows of a task were 13 lines tall)."""


class WrapTable(DataTable[str]):
    """Rows set with :meth:`set_rows`; cells changed with :meth:`set_cell`."""

    def __init__(self, columns: Sequence[WrapColumn], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._specs = tuple(columns)
        self._rows_text: list[tuple[str | None, list[str]]] = []
        self._laid_for = -1

    def on_mount(self) -> None:
        self._lay_out()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._laid_for:
            self._lay_out()

    def set_rows(self, rows: Iterable[Sequence[str]], keys: Iterable[str] | None = None) -> None:
        """Replace every row (``keys``: one per row, to address rows later)."""
        listed = [list(r) for r in rows]
        names: list[str | None] = list(keys) if keys is not None else [None] * len(listed)
        rows_text = list(zip(names, listed, strict=True))
        if rows_text == self._rows_text:
            # The same rows: a step shown again (its view is refreshed each time)
            # rebuilt the whole table, wrapped for the width of a hidden pane (0), then
            # again when shown. A new width lays it out anyway (``on_resize``).
            return
        self._rows_text = rows_text
        self._lay_out()

    def set_cell(self, row: int, column: str, value: str) -> None:
        index = next(i for i, spec in enumerate(self._specs) if spec.key == column)
        if self._rows_text[row][1][index] == value:
            return
        self._rows_text[row][1][index] = value
        self._lay_out()

    def _width(self) -> int:
        """The width to wrap for: the table's own once laid out; before that, the one
        an ancestor expects it to get (``width_hint``), or 0: not known yet.

        A table filled only once it has a size is empty in the first frame that shows
        it, and its rows come a frame (~50 ms) later.
        """
        width = self.scrollable_content_region.width
        if width:
            return width
        for node in self.ancestors:
            hint = getattr(node, "width_hint", 0)
            if hint:
                return int(hint)
        return 0

    def _widths(self, width: int) -> list[int]:
        """Each column's width: the fixed ones as asked while the pane has room, the
        one left takes the rest; on a narrow pane the fixed ones give way too, so that
        no column ends up off screen (80 columns, seven of them)."""
        available = width - 2 * self.cell_padding - 1
        available -= 2 * self.cell_padding * len(self._specs)
        asked = [self._asked(i, spec) for i, spec in enumerate(self._specs)]
        flex = available - sum(asked)
        give = {
            i: w - min(s.min_width, w)
            for i, (s, w) in enumerate(zip(self._specs, asked, strict=True))
            if w
        }
        spare = sum(give.values())
        short = min(MIN_FLEX - flex, spare)
        widths = list(asked)
        if short > 0:
            for i, room in give.items():
                widths[i] -= round(short * room / spare)
        flex = max(available - sum(widths), MIN_FLEX)
        return [w if s.width else flex for s, w in zip(self._specs, widths, strict=True)]

    def _asked(self, index: int, spec: WrapColumn) -> int:
        """The width ``spec`` asks for: its own, or for a fitting column what its label
        and cells need within it; 0 for the column that takes what is left."""
        if not spec.width or not spec.fit:
            return spec.width or 0
        needed = max((cell_len(cells[index]) for _, cells in self._rows_text), default=0)
        return min(spec.width, max(cell_len(spec.label), needed))

    def _lay_out(self) -> None:
        width = self._width() if self.is_attached else 0
        if not width:
            return
        widths = self._widths(width)
        self._laid_for = width
        cursor = self.cursor_row
        self.clear(columns=True)
        for spec, width in zip(self._specs, widths, strict=True):
            self.add_column(spec.label, key=spec.key, width=width)
        for key, cells in self._rows_text:
            wrapped = [
                "\n".join(textwrap.wrap(cell, width) or [""])
                for cell, width in zip(cells, widths, strict=True)
            ]
            self.add_row(*wrapped, key=key, height=None)
        if self._rows_text:
            self.move_cursor(row=min(cursor, len(self._rows_text) - 1), animate=False)
