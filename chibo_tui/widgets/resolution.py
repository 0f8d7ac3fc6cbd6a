"""The step after the conclusion: what the month's resolution needs beyond the record.

Commendations and reminders (section I.4), the chair's words on political and
ideological work and on the political tasks (I.1, I.2), and the vote that adopts
the resolution. A cell that issues a "thông báo kết luận" sees "Kết luận"; a cell
that issues neither keeps the commendations and is not asked for the vote.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, TextArea

from ..domain import rules, tasks
from ..domain.model import Commendation, Mention, ResolutionForm, Verdict
from ..text import meeting as T
from .entry_table import EntryTable, editing_row, marked, set_editing_row, store_entry
from .labels import set_text
from .member_picker import MemberPicker
from .pane import MeetingPane
from .tasks import present_candidates
from .vote import VoteEditor, set_aside, vote_context
from .wrap_table import WrapColumn

KIND = "commendations"
REVIEW_FIELDS = {"ideology-review": "ideology_review", "political-review": "political_review"}
"""TextArea id → the Meeting attribute it edits."""


class ResolutionPane(MeetingPane):
    UNSENT = frozenset({"commend-name", "commend-text"})

    def compose(self) -> ComposeResult:
        m = self.meeting
        yield Label("", id="resolution-title", classes="pane-title")
        yield Label(T.RESOLUTION_NONE, id="resolution-none", classes="muted")
        yield Label(T.COMMENDATIONS, classes="section-title")
        with Horizontal(classes="row"):
            yield MemberPicker(present_candidates(m), T.COMMEND_NAME, id="commend-name")
            yield Select(
                [(text, kind.value) for kind, text in tasks.MENTION_TEXT.items()],
                value=Mention.PRAISE.value,
                allow_blank=False,
                compact=True,
                id="commend-kind",
            )
            yield Input(placeholder=T.COMMEND_TEXT, id="commend-text", compact=True)
        yield Label(T.LIST_HINT, classes="hint")
        yield EntryTable(
            [
                WrapColumn(T.COL_MEMBER, "name", 22),
                WrapColumn(T.COL_KIND, "kind", 10),
                WrapColumn(T.COL_CONTENT, "text"),
            ],
            cursor_type="row",
            id="commend-table",
            classes="list",
        )
        with Vertical(id="resolution-body"):
            for area_id, label in (
                ("ideology-review", T.IDEOLOGY_REVIEW),
                ("political-review", T.POLITICAL_REVIEW),
            ):
                yield Label(label, classes="section-title")
                text = getattr(m, REVIEW_FIELDS[area_id])
                yield TextArea(text, id=area_id, classes="note review-text", compact=True)
            yield Label("", id="resolution-vote-title", classes="section-title")
            yield VoteEditor(m.resolution_vote, id="resolution-vote")

    def on_mount(self) -> None:
        self._fill()
        self.refresh_view()

    @property
    def form(self) -> ResolutionForm:
        return self.cell.resolution.form

    def issued_name(self) -> str:
        return rules.RESOLUTION_NAME.get(self.form, "")

    def refresh_view(self) -> None:
        # The profile (from the palette) may have changed the form since the step was built.
        issued = self.form is not ResolutionForm.NONE
        name = self.issued_name()
        title = T.RESOLUTION_TITLE.format(name=name) if issued else T.RESOLUTION_NAME_NONE
        set_text(self.query_one("#resolution-title", Label), title)
        self.query_one("#resolution-none").display = not issued
        self.query_one("#resolution-body").display = issued
        set_text(
            self.query_one("#resolution-vote-title", Label),
            T.RESOLUTION_VOTE.format(name=name.lower()),
        )
        self.query_one("#commend-name", MemberPicker).candidates = present_candidates(self.meeting)
        self.query_one(VoteEditor).show(
            self.meeting.resolution_vote,
            vote_context(self.meeting),
            self.meeting.resolution_earlier_votes,
            subject=name,
        )

    # -- commendations -----------------------------------------------------------

    def _editing(self) -> int | None:
        return editing_row(self, KIND, len(self.meeting.commendations))

    def _fill(self) -> None:
        table = self.query_one("#commend-table", EntryTable)
        editing = self._editing()
        table.set_rows(
            (marked(c.name, i == editing), tasks.MENTION_TEXT[c.kind], c.text)
            for i, c in enumerate(self.meeting.commendations)
        )

    @on(MemberPicker.Picked, "#commend-name")
    def _name_picked(self) -> None:
        self.query_one("#commend-kind", Select).focus()

    @on(Select.Changed, "#commend-kind")
    def _kind_chosen(self, event: Select.Changed) -> None:
        # Chosen by the chair, not filled in: the focus is on the list it was chosen from
        # or already back on the field (Select gives it back through the app queue).
        if event.select.has_focus_within:
            self.query_one("#commend-text", Input).focus()

    @on(Input.Submitted, "#commend-text")
    def _add(self, event: Input.Submitted) -> None:
        if self.read_only:
            return
        picker = self.query_one("#commend-name", MemberPicker)
        text = event.value.strip()
        if not text:
            return
        if not picker.value.strip():
            self.notify(T.NEED_COMMEND_NAME, severity="warning")
            picker.input.focus()
            return
        kind = Mention(str(self.query_one("#commend-kind", Select).value))
        entry = Commendation(picker.value.strip(), text, kind, picker.picked_id)
        store_entry(self, KIND, self.meeting.commendations, entry)
        event.input.value = ""
        picker.set("", None, notify=False)
        self.keep_unsent("commend-name", "")
        self._fill()
        self.changed()
        picker.input.focus()

    @on(EntryTable.Picked, "#commend-table")
    def _picked(self, event: EntryTable.Picked) -> None:
        entries = self.meeting.commendations
        if self.read_only or not 0 <= event.row < len(entries):
            return
        if not event.edit:
            del entries[event.row]
            set_editing_row(self, KIND, None)  # the rows below moved up
        else:
            entry = entries[event.row]
            set_editing_row(self, KIND, event.row)
            self.query_one("#commend-name", MemberPicker).set(entry.name, entry.member_id, False)
            self.keep_unsent("commend-name", entry.name)
            self.query_one("#commend-kind", Select).value = entry.kind.value
            self.query_one("#commend-text", Input).value = entry.text
            self.query_one("#commend-text", Input).focus()
        self._fill()
        self.changed()

    # -- sections I.1 and I.2 ------------------------------------------------------

    @on(TextArea.Changed, ".review-text")
    def _review_text(self, event: TextArea.Changed) -> None:
        attribute = REVIEW_FIELDS.get(event.text_area.id or "")
        if attribute is not None and getattr(self.meeting, attribute) != event.text_area.text:
            setattr(self.meeting, attribute, event.text_area.text)
            self.changed()

    # -- the vote on the resolution --------------------------------------------------

    @on(VoteEditor.Changed)
    def _vote(self, event: VoteEditor.Changed) -> None:
        self.meeting.resolution_vote = event.editor.current(Verdict.PASS)
        self.refresh_view()
        self.changed()

    @on(VoteEditor.Revote)
    def _revote(self, event: VoteEditor.Revote) -> None:
        if self.read_only:
            return
        vote = self.meeting.resolution_vote
        if set_aside(event.editor, vote, self.meeting.resolution_earlier_votes):
            self.meeting.resolution_vote = None
            self.refresh_view()
            self.changed()
