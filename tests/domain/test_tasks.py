"""The resolution's tasks: set at one meeting, reviewed at the next, checked at close."""

from __future__ import annotations

from datetime import date, datetime

from msgspec.structs import replace

from chibo_tui.domain import lifecycle, rules, tasks
from chibo_tui.domain.amendments import changes, snapshot
from chibo_tui.domain.model import (
    Commendation,
    Mention,
    Remedy,
    ResolutionForm,
    Task,
    TaskStatus,
    Verdict,
    Vote,
)


def test_the_next_meeting_reviews_last_months_tasks(factory):
    cell = factory.cell()
    march = factory.meeting(cell, "2026-03")
    april = lifecycle.new_meeting(cell, "2026-04", date(2026, 4, 6), [march])
    assert [r.text for r in april.task_reviews] == ["Vận động các hộ tham gia ngày Chủ nhật xanh"]
    review = april.task_reviews[0]
    assert review.source_month == "2026-03" and review.task_id == march.tasks[0].id
    assert review.before is None and review.status is None
    assert tasks.before_text(review) == "mới đề ra"


def test_an_unfinished_task_is_reviewed_again_with_where_it_stood(factory):
    cell = factory.cell()
    march = factory.meeting(cell, "2026-03")
    april = factory.meeting(cell, "2026-04")
    april.task_reviews = tasks.carry_over(march)
    april.task_reviews[0].status = TaskStatus.IN_PROGRESS
    april.task_reviews[0].note = "Đã vận động 60% số hộ"
    may = lifecycle.new_meeting(cell, "2026-05", date(2026, 5, 6), [march, april])
    carried = [r for r in may.task_reviews if r.source_month == "2026-03"]
    assert len(carried) == 1
    assert carried[0].before is TaskStatus.IN_PROGRESS and carried[0].status is None
    assert carried[0].note == ""  # this meeting writes its own note
    assert tasks.before_text(carried[0]) == "đang thực hiện"
    # April's own task is up for review too; a task found done is not carried.
    april.task_reviews[0].status = TaskStatus.DONE
    may = lifecycle.new_meeting(cell, "2026-05", date(2026, 5, 6), [march, april])
    assert [r.source_month for r in may.task_reviews] == ["2026-04"]


