"""A yes/no question as a modal screen; dismisses with ``True`` or ``False``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from ..text import common as T
from .base import ChiboDialog


class ConfirmDialog(ChiboDialog[bool]):
    """Ask before something the chair may not have meant (namesake, past due date…)."""

    BINDINGS = [
        Binding("escape", "answer(False)", T.NO, id="confirm-no"),
        Binding("y", "answer(True)", T.YES, id="confirm-yes"),
    ]

    def __init__(self, question: str, yes: str = T.YES, no: str = T.NO) -> None:
        super().__init__(classes="dialog")
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(T.CONFIRM, classes="dialog-title")
            yield Label(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
