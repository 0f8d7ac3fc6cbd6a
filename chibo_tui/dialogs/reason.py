"""Ask for a short text (a reason, a note); dismisses with it, or ``None`` if cancelled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ..text import common as T


class ReasonDialog(ModalScreen[str | None]):
    """One line of text; Enter confirms, Escape cancels; empty text is refused."""

    BINDINGS = [Binding("escape", "cancel", T.NO, id="reason-cancel")]

    def __init__(self, title: str, prompt: str, value: str = "", required: bool = True) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.prompt, self.value, self.required = title, prompt, value, required

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self.prompt, classes="dialog-text")
            yield Input(self.value, id="reason-input")
            yield Label("", id="reason-error", classes="error-text")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if self.required and not text:
            self.query_one("#reason-error", Label).update(T.REASON_REQUIRED)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