def test_completion_is_shown_with_its_formula(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-04")
    assert tasks.completion(meeting).formula == "không có nhiệm vụ nào của tháng trước"
    march = factory.meeting(cell, "2026-03")
    march.tasks += [replace(march.tasks[0], id=f"t{i}", text=f"Việc {i}") for i in range(3)]
    meeting.task_reviews = tasks.carry_over(march)
    for review, status in zip(
        meeting.task_reviews,
        (TaskStatus.DONE, TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.NOT_DONE),
        strict=True,
    ):
        review.status = status
    done = tasks.completion(meeting)
    assert (done.done, done.total) == (2, 4)
    assert done.formula == "2/4 nhiệm vụ hoàn thành = 50%"


def test_a_draft_sees_tasks_set_after_it_was_started(factory):
    cell = factory.cell()
    march = factory.meeting(cell, "2026-03")
    april = lifecycle.new_meeting(cell, "2026-04", date(2026, 4, 6), [])
    assert april.task_reviews == []
    lifecycle.sync_task_reviews(april, march)
    assert len(april.task_reviews) == 1
    april.task_reviews[0].status = TaskStatus.DONE
    march.tasks = []  # reopened and the task removed: a review already made stays
    lifecycle.sync_task_reviews(april, march)
    assert [r.status for r in april.task_reviews] == [TaskStatus.DONE]


def test_remedies_of_failed_criteria_are_offered_as_tasks_once(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-03")
    assert tasks.remedies_to_offer(meeting) == []  # criterion 2 passed: nothing to offer
    review = meeting.review(2)
    review.checks[0].passed = False
    review.vote = replace(review.vote, verdict_put=Verdict.FAIL)
    offered = tasks.remedies_to_offer(meeting)
    assert [t.text for t in offered] == ["Chuẩn bị tài liệu trước 3 ngày"]
    assert offered[0].remedy_id == review.remedies[0].id
    assert offered[0].owner == review.remedies[0].owner and offered[0].due == review.remedies[0].due
    assert offered[0].report_month == "2026-04"
    meeting.tasks.append(offered[0])
    assert tasks.remedies_to_offer(meeting) == []
    review.remedies.append(Remedy("Họp chi ủy trước 5 ngày", owner="tập thể"))
    assert [t.text for t in tasks.remedies_to_offer(meeting)] == ["Họp chi ủy trước 5 ngày"]


def test_the_close_checklist_flags_tasks_and_the_resolution_vote(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-03")
    form = ResolutionForm.RESOLUTION
    assert rules.closing_problems(meeting, cell.rules, resolution=form) == []
    meeting.tasks.append(Task("Rà soát hộ nghèo"))
    meeting.tasks.append(Task("Sửa đèn hẻm 12", owner="Chi ủy", due=date(2026, 3, 1)))
    problems = rules.closing_problems(meeting, cell.rules, resolution=form)
    assert "Nhiệm vụ “Rà soát hộ nghèo” chưa có người chủ trì" in problems
    assert "Nhiệm vụ “Rà soát hộ nghèo” chưa có thời hạn" in problems
    assert "Nhiệm vụ “Sửa đèn hẻm 12” có thời hạn 01/03/2026 trước ngày họp 05/03/2026" in problems
    meeting.tasks = []
    meeting.resolution_vote = None
    problems = rules.closing_problems(meeting, cell.rules, resolution=form)
    assert "Nghị quyết: chưa đề ra nhiệm vụ tháng tới" in problems
    assert "Nghị quyết: chưa biểu quyết thông qua" in problems
    # A cell that issues neither: no resolution checks.
    assert rules.closing_problems(meeting, cell.rules, resolution=ResolutionForm.NONE) == []


def test_a_resolution_vote_that_does_not_add_up_blocks_finalising(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-03")
    assert not rules.votes_block_finalising(meeting)
    voters = rules.attendance_counts(meeting.attendance).voters
    meeting.resolution_vote = Vote(voters + 2, 0, 0)
    assert rules.votes_block_finalising(meeting)
    problems = rules.closing_problems(meeting, cell.rules, resolution=ResolutionForm.CONCLUSION)
    assert any(p.startswith("Kết luận: biểu quyết không khớp") for p in problems)
    meeting.resolution_vote = Vote(2, voters - 2, 0)
    assert not rules.votes_block_finalising(meeting)
    assert "Kết luận: chưa được thông qua, cần biểu quyết lại" in rules.closing_problems(
        meeting, cell.rules, resolution=ResolutionForm.CONCLUSION
    )


def test_a_reopening_reports_changed_tasks_and_commendations(factory):
    cell = factory.cell()
    meeting = factory.meeting(cell, "2026-03")
    before = snapshot(meeting)
    meeting.tasks[0].due = date(2026, 3, 30)
    meeting.commendations.append(
        Commendation("Trần Văn Bình", "tích cực vận động hộ nghèo", Mention.PRAISE)
    )
    changed = {c.field: (c.before, c.after) for c in changes(before, meeting)}
    assert changed["Nhiệm vụ tháng tới"][1].endswith("hạn 30/03/2026)")
    assert changed["Biểu dương, nhắc nhở đảng viên"] == (
        "(không ghi)",
        "Biểu dương đồng chí Trần Văn Bình: tích cực vận động hộ nghèo",
    )


def test_tracking_gives_each_task_its_latest_review(factory):
    cell = factory.cell()
    march = factory.meeting(cell, "2026-03")
    april = factory.meeting(cell, "2026-04")
    april.task_reviews = tasks.carry_over(march)
    april.task_reviews[0].status = TaskStatus.NOT_DONE
    tracked = tasks.track([april, march])
    assert [(t.source_month, t.status, t.updated_month) for t in tracked] == [
        ("2026-03", TaskStatus.NOT_DONE, "2026-04"),
        ("2026-04", None, None),
    ]
    assert tracked[0].overdue(datetime(2026, 4, 1).date())


def test_tasks_reviews_and_commendations_survive_a_round_trip(factory):
    from chibo_tui.domain.codec import from_dict, to_dict
    from chibo_tui.domain.model import Meeting

    cell = factory.cell()
    march = factory.meeting(cell, "2026-03")
    meeting = factory.meeting(cell, "2026-04")
    meeting.task_reviews = tasks.carry_over(march)
    meeting.task_reviews[0].status = TaskStatus.IN_PROGRESS
    meeting.commendations = [Commendation("Lê Văn Cường", "đi họp muộn", Mention.REMINDER)]
    meeting.ideology_review = "Đảng viên an tâm, tin tưởng."
    assert from_dict(Meeting, to_dict(meeting)) == meeting
    # A record written before tasks existed loads with none.
    old = to_dict(march)
    for key in ("tasks", "task_reviews", "commendations", "resolution_vote"):
        del old[key]
    loaded = from_dict(Meeting, old)
    assert loaded.tasks == [] and loaded.resolution_vote is None
