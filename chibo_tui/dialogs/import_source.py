"""Choose what to import: a file by its path (with completion), or pasted text.

The dialog reads the file itself, so that a missing or unreadable file is said
right under the path; it dismisses with the bytes and a name to show, or ``None``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static, TextArea

from ..text import setup as T
from .base import ChiboDialog

MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ImportSource:
    """What was chosen: the raw bytes, the file (``None`` when pasted), a name to show."""

    data: bytes
    path: Path | None
    label: str


class PathSuggester(Suggester):
    """Completes the last part of a path from what is on disk (→ accepts)."""

    def __init__(self, suffixes: tuple[str, ...] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.suffixes = suffixes

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        typed_folder = value.endswith(("/", os.sep))
        path = Path(value).expanduser()
        folder, prefix = (path, "") if typed_folder else (path.parent, path.name)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: (not e.is_dir(), e.name.casefold()))
        except OSError:
            return None
        head = value[: len(value) - len(prefix)]
        for entry in entries:
            if entry.name.startswith(".") and not prefix.startswith("."):
                continue
            if not entry.name.startswith(prefix) or entry.name == prefix:
                continue
            if entry.is_dir():
                return head + entry.name + os.sep
            if not self.suffixes or entry.name.lower().endswith(self.suffixes):
                return head + entry.name
        return None


def read_source(text: str) -> bytes:
    """The bytes of the file at ``text``; ``ValueError`` with a Vietnamese reason."""
    path = Path(text.strip()).expanduser()
    if not path.exists():
        raise ValueError(T.FILE_NOT_FOUND.format(path=path))
    if path.is_dir():
        raise ValueError(T.FILE_IS_DIR.format(path=path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValueError(T.FILE_TOO_BIG.format(size=size // 1024))
        return path.read_bytes()
    except OSError as exc:
        raise ValueError(T.FILE_UNREADABLE.format(path=path, reason=exc.strerror)) from exc


class ImportSourceDialog(ChiboDialog[ImportSource | None]):
    """A path box, and optionally a box to paste the list into."""

    CSS_PATH = "../screens/setup.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]

    BINDINGS = [
        Binding("escape", "cancel", T.SOURCE_CANCEL, tooltip=T.SOURCE_CANCEL, id="source-cancel"),
        Binding("ctrl+s", "preview", T.SOURCE_PREVIEW, tooltip=T.SOURCE_PREVIEW, id="source-ok"),
    ]

    def __init__(
        self,
        title: str,
        path_label: str,
        help_text: str,
        start: Path,
        suffixes: tuple[str, ...] = (),
        allow_paste: bool = False,
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text, self.path_label, self.help_text = title, path_label, help_text
        self.start, self.suffixes, self.allow_paste = start, suffixes, allow_paste

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="source-box"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.help_text, classes="dialog-text hint", markup=False)
            yield Label(self.path_label)
            start = str(self.start)
            yield Input(
                start if start.endswith(os.sep) else start + os.sep,
                id="source-path",
                suggester=PathSuggester(self.suffixes),
            )
            yield Label("", id="source-error", classes="error-text")
            if self.allow_paste:
                yield Label(T.SOURCE_PASTE)
                yield TextArea(id="source-paste", soft_wrap=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(T.SOURCE_PREVIEW, variant="primary", id="source-ok")
                yield Button(T.SOURCE_CANCEL, id="source-cancel")

    def on_mount(self) -> None:
        box = self.query_one("#source-path", Input)
        box.focus()
        box.cursor_position = len(box.value)

    @on(Input.Changed, "#source-path")
    def _clear_error(self) -> None:
        self.query_one("#source-error", Label).update("")

    @on(Input.Submitted, "#source-path")
    @on(Button.Pressed, "#source-ok")
    def action_preview(self) -> None:
        """Read the pasted text if there is some, else the file."""
        error = self.query_one("#source-error", Label)
        if self.allow_paste:
            pasted = self.query_one("#source-paste", TextArea).text
            if pasted.strip():
                self.dismiss(ImportSource(pasted.encode("utf-8"), None, T.PREVIEW_PASTED))
                return
        typed = self.query_one("#source-path", Input).value.strip()
        if not typed or typed.endswith(("/", os.sep)) and Path(typed).expanduser().is_dir():
            error.update(T.SOURCE_NOTHING)
            return
        try:
            data = read_source(typed)
        except ValueError as exc:
            error.update(str(exc))
            return
        path = Path(typed).expanduser()
        self.dismiss(ImportSource(data, path, path.name))

    @on(Button.Pressed, "#source-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
