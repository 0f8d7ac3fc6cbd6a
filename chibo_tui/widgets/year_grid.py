"""The year as a picture: 12 months × 4 criteria, grouped by quarter, with counts.

Each cell is a small widget whose class says what it shows (``-pass``, ``-fail``,
``-undecided``, ``-not-held``), so the colours live in the stylesheet as design
tokens. Switching years only changes texts and classes; nothing is remounted.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from ..domain.model import MeetingSummary, Verdict
from ..domain.rollup import YearRollup
from ..domain.scoresheet import RATINGS, rating
from ..domain.tasks import Completion
from ..text import history as T

MONTHS = range(1, 13)
QUARTERS = range(1, 5)
CELL_STATES = ("-pass", "-fail", "-undecided", "-not-held", "-star")
NUMBERS_FROM = 100
"""Grid width from which each month's attendance shows as a percentage (cells ≥ 5 wide)."""
BARS = "▁▂▃▄▅▆▇█"
"""Attendance from 50 % (or less) to 100 %, and tasks done from 0 to 100 %, when the
cells are too narrow for numbers."""


def _months_of(quarter: int) -> range:
    return range(quarter * 3 - 2, quarter * 3 + 1)


class YearGrid(Vertical, can_focus=True):
    """12 months across (quarters side by side), the four criteria down, then totals.

    The grid holds the keys of the year screen: ←/→ select a month, PgUp/PgDn (or
    ↑/↓) switch years, Enter opens the selected month.
    """

    BINDINGS = [
        Binding(
            "enter",
            "screen.open_month",
            T.KEY_OPEN_MONTH,
            tooltip=T.KEY_OPEN_MONTH_HELP,
            key_display="↵",
            id="year-open-month",
        ),
        Binding(
            "pageup",
            "screen.switch_year(-1)",
            T.KEY_PREV_YEAR,
            tooltip=T.KEY_PREV_YEAR_HELP,
            key_display="PgUp",
            id="year-previous",
        ),
        Binding(
            "pagedown",
            "screen.switch_year(1)",
            T.KEY_NEXT_YEAR,
            tooltip=T.KEY_NEXT_YEAR_HELP,
            key_display="PgDn",
            id="year-next",
        ),
        Binding(
            "up",
            "screen.switch_year(-1)",
            T.KEY_PREV_YEAR,
            tooltip=T.KEY_PREV_YEAR_HELP,
            show=False,
            id="year-previous-arrow",
        ),
        Binding(
            "down",
            "screen.switch_year(1)",
            T.KEY_NEXT_YEAR,
            tooltip=T.KEY_NEXT_YEAR_HELP,
            show=False,
            id="year-next-arrow",
        ),
        Binding(
            "left",
            "screen.move(-1)",
            T.KEY_MONTH_LEFT,
            tooltip=T.KEY_MONTH_LEFT,
            key_display="←",
            show=False,
            id="year-month-left",
        ),
        Binding(
            "right",
            "screen.move(1)",
            T.KEY_MONTH_RIGHT,
            tooltip=T.KEY_MONTH_RIGHT,
            key_display="→",
            show=False,
            id="year-month-right",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._attendance: dict[int, float | None] = {}
        self._tasks: dict[int, Completion] | None = None
        """Each held month's task completion; ``None`` until the year's meetings are read."""
        self._held: set[int] = set()
        self._scores: dict[int, int] | None = None
        """Each fully scored month's quality score; ``None`` until the meetings are read."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="grid-row -quarter-titles"):
            yield Static("", classes="grid-label")
            for q in QUARTERS:
                yield Static(T.YEAR_QUARTERS[q], classes=f"grid-quarter-title -q{q}")
            yield Static("", classes="grid-count")
        yield self._row("months", "", "m", "-month", T.YEAR_COUNT_HEADER, numbered=True)
        for n in range(1, 5):
            label = f"{n} {T.CRITERION_SHORT[n]}"
            yield self._row(f"criterion-{n}", label, f"c{n}", "-mark", count_id=f"count-{n}")
        yield self._row("four-good", T.YEAR_ROW_FOUR_GOOD, "f", "-mark", count_id="count-four")
        yield self._row(
            "attendance", T.YEAR_ROW_ATTENDANCE, "a", "-number", count_id="count-attendance"
        )
        yield self._row("tasks", T.YEAR_ROW_TASKS, "t", "-number", count_id="count-tasks")
        yield self._row("scores", T.YEAR_ROW_SCORE, "s", "-number", count_id="count-scores")
        with Horizontal(classes="grid-row -quarter-totals"):
            yield Static(T.YEAR_ROW_QUARTER, classes="grid-label")
            for q in QUARTERS:
                yield Static("", id=f"q-{q}", classes=f"grid-quarter-total -q{q}")
            yield Static("", classes="grid-count")

    @staticmethod
    def _row(
        name: str,
        label: str,
        prefix: str,
        kind: str,
        count: str = "",
        count_id: str | None = None,
        numbered: bool = False,
    ) -> Horizontal:
        """A label, the 12 month cells (ids ``{prefix}-1`` … ``{prefix}-12``) in their
        quarters, and a count."""
        quarters = [
            Horizontal(
                *(
                    Static(
                        str(m) if numbered else "", id=f"{prefix}-{m}", classes=f"grid-cell {kind}"
                    )
                    for m in _months_of(q)
                ),
                classes=f"grid-quarter -q{q}",
            )
            for q in QUARTERS
        ]
        return Horizontal(
            Static(label, classes="grid-label"),
            *quarters,
            Static(count, id=count_id, classes="grid-count"),
            classes=f"grid-row -{name}",
        )

    # -- filling ---------------------------------------------------------------

    def show(self, rollup: YearRollup) -> None:
        """Fill every cell from the year's roll-up (summaries only)."""
        year = rollup.year
        for m in MONTHS:
            summary = rollup.by_month.get(f"{year:04d}-{m:02d}")
            for n in range(1, 5):
                self._mark(f"#c{n}-{m}", summary, n)
            self._four_good(m, summary)
            held_here = summary is not None and summary.expected > 0
            self._attendance[m] = summary.present / summary.expected if held_here else None  # type: ignore[union-attr]
        held = rollup.held
        for n in range(1, 5):
            count = self.query_one(f"#count-{n}", Static)
            count.update(f"{rollup.passed[n - 1]}/{held}" if held else "")
            count.set_class(bool(held) and rollup.passed[n - 1] == held, "-full")
        four = self.query_one("#count-four", Static)
        four.update(f"{rollup.four_good_months}/{held}" if held else "")
        four.set_class(bool(held) and rollup.four_good_months == held, "-full")
        present = sum(s.present for s in rollup.by_month.values())
        expected = sum(s.expected for s in rollup.by_month.values())
        self.query_one("#count-attendance", Static).update(
            f"{round(100 * present / expected)}%" if expected else ""
        )
        self._held = {m for m in MONTHS if f"{year:04d}-{m:02d}" in rollup.by_month}
        self._tasks = None  # another year: its meetings are read again
        self._scores = None
        self._paint_attendance()
        self._paint_tasks()
        self._paint_scores()
        for q in QUARTERS:
            good, held_q = rollup.quarters[q]
            cell = self.query_one(f"#q-{q}", Static)
            if held_q:
                value = T.YEAR_QUARTER_VALUE.format(good=good, held=held_q)
                cell.update(f"{T.MARK_FOUR_GOOD} {value}")
            else:
                cell.update(T.MARK_NOT_HELD)
            cell.set_class(held_q > 0 and good == held_q, "-full")
            cell.set_class(held_q == 0, "-not-held")

    def show_tasks(self, completions: dict[int, Completion]) -> None:
        """Each month's share of last month's tasks found done (from the year's meetings)."""
        self._tasks = completions
        done = sum(c.done for c in completions.values())
        total = sum(c.total for c in completions.values())
        self.query_one("#count-tasks", Static).update(
            f"{round(100 * done / total)}%" if total else ""
        )
        self._paint_tasks()

    def show_scores(self, scores: dict[int, int]) -> None:
        """Each month's meeting-quality score (HD 42), its rating where cells are narrow."""
        self._scores = scores
        ratings = [rating(s) for s in scores.values()]
        counts = [f"{T.RATING_SHORT[r]}{ratings.count(r)}" for _, r in RATINGS if r in ratings]
        self.query_one("#count-scores", Static).update(" ".join(counts))
        self._paint_scores()

    def _paint_scores(self) -> None:
        numbers = self.size.width >= NUMBERS_FROM
        for m in MONTHS:
            cell = self.query_one(f"#s-{m}", Static)
            if m not in self._held:
                cell.update(T.MARK_NOT_HELD)
            elif self._scores is None:
                cell.update("")
            elif m not in self._scores:
                cell.update(T.MARK_NO_TASKS)
            else:
                score = self._scores[m]
                cell.update(str(score) if numbers else T.RATING_SHORT[rating(score)])
            cell.set_class(m not in self._held, "-not-held")

    def on_resize(self) -> None:
        self._paint_attendance()
        self._paint_tasks()
        self._paint_scores()

    @staticmethod
    def _share(ratio: float, numbers: bool, floor: float = 0.0) -> str:
        """``ratio`` as a percentage, or as a bar from ``floor`` (or less) to 100 %."""
        if numbers:
            return str(round(100 * ratio))
        scaled = (ratio - floor) / (1 - floor)
        return BARS[min(max(round(scaled * (len(BARS) - 1)), 0), len(BARS) - 1)]

    def _paint_tasks(self) -> None:
        """The share done where a month reviewed tasks, "—" where it had none to review."""
        numbers = self.size.width >= NUMBERS_FROM
        for m in MONTHS:
            cell = self.query_one(f"#t-{m}", Static)
            if m not in self._held:
                cell.update(T.MARK_NOT_HELD)
            elif self._tasks is None:
                cell.update("")  # still reading the year's meetings
            else:
                share = self._tasks[m].share if m in self._tasks else None
                cell.update(T.MARK_NO_TASKS if share is None else self._share(share, numbers))
            cell.set_class(m not in self._held, "-not-held")
        if self._tasks is None:
            self.query_one("#count-tasks", Static).update("")

    def _paint_attendance(self) -> None:
        """Percentages where the cells are wide enough, else a bar per month (▁ … █)."""
        if not self._attendance:
            return
        numbers = self.size.width >= NUMBERS_FROM
        for m in MONTHS:
            ratio = self._attendance.get(m)
            cell = self.query_one(f"#a-{m}", Static)
            if ratio is None:
                cell.update(T.MARK_NOT_HELD)
            else:
                cell.update(self._share(ratio, numbers, floor=0.5))
            cell.set_class(ratio is None, "-not-held")

    def _mark(self, selector: str, summary: MeetingSummary | None, number: int) -> None:
        cell = self.query_one(selector, Static)
        if summary is None:
            self._set(cell, T.MARK_NOT_HELD, "-not-held")
            return
        verdict = summary.verdicts[number - 1] if len(summary.verdicts) >= number else None
        if verdict is Verdict.PASS:
            self._set(cell, T.MARK_PASS, "-pass")
        elif verdict is Verdict.FAIL:
            self._set(cell, T.MARK_FAIL, "-fail")
        else:
            self._set(cell, T.MARK_UNDECIDED, "-undecided")

    def _four_good(self, month: int, summary: MeetingSummary | None) -> None:
        cell = self.query_one(f"#f-{month}", Static)
        if summary is None:
            self._set(cell, T.MARK_NOT_HELD, "-not-held")
        elif summary.four_good:
            self._set(cell, T.MARK_FOUR_GOOD, "-star")
        else:
            self._set(cell, "", "")

    @staticmethod
    def _set(cell: Static, text: str, state: str) -> None:
        cell.update(text)
        for name in CELL_STATES:
            cell.set_class(name == state, name)

    def move_cursor(self, month: int | None) -> None:
        """Mark the column of ``month`` (1–12) as selected."""
        for cell in self.query(".grid-cell"):
            cell.remove_class("-cursor")
        if month is not None:
            for cell in self.query(
                f"#m-{month}, #c1-{month}, #c2-{month}, #c3-{month}, #c4-{month}, #f-{month}, "
                f"#a-{month}, #t-{month}"
            ):
                cell.add_class("-cursor")
