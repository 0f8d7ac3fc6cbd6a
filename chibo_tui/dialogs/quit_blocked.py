"""Quitting while saves keep failing: never silently, never losing the edits."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from ..text import common as T
from .base import ChiboDialog

QuitChoice = Literal["retry", "rescue", "stay"]


class QuitBlockedDialog(ChiboDialog[QuitChoice]):
    """Says what is unsaved and why; retry, write a rescue file and quit, or stay."""

    BINDINGS = [Binding("escape", "choose('stay')", T.QUIT_STAY, id="quit-stay")]

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(classes="dialog")
        self.what, self.reason = what, reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(T.QUIT_BLOCKED_TITLE, classes="dialog-title")
            yield Label(
                T.QUIT_BLOCKED.format(what=self.what, reason=self.reason),
                id="quit-blocked-text",
                classes="dialog-text",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(T.QUIT_RETRY, variant="primary", id="retry")
                yield Button(T.QUIT_RESCUE, variant="warning", id="rescue")
                yield Button(T.QUIT_STAY, id="stay")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "stay")

    def action_choose(self, choice: str) -> None:
        self.dismiss("retry" if choice == "retry" else "rescue" if choice == "rescue" else "stay")
