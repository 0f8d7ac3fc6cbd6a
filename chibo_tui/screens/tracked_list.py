"""What the meetings set and later months follow up (remedies, tasks), as one list.

Tracking needs every meeting (the follow-ups are in later months), so the list is
loaded by a worker from the shared history snapshot; the filters (a state cycled
by S, an owner picked with P) then work in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from ..text import history as T
from ..views.snapshot import HistorySnapshot
from ..widgets.footer import KeyFooter
from ..widgets.history_list import HistoryList, with_separators
from ..widgets.topbar import TopBar
from .base import ChiboScreen

Item = TypeVar("Item")


class TrackedListScreen(ChiboScreen[None], Generic[Item]):
    """A filtered list of tracked items; subclasses say what the items are and show."""

    CSS_PATH = ["history_list.tcss", "history.tcss"]
    PREFIX: ClassVar[str]
    """The ids' prefix: ``#{PREFIX}-list``, ``#{PREFIX}-owner``, ``#{PREFIX}-count``…"""
    CONTEXT: ClassVar[str]
    LOADING: ClassVar[str]
    STATE_LABEL: ClassVar[str]
    OWNER_LABEL: ClassVar[str]

    @dataclass
    class Loaded(Message):
        """The worker tracked every item (posted from its thread)."""

        items: list[Any]

    def __init__(self) -> None:
        super().__init__()
        self.owner: str | None = None
        self.items: list[Item] | None = None
        self.shown: list[Item] = []
        self._stamp: object = None
        """The save the items were loaded after (``session.revision`` then)."""

    # -- what a subclass provides ------------------------------------------------

    def tracked(self, snapshot: HistorySnapshot) -> list[Item]:
        raise NotImplementedError

    def owner_names(self, items: list[Item]) -> list[str]:
        raise NotImplementedError

    def state_text(self) -> str:
        raise NotImplementedError

    def next_state(self) -> None:
        raise NotImplementedError

    def filtered(self, items: list[Item], today: date) -> list[Item]:
        raise NotImplementedError

    def count_text(self, items: list[Item], today: date) -> str:
        raise NotImplementedError

    def option(self, index: int, item: Item, today: date) -> Option:
        raise NotImplementedError

    def open_item(self, item: Item) -> None:
        raise NotImplementedError

    # -- the list ------------------------------------------------------------------

    def today(self) -> date:
        return self.session.today()

    def compose(self) -> ComposeResult:
        p = self.PREFIX
        yield self.top_bar()
        with Horizontal(id=f"{p}-filters", classes="tracked-filters"):
            yield Static(self.STATE_LABEL, classes="filter-label")
            yield Static(id=f"{p}-status-value", classes="filter-value")
            yield Static(self.OWNER_LABEL, classes="filter-label")
            yield Select[str](
                [],
                prompt=T.REMEDIES_OWNER_ALL,
                id=f"{p}-owner",
                classes="tracked-owner",
                compact=True,
            )
        yield Static(self.LOADING, id=f"{p}-count", classes="tracked-count")
        yield HistoryList(id=f"{p}-list", classes="tracked-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = self.CONTEXT
        self._show_state()
        self._stamp = self.session.revision
        self.load(self._stamp)

    def on_screen_resume(self) -> None:
        # Back from a month: if anything was saved meanwhile, track the items again.
        if self.items is not None and self.session.revision != self._stamp:
            self._stamp = self.session.revision
            self.load(self._stamp)

    @work(thread=True, exclusive=True, group="tracked-load", exit_on_error=False)
    def load(self, stamp: object) -> None:
        self.post_message(self.Loaded(self.tracked(self.session.history())))

    def on_tracked_list_screen_loaded(self, message: Loaded) -> None:
        self.items = message.items
        select = self.query_one(f"#{self.PREFIX}-owner", Select)
        names = self.owner_names(self.items)
        select.set_options((name, name) for name in names)
        if self.owner in names:
            select.value = self.owner  # reloaded: keep the owner picked
        else:
            self.owner = None
        self.refresh_list()

    def _show_state(self) -> None:
        self.query_one(f"#{self.PREFIX}-status-value", Static).update(self.state_text())

    def refresh_list(self) -> None:
        """Apply the filters and fill the list (in memory: instant)."""
        self._show_state()
        if self.items is None:
            return
        today = self.today()
        self.shown = self.filtered(self.items, today)
        self.query_one(f"#{self.PREFIX}-count", Static).update(self.count_text(self.items, today))
        listing = self.query_one(f"#{self.PREFIX}-list", HistoryList)
        listing.set_options(
            with_separators(self.option(i, item, today) for i, item in enumerate(self.shown))
        )
        if self.shown:
            listing.highlighted = 0

    # -- actions ---------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_cycle_status(self) -> None:
        self.next_state()
        self.refresh_list()

    def action_pick_owner(self) -> None:
        select = self.query_one(f"#{self.PREFIX}-owner", Select)
        select.focus()
        select.action_show_overlay()

    @on(Select.Changed, ".tracked-owner")
    def owner_changed(self, event: Select.Changed) -> None:
        self.owner = None if event.value is Select.NULL else str(event.value)
        self.refresh_list()
        self.set_focus(self.query_one(f"#{self.PREFIX}-list", HistoryList))

    @on(OptionList.OptionSelected, ".tracked-list")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_item(self.shown[int(event.option.id or 0)])
