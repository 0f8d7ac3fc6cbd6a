"""The tasks in the history, without the UI: the month as text, search, the tasks list."""

from __future__ import annotations

from datetime import date

import pytest
from history_fixtures import MONTHS, SEED, TODAY

from chibo_tui.domain import rules, tasks
from chibo_tui.domain.model import (
    COMMITTEE_OWNER,
    WHOLE_CELL,
    Commendation,
    Meeting,
    Mention,
    ResolutionForm,
    Task,
    TaskGroup,
    TaskReview,
    TaskStatus,
    Vote,
)
from chibo_tui.sample import build_demo
from chibo_tui.views.month_text import Kind, Section, month_sections
from chibo_tui.views.search import SearchIndex
from chibo_tui.views.task_view import StateFilter, filter_tasks, owners, totals
from chibo_tui.views.tone import Tone

CELL, MEETINGS = build_demo(MONTHS, TODAY, seed=SEED)


def _sections(
    meeting: Meeting, form: ResolutionForm = ResolutionForm.RESOLUTION
) -> dict[str, Section]:
    return {s.anchor: s for s in month_sections(meeting, form)}


def _meeting() -> Meeting:
    """A month with every kind of task review, tasks in both groups and mentions."""
    meeting = next(
        m
        for m in MEETINGS
        if {r.status for r in m.task_reviews} >= {TaskStatus.DONE, TaskStatus.IN_PROGRESS}
        and any(r.before is not None for r in m.task_reviews)
        and {t.group for t in m.tasks} == set(TaskGroup)
        and m.commendations
    )
    return meeting


# -- the month as text -----------------------------------------------------------------


def test_task_reviews_show_before_after_and_the_completion_formula() -> None:
    meeting = _meeting()
    section = _sections(meeting)["task-reviews"]
    first = section.lines[0]
    assert first.label == "Tỷ lệ hoàn thành"
    assert first.text == tasks.completion(meeting).formula
    assert "nhiệm vụ hoàn thành = " in first.text
    items = [line for line in section.lines if line.kind is Kind.ITEM]
    assert len(items) == len(meeting.task_reviews)
    for review, line in zip(meeting.task_reviews, items, strict=True):
        assert line.label == tasks.status_text(review.status)
        assert line.text.startswith(review.text)
        assert f"đầu kỳ: {tasks.before_text(review)}" in line.text
        assert review.owner in line.text
        tone = {TaskStatus.DONE: Tone.PASS, TaskStatus.IN_PROGRESS: Tone.WARN}
        assert line.tone is tone.get(review.status, Tone.FAIL)  # type: ignore[arg-type]
    notes = [line.text for line in section.lines if line.what == "ghi chú đánh giá nhiệm vụ"]
    assert notes == [f"Ghi chú: {r.note}" for r in meeting.task_reviews if r.note]
    assert any("đầu kỳ: mới đề ra" in line.text for line in items)
    assert any(
        "đầu kỳ: đang thực hiện" in line.text or "đầu kỳ: chưa thực hiện" in line.text
        for line in items
    )


def test_tasks_for_next_month_by_group_with_owner_deadline_and_report_month() -> None:
    meeting = _meeting()
    section = _sections(meeting)["tasks"]
    next_month = f"{meeting.month[5:]}/{meeting.month[:4]}"
    assert section.title.startswith("Phương hướng, nhiệm vụ tháng ")
    assert section.title != f"Phương hướng, nhiệm vụ tháng {next_month}"  # the month ahead
    groups = [line.text for line in section.lines if line.kind is Kind.GROUP]
    assert groups == [
        "Về công tác chính trị, tư tưởng",
        "Về lãnh đạo thực hiện nhiệm vụ chính trị",
    ]
    items = [line for line in section.lines if line.kind is Kind.ITEM]
    assert len(items) == len(meeting.tasks)
    for task in meeting.tasks:
        line = next(line for line in items if line.text.startswith(task.text))
        assert f"chủ trì: {task.owner}" in line.text
        assert task.due is not None and f"hạn {task.due:%d/%m/%Y}" in line.text
        report = f"{task.report_month[5:]}/{task.report_month[:4]}"
        assert f"báo cáo tại kỳ sinh hoạt tháng {report}" in line.text
        assert line.group == tasks.GROUP_TEXT[task.group]


def test_commendations_leadership_and_the_resolution_vote() -> None:
    meeting = _meeting()
    sections = _sections(meeting)
    mentions = [line for line in sections["commendations"].lines]
    assert [line.label for line in mentions] == [
        tasks.MENTION_TEXT[c.kind] for c in meeting.commendations
    ]
    for c, line in zip(meeting.commendations, mentions, strict=True):
        assert line.text == f"{c.name} — {c.text}"
    leadership = sections["leadership"].lines
    assert [line.text for line in leadership if line.kind is Kind.GROUP] == [
        "1. Về công tác chính trị, tư tưởng",
        "2. Về lãnh đạo thực hiện nhiệm vụ chính trị",
    ]
    assert meeting.ideology_review in [line.text for line in leadership]
    vote = sections["resolution-vote"]
    assert vote.title == "Biểu quyết thông qua nghị quyết"
    counts = rules.attendance_counts(meeting.attendance)
    assert meeting.resolution_vote is not None
    wording = rules.vote_wording(
        meeting.resolution_vote, counts.voters, counts.official_voting_base
    )
    assert [(line.label, line.text) for line in vote.lines] == [
        ("Biểu quyết", wording.count),
        ("Thông qua", wording.test),
    ]
    conclusion = _sections(meeting, ResolutionForm.CONCLUSION)["resolution-vote"]
    assert conclusion.title == "Biểu quyết thông qua kết luận"


