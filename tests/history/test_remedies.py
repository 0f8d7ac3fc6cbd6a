"""Remedies across months: overdue first, filters by status and owner, opening the month."""

from __future__ import annotations

from history_fixtures import TODAY, prompts, settle, text_of
from textual.widgets import Select

from chibo_tui.app import ChiboApp
from chibo_tui.domain.remedies import track
from chibo_tui.screens.month import MonthScreen
from chibo_tui.screens.remedies import RemediesScreen
from chibo_tui.views.month_text import show_date
from chibo_tui.widgets.history_list import HistoryList


async def open_remedies(app: ChiboApp, pilot) -> RemediesScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("g")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, RemediesScreen)
    return screen


async def test_open_remedies_come_first_with_the_overdue_ones_marked(app: ChiboApp) -> None:
    tracked = track(app.session.repo.load_all())
    unresolved = [t for t in tracked if t.status.value != "done"]
    overdue = [t for t in unresolved if t.overdue(TODAY)]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_remedies(app, pilot)
        rows = prompts(screen.query_one("#remedies-list", HistoryList))
        assert len(rows) == len(unresolved) == 4
        assert [("QUÁ HẠN" in row) for row in rows] == [True] * len(overdue) + [False] * (
            len(unresolved) - len(overdue)
        )
        for item in unresolved:
            row = next(r for r in rows if r.startswith(item.remedy.text))
            assert f"{item.source_month[5:]}/{item.source_month[:4]}" in row
            assert f"Tiêu chí {item.criterion}" in row
            assert f"Phụ trách: {item.remedy.owner}" in row
            assert f"Hạn {show_date(item.remedy.due)}" in row
        assert text_of(screen.query_one("#remedies-count")) == (
            f"4/{len(tracked)} giải pháp · còn mở 4 · quá hạn 3"
        )


async def test_the_status_key_cycles_the_filter(app: ChiboApp) -> None:
    tracked = track(app.session.repo.load_all())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_remedies(app, pilot)
        listing = screen.query_one("#remedies-list", HistoryList)
        expected = {
            "quá hạn": 3,
            "chưa khắc phục": sum(t.status.value == "open" for t in tracked),
            "đang khắc phục": sum(t.status.value == "in_progress" for t in tracked),
            "đã khắc phục": sum(t.status.value == "done" for t in tracked),
            "tất cả": len(tracked),
            "còn mở": 4,
        }
        for label, count in expected.items():
            await pilot.press("s")
            assert text_of(screen.query_one("#remedies-status-value")) == label
            assert len(prompts(listing)) == count, label


async def test_the_owner_filter_is_picked_from_the_keyboard(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_remedies(app, pilot)
        await pilot.press("s", "s", "s", "s")  # tất cả
        owners = [str(v) for _, v in screen.query_one(Select)._options if v is not Select.NULL]
        assert len(owners) > 1 and owners[0] == "tập thể"
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the blank "Tất cả", then the first owner
        await pilot.pause()
        assert screen.owner == owners[1]
        rows = prompts(screen.query_one("#remedies-list", HistoryList))
        assert rows and all(f"Phụ trách: {screen.owner}" in row for row in rows)
        assert screen.focused is screen.query_one("#remedies-list")


async def test_enter_opens_the_month_at_the_remedy(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_remedies(app, pilot)
        first = screen.shown[0]
        await pilot.press("enter")
        await pilot.pause()
        month = app.screen
        assert isinstance(month, MonthScreen)
        assert month.month == first.source_month
        found = month.query(".-found")
        assert len(found) == 1 and first.remedy.text in text_of(found.first())
