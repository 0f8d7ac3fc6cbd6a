"""The steps the resolution needs: tasks typed and edited, kept when half typed,
reviewed the month after; the resolution step as the cell's profile sets it."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Label, Select

from chibo_tui.app import ChiboApp
from chibo_tui.dialogs.confirm import ConfirmDialog
from chibo_tui.domain import rules
from chibo_tui.domain.model import WHOLE_CELL, ResolutionForm, TaskGroup
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.widgets.entry_table import EntryTable
from chibo_tui.widgets.member_picker import MemberPicker
from chibo_tui.widgets.task_reviews import TaskReviewTable

MONTH = "2026-11"


async def _meeting(app: ChiboApp, step: str, month: str = MONTH) -> MeetingScreen:
    await app.open_meeting(month)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    await screen.go_to(step)
    return screen


async def _type_task(pilot, screen: MeetingScreen, text: str, owner: str, due: str) -> None:  # type: ignore[no-untyped-def]
    screen.query_one("#task-text", Input).value = text
    screen.query_one("#task-owner", MemberPicker).input.focus()
    await pilot.press(*owner, "enter")
    screen.query_one("#task-due", Input).value = due
    await pilot.press("enter")


async def test_a_task_taken_back_to_edit_stays_until_replaced(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, "tasks")
        await _type_task(pilot, screen, "Vận động hội viên", "toan chi", "10/12/2026")
        await _type_task(pilot, screen, "Thu đảng phí", "lien", "15/12/2026")
        meeting = screen.meeting
        first = meeting.tasks[0]
        assert (first.owner, first.owner_id, first.group) == (WHOLE_CELL, None, TaskGroup.POLITICAL)
        table = screen.query_one("#task-table", EntryTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("e")
        assert screen.query_one("#task-text", Input).value == "Vận động hội viên"
        assert screen.query_one("#task-due", Input).value == "10/12/2026"
        assert str(table.get_cell_at((0, 0))).startswith("✎ ")
        assert [t.text for t in meeting.tasks] == ["Vận động hội viên", "Thu đảng phí"]
        screen.query_one("#task-text", Input).value = "Vận động hội viên đóng góp quỹ"
        screen.query_one("#task-report", Input).value = "01/2027"
        screen.query_one("#task-report", Input).focus()
        await pilot.press("enter")
        assert [(t.text, t.report_month) for t in meeting.tasks] == [
            ("Vận động hội viên đóng góp quỹ", "2027-01"),
            ("Thu đảng phí", "2026-12"),
        ]
        assert meeting.tasks[0].id == first.id  # the same task, edited
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("delete")
        app.session.save_now()
    record = saved()
    assert [t.text for t in record.tasks] == ["Vận động hội viên đóng góp quỹ"]
    assert record.unsent == {}


async def test_a_deadline_before_the_meeting_asks_first(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, "tasks")
        await _type_task(pilot, screen, "Rà soát hồ sơ", "chi uy", "01/10/2026")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: nothing is added, the date can be fixed
        assert screen.meeting.tasks == []
        assert screen.focused is screen.query_one("#task-due", Input)
        screen.query_one("#task-due", Input).value = "bad"
        await pilot.press("enter")
        assert "Ngày không hợp lệ" in str(screen.query_one("#task-error", Label).render())
        screen.query_one("#task-due", Input).value = "05/12/2026"
        await pilot.press("enter")
        app.session.save_now()
    task = saved().tasks[0]
    assert (task.text, task.owner, task.due) == ("Rà soát hồ sơ", "Chi ủy", date(2026, 12, 5))


async def test_task_text_typed_but_not_entered_comes_back(app: ChiboApp, fresh_app, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, "tasks")
        screen.query_one("#task-text", Input).value = "Nhiệm vụ đang gõ dở"
        screen.query_one("#task-due", Input).value = "20/12/2026"
        await screen.go_to("resolution")
        screen.query_one("#commend-text", Input).value = "Tích cực vận động"
        await pilot.pause()
        app.session.save_now()
        on_disk = saved()
        assert on_disk.unsent == {
            "tasks/task-text": "Nhiệm vụ đang gõ dở",
            "tasks/task-due": "20/12/2026",
            "resolution/commend-text": "Tích cực vận động",
        }
        assert on_disk.tasks == []
    again = fresh_app()
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(again, "tasks")
        assert screen.query_one("#task-text", Input).value == "Nhiệm vụ đang gõ dở"
        assert screen.query_one("#task-due", Input).value == "20/12/2026"
        await screen.go_to("resolution")
        assert screen.query_one("#commend-text", Input).value == "Tích cực vận động"


async def test_next_month_reviews_the_tasks_once_this_month_is_finalised(app: ChiboApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        # December opened as a draft first: November has set no tasks yet.
        screen = await _meeting(app, "task-reviews", "2026-12")
        assert screen.query("#no-task-reviews")
        await pilot.press("escape")
        screen = await _meeting(app, "tasks")
        await _type_task(pilot, screen, "Tổ chức ngày hội đại đoàn kết", "chi uy", "15/12/2026")
        app.session.finalise(screen.meeting, "chốt để thử")
        await pilot.press("escape")
        await pilot.pause()
        screen = await _meeting(app, "task-reviews", "2026-12")
        reviews = screen.meeting.task_reviews
        assert [(r.source_month, r.text, r.before, r.status) for r in reviews] == [
            ("2026-11", "Tổ chức ngày hội đại đoàn kết", None, None)
        ]
        table = screen.query_one(TaskReviewTable)
        cells = [str(c) for c in table.get_row_at(0)]
        assert cells[0] == "11/2026" and cells[4] == "mới đề ra" and "chưa" in cells[5]
        assert screen.focused is table
        await pilot.press("3")
        assert "0/1 nhiệm vụ hoàn thành = 0%" in str(screen.query_one("#task-completion").render())
        assert not screen.query_one("#steps").get_option_at_index(3).prompt.startswith("·")  # type: ignore[attr-defined]


async def test_the_tasks_to_review_fill_the_step_and_their_text_gets_the_room(
    app: ChiboApp,
) -> None:
    """At 120 columns the review table was 16 lines high with the pane half empty below,
    and a task's text wrapped in 12 columns beside an empty note column."""
    long = "Vận động các hộ ở tổ 10 phân loại rác tại nguồn, để rác đúng giờ, đúng nơi quy định"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, "tasks")
        for n in range(4):
            await _type_task(pilot, screen, f"{long} ({n + 1})", "chi uy", "15/12/2026")
        app.session.finalise(screen.meeting, "chốt để thử")
        await pilot.press("escape")
        await pilot.pause()
        screen = await _meeting(app, "task-reviews", "2026-12")
        await pilot.pause()
        table = screen.query_one(TaskReviewTable)
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        assert widths["note"] == len("Ghi chú")  # no note yet: its room goes to the text
        assert widths["text"] >= 18
        rows = sum(row.height for row in table.rows.values())
        assert rows > 16 and table.outer_size.height > 16  # all of them, not a 16-line window
        assert table.outer_size.height >= min(rows + 1, 30)


