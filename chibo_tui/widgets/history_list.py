"""A keyboard list of months, remedies or search results whose Enter shows in the footer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .month_list import VIEW_BINDING


class HistoryList(OptionList):
    """An ``OptionList`` whose Enter key is listed in the footer and the command palette.

    The option ids carry what to open (a month, a remedy, a search hit); the screen
    handles ``OptionList.OptionSelected``.
    """

    BINDINGS = [VIEW_BINDING]


def with_separators(options: Iterable[Option]) -> Iterator[Option | None]:
    """``options`` with a separator line between each two (``None`` in an OptionList)."""
    for i, option in enumerate(options):
        if i:
            yield None
        yield option
