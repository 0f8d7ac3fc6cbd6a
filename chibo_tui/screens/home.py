"""Home: the months held, newest first, with their verdicts at a glance.

The list comes from the repository's summaries (cheap, whatever the length of the
history); the open-remedy count needs every meeting and arrives from a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ..domain import paperwork
from ..domain.model import MeetingSummary, Verdict
from ..domain.months import month_of
from ..domain.rollup import year_rollup
from ..domain.rules import percent
from ..domain.vietnamese import month_label
from ..text import history as T
from ..views.remedy_view import RemedyTotals, totals
from ..widgets.footer import KeyFooter
from ..widgets.labels import set_text
from ..widgets.month_list import MonthList
from ..widgets.topbar import TopBar
from ..widgets.verdict_marks import (
    STYLE_FOUR_GOOD,
    STYLE_MUTED,
    Part,
    cell,
    legend,
    pad,
    state_part,
    verdict_parts,
)
from .base import ChiboScreen

DUE_WINDOW_DAYS = 10
"""After this many days a month's paperwork is history, not a reminder."""

WIDE = 100
"""From this width on, each month also names the criteria it failed."""

COLUMNS = (
    ("month", 10),
    ("marks", 16),
    ("gap", 2),
    ("four", 11),
    ("attendance", 16),
    ("state", 11),
)


def _same(new: list[MeetingSummary], old: list[MeetingSummary]) -> bool:
    """The same summaries (the repository hands out one object per unchanged record)."""
    return len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))


