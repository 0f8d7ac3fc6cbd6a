"""The score-sheet screen (P from the criteria): presets, TOML out and back in, the vote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from chibo_tui.app import ChiboApp
from chibo_tui.dialogs.confirm import ConfirmDialog
from chibo_tui.dialogs.import_source import ImportSourceDialog
from chibo_tui.domain import scoresheet
from chibo_tui.domain.model import Cell
from chibo_tui.screens.score_sheet import ScoreSheetScreen
from chibo_tui.widgets.wrap_table import WrapTable


async def _open(app: ChiboApp, pilot) -> ScoreSheetScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f8")
    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, ScoreSheetScreen)
    return app.screen


async def test_presets_write_out_and_import_back(
    app: ChiboApp, tmp_path: Path, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        table = screen.query_one(WrapTable)
        assert table.row_count >= 36  # 8 groups and 28 items, wrapped rows aside
        source = str(screen.query_one("#sheet-source").render())
        assert "An Phú" in source and "8 nhóm, 28 mục, 100 điểm" in source

        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "7 nhóm, 28 mục, 100 điểm" in str(screen.query_one("#sheet-source").render())

        await pilot.press("w")
        await pilot.pause()
        written = sorted((tmp_path / "exports").glob("phieu-cham-diem*.toml"))
        assert len(written) == 1
        edited = written[0].read_text("utf-8").replace("points = 40", "points = 41", 1)
        broken = tmp_path / "hong.toml"
        broken.write_text(edited, encoding="utf-8")

        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportSourceDialog)
        app.screen.query_one("#source-path", Input).value = str(broken)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScoreSheetScreen)
        assert any("khác điểm của nhóm (41)" in n.message for n in app._notifications)

        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#source-path", Input).value = str(written[0])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()

        await pilot.press("b")
        await pilot.pause()
        assert "có" in str(screen.query_one("#sheet-vote").render())
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None and cell.score_vote
    assert cell.score_sheet == scoresheet.seven_group_sheet()
