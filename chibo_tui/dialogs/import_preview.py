"""The members a roster file would add, and the lines refused, before anything is saved.

Dismisses with the members to add (all, or without the namesakes), or ``None``:
nothing is imported until the chair picks one of the import buttons.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Label, Static

from ..domain.model import Member
from ..domain.roster_import import ImportPlan
from ..text import setup as T
from .base import ChiboDialog


class ImportPreviewDialog(ChiboDialog[list[Member] | None]):
    """A table of the members found; the bad lines with their numbers and reasons."""

    CSS_PATH = "../screens/setup.tcss"

    BINDINGS = [
        Binding(
            "escape", "cancel", T.PREVIEW_CANCEL, tooltip=T.PREVIEW_CANCEL, id="preview-cancel"
        ),
    ]

    def __init__(self, plan: ImportPlan, source: str) -> None:
        super().__init__(classes="dialog")
        self.plan = plan
        self.source = source

    def compose(self) -> ComposeResult:
        plan = self.plan
        count = len(plan.rows)
        bad = len(plan.bad_lines)
        with Vertical(classes="dialog-box", id="preview-box"):
            yield Label(
                T.PREVIEW_TITLE_IMPORT.format(count=count, source=self.source),
                classes="dialog-title",
            )
            if plan.rows:
                yield DataTable(id="preview-table", cursor_type="row", zebra_stripes=True)
            if plan.bad_lines:
                yield Label(T.PREVIEW_BAD_TITLE.format(count=bad), classes="error-text")
                with VerticalScroll(id="preview-bad"):
                    for line in plan.bad_lines:
                        yield Static(
                            T.PREVIEW_BAD_LINE.format(
                                line=line.line, reason=line.reason, text=line.text
                            ),
                            markup=False,
                            classes="preview-bad-line",
                        )
            if not plan.rows:
                yield Label(T.PREVIEW_NONE, classes="warning-text")
            else:
                yield Label(T.PREVIEW_NOTHING_SAVED, classes="hint")
            with Horizontal(classes="dialog-buttons"):
                if plan.rows:
                    label = (
                        T.PREVIEW_IMPORT_SKIPPING.format(bad=bad, count=count)
                        if bad
                        else T.PREVIEW_IMPORT.format(count=count)
                    )
                    yield Button(label, variant="primary", id="preview-import")
                    kept = count - len(plan.namesakes)
                    if plan.namesakes and kept:
                        yield Button(
                            T.PREVIEW_SKIP_NAMESAKES.format(count=kept),
                            id="preview-skip-namesakes",
                        )
                    yield Button(T.PREVIEW_CANCEL, id="preview-cancel")
                else:
                    yield Button(T.PREVIEW_CLOSE, id="preview-cancel")

    def on_mount(self) -> None:
        if not self.plan.rows:
            self.query_one("#preview-cancel", Button).focus()
            return
        table = self.query_one("#preview-table", DataTable)
        table.add_columns(
            T.PREVIEW_COL_LINE,
            T.COL_NAME,
            T.COL_STATUS,
            T.COL_EXEMPT,
            T.COL_ROLE,
            T.PREVIEW_COL_NOTE,
        )
        for row in self.plan.rows:
            member = row.member
            notes = [T.PREVIEW_NAMESAKE.format(name=row.namesake_of)] if row.namesake_of else []
            if row.note:
                notes.append(row.note)
            table.add_row(
                str(member.line),
                member.full_name,
                T.STATUS_NAMES[member.status.value],
                T.EXEMPT_MARK if member.exempt else "",
                T.ROLE_NAMES[member.role.value],
                "; ".join(notes),
            )
        self.query_one("#preview-import", Button).focus()

    @on(Button.Pressed, "#preview-import")
    def _import_all(self) -> None:
        self.dismiss(self.plan.members())

    @on(Button.Pressed, "#preview-skip-namesakes")
    def _import_without_namesakes(self) -> None:
        self.dismiss(self.plan.members(skip_namesakes=True))

    @on(Button.Pressed, "#preview-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
