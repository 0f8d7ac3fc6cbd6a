"""The home screen: months newest first with their verdicts, and the way to every view."""

from __future__ import annotations

import errno
import gc
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from history_fixtures import MONTHS, NOW, month_rows, settle, text_of
from textual.css.stylesheet import Stylesheet

from chibo_tui import heap
from chibo_tui.app import ChiboApp, make_app
from chibo_tui.domain.rules import percent
from chibo_tui.domain.vietnamese import month_label
from chibo_tui.screens.home import HomeScreen
from chibo_tui.screens.month import MonthScreen
from chibo_tui.screens.remedies import RemediesScreen
from chibo_tui.screens.search import SearchScreen
from chibo_tui.screens.year import YearScreen
from chibo_tui.store import DamagedDatabaseError, Repository
from chibo_tui.widgets.month_list import MonthList


async def test_home_lists_every_month_newest_first_with_its_verdicts(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        rows = month_rows(screen.query_one("#home-months", MonthList))
        summaries = app.session.repo.summaries()
        assert len(rows) == MONTHS
        assert [row.split()[0] for row in rows] == [
            f"{s.month[5:]}/{s.month[:4]}" for s in summaries
        ]
        for row, summary in zip(rows, summaries, strict=True):
            marks = "".join(ch for ch in row if ch in "✓✗–")
            expected = "".join("✓" if v and v.value == "pass" else "✗" for v in summary.verdicts)
            assert marks == expected
            assert ("★ bốn tốt" in row) == summary.four_good
            ratio = percent(summary.present / summary.expected)
            assert f"{summary.present}/{summary.expected} · {ratio}" in row
            assert "đã chốt" in row
        failed = next(r for r, s in zip(rows, summaries, strict=True) if not s.four_good)
        assert any(
            name in failed
            for name in (
                "Nhiệm vụ chính trị",
                "Chất lượng sinh hoạt",
                "Đoàn kết, kỷ luật",
                "Cán bộ, đảng viên",
            )
        )


async def test_home_says_what_to_do_this_month_and_counts_open_remedies(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        this_month = text_of(app.screen.query_one("#home-this-month"))
        assert this_month == "Tháng 11/2026 chưa sinh hoạt — nhấn M để bắt đầu."
        stats = text_of(app.screen.query_one("#home-stats"))
        assert "30 kỳ sinh hoạt" in stats
        assert "Năm 2026: " in stats
        assert "Giải pháp còn mở: 4, 3 quá hạn" in stats


async def test_a_cell_without_meetings_is_invited_to_start(
    make_history_app: Callable[[int], ChiboApp],
) -> None:
    app = make_history_app(0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert screen.has_class("-empty")
        empty = screen.query_one("#home-empty")
        assert empty.display and not screen.query_one("#home-months").display
        assert text_of(empty) == (
            "Chi bộ chưa có kỳ sinh hoạt nào. Nhấn M để bắt đầu kỳ sinh hoạt tháng 11/2026."
        )
        await pilot.press("m")
        await pilot.pause()
        from chibo_tui.screens.meeting import MeetingScreen

        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.month == "2026-11"
        app.pop_screen()
        await pilot.pause()


async def test_enter_opens_the_highlighted_month(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MonthScreen)
        assert app.screen.month == "2026-08"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.highlighted_month() == "2026-08"


async def test_keys_lead_to_the_year_the_remedies_and_search(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, kind in (("n", YearScreen), ("g", RemediesScreen), ("t", SearchScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, kind), key
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_the_year_key_opens_the_year_of_the_highlighted_month(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("end", "n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, YearScreen)
        assert (screen.year, screen.cursor) == (2024, 5)


async def test_every_view_is_a_command_in_the_palette(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Họp tháng này", "Cả năm", "Giải pháp", "Tìm kiếm", "Xem"} <= titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Cả năm")
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, YearScreen)


async def test_the_footer_names_the_palette_key_in_vietnamese(app: ChiboApp) -> None:
    from textual.widgets._footer import FooterKey

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys = {k.action: k.description for k in app.screen.query(FooterKey) if k.display}
        assert keys["command_palette"] == "Lệnh"
        assert "palette" not in keys.values()


async def test_the_list_follows_a_meeting_started_meanwhile(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        app.session.save_now()
        app.pop_screen()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        rows = month_rows(screen.query_one("#home-months", MonthList))
        assert rows[0].startswith("11/2026") and "dự thảo" in rows[0]
        assert text_of(screen.query_one("#home-this-month")) == (
            "Tháng 11/2026 đang dự thảo — nhấn M để tiếp tục."
        )


async def test_home_never_claims_remedies_were_all_done_when_none_was_set(
    make_history_app,  # type: ignore[no-untyped-def]
) -> None:
    from chibo_tui.domain.lifecycle import amend

    app = make_history_app(2)
    for meeting in app.session.repo.load_all():  # a history where no remedy was ever set
        for review in meeting.reviews:
            review.remedies.clear()
        meeting.follow_ups.clear()
        amend(meeting, NOW, "Bỏ giải pháp (dữ liệu kiểm thử)", "")
        app.session.repo.save_meeting(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        stats = app.screen.query_one("#home-stats")
        for _ in range(200):  # the remedy count arrives from a worker
            await pilot.pause()
            if "giải pháp" in str(stats.render()):
                break
        text = str(stats.render())
        assert "Chưa đặt giải pháp khắc phục nào" in text
        assert "Mọi giải pháp đã khắc phục" not in text


async def test_a_failed_opening_backup_is_said_on_screen(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup at open is taken while home is drawn; when it fails, the chair is told."""
    with Repository.open(db_path) as repo:
        repo.record("test", "", "")  # changed since the last backup: the next open takes one

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("chibo_tui.store.repository.take_backup", refused)
    repo = Repository.open(db_path, defer_backup=True)
    app = make_app(repo, tmp_path / "exports", clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await pilot.pause()
            shown = [n.message for n in app._notifications]
            if shown:
                break
        assert any("Không tạo được bản sao lưu khi mở" in m and "quyền" in m for m in shown)
    repo.close()


async def test_a_long_history_lists_every_month_and_draws_the_ones_in_view(
    make_history_app,
) -> None:  # type: ignore[no-untyped-def]
    """All 120 months are listed in order, the screen draws the rows it shows, End
    reaches the oldest, and back from a month the highlight stays on it."""
    app = make_history_app(120)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        months = app.screen.query_one("#home-months", MonthList)
        summaries = app.session.repo.summaries()
        assert months.months == [s.month for s in summaries] and len(summaries) == 120
        assert months.highlighted_month == summaries[0].month
        assert drawn(months, 0).startswith(month_label(summaries[0].month))
        await pilot.press("end")
        assert months.highlighted_month == summaries[-1].month
        await pilot.pause()
        bottom = months.scrollable_content_region.height - 1
        assert drawn(months, bottom).startswith(month_label(summaries[-1].month))
        await pilot.resize_terminal(90, 30)  # shorter: the highlight stays in view
        await settle(pilot)
        bottom_now = months.scrollable_content_region.height - 1
        assert months.highlighted_month == summaries[-1].month
        assert drawn(months, bottom_now).startswith(month_label(summaries[-1].month))
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        await pilot.press("pageup")
        assert months.highlighted_month == summaries[-bottom - 1].month
        await pilot.press("end", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MonthScreen)
        assert app.screen.month == summaries[-1].month
        await pilot.press("escape")
        await settle(pilot)
        months = app.screen.query_one("#home-months", MonthList)
        assert months.highlighted_month == summaries[-1].month
        assert len(months.months) == 120


async def test_a_click_on_a_month_opens_it(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        months = app.screen.query_one("#home-months", MonthList)
        third = months.months[2]
        assert await pilot.click(months, offset=(5, 2))
        await settle(pilot)
        assert isinstance(app.screen, MonthScreen) and app.screen.month == third


def drawn(months: MonthList, y: int) -> str:
    """What the list draws on its ``y``-th line on screen."""
    return months.render_line(y).text.strip()


async def test_home_is_styled_without_the_stylesheet_parsed_again(
    app: ChiboApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A screen's first push parses every rule of the app again when it brings CSS of
    # its own: 5–10 ms of each start-up, before home could be painted.
    parsed_again: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        parsed_again.append(self)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#home-this-month").styles.text_style.bold  # home.tcss
    assert parsed_again == []


def test_home_loads_without_the_history_views_text_builders() -> None:
    # Home's marks once pulled in the month's text builder (~5 ms of every start-up):
    # it is loaded when a month is opened.
    code = (
        "import sys, chibo_tui.app, chibo_tui.screens.home; "
        "print([m for m in ('chibo_tui.views.month_text', 'chibo_tui.domain.review_notes', "
        "'chibo_tui.screens.meeting', 'chibo_tui.screens.month') if m in sys.modules])"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


async def test_collections_held_for_the_start_resume_once_home_is_up(app: ChiboApp) -> None:
    # ``chibo`` holds Python's collections until its first screen is up (run_app):
    # left off, every object of the session would stay until the process ends.
    heap.hold_collections()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(20):  # bounded: the app resumes them after home's first frame
                if gc.isenabled():
                    break
                await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what the start-up made, frozen once
    finally:
        gc.enable()


async def test_a_year_file_changed_outside_chibo_stops_the_app_with_a_clear_message(
    app: ChiboApp, repo: Repository
) -> None:
    # Say a sync tool rewrote last year's file while the chair browses: the month
    # is read only now, and what is on disk is not the state chibo opened. It is
    # neither shown nor written over; the app stops with a message (Textual shows an
    # error's ``__rich__`` instead of a traceback), and the next open checks the file.
    year_file = next(p for p in repo.files() if "meetings-2025" in p.name)
    with pytest.raises(DamagedDatabaseError) as raised:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            changed = year_file.read_bytes().replace(b'"place":"', b'"place":"X', 1)
            assert changed != year_file.read_bytes()
            year_file.write_bytes(changed)
            app.push_screen(MonthScreen("2025-12"))
            await pilot.pause()
    assert app.return_code == 1
    error = raised.value
    assert error.path == year_file
    assert "bị thay đổi bên ngoài chibo" in error.__rich__()
    assert "Tệp được giữ nguyên, chibo không ghi đè." in error.__rich__()