async def test_the_resolution_step_follows_the_cells_form(app: ChiboApp) -> None:
    cell = app.session.ensure_cell()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _meeting(app, "resolution")
        assert screen.query_one("#resolution-body").display
        assert not screen.query_one("#resolution-none").display
        cell.resolution.form = ResolutionForm.CONCLUSION
        screen.on_screen_resume()  # as when the chair comes back from the profile
        await pilot.pause()
        title = str(screen.query_one("#resolution-title", Label).render())
        assert title.startswith("Kết luận") and "Nghị quyết" not in title
        steps = screen.query_one("#steps")
        assert "Kết luận, biểu dương" in str(steps.get_option_at_index(10).prompt)  # type: ignore[attr-defined]
        problems = rules.closing_problems(screen.meeting, cell.rules, None, cell.resolution.form)
        assert "Kết luận: chưa biểu quyết thông qua" in problems
        cell.resolution.form = ResolutionForm.NONE
        screen.on_screen_resume()
        await pilot.pause()
        assert screen.query_one("#resolution-none").display
        assert not screen.query_one("#resolution-body").display  # no vote asked
        await screen.go_to("close")
        checklist = str(screen.query_one("#close-checklist").render())
        assert "biểu quyết thông qua" not in checklist


async def test_the_new_steps_fit_80_by_24(app: ChiboApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _meeting(app, "attendance")
        await pilot.press("a")  # everyone present: the pickers offer them
        for step in ("task-reviews", "tasks", "resolution"):
            await screen.go_to(step)
            await pilot.pause()
            pane = screen.query_one(f"#{step}")
            for field in pane.query("Input, Select, TextArea, DataTable").results():
                if not field.display or not field.focusable:
                    continue
                field.focus()
                await pilot.pause()
                region = field.region
                assert region.width > 0 and region.x >= 0 and region.right <= 80, (step, field)
                assert 0 < region.y < 23, (step, field)
        await screen.go_to("tasks")
        select = screen.query_one("#task-group", Select)
        select.focus()
        await pilot.pause()
        assert select.region.width >= 30  # the heading is readable
