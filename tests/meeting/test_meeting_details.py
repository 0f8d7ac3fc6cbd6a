"""The smaller paths of the live meeting: guests, editing entries, due dates, months."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from chibo_tui.app import ChiboApp
from chibo_tui.dialogs.confirm import ConfirmDialog
from chibo_tui.domain import rules
from chibo_tui.domain.model import Verdict
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.widgets.criterion import ChecklistTable, CriterionPane, EntryTable
from chibo_tui.widgets.member_picker import MemberPicker

MONTH = "2026-11"


async def _meeting(app: ChiboApp, pilot, step: str = "opening") -> MeetingScreen:  # type: ignore[no-untyped-def]
    await app.open_meeting(MONTH)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.go_to(step)
    return screen


async def test_guests_are_added_and_removed(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot)
        screen.query_one("#guest-name", Input).value = "Trần Văn Hải"
        position = screen.query_one("#guest-position", Input)
        position.value = "Đảng ủy viên phường"
        position.focus()
        await pilot.press("enter")
        screen.query_one("#guest-name", Input).value = "Lê Thị Mai"
        position.focus()
        await pilot.press("enter")
        assert [g.name for g in screen.meeting.guests] == ["Trần Văn Hải", "Lê Thị Mai"]
        table = screen.query_one("#guest-table")
        table.focus()
        await pilot.press("down", "delete")
        app.session.save_now()
    record = saved()
    assert [(g.name, g.position) for g in record.guests] == [
        ("Trần Văn Hải", "Đảng ủy viên phường")
    ]


async def test_a_discussion_entry_is_taken_back_to_edit_and_deleted(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "criterion-1")
        pane = screen.query_one("#criterion-1", CriterionPane)
        picker = pane.query_one(".speaker", MemberPicker)
        for text in ("Ý kiến thứ nhất", "Ý kiến thứ hai"):
            picker.input.focus()
            await pilot.press(*"lien", "enter")
            pane.query_one(".speech", Input).value = text
            await pilot.press("enter")
        assert [d.text for d in pane.review.discussion] == ["Ý kiến thứ nhất", "Ý kiến thứ hai"]
        table = pane.query_one(".discussion", EntryTable)
        table.focus()
        await pilot.press("e")  # the first entry goes back into the fields ...
        assert pane.query_one(".speech", Input).value == "Ý kiến thứ nhất"
        assert picker.value == "Nguyễn Thị Liên"
        # ... and stays in the record, marked, until the edited version replaces it.
        assert [d.text for d in pane.review.discussion] == ["Ý kiến thứ nhất", "Ý kiến thứ hai"]
        assert str(table.get_cell_at((0, 0))).startswith("✎ ")
        app.session.save_now()
        on_disk = saved()
        assert [d.text for d in on_disk.review(1).discussion] == [
            "Ý kiến thứ nhất",
            "Ý kiến thứ hai",
        ]
        pane.query_one(".speech", Input).value = "Ý kiến thứ nhất (đã sửa)"
        pane.query_one(".speech", Input).focus()
        await pilot.press("enter")
        assert [d.text for d in pane.review.discussion] == [
            "Ý kiến thứ nhất (đã sửa)",
            "Ý kiến thứ hai",
        ]
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("delete")
        app.session.save_now()
    record = saved()
    assert [d.text for d in record.review(1).discussion] == ["Ý kiến thứ nhất (đã sửa)"]
    assert record.unsent == {}  # nothing left half-typed


async def test_text_typed_but_not_entered_is_saved_and_comes_back(
    app: ChiboApp, fresh_app, saved
) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "criterion-2")
        pane = screen.query_one("#criterion-2", CriterionPane)
        picker = pane.query_one(".speaker", MemberPicker)
        picker.input.focus()
        await pilot.press(*"lien")
        pane.query_one(".speech", Input).value = "Đề nghị chi bộ chưa kịp nhấn Enter"
        pane.query_one(".remedy-due", Input).value = "15/12/2026"
        await pilot.pause()
        await screen.go_to("opening")
        screen.query_one("#guest-name", Input).value = "Trần Văn Hải"
        await pilot.pause()  # the fields' Changed messages reach the panes
        app.session.save_now()  # the autosave tick: what a kill -9 a second later finds
        on_disk = saved()
        assert on_disk is not None
        assert on_disk.unsent == {
            "criterion-2/speaker": "lien",
            "criterion-2/speech": "Đề nghị chi bộ chưa kịp nhấn Enter",
            "criterion-2/remedy-due": "15/12/2026",
            "opening/guest-name": "Trần Văn Hải",
        }
        assert on_disk.review(2).discussion == [] and on_disk.guests == []
    again = fresh_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await again.open_meeting(MONTH)
        screen = again.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.query_one("#guest-name", Input).value == "Trần Văn Hải"
        await screen.go_to("criterion-2")
        pane = screen.query_one("#criterion-2", CriterionPane)
        assert pane.query_one(".speaker", MemberPicker).value == "lien"
        assert pane.query_one(".speech", Input).value == "Đề nghị chi bộ chưa kịp nhấn Enter"
        assert pane.query_one(".remedy-due", Input).value == "15/12/2026"


async def test_a_due_date_before_the_meeting_asks_first(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "criterion-4")
        pane = screen.query_one("#criterion-4", CriterionPane)
        pane.query_one(".remedy-text", Input).value = "Rà soát đảng phí"
        owner = pane.query_one(".remedy-owner", MemberPicker)
        owner.input.focus()
        await pilot.press(*"lien", "enter")
        due = pane.query_one(".remedy-due", Input)
        due.value = "01/01/2026"
        due.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: nothing is added, the date can be fixed
        assert pane.review.remedies == []
        due.value = "15/12/2026"
        due.focus()
        await pilot.press("enter")
        assert not isinstance(app.screen, ConfirmDialog)
        app.session.save_now()
    remedy = saved().review(4).remedies[0]
    assert (remedy.text, remedy.owner, remedy.due) == (
        "Rà soát đảng phí",
        "Nguyễn Thị Liên",
        date(2026, 12, 15),
    )


async def test_any_month_opens_from_the_month_picker(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        field = app.screen.query_one("#entry-input", Input)
        assert field.value == "11/2026"  # this month by default
        field.value = "7/2025"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.month == "2025-07"
        # July 2025 was not held in the demo: a new draft, dated in its own month.
        assert screen.meeting.date == date(2025, 7, 1) and screen.meeting.start_time is None
        app.session.save_now()
    assert saved("2025-07") is not None


async def test_a_vote_goes_stale_when_what_was_put_to_it_changes(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "attendance")
        await pilot.press("a")  # everyone present
        await screen.go_to("criterion-1")
        pane = screen.query_one("#criterion-1", CriterionPane)
        checks = pane.query_one(ChecklistTable)
        checks.focus()
        await pilot.press("a")  # every sub-criterion đạt
        voters = rules.attendance_counts(screen.meeting.attendance).voters
        pane.query_one("#vote-in_favour", Input).value = str(voters)
        await pilot.pause()
        vote = pane.review.vote
        assert vote is not None and vote.verdict_put is Verdict.PASS
        checks.focus()
        checks.move_cursor(row=0)
        await pilot.press("k")  # one sub-criterion không đạt: the vote was on "đạt"
        await pilot.pause()
        assert pane.review.vote is None
        assert pane.review.earlier_votes == [vote] and vote.verdict_put is Verdict.PASS
        assert pane.query_one("#vote-in_favour", Input).value == ""
        app.session.save_now()
    record = saved()
    assert record is not None and record.review(1).vote is None
    assert record.review(1).earlier_votes[0].verdict_put is Verdict.PASS


async def test_a_member_added_from_f7_mid_meeting_is_in_the_roll_call_at_once(
    app: ChiboApp,
) -> None:
    from chibo_tui.dialogs.member_form import MemberFormDialog
    from chibo_tui.screens.roster import RosterScreen
    from chibo_tui.widgets.attendance import RosterTable

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "attendance")
        before = screen.query_one(RosterTable).row_count
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MemberFormDialog)
        app.screen.query_one("#member-name", Input).value = "Hồ Thị Vân"
        await pilot.press("enter")
        await pilot.pause()
        if isinstance(app.screen, MemberFormDialog):  # the form stays open for the next one
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("escape")  # back to the meeting
        await pilot.pause()
        assert app.screen is screen
        table = screen.query_one(RosterTable)
        assert table.row_count == before + 1
        assert any(a.full_name == "Hồ Thị Vân" for a in screen.meeting.attendance)


async def test_long_remedies_wrap_so_owner_due_status_and_note_stay_on_screen(
    app: ChiboApp,
) -> None:
    from chibo_tui.domain.model import RemedyFollowUp
    from chibo_tui.widgets.followups import FollowUpTable

    meeting = app.session.meeting(MONTH)
    meeting.follow_ups = [
        RemedyFollowUp(
            remedy_id="r1",
            source_month="2026-10",
            criterion=3,
            text="Chi ủy gặp gỡ đảng viên vi phạm, yêu cầu khắc phục và làm bản kiểm điểm "
            "trước chi bộ trong kỳ sinh hoạt tới",
            owner="Nguyễn Thị Liên",
            due=date(2026, 12, 10),
            note="Đã trả lại vỉa hè, kiểm điểm trước chi bộ",
        )
    ]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "followups")
        await pilot.pause()
        table = screen.query_one(FollowUpTable)
        pane_right = screen.query_one("#followups").region.right
        total = sum(c.get_render_width(table) for c in table.columns.values())
        assert table.region.x + total <= pane_right + 1  # every column inside the pane
        assert table.get_row_height(next(iter(table.rows))) >= 2  # the remedy wrapped
        cells = [str(c) for c in table.get_row_at(0)]
        assert cells[2].replace("\n", " ") == "Nguyễn Thị Liên" and cells[3] == "10/12/2026"


async def test_the_top_bar_keeps_step_clock_and_save_state_on_a_narrow_terminal(
    app: ChiboApp,
) -> None:
    from textual.widgets import Label

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _meeting(app, pilot, "criterion-2")
        app.session.ensure_cell().name = "Chi bộ khu phố 3 " * 6  # a very long name
        await app.run_action("open_setup('profile')")  # F6 is the resolution here
        await pilot.pause()
        await pilot.press("escape")  # back: the renamed cell shows at once
        await pilot.pause()
        assert app.screen is screen
        bar = screen.query_one("TopBar")
        context = str(bar.query_one("#topbar-context", Label).render())
        assert context.startswith("Tiêu chí 2/4")  # the step, not the month, at 80 columns
        for part in ("#topbar-extra", "#topbar-saved"):
            region = bar.query_one(part, Label).region
            assert region.width > 0 and region.right <= 80  # on screen, not pushed off
        name = bar.query_one("#topbar-cell", Label)
        assert str(name.render()).startswith("Chi bộ khu phố 3")
        assert name.region.width <= 80 * 0.35 + 1


async def test_at_60_by_20_the_top_bar_still_says_which_step(app: ChiboApp) -> None:
    from textual.widgets import Label

    async with app.run_test(size=(60, 20)) as pilot:
        screen = await _meeting(app, pilot, "opening")
        bar = screen.query_one("TopBar")
        await pilot.pause()
        context = bar.query_one("#topbar-context", Label)
        assert str(context.render()) == "Bước 1/13"
        assert context.region.width >= len("Bước 1/13")  # whole, not cut to "Bước…"
        for part in ("#topbar-extra", "#topbar-saved"):
            assert bar.query_one(part, Label).region.right <= 60


async def test_f2_discards_the_draft_after_asking(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "opening")
        app.session.save_now()
        assert saved() is not None
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        for _ in range(200):  # the discard runs in a worker
            await pilot.pause()
            if app.screen is not screen and not isinstance(app.screen, ConfirmDialog):
                break
        assert not isinstance(app.screen, MeetingScreen)
    assert saved() is None


async def test_a_finalised_month_has_no_edit_path_for_its_guests(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    from chibo_tui.widgets.opening import GuestTable

    month = next(m.month for m in app.session.repo.load_all() if m.is_final and len(m.guests) >= 1)
    before = saved(month)
    assert before is not None and before.is_final and before.guests
    async with app.run_test(size=(120, 40)) as pilot:
        await app.open_meeting(month)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.go_to("opening")
        table = screen.query_one(GuestTable)
        table.focus()
        await pilot.press("delete")
        await pilot.pause()
        assert len(screen.meeting.guests) == len(before.guests)  # not even on screen
        assert table.row_count == len(before.guests)
        app.session.save_now()
    after = saved(month)
    assert after is not None and after.guests == before.guests


async def test_a_thematic_session_is_marked_at_the_opening(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Checkbox

    from chibo_tui.domain import rules

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, pilot, "opening")
        box = screen.query_one("#opening-thematic", Checkbox)
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        meeting = screen.meeting
        assert meeting.thematic
        counts = rules.attendance_counts(meeting.attendance)
        assert rules.required_minutes(counts.expected, app.session.ensure_cell().rules, True) == 120
        app.session.save_now()
    record = saved()
    assert record is not None and record.thematic


async def test_the_owner_picker_opens_where_it_can_be_seen(app: ChiboApp) -> None:
    from textual.widgets import OptionList

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _meeting(app, pilot, "criterion-2")
        pane = screen.query_one("#criterion-2", CriterionPane)
        owner = pane.query_one(".remedy-owner", MemberPicker)
        owner.input.focus()  # scrolled just into view: the last line of the pane
        for _ in range(20):
            await pilot.pause()
        await pilot.press("n")  # a letter many names have: the list opens below
        listing = owner.query_one(OptionList)
        for _ in range(200):
            await pilot.pause()
            if listing.display and listing.region.height:
                break
        visible = pane.region
        assert listing.display and listing.option_count > 1
        assert visible.y <= listing.region.y and listing.region.bottom <= visible.bottom
