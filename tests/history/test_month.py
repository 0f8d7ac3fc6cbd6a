"""A month in full: every section, jumps, neighbours, exports and the way back into the meeting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from history_fixtures import settle, text_of
from textual.widgets import Static

from chibo_tui.app import ChiboApp
from chibo_tui.domain.rules import meeting_verdicts
from chibo_tui.screens.month import MonthBody, MonthScreen
from chibo_tui.store import Repository

FAILED_MONTH = "2026-10"


async def open_month(app: ChiboApp, pilot, month: str, **where: object) -> MonthScreen:  # type: ignore[no-untyped-def]
    app.push_screen(MonthScreen(month, **where))  # type: ignore[arg-type]
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MonthScreen)
    return screen


def shown_text(screen: MonthScreen) -> str:
    return "\n".join(text_of(w) for w in screen.query_one(MonthBody).query(Static))


async def test_a_month_shows_everything_the_meeting_recorded(app: ChiboApp) -> None:
    meeting = app.session.repo.load_meeting(FAILED_MONTH)
    assert meeting is not None
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_month(app, pilot, FAILED_MONTH)
        text = shown_text(screen)
        for title in (
            "Thông tin chung",
            "Điểm danh",
            "Giải pháp của các tháng trước",
            "Kết luận của chủ trì",
        ):
            assert title in text
        for review in meeting.reviews:
            assert f"Tiêu chí {review.number}. {review.title}" in text
            for d in review.discussion:
                assert f"{d.speaker}: {d.text}" in text
            for remedy in review.remedies:
                assert remedy.text in text
        assert meeting.conclusion.splitlines()[0] in text
        for follow in meeting.follow_ups:
            assert follow.text in text
        title = text_of(screen.query_one("#month-title"))
        assert title.startswith("Kỳ sinh hoạt tháng 10/2026")
        assert "đã chốt" in title
        verdicts = meeting_verdicts(meeting)
        for n, verdict in enumerate(verdicts, start=1):
            section = screen.query_one(f"#sec-criterion-{n}")
            assert section.has_class("-pass" if verdict and verdict.value == "pass" else "-fail")


async def test_number_keys_jump_to_a_criterion(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_month(app, pilot, FAILED_MONTH)
        body = screen.query_one(MonthBody)
        assert body.scroll_y == 0
        await pilot.press("3")
        await pilot.pause()
        section = screen.query_one("#sec-criterion-3")
        assert body.scroll_y > 0
        assert 0 <= section.virtual_region.y - body.scroll_y <= 1  # its top margin shows too


async def test_arrows_go_to_the_neighbouring_months(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_month(app, pilot, "2026-09")
        await pilot.press("right")
        await pilot.pause()
        assert screen.month == "2026-10"
        await pilot.press("right")  # the newest: stays, says so
        await pilot.pause()
        assert screen.month == "2026-10"
        await pilot.press("left", "left")
        await pilot.pause()
        assert screen.month == "2026-08"
        assert "08/2026" in text_of(screen.query_one("#month-title"))


async def test_a_search_hit_opens_scrolled_to_the_line_with_the_words_marked(
    app: ChiboApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_month(
            app, pilot, FAILED_MONTH, anchor="conclusion", line_no=0, query="ket luan"
        )
        await pilot.pause()
        line = screen.query_one("#line-conclusion-0")
        assert line.has_class("-found")
        body = screen.query_one(MonthBody)
        assert body.scroll_y > 0
        assert line.region.y > 0 and body.region.contains_region(line.region)
        assert len(screen.query(".-found")) == 1


async def test_export_keys_write_the_minutes_and_the_report(app: ChiboApp, tmp_path: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_month(app, pilot, FAILED_MONTH)
        await pilot.press("f9")
        await app.workers.wait_for_complete()
        await pilot.press("f10")
        await settle(pilot)
    names = sorted(p.name for p in (tmp_path / "exports").iterdir())
    assert len(names) == 2 and all(n.startswith("2026-10") for n in names)


def notices(app: ChiboApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_month_view_shows_and_sets_the_documents_numbers(app: ChiboApp) -> None:
    """Issue 12.1: the export notice and the month view name the number; "n" chooses
    another one, and a number already issued is refused in the dialog."""
    from chibo_tui.dialogs.text_entry import TextEntryDialog

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_month(app, pilot, FAILED_MONTH)
        numbers = screen.query_one("#month-numbers")
        assert text_of(numbers) == "Biên bản: chưa cấp số · Báo cáo: chưa cấp số"
        await pilot.press("b")
        await settle(pilot)
        assert any(n.endswith("2026-10_bien-ban.docx (Số 01-BB/CB)") for n in notices(app))
        assert text_of(numbers) == "Biên bản: Số 01-BB/CB · Báo cáo: chưa cấp số"
        await open_month(app, pilot, "2026-09")
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TextEntryDialog)
        dialog.query_one("#entry-input").value = "1"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        error = text_of(dialog.query_one("#entry-error"))
        assert error.startswith("Số 01-BB/CB đã cấp cho biên bản tháng 10/2026")
        dialog.query_one("#entry-input").value = "7"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert any(n.endswith("2026-09_bien-ban-2.docx (Số 07-BB/CB)") for n in notices(app))
        assert text_of(app.screen.query_one("#month-numbers")).startswith("Biên bản: Số 07-BB/CB")
    with Repository.open(app.session.repo.path, read_only=True) as reader:
        cell = reader.load_cell()
    assert cell is not None
    assert {(n.period, n.number) for n in cell.register if n.code == "BB"} == {
        ("2026-10", 1),
        ("2026-09", 7),
    }


async def test_the_open_key_brings_the_month_into_the_meeting_screen(app: ChiboApp) -> None:
    from chibo_tui.screens.meeting import MeetingScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await open_month(app, pilot, FAILED_MONTH)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.month == FAILED_MONTH
        app.pop_screen()
        await pilot.pause()
        assert isinstance(app.screen, MonthScreen)


async def test_a_month_that_was_not_held_says_so(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_month(app, pilot, "2019-01")
        assert text_of(screen.query_one("#month-title")) == "Không có kỳ sinh hoạt tháng 01/2019."
        await pilot.press("b")
        await pilot.pause()
        assert not list(app.workers)


async def test_a_draft_month_shows_its_state_and_no_verdict_yet(app: ChiboApp) -> None:
    from chibo_tui.domain.lifecycle import new_meeting
    from chibo_tui.domain.model import Meeting

    cell = app.session.cell
    assert cell is not None
    draft: Meeting = new_meeting(cell, "2026-11", date(2026, 11, 26), app.session.repo.load_all())
    app.session.repo.save_meeting(draft)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_month(app, pilot, "2026-11")
        title = text_of(screen.query_one("#month-title"))
        assert "dự thảo" in title and "– " in title
        for n in range(1, 5):
            assert screen.query_one(f"#sec-criterion-{n}").has_class("-undecided")
        text = shown_text(screen)
        assert "Trạng thái: dự thảo (chưa chốt)" in text
        assert "Biểu quyết: Chưa biểu quyết." in text


async def test_amendments_after_finalising_are_listed_with_their_reason(app: ChiboApp) -> None:
    from chibo_tui.domain.lifecycle import amend

    meeting = app.session.repo.load_meeting(FAILED_MONTH)
    assert meeting is not None
    amend(meeting, datetime(2026, 11, 3, 8, 15), "Sửa tên khách mời", "Ghi đúng chức vụ")
    app.session.repo.save_meeting(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_month(app, pilot, FAILED_MONTH)
        text = shown_text(screen)
        assert "Mở lại, bổ sung sau khi chốt" in text
        assert "08:15 ngày 03/11/2026 — Sửa tên khách mời: Ghi đúng chức vụ" in text
