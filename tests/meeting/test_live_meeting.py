"""A whole meeting driven from the keyboard, and the record it leaves on disk."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, Label, Select, TextArea

from chibo_tui.app import ChiboApp
from chibo_tui.domain import rules, tasks
from chibo_tui.domain.model import (
    COMMITTEE_OWNER,
    WHOLE_CELL,
    MeetingState,
    Mention,
    Presence,
    RemedyStatus,
    Task,
    TaskGroup,
    TaskStatus,
    Verdict,
)
from chibo_tui.sample import build_demo
from chibo_tui.screens.meeting import MeetingScreen
from chibo_tui.store import Repository
from chibo_tui.widgets.attendance import RosterTable
from chibo_tui.widgets.criterion import CriterionPane
from chibo_tui.widgets.entry_table import EntryTable
from chibo_tui.widgets.member_picker import MemberPicker
from chibo_tui.widgets.scoring import ScorePane, ScoreTable
from chibo_tui.widgets.task_reviews import TaskReviewTable

MONTH = "2026-11"
TODAY = date(2026, 11, 27)
OCTOBER_TASKS = [
    Task("Tuyên truyền nghị quyết mới đến các hộ", COMMITTEE_OWNER, None, date(2026, 11, 20)),
    Task("Vận động giữ vệ sinh môi trường", WHOLE_CELL, None, date(2026, 11, 25)),
]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The demo cell, its October resolution having set two tasks for November."""
    path = tmp_path / "db" / "chibo.json"
    cell, meetings = build_demo(14, TODAY)
    october = next(m for m in meetings if m.month == "2026-10")
    october.tasks += [Task(t.text, t.owner, t.owner_id, t.due, MONTH) for t in OCTOBER_TASKS]
    with Repository.open(path) as repo:
        repo.import_history(cell, meetings)
    return path


