"""From an empty database to a cell with 20 members and edited criteria, keyboard only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from chibo_tui.app import ChiboApp, make_app
from chibo_tui.domain.model import Cell, Role
from chibo_tui.screens.criteria import CriteriaScreen
from chibo_tui.screens.home import HomeScreen
from chibo_tui.screens.profile import ProfileScreen
from chibo_tui.screens.roster import RosterScreen
from chibo_tui.screens.welcome import WelcomeScreen
from chibo_tui.store import Repository

NOW = datetime(2026, 11, 27, 19, 30)

MEMBERS = [
    "Nguyễn Thị Liên",
    "Trần Văn Bình",
    "Lê Thị Hồng",
    "Phạm Minh Đức",
    "Hoàng Văn Dũng",
    "Võ Thị Mai",
    "Đặng Quốc Hùng",
    "Bùi Thị Thu",
    "Đỗ Văn Nam",
    "Huỳnh Thị Ngọc",
    "Phan Văn Phúc",
    "Vũ Thị Quỳnh",
    "Trương Văn Sơn",
    "Lý Thị Thảo",
    "Ngô Văn Tùng",
    "Dương Thị Yến",
    "Nguyễn Văn An",
    "Hồ Thị Vân",
    "Lê Văn Tám",
    "Châu Văn Lộc",
]


async def _first_run(app: ChiboApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(app.screen, WelcomeScreen)
    await pilot.press("enter")
    await pilot.pause()
    # Step 1: the profile. Long text is set directly; moving between fields uses Tab.
    assert isinstance(app.screen, ProfileScreen)
    for value in ["Chi bộ Khu phố 5", "Tây Thạnh", "Đảng bộ phường Tây Thạnh"]:
        assert isinstance(app.focused, Input)
        app.focused.value = value
        await pilot.press("tab")
    await pilot.press("ctrl+n")
    await pilot.pause()
    # Step 2: twenty members, one after the other in the same form.
    assert isinstance(app.screen, RosterScreen)
    await pilot.press("a")
    await pilot.pause()
    for name in MEMBERS:
        name_box = app.screen.query_one("#member-name", Input)
        name_box.value = name
        if name == "Nguyễn Thị Liên":
            await pilot.press("tab", "tab", "tab", "enter", "end", "enter")  # role: bí thư
        if name == "Hồ Thị Vân":
            await pilot.press("tab", "space")  # dự bị
        await pilot.press("ctrl+s")
        await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    # Step 3: the criteria: one line rewritten, then done.
    assert isinstance(app.screen, CriteriaScreen)
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one(Input).value = "Quán triệt kịp thời nghị quyết của Đảng ủy phường"
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_from_empty_to_a_usable_cell(
    size: tuple[int, int], db_path: Path, tmp_path: Path, saved_cell: Callable[[], Cell | None]
) -> None:
    with Repository.open(db_path) as repo:
        app = make_app(repo, tmp_path / "exports", clock=lambda: NOW)
        async with app.run_test(size=size) as pilot:
            await _first_run(app, pilot)
            assert isinstance(app.screen, HomeScreen)
            app.session.save_now()
    cell = saved_cell()
    assert cell is not None
    assert cell.name == "Chi bộ Khu phố 5"
    assert cell.parent_committee == "Đảng bộ phường Tây Thạnh"
    assert len(cell.active_members()) == 20
    assert cell.with_role(Role.SECRETARY).full_name == "Nguyễn Thị Liên"  # type: ignore[union-attr]
    assert [m.full_name for m in cell.members if not m.is_official] == ["Hồ Thị Vân"]
    assert not cell.criteria_is_sample
    assert cell.criteria[0].sub_criteria[0].text.startswith("Quán triệt kịp thời")


async def test_finishing_without_members_returns_to_the_roster(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CriteriaScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen) and app.screen.first_run


async def test_screens_are_commands_in_the_palette(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Hồ sơ chi bộ", "Đảng viên", "Tiêu chí", "Thiết lập", "Chi bộ mẫu"} <= set(titles)
        await pilot.press("f7")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Thêm", "Nhập tệp", "Người đã rời", "Quay lại"} <= set(titles)
        await pilot.press("f8")  # from one setup screen to another, in its place
        await pilot.pause()
        assert isinstance(app.screen, CriteriaScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
