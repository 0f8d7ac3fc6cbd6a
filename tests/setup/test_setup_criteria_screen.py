"""The criteria screen: the sample label, edits, reorder, reset, TOML import, draft meetings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from chibo_tui.app import ChiboApp
from chibo_tui.dialogs.confirm import ConfirmDialog
from chibo_tui.dialogs.import_source import ImportSourceDialog
from chibo_tui.dialogs.text_entry import TextEntryDialog
from chibo_tui.domain.criteria import SAMPLE_LABEL, sample_criteria
from chibo_tui.domain.model import Cell, Meeting
from chibo_tui.screens.criteria import CriteriaScreen

NEW_LINE = "Tổ chức tốt phong trào thi đua trên địa bàn khu phố"


async def _open(app: ChiboApp, pilot) -> CriteriaScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f8")
    await pilot.pause()
    assert isinstance(app.screen, CriteriaScreen)
    return app.screen


def lines(screen: CriteriaScreen) -> list[str]:
    subs = screen.query_one(OptionList)
    return [str(subs.get_option_at_index(i).prompt) for i in range(subs.option_count)]


def banner(screen: CriteriaScreen) -> str:
    return str(screen.query_one("#criteria-sample", Static).render())


async def _enter_text(app: ChiboApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, TextEntryDialog)
    app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_the_sample_is_labelled_until_edited(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        assert SAMPLE_LABEL in banner(screen)
        assert lines(screen)[0].startswith("a) Quán triệt")
        await pilot.press("down", "a")  # add after b)
        await pilot.pause()
        await _enter_text(app, pilot, NEW_LINE)
        assert lines(screen)[2] == f"c) {NEW_LINE}"
        assert SAMPLE_LABEL not in banner(screen)
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None and not cell.criteria_is_sample
    assert cell.criteria[0].sub_criteria[2].text == NEW_LINE


async def test_edit_remove_and_reorder_with_keys(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    sample = [s.text for s in sample_criteria()[1].sub_criteria]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("right")  # criterion 2
        await pilot.pause()
        assert screen.current == 2
        await pilot.press("e")
        await pilot.pause()
        await _enter_text(app, pilot, "Sinh hoạt định kỳ đúng ngày 5 hằng tháng")
        await pilot.press("shift+down", "shift+down")  # a) goes down to c)
        await pilot.pause()
        assert lines(screen)[2] == "c) Sinh hoạt định kỳ đúng ngày 5 hằng tháng"
        assert screen.query_one(OptionList).highlighted == 2
        await pilot.press("ctrl+up")  # the other key for the same move
        await pilot.pause()
        assert lines(screen)[1] == "b) Sinh hoạt định kỳ đúng ngày 5 hằng tháng"
        await pilot.press("end", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        app.session.save_now()
    subs = [s.text for s in saved_cell().criteria[1].sub_criteria]  # type: ignore[union-attr]
    assert subs == [sample[1], "Sinh hoạt định kỳ đúng ngày 5 hằng tháng", *sample[2:-1]]


async def test_an_empty_or_repeated_line_is_refused(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        first = lines(screen)[0][3:]
        await pilot.press("a")
        await pilot.pause()
        await _enter_text(app, pilot, "   ")
        assert "Cần nhập" in str(app.screen.query_one("#entry-error", Static).render())
        await _enter_text(app, pilot, first.upper())
        assert "đã có dòng này" in str(app.screen.query_one("#entry-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(lines(screen)) == 4


async def test_number_keys_rename_and_reset_to_the_sample(
    app: ChiboApp, saved_cell: Callable[[], Cell | None]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("4", "t")
        await pilot.pause()
        await _enter_text(app, pilot, "Cán bộ, đảng viên gương mẫu")
        title = str(screen.query_one("#criteria-title").render())
        assert title == "4. Cán bộ, đảng viên gương mẫu"
        app.session.save_now()
        assert saved_cell().criteria[3].title == "Cán bộ, đảng viên gương mẫu"  # type: ignore[union-attr]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert SAMPLE_LABEL in banner(screen)
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None and cell.criteria_is_sample
    assert cell.criteria == sample_criteria()


async def test_changes_reach_draft_meetings_not_finalised_ones(
    cell_with_meetings: Cell,
    app: ChiboApp,
    saved_meeting: Callable[[str], Meeting | None],
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        assert "04/2026" in str(screen.query_one("#criteria-applies", Static).render())
        await pilot.press("a")
        await pilot.pause()
        await _enter_text(app, pilot, NEW_LINE)
        app.session.save_now()
    april, march = saved_meeting("2026-04"), saved_meeting("2026-03")
    assert april is not None and march is not None
    april_lines = [c.text for c in april.review(1).checks]
    assert NEW_LINE in april_lines
    # Marks already made on unchanged lines are kept.
    assert all(c.passed for c in april.review(1).checks if c.text != NEW_LINE)
    assert NEW_LINE not in [c.text for c in march.review(1).checks]


TOML = """
[[criterion]]
title = "Lãnh đạo hoàn thành tốt nhiệm vụ chính trị"
sub_criteria = ["Dòng một", "Dòng hai"]
[[criterion]]
title = "Chất lượng sinh hoạt tốt"
sub_criteria = ["Dòng ba"]
[[criterion]]
title = "Đoàn kết, kỷ luật tốt"
sub_criteria = []
[[criterion]]
title = "Cán bộ, đảng viên tốt"
sub_criteria = ["Dòng bốn"]
"""


async def _import(app: ChiboApp, pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ImportSourceDialog)
    app.screen.query_one("#source-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_import_from_toml(
    app: ChiboApp, tmp_path: Path, saved_cell: Callable[[], Cell | None]
) -> None:
    good = tmp_path / "phu-luc.toml"
    good.write_text(TOML, encoding="utf-8")
    bad = tmp_path / "hong.toml"
    bad.write_text("[[criterion]]\ntitle = 'Một'\n", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot)
        await _import(app, pilot, bad)
        assert isinstance(app.screen, CriteriaScreen)
        assert any("Cần đúng 4 bảng" in n.message for n in app._notifications)
        await _import(app, pilot, good)
        assert isinstance(app.screen, ConfirmDialog)
        assert "4 tiêu chí con" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert lines(screen) == ["a) Dòng một", "b) Dòng hai"]
        await pilot.press("3")
        await pilot.pause()
        assert screen.query_one("#criteria-empty").display
        app.session.save_now()
    cell = saved_cell()
    assert cell is not None and not cell.criteria_is_sample
    assert [len(c.sub_criteria) for c in cell.criteria] == [2, 1, 0, 1]
