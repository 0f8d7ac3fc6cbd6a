"""Search every meeting's text while typing, ignoring case and diacritics.

A worker builds the folded index while the screen is open, in parts, newest
months first: the query runs on the first part (a year) at once, and each older
part adds its hits below and to the count. Each keystroke, after a short pause,
filters the index in memory. A result opens the month in full at the line found.
The index goes with the screen: nothing keeps it once the screen is closed.
"""

from __future__ import annotations

import threading
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
from textual.worker import get_current_worker

from ..domain.vietnamese import month_label
from ..text import history as T
from ..views.search import Hit, Results, SearchIndex, excerpt, index_parts
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

    CSS_PATH = ["history_list.tcss", "history.tcss"]
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
    class IndexPart(Message):
        """A part of the index, of months before the parts before (posted from the
        worker's thread)."""

        part: SearchIndex
        build: int
        """Which build it belongs to: a part of a build given up for a newer one is dropped."""
        first: bool
        seconds: float
        """Since the build began."""

    @dataclass
    class IndexDone(Message):
        """Every part of build ``build`` has been posted (from the worker's thread)."""

        build: int

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.index: SearchIndex | None = None
        self.results: Results | None = None
        self.last_latency: float | None = None
        """Seconds the last search took to filter the index and fill the list."""
        self._timer: Timer | None = None
        self._stamp: object = None
        """The save the index was built after (``session.revision`` then)."""
        self._build = 0
        self._meetings = 0
        """Meetings the index will hold once every part is in (for the status)."""
        self._indexing = False
        self._shown = threading.Event()
        """Set once the last part posted is on screen: the worker waits for it."""

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Input(self.initial, placeholder=T.SEARCH_PLACEHOLDER, id="search-input")
        yield Static(id="search-status")
        yield HistoryList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = T.SEARCH_CONTEXT
        self._index_again()
        status = self.query_one("#search-status", Static)
        status.update(T.SEARCH_BUILDING.format(n=self._meetings))

    def on_unmount(self) -> None:
        # Let the index go with the screen (~10 MB at 600 months). Dropping the screen
        # is not enough: Textual's pool thread that ran the last index worker keeps
        # that worker, which holds this screen, until the thread runs another.
        self.index = None
        self.results = None
        self._shown.set()  # a worker waiting for a paint: on to see it is cancelled

    def on_screen_resume(self) -> None:
        # Back from a month: if anything was saved meanwhile, index again.
        if self.index is not None and self.session.revision != self._stamp:
            self._index_again()

    # -- the index (worker) ----------------------------------------------------

    @property
    def indexing(self) -> bool:
        """Whether parts of the index are still to come."""
        return self.index is None or self._indexing

    def _index_again(self) -> None:
        self._stamp = self.session.revision
        self._meetings = len(self.session.repo.summaries())
        self._build += 1
        self._indexing = True
        self.build_index(self._build)

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def build_index(self, build: int) -> None:
        started = perf_counter()
        worker = get_current_worker()
        # A year at a time, newest first: the first part waits for one year's file,
        # not for every meeting to be read.
        meetings = self.session.history().newest_first()
        for i, part in enumerate(index_parts(meetings)):
            if worker.is_cancelled:  # a newer build took over, or the screen closed
                return
            self._shown.clear()
            self.post_message(self.IndexPart(part, build, i == 0, perf_counter() - started))
            # Build the next part once this one is painted. A worker indexing flat out
            # holds the GIL and the UI thread gets it back for a few ms at a time: the
            # first results took up to 0.9 s to show (built in 0.14 s), at load 4.
            # Bounded: a paint that never comes must not hold it.
            self._shown.wait(1.0)
        self.post_message(self.IndexDone(build))

    def on_search_screen_index_done(self, message: IndexDone) -> None:
        if message.build == self._build:
            self._indexing = False
            self._show_status()

    def on_search_screen_index_part(self, message: IndexPart) -> None:
        self.call_after_refresh(self._shown.set)
        if message.build != self._build:
            return
        if message.first or self.index is None:
            # A new build starts over: the index before it is of an older save.
            self.index = message.part
            self.search_now()
        else:
            self.index.extend(message.part)
            self._search_part(message.part)

    def _search_part(self, part: SearchIndex) -> None:
        """Add ``part``'s hits for the query shown: its months are older than every
        month searched so far, so its hits go below (while there is room) and the
        rows already shown, and the one highlighted, stay."""
        shown = self.results
        if shown is None:
            return
        more = part.search(shown.query, max(LIMIT - len(shown.hits), 0))
        self.results = Results(shown.query, shown.hits + more.hits, shown.total + more.total)
        if more.hits:
            results = self.query_one("#search-results", HistoryList)
            width = self._width()
            options = with_separators(
                self._option(i, hit, width)
                for i, hit in enumerate(self.results.hits)
                if i >= len(shown.hits)
            )
            results.add_options([None, *options] if shown.hits else options)
            if not shown.hits:
                results.highlighted = 0
        self._show_status()

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
        results = self.query_one("#search-results", HistoryList)
        found = self.index.search(query, LIMIT)
        self.results = found
        self._show_status()
        width = self._width()
        results.set_options(
            with_separators(self._option(i, hit, width) for i, hit in enumerate(found.hits))
        )
        if found.hits:
            results.highlighted = 0
        self.last_latency = perf_counter() - started

    def _show_status(self) -> None:
        found, index = self.results, self.index
        if found is None or index is None:
            return
        query = found.query.strip()
        if not query:
            text = T.SEARCH_READY.format(n=index.meetings, lines=index.lines)
        elif not found.total:
            text = T.SEARCH_NONE.format(query=query)
        elif found.total > len(found.hits):
            text = (
                T.SEARCH_FOUND_LIMITED.format(total=found.total, query=query, shown=len(found.hits))
                + ". "
                + T.SEARCH_HINT
            )
        else:
            text = T.SEARCH_FOUND.format(total=found.total, query=query) + ". " + T.SEARCH_HINT
        if self.indexing:
            text += " " + T.SEARCH_MORE.format(done=index.meetings, n=self._meetings)
        self.query_one("#search-status", Static).update(text)

    def _width(self) -> int:
        """Characters of a result line's excerpt."""
        return max(self.query_one("#search-results", HistoryList).size.width - 6, 40)

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
