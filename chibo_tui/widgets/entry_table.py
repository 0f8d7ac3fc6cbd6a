"""A list of entries typed above it (speeches, remedies, tasks, commendations).

Delete removes the row under the cursor; E takes it back into the fields to edit.
An entry taken back stays in the record, marked, until Enter replaces it: the pane
keeps which row is being edited in ``meeting.unsent`` (see :func:`editing_row`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from textual.binding import Binding
from textual.message import Message

from ..text import meeting as T
from .pane import MeetingPane
from .wrap_table import WrapTable


class EntryTable(WrapTable):
    """Discussion entries, remedies, tasks: Delete removes, E takes the row back to edit."""

    BINDINGS = [
        Binding("delete", "remove", T.KEY_DELETE, id="entry-delete"),
        Binding("e", "edit", T.KEY_EDIT, id="entry-edit"),
    ]

    @dataclass
    class Picked(Message):
        """Row ``row`` is to be removed, or taken back into the fields to edit."""

        table: EntryTable
        row: int
        edit: bool

        @property
        def control(self) -> EntryTable:
            return self.table

    def action_remove(self) -> None:
        self.post_message(self.Picked(self, self.cursor_row, edit=False))

    def action_edit(self) -> None:
        self.post_message(self.Picked(self, self.cursor_row, edit=True))


def marked(text: str, editing: bool) -> str:
    """A row's first cell, marked while the entry is taken back to edit."""
    return T.EDITING_MARK.format(text=text) if editing else text


def editing_row(pane: MeetingPane, kind: str, count: int) -> int | None:
    """The row of list ``kind`` that ``pane`` has taken back to edit, if any."""
    raw = pane.meeting.unsent.get(pane.unsent_key(f"editing-{kind}"), "")
    return int(raw) if raw.isdigit() and int(raw) < count else None


def set_editing_row(pane: MeetingPane, kind: str, index: int | None) -> None:
    pane.keep_unsent(f"editing-{kind}", "" if index is None else str(index))


E = TypeVar("E")


def store_entry(pane: MeetingPane, kind: str, entries: list[E], entry: E) -> E | None:
    """Add ``entry`` to ``entries``, or put it in place of the row being edited.

    Returns the entry it replaced (its identity may carry over), or ``None``.
    """
    editing = editing_row(pane, kind, len(entries))
    if editing is None:
        entries.append(entry)
        return None
    replaced = entries[editing]
    entries[editing] = entry
    set_editing_row(pane, kind, None)
    return replaced
