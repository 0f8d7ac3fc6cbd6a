"""Search every meeting's text while typing, ignoring case and diacritics.

A worker builds the folded index once (shared through the history snapshot);
each keystroke, after a short pause, filters it in memory. A result opens the
month in full at the line found.
"""

from __future__ import annotations

from dataclasses import dataclass
from time import perf_counter

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..domain.vietnamese import month_label
from ..text import history as T
from ..views.search import Hit, Results, SearchIndex, excerpt
from ..widgets.history_list import HistoryList, with_separators
from ..widgets.topbar import TopBar
from ..widgets.verdict_marks import STYLE_LABEL, STYLE_MUTED, highlighted
from .base import ChiboScreen

DEBOUNCE = 0.12
"""Seconds of typing pause before searching: fast typists do not search every letter."""

LIMIT = 100
"""Results shown at most (newest months first); the total is always reported."""


class SearchScreen(ChiboScreen[None]):
    """A query line and the matching lines: month, criterion, the line itself."""

    CSS_PATH = "history.tcss"
    AUTO_FOCUS = "#search-input"
    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="search-back"),
        Binding(
            "down",
            "results",
            T.KEY_RESULTS,
            tooltip=T.KEY_RESULTS_HELP,
            key_display="↓",
            id="search-results",
        ),
        Binding(
            "ctrl+f",
            "query",
            T.KEY_QUERY,
            tooltip=T.KEY_QUERY_HELP,
            id="search-query",
        ),
    ]

    @dataclass
    class IndexReady(Message):
        """The worker built (or found) the index (posted from its thread)."""

        index: SearchIndex
        seconds: float

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.index: SearchIndex | None = None
        self.results: Results | None = None
        self.last_latency: float | None = None
        """Seconds the last search took to filter the index and fill the list."""
        self._timer: Timer | None = None
        self._stamp: object = None
        """The save the index was built after (``app.last_saved`` then)."""

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Input(self.initial, placeholder=T.SEARCH_PLACEHOLDER, id="search-input")
        yield Static(id="search-status")
        yield HistoryList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = T.SEARCH_CONTEXT
        count = len(self.session.repo.summaries())
        self.query_one("#search-status", Static).update(T.SEARCH_BUILDING.format(n=count))
        self._stamp = self.session.revision
        self.build_index(self._stamp)

    def on_screen_resume(self) -> None:
        # Back from a month: if anything was saved meanwhile, index again.
        if self.index is not None and self.session.revision != self._stamp:
            self._stamp = self.session.revision
            self.build_index(self._stamp)

    # -- the index (worker) ----------------------------------------------------

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def build_index(self, stamp: object) -> None:
        started = perf_counter()
        index = self.session.history().index()
        self.post_message(self.IndexReady(index, perf_counter() - started))

    def on_search_screen_index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        self.search_now()

    # -- searching -------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def query_changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.search_now, name="search-debounce")

    @on(Input.Submitted, "#search-input")
    def query_submitted(self) -> None:
        self.search_now()
        results = self.query_one("#search-results", HistoryList)
        if results.option_count:
            self.set_focus(results)
            results.action_select()

    def search_now(self) -> None:
        """Filter the index for the query as it stands (pending debounce cancelled)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.index is None:
            return
        started = perf_counter()
        query = self.query_one("#search-input", Input).value
        status = self.query_one("#search-status", Static)
        results = self.query_one("#search-results", HistoryList)
        found = self.index.search(query, LIMIT)
        self.results = found
        if not query.strip():
            status.update(T.SEARCH_READY.format(n=self.index.meetings, lines=self.index.lines))
        elif not found.total:
            status.update(T.SEARCH_NONE.format(query=query.strip()))
        elif found.total > len(found.hits):
            status.update(
                T.SEARCH_FOUND_LIMITED.format(
                    total=found.total, query=query.strip(), shown=len(found.hits)
                )
                + " "
                + T.SEARCH_HINT
            )
        else:
            status.update(
                T.SEARCH_FOUND.format(total=found.total, query=query.strip()) + ". " + T.SEARCH_HINT
            )
        width = max(results.size.width - 6, 40)
        results.set_options(
            with_separators(self._option(i, hit, width) for i, hit in enumerate(found.hits))
        )
        if found.hits:
            results.highlighted = 0
        self.last_latency = perf_counter() - started

    def _option(self, index: int, hit: Hit, width: int) -> Option:
        entry = hit.entry
        where = T.SEARCH_WHERE.format(month=month_label(entry.month), section=entry.section)
        if entry.group:
            where += f" · {entry.group}"
        head = Content.styled(where, STYLE_LABEL)
        if entry.what:
            # Say what the line is: a task and its review can read alike.
            tag = entry.what[:1].upper() + entry.what[1:]
            head = Content.styled(f" {tag} ", f"reverse {STYLE_LABEL}") + " " + head
        text, spans = excerpt(entry.text, hit.spans, width)
        line = highlighted(text, spans)
        return Option(head + "\n" + Content.styled("  ", STYLE_MUTED) + line, id=str(index))

    # -- actions ---------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_results(self) -> None:
        results = self.query_one("#search-results", HistoryList)
        if results.option_count:
            # At once, not after this key: the next key of a burst (↓ ↓ Enter) is the list's.
            self.set_focus(results)

    def action_query(self) -> None:
        self.query_one("#search-input", Input).focus()

    @on(OptionList.OptionSelected, "#search-results")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        from .month import MonthScreen

        if self.results is None:
            return
        entry = self.results.hits[int(event.option.id or 0)].entry
        query = self.query_one("#search-input", Input).value
        self.app.push_screen(
            MonthScreen(entry.month, anchor=entry.anchor, line_no=entry.line_no, query=query)
        )
