"""Steps 4–7 — one criterion: checklist, discussion, causes, responsibility,
remedies, proposed verdict, vote, minority opinions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Select, TextArea

from ..domain import rules
from ..domain.model import COLLECTIVE, Cell, Discussion, Meeting, Remedy, Verdict
from ..domain.review_notes import NotePlace, note_named, notes_at
from ..domain.timefmt import parse_date, show_date
from ..text import meeting as T
from .entry_table import EntryTable, editing_row, marked, set_editing_row, store_entry
from .labels import set_text
from .member_picker import Candidate, MemberPicker
from .pane import MeetingPane
from .vote import VoteContext, VoteEditor, set_aside, vote_context
from .wrap_table import WrapColumn, WrapTable


class ChecklistTable(WrapTable):
    """The sub-criteria: D marks đạt, K không đạt, Space flips, A marks all đạt."""

    BINDINGS = [
        Binding("d", "mark(True)", T.KEY_PASS, id="check-pass"),
        Binding("k", "mark(False)", T.KEY_FAIL, id="check-fail"),
        Binding("space", "flip", T.KEY_TOGGLE, id="check-toggle"),
        Binding("a", "all_pass", T.KEY_ALL_PASS, id="check-all-pass"),
    ]

    @dataclass
    class Marked(Message):
        """Row ``row`` marked ``passed`` (``None``: flip it); ``row`` -1 marks them all."""

        row: int
        passed: bool | None

    def action_mark(self, passed: bool) -> None:
        self._mark(passed)

    def action_flip(self) -> None:
        self._mark(None)

    def _mark(self, passed: bool | None) -> None:
        row = self.cursor_row
        self.post_message(self.Marked(row, passed))
        # On to the next row now, not once the pane has taken the mark: keys read
        # together (typed while a frame was drawn) marked the first row each time.
        if row + 1 < self.row_count:
            self.move_cursor(row=row + 1)

    def action_all_pass(self) -> None:
        self.post_message(self.Marked(ALL_ROWS, True))


ALL_ROWS = -1


class CriterionPane(MeetingPane):
    """The review of criterion ``number`` (1–4)."""

    UNSENT = frozenset({"speaker", "speech", "remedy-text", "remedy-owner", "remedy-due"})

    def __init__(self, meeting: Meeting, cell: Cell, number: int) -> None:
        super().__init__(meeting, cell, id=f"criterion-{number}")
        self.number = number
        self.review = meeting.review(number)

    def compose(self) -> ComposeResult:
        r = self.review
        yield Label(T.CRITERION_TITLE.format(n=r.number, title=r.title), classes="pane-title")
        yield Label(T.CHECKLIST, classes="section-title")
        if r.checks:
            table = ChecklistTable(
                [
                    WrapColumn("#", "no", 2),
                    WrapColumn(T.COL_RESULT, "result", 10),
                    WrapColumn(T.COL_SUB, "text"),
                ],
                cursor_type="row",
                id="checklist",
                classes="list checklist",
            )
            table.set_rows(
                (str(i + 1), T.CHECK_MARK[c.passed], c.text) for i, c in enumerate(r.checks)
            )
            yield table
        else:
            yield Label(T.NO_CHECKS, classes="muted")

        people = [Candidate(a.full_name, a.member_id) for a in self.meeting.attendance]
        people += [Candidate(g.name, None) for g in self.meeting.guests]
        yield Label(T.DISCUSSION, classes="section-title")
        with Horizontal(classes="row"):
            yield MemberPicker(people, T.SPEAKER, id="speaker", classes="speaker")
            yield Input(placeholder=T.SPEECH, id="speech", classes="speech", compact=True)
        yield Label(T.LIST_HINT, classes="hint")
        yield EntryTable(
            [WrapColumn(T.COL_SPEAKER, "speaker", 22), WrapColumn(T.COL_SPEECH, "speech")],
            cursor_type="row",
            id="discussion",
            classes="list discussion",
        )

        yield from self._notes(NotePlace.ANALYSIS)

        yield Label(T.REMEDIES, classes="section-title")
        owners = [Candidate(COLLECTIVE, None)] + [
            Candidate(a.full_name, a.member_id) for a in self.meeting.attendance
        ]
        with Horizontal(classes="row"):
            yield Input(
                placeholder=T.REMEDY_TEXT, id="remedy-text", classes="remedy-text", compact=True
            )
            yield MemberPicker(owners, T.REMEDY_OWNER, id="remedy-owner", classes="remedy-owner")
            yield Input(
                placeholder=T.REMEDY_DUE, id="remedy-due", classes="remedy-due", compact=True
            )
        yield Label("", classes="remedy-error error-text")
        yield EntryTable(
            [
                WrapColumn(T.COL_REMEDY, "remedy"),
                WrapColumn(T.COL_OWNER, "owner", 20),
                WrapColumn(T.COL_DUE, "due", 10),
            ],
            cursor_type="row",
            id="remedies",
            classes="list remedies",
        )

        yield Label(T.VERDICT, classes="section-title")
        choice = r.verdict_override.value if r.verdict_override else "auto"
        with Horizontal(classes="row"):
            yield Select(
                [(label, key) for key, label in T.VERDICT_CHOICES.items()],
                compact=True,
                value=choice,
                allow_blank=False,
                id="verdict",
                classes="verdict-select",
            )
            yield Label("", classes="verdict-proposed")
        yield Label(T.VOTE, classes="section-title")
        yield VoteEditor(r.vote)
        yield from self._notes(NotePlace.AFTER_VOTE)

    def _notes(self, place: NotePlace) -> ComposeResult:
        for note in notes_at(place):
            yield Label(note.label, classes="section-title")
            box = TextArea(note.text(self.review), id=note.field, compact=True)
            yield box.add_class(note.field, "note")

    def on_mount(self) -> None:
        self._fill_discussion()
        self._fill_remedies()
        self.refresh_view()

    # -- derived labels ------------------------------------------------------

    def vote_context(self) -> VoteContext:
        return vote_context(self.meeting)

    def refresh_view(self) -> None:
        proposed = rules.proposed_verdict(self.review)
        label = self.query_one(".verdict-proposed", Label)
        if proposed.value is None:
            set_text(label, T.VERDICT_NONE if not self.review.checks else proposed.reason)
        else:
            verdict = rules.VERDICT_TEXT[proposed.value]
            set_text(label, f"{T.VERDICT_PUT.format(verdict=verdict)} — {proposed.reason}")
        self.query_one(VoteEditor).show(
            self.review.vote, self.vote_context(), self.review.earlier_votes
        )

    # -- checklist -----------------------------------------------------------

    @on(ChecklistTable.Marked)
    def marked(self, event: ChecklistTable.Marked) -> None:
        # The table has moved its cursor on itself (``ChecklistTable._mark``).
        checks = self.review.checks
        if event.row == ALL_ROWS:
            for i in range(len(checks)):
                self.mark(i, True)
        elif 0 <= event.row < len(checks):
            passed = event.passed
            if passed is None:
                passed = checks[event.row].passed is not True
            self.mark(event.row, passed)

    def mark(self, index: int, passed: bool) -> None:
        if self.read_only or not 0 <= index < len(self.review.checks):
            return
        check = self.review.checks[index]
        if check.passed == passed:
            return
        check.passed = passed
        self.query_one(ChecklistTable).set_cell(index, "result", T.CHECK_MARK[passed])
        self._verdict_changed()

    def _verdict_changed(self) -> None:
        """The sub-criteria or the verdict put to the vote changed.

        A vote already taken was on what was put then: it becomes an earlier vote
        and the cell votes again; it is never carried over to another verdict.
        """
        if set_aside(self.query_one(VoteEditor), self.review.vote, self.review.earlier_votes):
            self.review.vote = None
            self.notify(T.VOTE_STALE, severity="warning")
        self.refresh_view()
        self.changed()

    @on(Select.Changed, ".verdict-select")
    def _override(self, event: Select.Changed) -> None:
        value = event.value
        override = None if value == "auto" else Verdict(str(value))
        if override == self.review.verdict_override:
            return  # the box was filled, not changed
        self.review.verdict_override = override
        self._verdict_changed()

    # -- discussion ----------------------------------------------------------

    def _fill_discussion(self) -> None:
        table = self.query_one(".discussion", EntryTable)
        editing = self._editing("discussion")
        table.set_rows(
            (marked(d.speaker, i == editing), d.text) for i, d in enumerate(self.review.discussion)
        )

    # -- an entry taken back to edit stays in the record until it is replaced ----

    def _editing(self, kind: str) -> int | None:
        """The row of ``kind`` ("discussion", "remedies") being edited, if any."""
        entries = self.review.discussion if kind == "discussion" else self.review.remedies
        return editing_row(self, kind, len(entries))

    def _set_editing(self, kind: str, index: int | None) -> None:
        set_editing_row(self, kind, index)

    @on(MemberPicker.Picked, ".speaker")
    def _speaker_picked(self) -> None:
        self.query_one(".speech", Input).focus()

    @on(Input.Submitted, ".speech")
    def _add_speech(self, event: Input.Submitted) -> None:
        picker = self.query_one(".speaker", MemberPicker)
        text = event.value.strip()
        if not text:
            return
        if not picker.value.strip():
            self.notify(T.NEED_SPEAKER, severity="warning")
            picker.input.focus()
            return
        entry = Discussion(picker.value.strip(), text, picker.picked_id)
        store_entry(self, "discussion", self.review.discussion, entry)
        event.input.value = ""
        picker.set("", None, notify=False)
        self.keep_unsent("speaker", "")
        self._fill_discussion()
        self.changed()
        picker.input.focus()

    # -- notes ---------------------------------------------------------------

    @on(TextArea.Changed, ".note")
    def _note(self, event: TextArea.Changed) -> None:
        note = note_named(event.text_area.id or "")
        if note is not None:
            note.set(self.review, event.text_area.text)
            self.changed()

    # -- remedies ------------------------------------------------------------

    def _fill_remedies(self) -> None:
        table = self.query_one(".remedies", EntryTable)
        editing = self._editing("remedies")
        table.set_rows(
            (marked(remedy.text, i == editing), remedy.owner, show_date(remedy.due))
            for i, remedy in enumerate(self.review.remedies)
        )

    @on(Input.Submitted, ".remedy-text")
    def _remedy_text_done(self) -> None:
        self.query_one(".remedy-owner", MemberPicker).input.focus()

    @on(MemberPicker.Picked, ".remedy-owner")
    def _owner_picked(self) -> None:
        self.query_one(".remedy-due", Input).focus()

    @on(Input.Submitted, ".remedy-due")
    def _add_remedy(self, event: Input.Submitted) -> None:
        error = self.query_one(".remedy-error", Label)
        text_input = self.query_one(".remedy-text", Input)
        owner = self.query_one(".remedy-owner", MemberPicker)
        if not text_input.value.strip():
            set_text(error, T.NEED_REMEDY_TEXT)
            text_input.focus()
            return
        due: date | None = None
        if event.value.strip():
            try:
                due = parse_date(event.value)
            except ValueError as exc:
                set_text(error, str(exc))
                return
        set_text(error, "")
        remedy = Remedy(
            text=text_input.value.strip(),
            owner=owner.value.strip(),
            owner_id=owner.picked_id,
            due=due,
        )

        def add(confirmed: bool | None) -> None:
            if not confirmed:
                event.input.focus()
                return
            replaced = store_entry(self, "remedies", self.review.remedies, remedy)
            if replaced is not None:
                remedy.id = replaced.id  # the same remedy, followed up
            text_input.value = event.input.value = ""
            owner.set("", None, notify=False)
            self.keep_unsent("remedy-owner", "")
            self._fill_remedies()
            self.changed()
            text_input.focus()

        self.check_due(due, add)

    @on(EntryTable.Picked)
    def _entry_picked(self, event: EntryTable.Picked) -> None:
        self.remove_entry(event.table, event.row, event.edit)

    def remove_entry(self, table: EntryTable, index: int, edit: bool) -> None:
        """Delete a row, or (``edit``) take it back into the fields above it.

        An entry being edited stays in the record, marked, until Enter replaces it.
        """
        if self.read_only:
            return
        kind = "discussion" if table.has_class("discussion") else "remedies"
        entries: list[Discussion] | list[Remedy] = (
            self.review.discussion if kind == "discussion" else self.review.remedies
        )
        if not 0 <= index < len(entries):
            return
        if not edit:
            del entries[index]
            self._set_editing(kind, None)  # the rows below moved up
        elif kind == "discussion":
            entry = self.review.discussion[index]
            self._set_editing(kind, index)
            self.query_one(".speaker", MemberPicker).set(entry.speaker, entry.speaker_id, False)
            self.keep_unsent("speaker", entry.speaker)
            self.query_one(".speech", Input).value = entry.text
            self.query_one(".speech", Input).focus()
        else:
            remedy = self.review.remedies[index]
            self._set_editing(kind, index)
            self.query_one(".remedy-text", Input).value = remedy.text
            self.query_one(".remedy-owner", MemberPicker).set(remedy.owner, remedy.owner_id, False)
            self.keep_unsent("remedy-owner", remedy.owner)
            self.query_one(".remedy-due", Input).value = show_date(remedy.due)
            self.query_one(".remedy-text", Input).focus()
        if kind == "discussion":
            self._fill_discussion()
        else:
            self._fill_remedies()
        self.changed()

    # -- vote ----------------------------------------------------------------

    @on(VoteEditor.Changed)
    def _vote(self, event: VoteEditor.Changed) -> None:
        proposed = rules.proposed_verdict(self.review).value or Verdict.PASS
        self.review.vote = event.editor.current(proposed)
        self.refresh_view()
        self.changed()

    @on(VoteEditor.Revote)
    def _revote(self, event: VoteEditor.Revote) -> None:
        if self.read_only:
            return
        if not set_aside(event.editor, self.review.vote, self.review.earlier_votes):
            return
        self.review.vote = None
        self.refresh_view()
        self.changed()