class HomeScreen(ChiboScreen[None]):
    """What chibo opens on once the cell exists: every month held, newest first."""

    CSS_PATH = ["history_list.tcss", "home.tcss"]
    BINDINGS = [
        Binding(
            "m",
            "open_meeting",
            T.KEY_OPEN_MEETING,
            tooltip=T.KEY_OPEN_MEETING_HELP,
            id="open-meeting",
        ),
        Binding("n", "year", T.KEY_YEAR, tooltip=T.KEY_YEAR_HELP, id="history-year"),
        Binding(
            "g", "remedies", T.KEY_REMEDIES, tooltip=T.KEY_REMEDIES_HELP, id="history-remedies"
        ),
        Binding("v", "tasks", T.KEY_TASKS, tooltip=T.KEY_TASKS_HELP, id="history-tasks"),
        Binding(
            "t,slash",
            "search",
            T.KEY_SEARCH,
            tooltip=T.KEY_SEARCH_HELP,
            key_display="t",
            id="history-search",
        ),
    ]

    @dataclass
    class RemediesCounted(Message):
        """The worker counted the open remedies (posted from its thread)."""

        totals: RemedyTotals
        stamp: tuple[int, date]
        """The save the count was made after, and the day (what is overdue)."""

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[MeetingSummary] = []
        self._note_width: int | None = None
        """Width of the "Không đạt" column the rows were laid out for (0: none)."""
        self._filled = False
        """Whether the list shows :attr:`summaries`."""
        self._counted: tuple[int, date] | None = None
        """The save (``session.revision``) and the day of the remedy count shown."""

    def today(self) -> date:
        """The app's clock (fixed in tests), never ``date.today()``."""
        return self.session.today()

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        with Vertical(id="home"):
            yield Static(id="home-this-month")
            yield Static(id="home-due", markup=False)
            yield Static(id="home-stats")
            yield Static(id="home-header", classes="list-header")
            yield MonthList(id="home-months")
            yield Static(id="home-empty")
            yield Static(legend(), id="home-legend", classes="legend")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(TopBar).context = T.HOME_CONTEXT

    def on_screen_resume(self) -> None:
        # Shown first, or back from the live meeting or a history view: the months
        # may have changed.
        self.refresh_months()

    def on_resize(self) -> None:
        self._fill_list(only_if_wider_or_narrower=True)

    # -- content ---------------------------------------------------------------

    def refresh_months(self) -> None:
        """Read the month list again (cheap: the summaries only), and rebuild the rows
        only when a month changed (back from a meeting, most often none did)."""
        summaries = self.session.repo.summaries()
        unchanged = self._filled and _same(summaries, self.summaries)
        self.summaries = summaries
        today = self.today()
        this_month = month_of(today)
        held = {s.month: s for s in self.summaries}
        label = month_label(this_month)
        current = held.get(this_month)
        if current is None:
            line = T.HOME_THIS_MONTH_NONE.format(month=label)
        elif current.state.value == "finalised":
            line = T.HOME_THIS_MONTH_FINAL.format(month=label)
        else:
            line = T.HOME_THIS_MONTH_DRAFT.format(month=label)
        empty = not self.summaries
        set_text(self.query_one("#home-this-month", Static), line)
        self._show_due(today)
        set_text(self.query_one("#home-empty", Static), T.HOME_EMPTY.format(month=label))
        self.set_class(empty, "-empty")
        months = self.query_one("#home-months", MonthList)
        months.can_focus = not empty  # hidden, it must not take the keys (nor the footer)
        if empty:
            set_text(self.query_one("#home-stats", Static), "")
            self.set_focus(None)
            return
        months.focus()
        if unchanged and self._counted == self._count_stamp():
            return
        self._show_stats(None)
        self._fill_list(rebuild=not unchanged)
        # Counting remedies loads every meeting: let the list paint first.
        self.call_after_refresh(self.count_remedies, self._count_stamp())

    def _show_due(self, today: date) -> None:
        """What the secretary still has to do around the latest meeting (HD 42), and from
        1 December the year's self-review."""
        lines = []
        cell = self.session.cell
        latest = max((s.month for s in self.summaries if s.month <= month_of(today)), default=None)
        if cell is not None and latest is not None:
            meeting = self.session.repo.load_meeting(latest)
            if meeting is not None and (today - meeting.date).days <= DUE_WINDOW_DAYS:
                work = cell.paperwork_of(latest)
                lines += [d.text for d in paperwork.due(meeting, work, today, cell.resolution.form)]
        adopted = {r.year for r in cell.year_reviews if r.adopted} if cell is not None else set()
        reminder = paperwork.review_reminder(today, adopted)
        if reminder and self.summaries:
            lines.append(reminder + T.HOME_REVIEW_KEY)
        due = self.query_one("#home-due", Static)
        set_text(due, "\n".join(f"! {line}" for line in lines))
        due.display = bool(lines)

    def _show_stats(self, remedies: RemedyTotals | None) -> None:
        latest_year = int(self.summaries[0].month[:4])
        rollup = year_rollup(self.summaries, latest_year)
        parts = [
            T.HOME_COUNT.format(n=len(self.summaries)),
            T.HOME_YEAR_LINE.format(
                year=latest_year, good=rollup.four_good_months, held=rollup.held
            ),
        ]
        if remedies is None:
            parts.append(T.HOME_REMEDIES_LOADING)
        elif remedies.raised == 0:
            parts.append(T.HOME_REMEDIES_NEVER)  # "all remedied" would claim what never was
        elif remedies.unresolved == 0:
            parts.append(T.HOME_REMEDIES_NONE)
        else:
            text = T.HOME_REMEDIES_LINE.format(open=remedies.unresolved)
            if remedies.overdue:
                text += T.HOME_REMEDIES_OVERDUE.format(overdue=remedies.overdue)
            parts.append(text)
        set_text(self.query_one("#home-stats", Static), " · ".join(parts))

    def _fill_list(self, only_if_wider_or_narrower: bool = False, rebuild: bool = True) -> None:
        if not self.summaries or not self.is_mounted:
            return
        wide = self.size.width >= WIDE
        note_width = max(self.size.width - sum(w for _, w in COLUMNS) - 8, 0) if wide else 0
        if (only_if_wider_or_narrower or not rebuild) and note_width == self._note_width:
            return
        self._note_width = note_width
        header = Content("").join(
            [
                pad(T.HOME_COL_MONTH, 10),
                pad("".join(f"TC{n} " for n in range(1, 5)), 16),
                pad("", 2),
                pad(T.HOME_COL_FOUR_GOOD, 11),
                pad(T.HOME_COL_ATTENDANCE, 16),
                pad(T.HOME_COL_STATE, 11),
                pad(T.HOME_COL_NOTE, note_width) if note_width else Content(""),
            ]
        )
        self.query_one("#home-header", Static).update(header)
        summaries = self.summaries
        self.query_one("#home-months", MonthList).show(
            [s.month for s in summaries], lambda i: self._row(summaries[i], note_width)
        )
        self._filled = True

    def _row(self, s: MeetingSummary, note_width: int) -> Content:
        ratio = percent(s.present / s.expected) if s.expected else "–"
        state, state_style = state_part(s.state)
        parts: list[Part] = [
            cell(month_label(s.month), 10),
            *verdict_parts(s.verdicts, 4),
            cell("", 2),
            cell(T.FOUR_GOOD_BADGE if s.four_good else "", 11, STYLE_FOUR_GOOD),
            cell(f"{s.present}/{s.expected} · {ratio}", 16),
            cell(state, 11, state_style),
        ]
        if note_width:
            failed = [
                T.CRITERION_SHORT.get(i + 1, str(i + 1))
                for i, v in enumerate(s.verdicts)
                if v is Verdict.FAIL
            ]
            parts.append(cell(", ".join(failed), note_width, STYLE_MUTED))
        return Content.assemble(*parts)

    # -- the open-remedy count (worker) ----------------------------------------

    def _count_stamp(self) -> tuple[int, date]:
        return self.session.revision, self.today()

    @work(thread=True, exclusive=True, group="home-remedies", exit_on_error=False)
    def count_remedies(self, stamp: tuple[int, date]) -> None:
        snapshot = self.session.history()
        self.post_message(self.RemediesCounted(totals(snapshot.remedies, self.today()), stamp))

    def on_home_screen_remedies_counted(self, message: RemediesCounted) -> None:
        if self.summaries:
            self._show_stats(message.totals)
            self._counted = message.stamp

    # -- actions ---------------------------------------------------------------

    def highlighted_month(self) -> str | None:
        return self.query_one("#home-months", MonthList).highlighted_month

    @on(MonthList.Selected, "#home-months")
    def open_month(self, event: MonthList.Selected) -> None:
        from .month import MonthScreen

        self.app.push_screen(MonthScreen(event.month))

    def action_open_meeting(self) -> None:
        self.chibo.open_meeting(month_of(self.today()))

    def action_year(self) -> None:
        from .year import YearScreen

        month = self.highlighted_month()
        year = int(month[:4]) if month else self.today().year
        self.app.push_screen(YearScreen(year, month))

    def action_remedies(self) -> None:
        from .remedies import RemediesScreen

        self.app.push_screen(RemediesScreen())

    def action_tasks(self) -> None:
        from .tasks import TasksScreen

        self.app.push_screen(TasksScreen())

    def action_search(self) -> None:
        from .search import SearchScreen

        self.app.push_screen(SearchScreen())
