"""The Tab order of a step is the same whatever its lists hold.

A chair learns "speaker, speech, Tab to the causes" in the first minutes; the list of
entries under the fields must not join the Tab order only once it has a row, or Tab
from the speech lands somewhere else after the first speech than before it.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input

from chibo_tui.app import ChiboApp
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.widgets.entry_table import EntryTable
from chibo_tui.widgets.member_picker import MemberPicker

MONTH = "2026-11"


async def _step(app: ChiboApp, pilot, step: str) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await app.open_meeting(MONTH)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.go_to(step)
    await pilot.pause()
    return screen


def _chain(screen: MeetingScreen, step: str) -> list[Widget]:
    pane = screen.query_one(f"#{step}")
    return [w for w in screen.focus_chain if pane in w.ancestors]


async def _after_tab(pilot, screen: MeetingScreen, start: Widget) -> Widget | None:  # type: ignore[no-untyped-def]
    start.focus()
    await pilot.pause()
    await pilot.press("tab")
    await pilot.pause()
    return screen.focused


async def test_tab_from_the_speech_goes_to_the_same_place_before_and_after_a_speech(
    app: ChiboApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _step(app, pilot, "criterion-1")
        pane = screen.query_one("#criterion-1")
        speech = pane.query_one(".speech", Input)
        table = pane.query_one(".discussion", EntryTable)
        before = _chain(screen, "criterion-1")
        first_tab = await _after_tab(pilot, screen, speech)
        assert table in before  # the empty list is where its rows will be

        pane.query_one(".speaker", MemberPicker).input.focus()
        await pilot.press(*"lien", "enter")
        speech.value = "Cần bám sát nghị quyết"
        await pilot.press("enter")
        await pilot.pause()
        assert table.row_count == 1

        assert _chain(screen, "criterion-1") == before
        assert await _after_tab(pilot, screen, speech) is first_tab


async def test_the_remedy_list_keeps_its_place_in_the_tab_order(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _step(app, pilot, "criterion-2")
        pane = screen.query_one("#criterion-2")
        before = _chain(screen, "criterion-2")
        assert pane.query_one(".remedies", EntryTable) in before
        pane.query_one(".remedy-text", Input).value = "Họp chi ủy trước kỳ sinh hoạt"
        pane.query_one(".remedy-owner", MemberPicker).input.focus()
        await pilot.press(*"lien", "enter")
        pane.query_one(".remedy-due", Input).value = "20/12/2026"
        await pilot.press("enter")
        await pilot.pause()
        assert pane.query_one(".remedies", EntryTable).row_count == 1
        assert _chain(screen, "criterion-2") == before


async def test_guests_tasks_and_commendations_keep_their_place(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _step(app, pilot, "opening")
        before = _chain(screen, "opening")
        assert screen.query_one("#guest-table") in before
        screen.query_one("#guest-name", Input).value = "Trần Văn Hải"
        screen.query_one("#guest-position", Input).value = "Đảng ủy viên phường"
        screen.query_one("#guest-position", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert _chain(screen, "opening") == before

        await screen.go_to("tasks")
        await pilot.pause()
        before = _chain(screen, "tasks")
        assert screen.query_one("#task-table") in before
        screen.query_one("#task-text", Input).value = "Vận động hội viên"
        screen.query_one("#task-owner", MemberPicker).input.focus()
        await pilot.press(*"toan chi", "enter")
        screen.query_one("#task-due", Input).value = "10/12/2026"
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.meeting.tasks) == 1
        assert _chain(screen, "tasks") == before

        await screen.go_to("resolution")
        await pilot.pause()
        before = _chain(screen, "resolution")
        assert screen.query_one("#commend-table") in before
        screen.query_one("#commend-name", MemberPicker).input.focus()
        await pilot.press(*"lien", "enter")
        screen.query_one("#commend-text", Input).value = "Hoàn thành xuất sắc nhiệm vụ"
        screen.query_one("#commend-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.meeting.commendations) == 1
        assert _chain(screen, "resolution") == before
