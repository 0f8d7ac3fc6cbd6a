"""The year at a glance: the grid of 12 months × 4 criteria, quarters and totals.

The grid itself comes from the summaries (instant); the year's remedy counts and
each month's share of tasks done need the meetings and come from a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ..domain import scoresheet
from ..domain.model import MeetingSummary, Verdict
from ..domain.rollup import YearRollup, year_rollup, year_target
from ..domain.rules import percent
from ..domain.tasks import Completion, completion
from ..domain.vietnamese import month_label
from ..session import DocumentKind
from ..text import history as T
from ..text import year_review as YR
from ..views.remedy_view import RemedyTotals, totals
from ..widgets.footer import KeyFooter
from ..widgets.topbar import TopBar
from ..widgets.verdict_marks import STYLE_LABEL, STYLE_MUTED, legend, state_mark
from ..widgets.year_grid import YearGrid
from .base import ChiboScreen


class YearScreen(ChiboScreen[None]):
    """One year as a grid; ←/→ pick a month, PgUp/PgDn switch years, Enter opens it."""

    CSS_PATH = ["history_list.tcss", "history.tcss"]
    AUTO_FOCUS = "#year-grid"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("escape", "back", T.KEY_BACK, tooltip=T.KEY_BACK_HELP, id="year-back"),
        Binding(
            "f9,s", "export_summary", T.KEY_SUMMARY, tooltip=T.KEY_SUMMARY_HELP, id="year-summary"
        ),
        Binding("f10,k", "export_plan", T.KEY_PLAN, tooltip=T.KEY_PLAN_HELP, id="year-plan"),
        Binding("r", "review", YR.KEY_OPEN, tooltip=YR.KEY_OPEN_HELP, id="year-review"),
    ]

    @dataclass
    class RemediesCounted(Message):
        """The worker counted the remedies raised in ``year`` and the tasks each month
        found done (posted from its thread)."""

        year: int
        totals: RemedyTotals
        tasks: dict[int, Completion]
        scores: dict[int, int]  # month → quality score, months fully scored only

    def __init__(self, year: int, month: str | None = None) -> None:
        super().__init__()
        self.year = year
        self.cursor = int(month[5:7]) if month and month.startswith(f"{year:04d}-") else None
        self.summaries: list[MeetingSummary] = []
        self.rollup: YearRollup | None = None
        self.tasks: dict[int, Completion] = {}
        """The shown year's task completion by month (1–12), once the worker reports."""
        self._left = False

    def today(self) -> date:
        return self.session.today()

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        with VerticalScroll(id="year"):
            with Horizontal(id="year-switcher"):
                yield Static(id="year-prev", classes="year-hint")
                yield Static(id="year-title")
                yield Static(id="year-next", classes="year-hint")
            yield YearGrid(id="year-grid")
            yield Static(id="year-cursor")
            yield Static(id="year-total")
            yield Static(id="year-remedies")
            yield Static(id="year-tasks")
            yield Static(
                legend()
                + "   "
                + Content.styled(f"{T.MARK_NOT_HELD} {T.LEGEND_NOT_HELD}", STYLE_MUTED),
                id="year-legend",
                classes="legend",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.summaries = self.session.repo.summaries()
        self.show_year(self.year)

    def on_screen_suspend(self) -> None:
        self._left = True

    def on_screen_resume(self) -> None:
        if self._left:
            # Back from a month (maybe reopened in the meeting screen): read again.
            self._left = False
            self.summaries = self.session.repo.summaries()
            self.show_year(self.year)

    # -- content ---------------------------------------------------------------

    def years(self) -> range:
        """From the first year held to this year (or the last year held, if later)."""
        held = [int(s.month[:4]) for s in self.summaries]
        this = self.today().year
        return range(min(held + [this]), max(held + [this]) + 1)

    def show_year(self, year: int) -> None:
        self.year = year
        rollup = year_rollup(self.summaries, year)
        self.rollup = rollup
        if self.cursor is None or f"{year:04d}-{self.cursor:02d}" not in rollup.by_month:
            held = sorted(rollup.by_month)
            self.cursor = int(held[-1][5:7]) if held else 1
        self.query_one(TopBar).context = T.YEAR_CONTEXT.format(year=year)
        years = self.years()
        self.query_one("#year-title", Static).update(T.YEAR_TITLE.format(year=year))
        self.query_one("#year-prev", Static).update(
            T.YEAR_PREV_HINT.format(year=year - 1) if year - 1 in years else ""
        )
        self.query_one("#year-next", Static).update(
            T.YEAR_NEXT_HINT.format(year=year + 1) if year + 1 in years else ""
        )
        self.tasks = {}
        grid = self.query_one(YearGrid)
        grid.show(rollup)
        grid.move_cursor(self.cursor)
        self._show_cursor()
        target = self.session.cell.rules.year_target_months if self.session.cell else None
        total = (
            year_target(rollup, target).reason if rollup.held else T.YEAR_EMPTY.format(year=year)
        )
        self.query_one("#year-total", Static).update(Content.styled(total, STYLE_LABEL))
        remedies = self.query_one("#year-remedies", Static)
        if rollup.held:
            remedies.update(T.YEAR_REMEDIES_LOADING)
            self.count_remedies(year, self.session.revision)
        else:
            remedies.update("")

    def _show_cursor(self) -> None:
        assert self.rollup is not None
        month = f"{self.year:04d}-{self.cursor:02d}"
        summary = self.rollup.by_month.get(month)
        line = self.query_one("#year-cursor", Static)
        self._show_tasks(month)
        if summary is None:
            line.update(T.YEAR_CURSOR_NOT_HELD.format(month=month_label(month)))
            return
        ratio = percent(summary.present / summary.expected) if summary.expected else "–"
        content = (
            Content(T.YEAR_CURSOR_HEAD.format(month=month_label(month)))
            + state_mark(summary.state)
            + T.YEAR_CURSOR_ATTENDANCE.format(
                present=summary.present, expected=summary.expected, ratio=ratio
            )
        )
        failed = [
            T.CRITERION_SHORT[i + 1]
            for i, v in enumerate(summary.verdicts[:4])
            if v is Verdict.FAIL
        ]
        if failed:
            content += T.YEAR_CURSOR_FAILED.format(names=", ".join(failed))
        if summary.four_good:
            content += T.YEAR_CURSOR_FOUR_GOOD
        content += Content.styled(T.YEAR_CURSOR_HINT, STYLE_MUTED)
        line.update(content)

    def _show_tasks(self, month: str) -> None:
        """The selected month's figure of tasks done, with how it is computed.

        A line of its own, one line high whatever it says, so that the worker's
        report does not move the rest of the screen.
        """
        done = self.tasks.get(int(month[5:7]))
        text = ""
        if done is not None and done.total:
            text = T.YEAR_TASKS_LINE.format(month=month_label(month), formula=done.formula)
        self.query_one("#year-tasks", Static).update(text)

    # -- the year's remedies (worker) ------------------------------------------

    @work(thread=True, exclusive=True, group="year-remedies", exit_on_error=False)
    def count_remedies(self, year: int, stamp: object) -> None:
        snapshot = self.session.history()
        mine = snapshot.year(year)
        tasks = {int(m.month[5:7]): completion(m) for m in mine}
        remedies = totals(snapshot.remedies, self.today(), year)
        cell = self.session.cell
        scores = {}
        for m in mine:
            if m.score is not None and cell is not None:
                result = scoresheet.evaluate(m.score, m, scoresheet.year_context(cell, m, mine))
                if not result.unscored:
                    scores[int(m.month[5:7])] = result.total
        self.post_message(self.RemediesCounted(year, remedies, tasks, scores))

    def on_year_screen_remedies_counted(self, message: RemediesCounted) -> None:
        if message.year != self.year:
            return
        t = message.totals
        text = T.YEAR_REMEDIES.format(raised=t.raised, done=t.done, open=t.unresolved)
        if t.overdue:
            text += T.YEAR_REMEDIES_OVERDUE.format(overdue=t.overdue)
        self.query_one("#year-remedies", Static).update(text)
        self.tasks = message.tasks
        self.query_one(YearGrid).show_tasks(message.tasks)
        self.query_one(YearGrid).show_scores(message.scores)
        self._show_cursor()

    # -- actions ---------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_switch_year(self, by: int) -> None:
        if self.year + by in self.years():
            self.show_year(self.year + by)

    def action_move(self, by: int) -> None:
        """Move the selected month; past December or January, go to the next year."""
        assert self.cursor is not None
        month = self.cursor + by
        if 1 <= month <= 12:
            self.cursor = month
            self.query_one(YearGrid).move_cursor(month)
            self._show_cursor()
        elif self.year + by in self.years():
            self.cursor = 1 if by > 0 else 12
            self.show_year(self.year + by)

    def action_open_month(self) -> None:
        from .month import MonthScreen

        month = f"{self.year:04d}-{self.cursor:02d}"
        if self.rollup is not None and month in self.rollup.by_month:
            self.app.push_screen(MonthScreen(month))

    def action_review(self) -> None:
        from .year_review import YearReviewScreen

        self.app.push_screen(YearReviewScreen(self.year))

    def action_export_summary(self) -> None:
        self.chibo.export_document(DocumentKind.SUMMARY, year=self.year)

    def action_export_plan(self) -> None:
        self.chibo.export_document(DocumentKind.PLAN, year=self.year + 1)
