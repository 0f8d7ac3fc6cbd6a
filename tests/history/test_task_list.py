"""The tasks list: unfinished first with the overdue marked, filters by result and owner,
opening the month at the task; search tells a task from the rest."""

from __future__ import annotations

from history_fixtures import TODAY, prompts, settle, text_of
from textual.widgets import Input, Select

from chibo_tui.app import ChiboApp
from chibo_tui.domain.model import COMMITTEE_OWNER, TaskStatus
from chibo_tui.domain.tasks import status_text, track
from chibo_tui.domain.vietnamese import month_label
from chibo_tui.screens.month import MonthScreen
from chibo_tui.screens.search import SearchScreen
from chibo_tui.screens.tasks import TasksScreen
from chibo_tui.views.month_text import show_date
from chibo_tui.widgets.history_list import HistoryList


async def open_tasks(app: ChiboApp, pilot) -> TasksScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("v")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TasksScreen)
    return screen


async def test_unfinished_tasks_come_first_with_the_overdue_ones_marked(app: ChiboApp) -> None:
    tracked = track(app.session.repo.load_all())
    unfinished = [t for t in tracked if t.status is not TaskStatus.DONE]
    overdue = [t for t in unfinished if t.overdue(TODAY)]
    assert overdue and len(overdue) < len(unfinished)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tasks(app, pilot)
        rows = prompts(screen.query_one("#tasks-list", HistoryList))
        assert len(rows) == len(unfinished)
        assert [("QUÁ HẠN" in row) for row in rows] == [True] * len(overdue) + [False] * (
            len(unfinished) - len(overdue)
        )
        for item in unfinished:
            row = next(r for r in rows if r.startswith(item.task.text))
            assert f"đề ra {month_label(item.source_month)}" in row
            assert f"Chủ trì: {item.task.owner}" in row
            assert f"Hạn {show_date(item.task.due)}" in row
            assert status_text(item.status) in row
            if item.updated_month:
                assert f"đánh giá {month_label(item.updated_month)}" in row
                assert item.note in row
            else:
                assert f"báo cáo {month_label(item.task.report_month)}" in row
        assert text_of(screen.query_one("#tasks-count")) == (
            f"{len(unfinished)}/{len(tracked)} nhiệm vụ · chưa xong {len(unfinished)}"
            f" · quá hạn {len(overdue)}"
        )


async def test_the_state_key_cycles_the_filter(app: ChiboApp) -> None:
    tracked = track(app.session.repo.load_all())

    def count(status: TaskStatus | None) -> int:
        return sum(t.status is status for t in tracked)

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tasks(app, pilot)
        listing = screen.query_one("#tasks-list", HistoryList)
        expected = {
            "quá hạn": sum(t.overdue(TODAY) for t in tracked),
            "chưa đánh giá": count(None),
            "đang thực hiện": count(TaskStatus.IN_PROGRESS),
            "chưa thực hiện": count(TaskStatus.NOT_DONE),
            "hoàn thành": count(TaskStatus.DONE),
            "tất cả": len(tracked),
            "chưa xong": len(tracked) - count(TaskStatus.DONE),
        }
        for label, n in expected.items():
            await pilot.press("s")
            assert text_of(screen.query_one("#tasks-status-value")) == label
            assert len(prompts(listing)) == n, label
            if not n:
                assert "Không có nhiệm vụ nào khớp bộ lọc" in text_of(
                    screen.query_one("#tasks-count")
                )


async def test_the_owner_filter_is_picked_from_the_keyboard(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_tasks(app, pilot)
        await pilot.press("s", "s", "s", "s", "s")  # tất cả
        owners = [str(v) for _, v in screen.query_one(Select)._options if v is not Select.NULL]
        assert owners[0] == COMMITTEE_OWNER
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("down", "enter")  # past the blank "Tất cả": the chi ủy
        await pilot.pause()
        assert screen.owner == COMMITTEE_OWNER
        rows = prompts(screen.query_one("#tasks-list", HistoryList))
        assert rows and all(f"Chủ trì: {COMMITTEE_OWNER}" in row for row in rows)
        assert screen.focused is screen.query_one("#tasks-list")


async def test_enter_opens_the_month_at_the_task(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_tasks(app, pilot)
        first = screen.shown[0]
        await pilot.press("enter")
        await pilot.pause()
        month = app.screen
        assert isinstance(month, MonthScreen)
        assert month.month == first.source_month
        found = month.query(".-found")
        assert len(found) == 1 and first.task.text in text_of(found.first())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_search_tags_a_task_and_opens_its_month(app: ChiboApp) -> None:
    tracked = track(app.session.repo.load_all())
    task = tracked[-1]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.query_one("#search-input", Input).value = task.task.text
        screen.search_now()
        rows = prompts(screen.query_one("#search-results", HistoryList))
        where = f"Nhiệm vụ  {month_label(task.source_month)} · Phương hướng, nhiệm vụ tháng"
        assert any(row.strip().startswith(where) for row in rows), rows[:3]
        index = next(i for i, row in enumerate(rows) if row.strip().startswith(where))
        listing = screen.query_one("#search-results", HistoryList)
        await pilot.press("down")  # into the results
        listing.highlighted = listing.get_option_index(str(index))
        await pilot.press("enter")
        await pilot.pause()
        month = app.screen
        assert isinstance(month, MonthScreen) and month.month == task.source_month
