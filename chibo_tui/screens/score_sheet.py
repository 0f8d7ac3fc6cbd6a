"""The score sheet the cell scores its meetings on: see it, import it, pick a preset.

A meeting keeps a copy of the sheet it was scored on, so changing the sheet here
changes only meetings scored from now on.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, Static

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.import_source import ImportSourceDialog
from ..domain import scoresheet
from ..domain.model import ScoreSheet
from ..export.errors import ExportError
from ..export.facts import roman
from ..export.writer import prepare_folder, write_atomic
from ..text import score_sheet as T
from ..widgets.footer import KeyFooter
from ..widgets.wrap_table import WrapColumn, WrapTable
from .setup import SetupScreen


class ScoreSheetScreen(SetupScreen):
    PAGE: ClassVar[str] = "scoresheet"

    BINDINGS = [
        Binding("i", "import_toml", T.KEY_IMPORT, tooltip=T.KEY_IMPORT_HELP, id="sheet-import"),
        Binding("w", "write_toml", T.KEY_WRITE, tooltip=T.KEY_WRITE_HELP, id="sheet-write"),
        Binding(
            "1",
            "preset('anphu')",
            T.KEY_PRESET_ANPHU,
            tooltip=T.KEY_PRESET_ANPHU_HELP,
            id="sheet-anphu",
        ),
        Binding(
            "2",
            "preset('camle')",
            T.KEY_PRESET_CAMLE,
            tooltip=T.KEY_PRESET_CAMLE_HELP,
            id="sheet-camle",
        ),
        Binding("b", "toggle_vote", T.KEY_VOTE, tooltip=T.KEY_VOTE_HELP, id="sheet-vote"),
    ]

    @property
    def page_title(self) -> str:
        return T.TITLE

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Label(id="sheet-source")
        yield WrapTable(
            [
                WrapColumn(T.COL_NO, "no", 4),
                WrapColumn(T.COL_ITEM, "item"),
                WrapColumn(T.COL_POINTS, "points", 5),
                WrapColumn(T.COL_HOW, "how", 30),
            ],
            id="sheet-items",
            cursor_type="row",
            zebra_stripes=True,
        )
        yield Label(id="sheet-vote")
        yield Static(T.HINT, classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_view()
        self.query_one(WrapTable).focus()

    def refresh_view(self) -> None:
        sheet = scoresheet.sheet_of(self.cell)
        self.query_one("#sheet-source", Label).update(
            T.SOURCE.format(
                source=sheet.source,
                groups=len(sheet.groups),
                items=len(sheet.items()),
                total=sum(g.points for g in sheet.groups),
            )
        )
        rows = []
        number = 0
        for g, group in enumerate(sheet.groups, start=1):
            rows.append((roman(g), group.title.upper(), str(group.points), ""))
            for item in group.items:
                number += 1
                how = T.BY_RECORD if item.computed else T.BY_HAND
                if item.bands:
                    how += ", " + T.BANDS.format(n=len(item.bands))
                rows.append((str(number), item.text, str(item.points), how))
        self.query_one(WrapTable).set_rows(rows)
        self.query_one("#sheet-vote", Label).update(
            T.VOTE_ON if self.cell.score_vote else T.VOTE_OFF
        )

    def _use(self, sheet: ScoreSheet | None) -> None:
        self.cell.score_sheet = sheet
        self.session.flush_edits()
        self.refresh_view()

    @work(exclusive=True, group="sheet-change")
    async def action_import_toml(self) -> None:
        source = await self.app.push_screen_wait(
            ImportSourceDialog(
                T.IMPORT_TITLE,
                T.IMPORT_PATH,
                T.IMPORT_FORMAT,
                start=Path.cwd(),
                suffixes=(".toml",),
            )
        )
        if source is None:
            return
        try:
            sheet = scoresheet.parse_sheet(source.data.decode("utf-8-sig"))
        except (UnicodeDecodeError, scoresheet.ScoreSheetError) as exc:
            self.notify(
                T.IMPORT_FAILED.format(path=source.label, error=exc), severity="error", timeout=10
            )
            return
        question = T.IMPORT_QUESTION.format(
            path=source.label, groups=len(sheet.groups), items=len(sheet.items())
        )
        if await self.app.push_screen_wait(ConfirmDialog(question, yes=T.IMPORT_YES)):
            self._use(sheet)
            self.notify(T.IMPORT_DONE.format(path=source.label))

    @work(exclusive=True, group="sheet-change")
    async def action_preset(self, name: str) -> None:
        label = T.PRESET_NAMES[name]
        question = T.PRESET_QUESTION.format(name=label)
        if await self.app.push_screen_wait(ConfirmDialog(question, yes=T.PRESET_YES)):
            # The shipped default is kept as "no sheet of its own", so it follows updates.
            self._use(None if name == "anphu" else scoresheet.PRESETS[name]())
            self.notify(T.PRESET_DONE.format(name=label))

    def action_write_toml(self) -> None:
        text = scoresheet.to_toml(scoresheet.sheet_of(self.cell))
        data = text.encode("utf-8")
        try:
            folder = prepare_folder(self.session.exports_dir)
            path = write_atomic(folder, "phieu-cham-diem", lambda f: f.write(data), ".toml")
        except ExportError as exc:
            self.notify(T.WRITE_FAILED.format(error=exc), severity="error")
            return
        self.notify(T.WRITTEN.format(path=path))

    def action_toggle_vote(self) -> None:
        self.cell.score_vote = not self.cell.score_vote
        self.session.flush_edits()
        self.refresh_view()
