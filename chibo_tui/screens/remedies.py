"""Remedies across all months: owner, due date, status, month raised; overdue first.

Tracking a remedy needs every meeting (its follow-ups are in later months), so
the list is loaded by a worker from the shared history snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, OptionList, Select, Static
from textual.widgets.option_list import Option

from ..domain.model import RemedyStatus
from ..domain.remedies import STATUS_TEXT, TrackedRemedy
from ..domain.vietnamese import month_label
from ..text import history as T
from ..views.month_text import criterion_anchor, show_date
from ..views.remedy_view import StatusFilter, filter_remedies, owners, totals
from ..widgets.history_list import HistoryList, with_separators
from ..widgets.topbar import TopBar
from ..widgets.verdict_marks import (
    STYLE_DRAFT,
    STYLE_MUTED,
    STYLE_OVERDUE,
    STYLE_PASS,
)
from .base import ChiboScreen

STATUS_STYLE = {
    RemedyStatus.OPEN: STYLE_OVERDUE,
    RemedyStatus.IN_PROGRESS: STYLE_DRAFT,
    RemedyStatus.DONE: STYLE_PASS,
}


class RemediesScreen(ChiboScreen[None]):
    """Every remedy with its latest status; filter by status (S) and owner (P)."""

    CSS_PATH = "history.tcss"
    AUTO_FOCUS = "#remedies-list"
    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="remedies-back"),
        Binding(
            "s",
            "cycle_status",
            T.KEY_STATUS_FILTER,
            tooltip=T.KEY_STATUS_FILTER_HELP,
            id="remedies-status",
        ),
        Binding(
            "p",
            "pick_owner",
            T.KEY_OWNER_FILTER,
            tooltip=T.KEY_OWNER_FILTER_HELP,
            id="remedies-owner",
        ),
    ]

    @dataclass
    class Loaded(Message):
        """The worker tracked every remedy (posted from its thread)."""

        remedies: list[TrackedRemedy]

    def __init__(self, status: StatusFilter = StatusFilter.UNRESOLVED) -> None:
        super().__init__()
        self.status = status
        self.owner: str | None = None
        self.remedies: list[TrackedRemedy] | None = None
        self.shown: list[TrackedRemedy] = []
        self._stamp: object = None
        """The save the remedies were loaded after (``app.last_saved`` then)."""

    def today(self) -> date:
        return self.session.today()

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        with Horizontal(id="remedies-filters"):
            yield Static(T.REMEDIES_STATUS, classes="filter-label")
            yield Static(id="remedies-status-value", classes="filter-value")
            yield Static(T.REMEDIES_OWNER, classes="filter-label")
            yield Select[str]([], prompt=T.REMEDIES_OWNER_ALL, id="remedies-owner", compact=True)
        yield Static(T.REMEDIES_LOADING, id="remedies-count")
        yield HistoryList(id="remedies-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = T.REMEDIES_CONTEXT
        self.query_one("#remedies-status-value", Static).update(T.STATUS_FILTERS[self.status])
        self._stamp = self.session.revision
        self.load(self._stamp)

    def on_screen_resume(self) -> None:
        # Back from a month: if anything was saved meanwhile, track the remedies again.
        if self.remedies is not None and self.session.revision != self._stamp:
            self._stamp = self.session.revision
            self.load(self._stamp)

    @work(thread=True, exclusive=True, group="remedies-load", exit_on_error=False)
    def load(self, stamp: object) -> None:
        self.post_message(self.Loaded(self.session.history().remedies))

    def on_remedies_screen_loaded(self, message: Loaded) -> None:
        self.remedies = message.remedies
        select = self.query_one("#remedies-owner", Select)
        names = owners(self.remedies)
        select.set_options((name, name) for name in names)
        if self.owner in names:
            select.value = self.owner  # reloaded: keep the owner picked
        else:
            self.owner = None
        self.refresh_list()

    # -- content ---------------------------------------------------------------

    def refresh_list(self) -> None:
        """Apply the filters and fill the list (in memory: instant)."""
        self.query_one("#remedies-status-value", Static).update(T.STATUS_FILTERS[self.status])
        if self.remedies is None:
            return
        today = self.today()
        self.shown = filter_remedies(self.remedies, self.status, self.owner, today)
        all_totals = totals(self.remedies, today)
        count = self.query_one("#remedies-count", Static)
        if not self.remedies:
            count.update(T.REMEDIES_EMPTY)
        elif not self.shown and self.status is StatusFilter.UNRESOLVED and self.owner is None:
            count.update(T.REMEDIES_ALL_DONE.format(total=all_totals.raised))
        elif not self.shown:
            count.update(T.REMEDIES_NONE_MATCH)
        else:
            count.update(
                T.REMEDIES_COUNT.format(
                    shown=len(self.shown),
                    total=all_totals.raised,
                    open=all_totals.unresolved,
                    overdue=all_totals.overdue,
                )
            )
        listing = self.query_one("#remedies-list", HistoryList)
        listing.set_options(
            with_separators(self._option(i, t, today) for i, t in enumerate(self.shown))
        )
        if self.shown:
            listing.highlighted = 0

    def _option(self, index: int, item: TrackedRemedy, today: date) -> Option:
        remedy = item.remedy
        overdue = item.overdue(today)
        due = show_date(remedy.due) or T.NO_DUE
        status = Content.styled(STATUS_TEXT[item.status], STATUS_STYLE[item.status])
        details = [
            Content.styled(
                f"{month_label(item.source_month)} · {T.YEAR_CRITERION_TITLE.format(n=item.criterion)}",
                STYLE_MUTED,
            ),
            Content(f"{T.REMEDIES_COL_OWNER}: {remedy.owner or T.NO_OWNER}"),
            Content.styled(f"{T.REMEDIES_COL_DUE} {due}", STYLE_OVERDUE if overdue else ""),
            status,
        ]
        if overdue:
            details.append(
                Content.styled(f" {T.REMEDIES_OVERDUE.upper()} ", f"reverse {STYLE_OVERDUE}")
            )
        if item.updated_month:
            details.append(
                Content.styled(
                    T.REMEDIES_UPDATED.format(month=month_label(item.updated_month)), STYLE_MUTED
                )
            )
        text = Content(remedy.text)
        if item.note:
            text += Content.styled(f" — {item.note}", STYLE_MUTED)
        prompt = Content("\n").join([text, Content(" · ").join(details)])
        return Option(prompt, id=str(index))

    # -- actions ---------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_cycle_status(self) -> None:
        self.status = self.status.next()
        self.refresh_list()

    def action_pick_owner(self) -> None:
        select = self.query_one("#remedies-owner", Select)
        select.focus()
        select.action_show_overlay()

    @on(Select.Changed, "#remedies-owner")
    def owner_changed(self, event: Select.Changed) -> None:
        self.owner = None if event.value is Select.NULL else str(event.value)
        self.refresh_list()
        self.set_focus(self.query_one("#remedies-list", HistoryList))

    @on(OptionList.OptionSelected, "#remedies-list")
    def open_remedy(self, event: OptionList.OptionSelected) -> None:
        from .month import MonthScreen

        item = self.shown[int(event.option.id or 0)]
        anchor = criterion_anchor(item.criterion)
        self.app.push_screen(MonthScreen(item.source_month, anchor=anchor, find=item.remedy.text))