def test_a_month_without_tasks_has_no_task_sections() -> None:
    meeting = MEETINGS[0]
    bare = Meeting(month=meeting.month, date=meeting.date, attendance=meeting.attendance)
    anchors = [s.anchor for s in month_sections(bare)]
    for anchor in ("task-reviews", "leadership", "commendations", "tasks", "resolution-vote"):
        assert anchor not in anchors


def test_an_unreviewed_task_and_a_vote_that_does_not_add_up_are_said_so() -> None:
    meeting = MEETINGS[-1]
    draft = Meeting(month="2026-11", date=date(2026, 11, 5), attendance=meeting.attendance)
    draft.task_reviews = [TaskReview("t1", "2026-10", "Thu đảng phí", COMMITTEE_OWNER)]
    draft.tasks = [Task("Vận động các hộ phân loại rác", WHOLE_CELL, report_month="2026-12")]
    draft.resolution_vote = Vote(1, 0, 0)
    sections = _sections(draft)
    review = sections["task-reviews"].lines
    assert review[0].text == "0/1 nhiệm vụ hoàn thành = 0%"
    assert review[1].label == "chưa đánh giá" and review[1].tone is Tone.UNDECIDED
    assert "đầu kỳ: mới đề ra" in review[1].text
    assert "hạn chưa định" in sections["tasks"].lines[1].text
    test = sections["resolution-vote"].lines[-1]
    assert test.label == "Thông qua" and test.tone is Tone.WARN
    assert "chưa xác định được kết quả" in test.text


# -- search ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(MEETINGS)


def test_search_finds_tasks_their_notes_and_commendations_and_says_what_they_are(
    index: SearchIndex,
) -> None:
    meeting = _meeting()
    task = meeting.tasks[0]
    hits = index.search(task.text).hits
    kinds = {(h.entry.month, h.entry.what) for h in hits}
    assert (meeting.month, "nhiệm vụ") in kinds
    note = next(r.note for r in meeting.task_reviews if r.note)
    assert "ghi chú đánh giá nhiệm vụ" in {h.entry.what for h in index.search(note).hits}
    praise = meeting.commendations[0]
    found = index.search(praise.name + " " + praise.text[:20]).hits
    wanted = tasks.MENTION_TEXT[praise.kind].lower()
    assert any(h.entry.month == meeting.month and h.entry.what == wanted for h in found)
    # Diacritics and case ignored, as for every line.
    assert index.search("DANG PHI").total >= index.search("đảng phí").total > 0
    # A line of the record that is not a task says nothing of its kind.
    assert {h.entry.what for h in index.search("ket luan").hits} >= {""}


# -- the tasks list --------------------------------------------------------------------


def test_unfinished_first_overdue_at_the_top() -> None:
    tracked = tasks.track(MEETINGS)
    shown = filter_tasks(tracked, StateFilter.UNFINISHED, None, TODAY)
    assert shown and all(t.status is not TaskStatus.DONE for t in shown)
    overdue = [t.overdue(TODAY) for t in shown]
    assert overdue == sorted(overdue, reverse=True) and any(overdue)
    everything = filter_tasks(tracked, StateFilter.ALL, None, TODAY)
    assert len(everything) == len(tracked)
    done = [t.status is TaskStatus.DONE for t in everything]
    assert done == sorted(done)  # the done ones last


@pytest.mark.parametrize(
    ("state", "status"),
    [
        (StateFilter.NOT_REVIEWED, None),
        (StateFilter.IN_PROGRESS, TaskStatus.IN_PROGRESS),
        (StateFilter.NOT_DONE, TaskStatus.NOT_DONE),
        (StateFilter.DONE, TaskStatus.DONE),
    ],
)
def test_each_state_filter_keeps_its_own(state: StateFilter, status: TaskStatus | None) -> None:
    tracked = tasks.track(MEETINGS)
    shown = filter_tasks(tracked, state, None, TODAY)
    assert all(t.status is status for t in shown)
    assert len(shown) == sum(t.status is status for t in tracked)
    # Not done at the latest review: none happen to be in this history.
    assert shown or status is TaskStatus.NOT_DONE


def test_owners_the_committee_and_the_whole_cell_first_then_by_name() -> None:
    tracked = tasks.track(MEETINGS)
    names = owners(tracked)
    assert names[:2] == [COMMITTEE_OWNER, WHOLE_CELL]
    assert set(names) == {t.task.owner for t in tracked}
    mine = filter_tasks(tracked, StateFilter.ALL, names[3], TODAY)
    assert mine and all(t.task.owner == names[3] for t in mine)


def test_totals_and_the_cycle_of_states() -> None:
    tracked = tasks.track(MEETINGS)
    t = totals(tracked, TODAY)
    assert t.set == len(tracked) == t.done + t.unfinished
    assert 0 < t.overdue <= t.unfinished
    state = StateFilter.UNFINISHED
    seen = []
    for _ in StateFilter:
        seen.append(state)
        state = state.next()
    assert state is StateFilter.UNFINISHED and set(seen) == set(StateFilter)


def test_a_commendation_kind_reads_in_vietnamese() -> None:
    meeting = Meeting(month="2026-11", date=date(2026, 11, 5))
    meeting.commendations = [Commendation("Lê Văn Tám", "chậm đóng đảng phí", Mention.REMINDER)]
    (line,) = _sections(meeting)["commendations"].lines
    assert line.display == "Nhắc nhở: Lê Văn Tám — chậm đóng đảng phí"
    assert line.tone is Tone.WARN and line.what == "nhắc nhở"
