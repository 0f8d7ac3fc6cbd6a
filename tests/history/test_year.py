"""The year grid: marks per month and criterion, counts, quarters, switching and opening."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from history_fixtures import settle, text_of

from chibo_tui.app import ChiboApp
from chibo_tui.domain.model import Verdict
from chibo_tui.domain.rollup import year_rollup
from chibo_tui.domain.tasks import completion
from chibo_tui.screens.month import MonthScreen
from chibo_tui.screens.year import YearScreen
from chibo_tui.widgets.year_grid import BARS, YearGrid


async def open_year(app: ChiboApp, pilot, year: int, month: str | None = None) -> YearScreen:  # type: ignore[no-untyped-def]
    app.push_screen(YearScreen(year, month))
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, YearScreen)
    return screen


async def test_the_grid_marks_every_month_and_criterion(app: ChiboApp) -> None:
    rollup = year_rollup(app.session.repo.summaries(), 2025)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, 2025)
        grid = screen.query_one(YearGrid)
        for m in range(1, 13):
            summary = rollup.by_month[f"2025-{m:02d}"]
            for n in range(1, 5):
                cell = grid.query_one(f"#c{n}-{m}")
                verdict = summary.verdicts[n - 1]
                assert cell.has_class("-pass" if verdict is Verdict.PASS else "-fail")
                assert text_of(cell) == ("✓" if verdict is Verdict.PASS else "✗")
            assert (text_of(grid.query_one(f"#f-{m}")) == "★") == summary.four_good
        for n in range(1, 5):
            assert text_of(grid.query_one(f"#count-{n}")) == f"{rollup.passed[n - 1]}/12"
        assert text_of(grid.query_one("#count-four")) == f"{rollup.four_good_months}/12"
        for q in range(1, 5):
            good, held = rollup.quarters[q]
            assert text_of(grid.query_one(f"#q-{q}")) == f"★ {good}/{held}"
        total = text_of(screen.query_one("#year-total"))
        assert total == f"{rollup.four_good_months}/12 tháng đạt “bốn tốt”"
        remedies = text_of(screen.query_one("#year-remedies"))
        assert remedies.startswith("Giải pháp đề ra trong năm: ")


async def test_months_not_held_are_marked_apart(app: ChiboApp) -> None:
    good, held = year_rollup(app.session.repo.summaries(), 2026).quarters[4]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, 2026)
        grid = screen.query_one(YearGrid)
        for m in (11, 12):
            assert grid.query_one(f"#c1-{m}").has_class("-not-held")
            assert text_of(grid.query_one(f"#c1-{m}")) == "·"
        assert text_of(grid.query_one("#count-1")).endswith("/10")
        assert held == 1 and text_of(grid.query_one("#q-4")) == f"★ {good}/1"


async def test_page_keys_switch_years_within_the_history(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_year(app, pilot, 2026)
        assert text_of(screen.query_one("#year-prev")) == "‹ 2025"
        assert text_of(screen.query_one("#year-next")) == ""
        await pilot.press("pagedown")  # no later year
        assert screen.year == 2026
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert screen.year == 2024
        await pilot.press("pageup")  # the first year held
        assert screen.year == 2024
        grid = screen.query_one(YearGrid)
        assert grid.query_one("#c1-1").has_class("-not-held")  # 2024 starts in May
        assert text_of(screen.query_one("#year-title")) == "Năm 2024"


async def test_arrows_select_a_month_and_enter_opens_it(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, 2025, "2025-06")
        grid = screen.query_one(YearGrid)
        assert grid.query_one("#m-6").has_class("-cursor")
        await pilot.press("left", "left")
        assert screen.cursor == 4
        assert grid.query_one("#c2-4").has_class("-cursor")
        assert not grid.query_one("#m-6").has_class("-cursor")
        assert text_of(screen.query_one("#year-cursor")).startswith("Tháng 04/2025 · đã chốt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MonthScreen)
        assert app.screen.month == "2025-04"


async def test_arrows_cross_into_the_next_year(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, 2024, "2024-12")
        await pilot.press("right")
        await pilot.pause()
        assert (screen.year, screen.cursor) == (2025, 1)


async def test_export_keys_write_the_summary_and_next_years_plan(
    app: ChiboApp, tmp_path: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_year(app, pilot, 2025)
        await pilot.press("f9")
        await app.workers.wait_for_complete()
        await pilot.press("f10")
        await settle(pilot)
    names = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert len(names) == 2
    assert names[0].startswith("2025") and names[1].startswith("2026")


async def test_the_year_total_is_measured_against_the_target(app: ChiboApp) -> None:
    assert app.session.cell is not None
    app.session.cell.rules.year_target_months = 10
    rollup = year_rollup(app.session.repo.summaries(), 2025)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, 2025)
        total = text_of(screen.query_one("#year-total"))
        verdict = "đạt" if rollup.four_good_months >= 10 else "chưa đạt"
        assert total == (
            f"{rollup.four_good_months}/12 tháng đạt “bốn tốt”, {verdict} mục tiêu 10 tháng"
        )


async def test_the_grid_is_read_again_after_a_month_was_reopened(app: ChiboApp) -> None:
    from chibo_tui.domain.lifecycle import reopen

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, 2026, "2026-10")
        await pilot.press("enter")
        await pilot.pause()
        meeting = app.session.repo.load_meeting("2026-10")
        assert meeting is not None
        reopen(meeting, datetime(2026, 11, 27, 9, 0), "Bổ sung ý kiến")
        meeting.reviews[0].vote = None
        app.session.repo.save_meeting(meeting)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(YearGrid).query_one("#c1-10").has_class("-undecided")
        assert "dự thảo" in text_of(screen.query_one("#year-cursor"))


async def test_each_month_shows_the_share_of_tasks_done(app: ChiboApp) -> None:
    meetings = {m.month: m for m in app.session.repo.load_all()}
    first = min(meetings)
    year = int(first[:4])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, year)
        grid = screen.query_one(YearGrid)
        done = total = 0
        for m in range(1, 13):
            cell = text_of(grid.query_one(f"#t-{m}"))
            meeting = meetings.get(f"{year}-{m:02d}")
            if meeting is None:
                assert cell == "·" and grid.query_one(f"#t-{m}").has_class("-not-held")
            elif meeting.month == first:
                assert cell == "—"  # the first month had no earlier tasks to review
            else:
                share = completion(meeting)
                assert share.total and cell == str(round(100 * share.done / share.total))
                done, total = done + share.done, total + share.total
        assert text_of(grid.query_one("#count-tasks")) == f"{round(100 * done / total)}%"
        # The selected month says how its figure is computed.
        last = max(m for m in meetings if m.startswith(f"{year}-"))
        line = text_of(screen.query_one("#year-tasks"))
        label = f"{last[5:]}/{last[:4]}"
        formula = completion(meetings[last]).formula
        assert line == f"Tháng {label}, kết quả nhiệm vụ tháng trước: {formula}"


async def test_the_task_share_is_a_bar_where_the_grid_is_narrow(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_year(app, pilot, 2025)
        grid = screen.query_one(YearGrid)
        assert all(text_of(grid.query_one(f"#t-{m}")) in BARS for m in range(1, 13))


async def test_each_month_shows_its_quality_score_and_the_ratings_counted(app: ChiboApp) -> None:
    from chibo_tui.domain import scoresheet

    cell = app.session.ensure_cell()
    meetings = [m for m in app.session.repo.load_all() if m.year == 2025]
    expected = {}
    for m in meetings:
        assert m.score is not None  # every demo month is scored
        result = scoresheet.evaluate(m.score, m, scoresheet.year_context(cell, m, meetings))
        expected[int(m.month[5:7])] = result.total
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_year(app, pilot, 2025)
        grid = screen.query_one(YearGrid)
        for _ in range(200):
            await pilot.pause()
            if text_of(grid.query_one("#s-1")):
                break
        for month, total in expected.items():
            assert text_of(grid.query_one(f"#s-{month}")) == str(total)
        ratings = [scoresheet.rating(t) for t in expected.values()]
        count = text_of(grid.query_one("#count-scores"))
        if "Tốt" in ratings:
            assert f"T{ratings.count('Tốt')}" in count