async def open_meeting(app: ChiboApp, pilot) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await app.open_meeting(MONTH)
    screen = app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def test_whole_meeting_from_the_keyboard(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(app, pilot)
        meeting = screen.meeting
        assert meeting.chair == "Nguyễn Thị Liên"  # the secretary chairs by default
        assert meeting.start_time is not None

        # Opening: the minute-taker picked by typing part of a name without diacritics.
        taker = screen.query_one("#opening-taker", MemberPicker)
        committee = next(a for a in meeting.attendance if a.role.value == "committee")
        given = committee.full_name.split()[-1]
        taker.input.focus()
        await pilot.press(*given.lower().replace("ư", "u").replace("ơ", "o"))
        await pilot.press("enter")
        assert meeting.minute_taker == committee.full_name
        assert meeting.minute_taker_id == committee.member_id

        # Attendance: everyone present, then one member excused with a reason.
        await pilot.press("f4")
        roster = screen.query_one(RosterTable)
        assert screen.focused is roster
        await pilot.press("a")
        rows = screen.query_one("#attendance")._rows  # type: ignore[attr-defined]
        # Someone who is neither chairing nor taking the minutes (the close checks that).
        row = next(
            i
            for i, a in enumerate(rows)
            if i >= 3 and a.member_id not in (meeting.chair_id, meeting.minute_taker_id)
        )
        roster.move_cursor(row=row)
        absent = rows[row]
        await pilot.press("l")
        await pilot.press(*"om")
        await pilot.press("enter")
        assert absent.presence is Presence.EXCUSED and absent.reason == "om"
        counts = rules.attendance_counts(meeting.attendance)
        assert counts.unmarked == 0 and counts.excused == 1

        # Last month's remedies: mark each as done.
        await pilot.press("f4")
        for _ in meeting.follow_ups:
            await pilot.press("1")
        assert all(f.status is RemedyStatus.DONE for f in meeting.follow_ups)

        # Last month's tasks: every one done but the last, which is under way, with a note.
        await pilot.press("f4")
        assert screen.step == "task-reviews"
        reviews = meeting.task_reviews
        assert [r.text for r in reviews][-2:] == [t.text for t in OCTOBER_TASKS]
        assert isinstance(screen.focused, TaskReviewTable)
        for _ in reviews[:-1]:
            await pilot.press("1")
        await pilot.press("2", "enter")
        await pilot.press(*"da lam 2/3 khu", "enter")
        assert [r.status for r in reviews] == [TaskStatus.DONE] * (len(reviews) - 1) + [
            TaskStatus.IN_PROGRESS
        ]
        assert reviews[-1].note == "da lam 2/3 khu"
        completion = str(screen.query_one("#task-completion", Label).render())
        done = len(reviews) - 1
        assert tasks.completion(meeting).formula in completion
        assert completion.startswith(f"Tỷ lệ hoàn thành: {done}/{len(reviews)} nhiệm vụ")

        # Four criteria; the second fails one sub-criterion and gets a remedy.
        for number in range(1, 5):
            await pilot.press("f4")
            pane = screen.query_one(f"#criterion-{number}", CriterionPane)
            assert screen.step == f"criterion-{number}"
            await pilot.press("a")
            if number == 2:
                pane.query_one(".checklist").move_cursor(row=0)  # type: ignore[attr-defined]
                await pilot.press("k")
            speaker = pane.query_one(".speaker", MemberPicker)
            speaker.input.focus()
            await pilot.press(*"lien", "enter")
            speech = pane.query_one(".speech", Input)
            assert screen.focused is speech
            speech.value = f"Ý kiến về tiêu chí {number}: đồng ý với báo cáo của chi ủy."
            await pilot.press("enter")
            # Causes and responsibility for every criterion, đạt or not (the seed plan).
            pane.query_one(".causes", TextArea).text = (
                "Nguyên nhân chủ quan: chuẩn bị chậm."
                if number == 2
                else "Chi ủy phân công cụ thể, đảng viên thực hiện nghiêm."
            )
            pane.query_one(".responsibility", TextArea).text = "Trách nhiệm của tập thể chi ủy."
            if number == 2:
                pane.query_one(".remedy-text", Input).value = "Chi ủy họp chuẩn bị trước 3 ngày"
                owner = pane.query_one(".remedy-owner", MemberPicker)
                owner.input.focus()
                await pilot.press(*"tap the", "enter")
                pane.query_one(".remedy-due", Input).value = "31/12/2026"
                pane.query_one(".remedy-due", Input).focus()
                await pilot.press("enter")
            voters = rules.attendance_counts(meeting.attendance).voters
            in_favour = pane.query_one("#vote-in_favour", Input)
            in_favour.focus()
            await pilot.press(*str(voters))
            await pilot.pause()
            review = meeting.review(number)
            assert review.vote is not None and review.vote.in_favour == voters
            assert rules.adopted_verdict(review, counts.official_voting_base) is (
                Verdict.FAIL if number == 2 else Verdict.PASS
            )

        # Next month's tasks: one typed from the keyboard under the first heading, one
        # led by a member under the default heading, then criterion 2's remedy offered.
        await pilot.press("f4")
        assert screen.step == "tasks"
        offer = screen.query_one("#task-offer-row")
        assert offer.display and "G để thêm" in str(screen.query_one("#task-offer", Label).render())
        text = screen.query_one("#task-text", Input)
        assert screen.focused is text
        text.value = "Học tập chuyên đề về đạo đức Hồ Chí Minh"
        await pilot.press("enter")  # on to the heading
        assert isinstance(screen.focused, Select)
        await pilot.press("enter", "up", "enter")  # "Về công tác chính trị, tư tưởng"
        await pilot.press(*"chi uy", "enter")  # on to the owner, then the deadline
        await pilot.press(*"20/12/2026", "enter")
        text.value = "Rà soát, thu đảng phí quý IV"
        await pilot.press("enter", "tab")  # the heading left as it is
        await pilot.press(*"lien", "enter", *"15/12/2026", "enter")
        assert [(t.group, t.owner, t.due) for t in meeting.tasks] == [
            (TaskGroup.IDEOLOGY, COMMITTEE_OWNER, date(2026, 12, 20)),
            (TaskGroup.POLITICAL, "Nguyễn Thị Liên", date(2026, 12, 15)),
        ]
        assert meeting.tasks[1].owner_id == meeting.chair_id
        assert {t.report_month for t in meeting.tasks} == {"2026-12"}
        screen.query_one("#task-table", EntryTable).focus()
        await pilot.press("g")
        await pilot.press("g")  # offered once: never twice
        remedy = meeting.review(2).remedies[0]
        assert [t.remedy_id for t in meeting.tasks] == [None, None, remedy.id]
        assert meeting.tasks[2].text == remedy.text
        assert not offer.display

        # Conclusion and close, at the end of the evening (an end time still to come
        # would be flagged).
        app.session.clock = lambda: datetime(2026, 11, 27, 21, 20)
        await pilot.press("f4")
        screen.query_one(
            "#conclusion-text", TextArea
        ).text = "Đồng chí bí thư kết luận: chi bộ thống nhất."

        # The resolution: a reminder, sections I.1-I.2, and its vote.
        await pilot.press("f4")
        assert screen.step == "resolution"
        await pilot.press(*"lien", "enter")  # the member, then the kind
        await pilot.press("enter", "down", "enter")  # "Nhắc nhở", then the text
        commend = screen.query_one("#commend-text", Input)
        assert screen.focused is commend
        commend.value = "Nộp đảng phí chậm hai tháng"
        await pilot.press("enter")
        screen.query_one("#ideology-review", TextArea).text = "Đảng viên an tâm, tin tưởng."
        screen.query_one("#political-review", TextArea).text = "Hoàn thành các chỉ tiêu."
        in_favour = screen.query_one("#resolution #vote-in_favour", Input)
        in_favour.focus()
        await pilot.press("9", "9")  # more than the voters: flagged, kept as typed
        await pilot.pause()
        assert in_favour.value == "99" and in_favour.has_class("-invalid")
        assert in_favour.content_region.height == 1  # the 99 still shows (a border hid it)
        assert "Không hợp lệ" in str(screen.query_one("#resolution #vote-result").render())
        assert rules.votes_block_finalising(meeting)
        await pilot.press("f4", "f4")  # past the score sheet, to the close
        assert screen.step == "close"
        assert screen.query_one("#close-blocked", Label).render()
        await pilot.press("f3", "f3")
        assert screen.step == "resolution"
        in_favour.focus()
        await pilot.press("backspace", "backspace", *str(voters))
        await pilot.pause()
        result = str(screen.query_one("#resolution #vote-result").render())
        wording = rules.vote_wording(
            meeting.resolution_vote,  # type: ignore[arg-type]
            voters,
            counts.official_voting_base,
        )
        assert wording.adopted and wording.count in result

        # The score sheet: what the record cannot score, the chair scores by keys.
        await pilot.press("f4")
        assert screen.step == "scoring"
        sheet = screen.query_one(ScorePane)
        table = screen.query_one(ScoreTable)
        table.focus()
        for index, line in enumerate(sheet.result().lines):
            if line.points is None and not line.item.bands:
                table.move_cursor(row=index)
                await pilot.press("space")
        # The length is scored from the end time, typed at the close.
        assert [x.item.key for x in sheet.result().lines if x.points is None] == ["duration"]

        await pilot.press("f4")
        end = screen.query_one("#close-end", Input)
        end.value = "21:15"
        await pilot.pause()
        cell = app.session.ensure_cell()
        assert rules.closing_problems(meeting, cell.rules, None, cell.resolution.form) == []
        assert sheet.result().unscored == 0
        screen.query_one("#finalise").press()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")  # confirm
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting.is_final

    record = saved()
    assert record is not None
    assert record.state is MeetingState.FINALISED
    assert record.minute_taker == committee.full_name
    assert [r.vote.verdict_put for r in record.reviews if r.vote] == [
        Verdict.PASS,
        Verdict.FAIL,
        Verdict.PASS,
        Verdict.PASS,
    ]
    crit2 = record.review(2)
    assert crit2.causes.startswith("Nguyên nhân chủ quan")
    assert crit2.remedies[0].owner == "tập thể" and str(crit2.remedies[0].due) == "2026-12-31"
    assert all(
        len(r.discussion) == 1 and r.discussion[0].speaker == "Nguyễn Thị Liên"
        for r in record.reviews
    )
    assert record.conclusion.startswith("Đồng chí bí thư kết luận")
    assert [a.reason for a in record.attendance if a.presence is Presence.EXCUSED] == ["om"]
    assert [(t.text, t.owner, t.remedy_id is not None) for t in record.tasks] == [
        ("Học tập chuyên đề về đạo đức Hồ Chí Minh", COMMITTEE_OWNER, False),
        ("Rà soát, thu đảng phí quý IV", "Nguyễn Thị Liên", False),
        ("Chi ủy họp chuẩn bị trước 3 ngày", "tập thể", True),
    ]
    assert [(r.text, r.status, r.note) for r in record.task_reviews][-2:] == [
        (OCTOBER_TASKS[0].text, TaskStatus.DONE, ""),
        (OCTOBER_TASKS[1].text, TaskStatus.IN_PROGRESS, "da lam 2/3 khu"),
    ]
    assert [(c.name, c.kind, c.text) for c in record.commendations] == [
        ("Nguyễn Thị Liên", Mention.REMINDER, "Nộp đảng phí chậm hai tháng")
    ]
    assert (record.ideology_review, record.political_review) == (
        "Đảng viên an tâm, tin tưởng.",
        "Hoàn thành các chỉ tiêu.",
    )
    vote = record.resolution_vote
    assert vote is not None and (vote.in_favour, vote.against, vote.other) == (voters, 0, 0)
    assert record.score is not None and len(record.score.sheet.items()) == 28
    assert record.unsent == {}


async def test_vote_fields_refuse_letters_and_flag_a_count_over_the_voters(
    app: ChiboApp, saved
) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f4")
        await pilot.press("a")  # all present
        await screen.go_to("criterion-1")
        field = screen.query_one("#criterion-1 #vote-in_favour", Input)
        field.focus()
        await pilot.press("x", "-", "9", "9")
        assert field.value == "99"
        result = str(screen.query_one("#criterion-1 #vote-result").render())
        assert "Không hợp lệ" in result
        assert field.has_class("-invalid")
        assert rules.invalid_votes(screen.meeting) == [1]
        # Finalising is refused while the vote does not add up.
        await screen.go_to("close")
        assert screen.query_one("#finalise-override").disabled  # type: ignore[attr-defined]
    record = saved()
    assert record is not None and record.state is MeetingState.DRAFT
    assert record.review(1).vote is not None and record.review(1).vote.in_favour == 99


async def test_a_restart_resumes_the_step_field_and_text(app: ChiboApp, fresh_app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.go_to("criterion-3")
        area = screen.query_one("#criterion-3 .causes", TextArea)
        area.focus()
        area.text = "Đang ghi dở nguyên nhân"
        await pilot.pause()
        # Where the chair is, by the field's name: a list shown or hidden above it
        # cannot move the caret to another box on restart.
        assert screen.meeting.resume == {"step": "criterion-3", "field": "causes"}
        app.session.flush_edits()
        assert app.session.wait_saved()
    # The app is gone; a new one on the same repository resumes where the chair was.
    again = fresh_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await again.open_meeting(MONTH)
        screen = again.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.step == "criterion-3"
        focused = screen.focused
        assert isinstance(focused, TextArea) and focused.has_class("causes")
        assert focused.text == "Đang ghi dở nguyên nhân"
        assert focused.cursor_location == focused.document.end  # the caret where typing stopped


async def test_finalised_month_is_read_only_and_reopens_with_a_reason(app: ChiboApp, saved) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        await app.open_meeting("2026-10")
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.meeting.is_final
        await screen.go_to("opening")
        assert screen.query_one("#opening-place", Input).disabled
        await screen.go_to("criterion-1")
        assert screen.query_one("#criterion-1 .causes", TextArea).read_only
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*"sua ten", "enter")
        await pilot.pause()
        reopened = app.screen
        assert isinstance(reopened, MeetingScreen) and not reopened.meeting.is_final
        await reopened.go_to("opening")
        assert not reopened.query_one("#opening-place", Input).disabled
    record = saved("2026-10")
    assert record is not None and record.state is MeetingState.DRAFT
    assert record.amendments[-1].reason == "sua ten"
