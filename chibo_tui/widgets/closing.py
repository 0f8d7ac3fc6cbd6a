"""Steps 8–9 — other business and the chair's conclusion; end time, checks, finalise."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input, Label, TextArea

from ..domain import rules
from ..domain.timefmt import parse_time, show_time
from ..text import meeting as T
from .labels import set_text
from .pane import MeetingPane


class ConclusionPane(MeetingPane):
    def compose(self) -> ComposeResult:
        yield Label(T.CONCLUSION_TITLE, classes="pane-title")
        yield Label(T.OTHER_BUSINESS, classes="section-title")
        yield TextArea(
            self.meeting.other_business, id="other-business", classes="note tall", compact=True
        )
        yield Label(T.CONCLUSION, classes="section-title")
        yield TextArea(
            self.meeting.conclusion, id="conclusion-text", classes="note tall", compact=True
        )

    @on(TextArea.Changed)
    def _text(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "other-business":
            self.meeting.other_business = event.text_area.text
        else:
            self.meeting.conclusion = event.text_area.text
        self.changed()


class ClosePane(MeetingPane):
    """End time, the list of what is missing, and the finalise buttons."""

    @dataclass
    class FinaliseRequested(Message):
        override: bool

    def compose(self) -> ComposeResult:
        yield Label(T.CLOSE_TITLE, classes="pane-title")
        with Horizontal(classes="row"):
            yield Label(T.END, classes="field-label")
            yield Input(
                show_time(self.meeting.end_time), id="close-end", classes="short", compact=True
            )
            yield Button(T.NOW, id="close-now", classes="small", compact=True)
            yield Label("", id="close-end-error", classes="error-text")
        yield Label(T.CHECKLIST_TITLE, classes="section-title")
        yield Label("", id="close-checklist")
        yield Label("", id="close-four-good", classes="section-title")
        yield Label("", id="close-blocked", classes="error-text")
        with Horizontal(classes="row buttons"):
            yield Button(T.FINALISE, id="finalise", variant="success", compact=True)
            yield Button(
                T.FINALISE_OVERRIDE, id="finalise-override", variant="warning", compact=True
            )

    def on_mount(self) -> None:
        self.refresh_view()

    def problems(self) -> list[str]:
        return rules.closing_problems(
            self.meeting, self.cell.rules, self.clock(), self.cell.resolution.form
        )

    def refresh_view(self) -> None:
        problems = self.problems()
        checklist = self.query_one("#close-checklist", Label)
        if problems:
            set_text(checklist, "\n".join(f"✘ {p}" for p in problems))
            checklist.set_classes("warning-text")
        else:
            set_text(checklist, T.CHECKLIST_CLEAN)
            checklist.set_classes("ok-text")
        counts = rules.attendance_counts(self.meeting.attendance)
        outcome = rules.meeting_outcome(
            self.meeting.reviews, counts.official_voting_base, counts.voters
        )  # never "chưa đạt bốn tốt" while a criterion waits for its vote
        set_text(
            self.query_one("#close-four-good", Label), T.FOUR_GOOD.format(sentence=outcome.reason)
        )
        final = self.meeting.is_final
        self.query_one("#finalise", Button).display = not final and not problems
        override = self.query_one("#finalise-override", Button)
        override.display = not final and bool(problems)
        blocked = rules.votes_block_finalising(self.meeting) and not final
        override.disabled = blocked
        set_text(self.query_one("#close-blocked", Label), T.FINALISE_BLOCKED if blocked else "")

    @on(Input.Changed, "#close-end")
    def _end(self, event: Input.Changed) -> None:
        error = self.query_one("#close-end-error", Label)
        if not event.value.strip():
            self.meeting.end_time = None
            set_text(error, "")
        else:
            try:
                self.meeting.end_time = parse_time(event.value)
            except ValueError as exc:
                set_text(error, str(exc))
                return
            set_text(error, "")
        self.refresh_view()
        self.changed()

    @on(Button.Pressed, "#close-now")
    def _now(self) -> None:
        now = self.clock()
        self.query_one("#close-end", Input).value = now.strftime("%H:%M")

    @on(Button.Pressed, "#finalise")
    def _finalise(self) -> None:
        self.post_message(self.FinaliseRequested(override=False))

    @on(Button.Pressed, "#finalise-override")
    def _finalise_override(self) -> None:
        self.post_message(self.FinaliseRequested(override=True))
