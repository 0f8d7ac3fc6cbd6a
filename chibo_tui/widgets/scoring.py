"""The "Chấm điểm" step: the meeting-quality sheet, computed where the record can.

Above, the dated steps around the meeting (each feeds an item of the sheet);
below, the sheet: ← → pick an item's band (Space for an item scored full or 0),
Delete gives an item back to chibo's computation, Enter writes a note. A computed
item changed by the chair needs a note, printed on the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label

from ..dialogs.text_entry import TextEntryDialog, required
from ..domain import paperwork, scoresheet
from ..domain.model import Cell, Meeting, MeetingScore, Verdict
from ..domain.timefmt import parse_date, show_date
from ..text import score_sheet as T
from .labels import set_text
from .pane import MeetingPane
from .vote import VoteEditor, vote_context
from .wrap_table import WrapColumn, WrapTable


class ScoreTable(WrapTable):
    BINDINGS = [
        Binding("right", "move(1)", T.KEY_LOWER, id="score-lower"),
        Binding("left", "move(-1)", T.KEY_HIGHER, id="score-higher"),
        Binding("space", "full_or_none", T.KEY_TOGGLE, id="score-toggle"),
        Binding("delete", "reset", T.KEY_RESET, id="score-reset"),
        Binding("enter", "note", T.KEY_NOTE, id="score-note"),
    ]

    def _pane(self) -> ScorePane:
        return self.screen.query_one(ScorePane)

    def action_move(self, step: int) -> None:
        self._pane().move_band(self.cursor_row, step)

    def action_full_or_none(self) -> None:
        self._pane().move_band(self.cursor_row, 1, toggle=True)

    def action_reset(self) -> None:
        self._pane().reset_item(self.cursor_row)

    def action_note(self) -> None:
        self._pane().ask_note(self.cursor_row)


class ScorePane(MeetingPane):
    def __init__(
        self, meeting: Meeting, cell: Cell, year: Sequence[Meeting], *, id: str = "scoring"
    ) -> None:
        super().__init__(meeting, cell, id=id)
        self.year = list(year)
        """The meetings of the year before this one (the bonus for no long absence)."""
        self._unscored: MeetingScore | None = None

    @property
    def score(self) -> MeetingScore:
        if self.meeting.score is None:
            if self.read_only:
                # A meeting finalised before it was scored: shown, never written into.
                if self._unscored is None:
                    self._unscored = scoresheet.start_score(self.cell)
                return self._unscored
            self.meeting.score = scoresheet.start_score(self.cell)
        return self.meeting.score

    def result(self) -> scoresheet.Result:
        ctx = scoresheet.year_context(self.cell, self.meeting, self.year)
        return scoresheet.evaluate(self.score, self.meeting, ctx)

    def compose(self) -> ComposeResult:
        yield Label(T.STEP_TITLE, classes="pane-title")
        yield Label(T.PAPERWORK, classes="section-title")
        work = self.cell.paperwork_of(self.meeting.month)
        for step, label in paperwork.STEPS.items():
            with Horizontal(classes="row"):
                yield Label(label, classes="paperwork-label")
                yield Input(
                    show_date(getattr(work, step)),
                    placeholder=T.DATE_PLACEHOLDER,
                    id=f"paperwork-{step}",
                    classes="paperwork-date",
                    compact=True,
                )
        yield Label("", id="paperwork-error", classes="error-text")
        yield Label(T.SHEET.format(source=self.score.sheet.source), classes="section-title")
        yield Label(T.SHEET_HINT, classes="hint")
        yield ScoreTable(
            [
                WrapColumn("#", "no", 3),
                WrapColumn(T.COL_ITEM, "item"),
                WrapColumn(T.COL_POINTS, "points", 7),
                WrapColumn(T.COL_HOW, "how", 34),
            ],
            id="score-items",
            cursor_type="row",
            zebra_stripes=True,
            classes="list",
        )
        yield Label("", id="score-total", classes="section-title")
        if self.cell.score_vote:
            yield Label(T.VOTE, classes="section-title")
            yield VoteEditor(self.score.vote, id="score-vote")

    def on_mount(self) -> None:
        self._fill()
        self.refresh_view()
        super().on_mount()

    def refresh_view(self) -> None:
        self._fill()
        if self.cell.score_vote:
            self.query_one(VoteEditor).show(self.score.vote, vote_context(self.meeting), [])

    def _fill(self) -> None:
        result = self.result()
        rows = []
        for number, line in enumerate(result.lines, start=1):
            points = "—" if line.points is None else str(line.points)
            how = _how(line)
            rows.append((str(number), line.item.text, f"{points}/{line.item.points}", how))
        self.query_one(ScoreTable).set_rows(rows)
        set_text(self.query_one("#score-total", Label), result.formula)

    # -- the dated steps -----------------------------------------------------------

    @on(Input.Changed, ".paperwork-date")
    def _date(self, event: Input.Changed) -> None:
        if self.read_only:
            return
        step = (event.input.id or "").removeprefix("paperwork-")
        error = self.query_one("#paperwork-error", Label)
        day: date | None = None
        if event.value.strip():
            try:
                day = parse_date(event.value)
            except ValueError as exc:
                set_text(error, str(exc))
                return
        set_text(error, "")
        if getattr(self.cell.paperwork_of(self.meeting.month), step) != day:
            paperwork.record(self.cell, self.meeting.month, step, day)
            self._fill()
            self.changed()

    # -- the sheet -----------------------------------------------------------------

    def _line(self, index: int) -> scoresheet.Line | None:
        lines = self.result().lines
        return lines[index] if 0 <= index < len(lines) else None

    def move_band(self, index: int, step: int, toggle: bool = False) -> None:
        line = self._line(index)
        if line is None or self.read_only:
            return
        item = line.item
        if item.bands:
            if toggle:
                return
            current = line.band if line.band is not None else -1
            target = min(max(current + step, 0), len(item.bands) - 1)
            points = item.bands[target].points
        else:
            points = 0 if line.points == item.points else item.points
        if points == line.points:
            return
        computed = line.computed
        if computed is not None and computed.points is not None and points != computed.points:
            self._ask_override(index, points, line)
            return
        scoresheet.set_points(self.score, item, points, line.note if not line.overridden else "")
        self._after_change(index)

    def _ask_override(self, index: int, points: int, line: scoresheet.Line) -> None:
        assert line.computed is not None

        def done(note: str | None) -> None:
            if not note:
                return  # no reason given: chibo's value stands
            scoresheet.set_points(self.score, line.item, points, note, computed=line.computed)
            self._after_change(index)

        prompt = T.OVERRIDE_PROMPT.format(
            computed=line.computed.points, how=line.computed.how, points=points
        )
        self.app.push_screen(
            TextEntryDialog(T.OVERRIDE_TITLE, prompt, line.note, check=required), done
        )

    def reset_item(self, index: int) -> None:
        line = self._line(index)
        if line is None or self.read_only:
            return
        scoresheet.set_points(self.score, line.item, None)
        self._after_change(index)

    def ask_note(self, index: int) -> None:
        line = self._line(index)
        if line is None or self.read_only:
            return

        def done(note: str | None) -> None:
            if note is None:
                return
            if line.overridden and not note.strip():
                self.notify(T.NOTE_REQUIRED, severity="warning")
                return
            given = self.score.score(line.item.key)
            points = given.points if given is not None else None
            scoresheet.set_points(self.score, line.item, points, note, computed=line.computed)
            self._after_change(index)

        self.app.push_screen(TextEntryDialog(T.NOTE_TITLE, line.item.text, line.note), done)

    def _after_change(self, index: int) -> None:
        self._fill()
        self.query_one(ScoreTable).move_cursor(row=index)
        self.changed()

    @on(VoteEditor.Changed)
    def _vote(self, event: VoteEditor.Changed) -> None:
        self.score.vote = event.editor.current(Verdict.PASS)
        self.refresh_view()
        self.changed()

    @on(VoteEditor.Revote)
    def _revote(self, event: VoteEditor.Revote) -> None:
        self.score.vote = None
        with event.editor.prevent(VoteEditor.Changed):
            event.editor.clear()
        self.refresh_view()
        self.changed()


def _how(line: scoresheet.Line) -> str:
    if line.overridden:
        return T.OVERRIDDEN.format(
            note=line.note, computed=line.computed.points if line.computed else ""
        )
    parts = []
    if line.computed is not None:
        parts.append(line.computed.how)
    elif line.points is None:
        parts.append(T.TO_SCORE)
    band = line.band
    if band is not None:
        parts.append(line.item.bands[band].label)
    if line.note:
        parts.append(line.note)
    return "; ".join(parts)
