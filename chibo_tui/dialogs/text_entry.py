"""One line of text to enter (a reason, a note, a sub-criterion, a month).

The wording and the check are the caller's: ``check`` returns why the text
cannot be used, shown under the box (:func:`required` refuses empty text).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from ..domain.vietnamese import nfc
from ..text import common
from ..text import setup as T
from .base import ChiboDialog


def required(text: str) -> str | None:
    """A check for text that must be given (a reason for reopening, say)."""
    return None if text else common.REASON_REQUIRED


class TextEntryDialog(ChiboDialog[str | None]):
    """Enter saves (when ``check`` finds nothing wrong), Escape cancels."""

    CSS_PATH = "../screens/setup.tcss"

    BINDINGS = [
        Binding("escape", "cancel", T.ENTRY_CANCEL, tooltip=T.ENTRY_CANCEL, id="entry-cancel"),
    ]

    def __init__(
        self,
        title: str,
        prompt: str,
        value: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.prompt, self.value = title, prompt, value
        self.check = check or (lambda _text: None)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="entry-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield Label(self.prompt)
            yield Input(self.value, id="entry-input")
            yield Label("", id="entry-error", classes="error-text")
            yield Label(T.ENTRY_HINT, classes="hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(T.ENTRY_SAVE, variant="primary", id="entry-save")
                yield Button(T.ENTRY_CANCEL, id="entry-cancel")

    def on_mount(self) -> None:
        self.query_one("#entry-input", Input).focus()

    @on(Input.Changed)
    def _clear_error(self) -> None:
        self.query_one("#entry-error", Label).update("")

    @on(Input.Submitted)
    @on(Button.Pressed, "#entry-save")
    def _save(self) -> None:
        text = " ".join(nfc(self.query_one("#entry-input", Input).value).split())
        problem = self.check(text)
        if problem:
            self.query_one("#entry-error", Label).update(problem)
            self.query_one("#entry-input", Input).focus()
            return
        self.dismiss(text)

    @on(Button.Pressed, "#entry-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
