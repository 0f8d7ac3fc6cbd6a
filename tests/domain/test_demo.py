"""The demo cell and its history: deterministic, realistic and clean to finalise."""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime
from typing import Any

import pytest

from chibo_tui.domain import rules, tasks
from chibo_tui.domain.codec import from_dict, to_dict
from chibo_tui.domain.model import (
    COLLECTIVE,
    COMMITTEE_OWNER,
    WHOLE_CELL,
    Cell,
    Meeting,
    MemberStatus,
    Mention,
    Presence,
    RemedyStatus,
    ResolutionForm,
    Role,
    TaskGroup,
    TaskStatus,
    Verdict,
)
from chibo_tui.domain.months import shift
from chibo_tui.domain.remedies import track
from chibo_tui.sample import build_demo, demo_cell, demo_history
from chibo_tui.sample.words import sample_words

TODAY = date(2026, 11, 27)
SEEDS = range(12)


@pytest.fixture(scope="module")
def demo14() -> tuple[Cell, list[Meeting]]:
    return build_demo(14, TODAY)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


# ------------------------------------------------------------------------ determinism


def test_same_arguments_give_equal_output() -> None:
    assert build_demo(24, TODAY) == build_demo(24, TODAY)
    assert build_demo(24, TODAY, seed=7) == build_demo(24, TODAY, seed=7)


def test_another_seed_gives_another_cell() -> None:
    first, _ = build_demo(3, TODAY, seed=1)
    second, _ = build_demo(3, TODAY, seed=2)
    assert [m.full_name for m in first.members] != [m.full_name for m in second.members]


def test_build_demo_is_demo_cell_then_demo_history() -> None:
    rng = random.Random(2026)
    cell = demo_cell(rng)
    assert (cell, demo_history(cell, 5, TODAY, rng)) == build_demo(5, TODAY)


# ------------------------------------------------------------------------------ cell


def test_cell_profile(demo14: tuple[Cell, list[Meeting]]) -> None:
    cell, _ = demo14
    assert cell.name == "Chi bộ Đinh Tiên Hoàng"
    assert cell.parent_committee == "Đảng bộ phường Tây Thạnh"
    assert cell.place_name == "Tây Thạnh"
    assert cell.city == "Thành phố Hồ Chí Minh"
    assert "Tây Thạnh" in cell.meeting_place
    assert [c.number for c in cell.criteria] == [1, 2, 3, 4]
    assert len(cell.plan_bases) == 2
    assert cell.plan_bases[0].startswith("Kế hoạch số 214-KH/TU ngày 15 tháng 8 năm 2023")
    assert cell.plan_bases[1].startswith("Kế hoạch số 126-KH/ĐU ngày 31 tháng 8 năm 2023")
    assert all("“chi bộ bốn tốt”" in line for line in cell.plan_bases)
    # The report's bases: the city's guidance and the cell's own plan, as the seed cites them.
    guidance, own = cell.report_bases
    assert guidance.text.startswith("Hướng dẫn số 03-HD/TU ngày 07 tháng 7 năm 2023")
    assert own.own_plan and own.text.startswith("Kế hoạch số 03/KH CB-ĐTH ngày 18 tháng 10")
    assert cell.plan_adopted_years == []  # next year's plan exports as a draft


@pytest.mark.parametrize("seed", SEEDS)
def test_roster(seed: int) -> None:
    cell = demo_cell(random.Random(seed))
    members = cell.members
    assert 15 <= len(members) <= 25
    roles = [m.role for m in members]
    assert roles.count(Role.SECRETARY) == 1
    assert roles.count(Role.DEPUTY) == 1
    assert 1 <= roles.count(Role.COMMITTEE) <= 2
    secretary = cell.with_role(Role.SECRETARY)
    assert secretary is not None and secretary.full_name == "Nguyễn Thị Liên"
    exempt = [m for m in members if m.exempt]
    assert len(exempt) == 1 and exempt[0].is_official and exempt[0].role is Role.MEMBER
    probationary = [m for m in members if m.status is MemberStatus.PROBATIONARY]
    assert 2 <= len(probationary) <= 4
    assert all(m.role is Role.MEMBER for m in probationary)
    assert all(m.is_official for m in members if m.role is not Role.MEMBER)
    assert not any(m.removed for m in members)
    names = [m.full_name for m in members]
    assert len(set(names)) == len(names)
    assert len({m.id for m in members}) == len(members)
    for name in names:
        words = name.split()
        assert len(words) >= 3 and words[0] in sample_words().names.families, name
        assert len(set(words)) == len(words), name


def test_roster_sizes_vary() -> None:
    sizes = {len(demo_cell(random.Random(seed)).members) for seed in range(40)}
    assert len(sizes) > 3


# ---------------------------------------------------------------------------- months


@pytest.mark.parametrize(
    ("today", "last"),
    [(TODAY, "2026-10"), (date(2027, 1, 3), "2026-12"), (date(2026, 3, 31), "2026-02")],
)
def test_months_are_consecutive_and_end_before_today(today: date, last: str) -> None:
    _, history = build_demo(14, today)
    months = [m.month for m in history]
    assert months == [shift(last, i - 13) for i in range(14)]
    assert all(m.date < today for m in history)


def test_zero_months_is_empty_and_negative_is_refused() -> None:
    assert build_demo(0, TODAY)[1] == []
    with pytest.raises(ValueError):
        build_demo(-1, TODAY)


# ------------------------------------------------------------------- every meeting


def _check_meeting(cell: Cell, meeting: Meeting) -> None:
    assert meeting.is_final
    assert cell.resolution.form is ResolutionForm.RESOLUTION
    problems = rules.closing_problems(meeting, cell.rules, resolution=cell.resolution.form)
    if meeting.override_reason:  # the meeting that ended early, and only its length
        assert len(problems) == 1 and problems[0].endswith("ngắn hơn 90 phút theo quy định")
    else:
        assert problems == []
    day = meeting.date
    assert f"{day.year:04d}-{day.month:02d}" == meeting.month
    assert 1 <= day.day <= 10 and day.weekday() < 5
    assert meeting.start_time is not None and meeting.end_time is not None
    assert meeting.start_time.hour * 60 + meeting.start_time.minute >= 7 * 60 + 30
    assert meeting.start_time.hour * 60 + meeting.start_time.minute <= 19 * 60 + 30
    low = 65 if meeting.override_reason else 90
    assert low <= rules.meeting_minutes(meeting.start_time, meeting.end_time) <= 150
    assert meeting.finalised_at is not None
    assert meeting.finalised_at.date() == day
    assert meeting.finalised_at > datetime.combine(day, meeting.end_time)

    secretary = cell.with_role(Role.SECRETARY)
    assert secretary is not None
    assert (meeting.chair, meeting.chair_id) == (secretary.full_name, secretary.id)
    taker = cell.member(meeting.minute_taker_id or "")
    assert taker is not None and taker.role is Role.COMMITTEE
    assert meeting.minute_taker == taker.full_name
    assert meeting.place

    rows = {a.member_id: a for a in meeting.attendance}
    assert rows[secretary.id].presence is Presence.PRESENT
    assert rows[taker.id].presence is Presence.PRESENT
    absent = [a for a in meeting.attendance if a.presence in (Presence.EXCUSED, Presence.UNEXCUSED)]
    assert len(absent) <= 3
    for a in meeting.attendance:
        if a.exempt:
            assert a.presence is Presence.UNMARKED
        elif a.presence is Presence.EXCUSED:
            assert a.reason
        elif a.presence is Presence.UNEXCUSED:
            assert a.reason == ""

    counts = rules.attendance_counts(meeting.attendance)
    present = {a.member_id: a for a in meeting.attendance if a.presence is Presence.PRESENT}
    assert [r.number for r in meeting.reviews] == [1, 2, 3, 4]
    for review in meeting.reviews:
        assert all(c.passed is not None for c in review.checks)
        vote = review.vote
        assert vote is not None
        assert vote.total == counts.voters
        assert rules.vote_validity(vote, counts.voters).value
        assert rules.adoption(vote, counts.official_voting_base).value
        assert vote.verdict_put is rules.proposed_verdict(review).value
        assert bool(review.minority_opinions) == bool(vote.against or vote.other)
        for earlier in review.earlier_votes:
            assert rules.vote_validity(earlier, counts.voters).value
            assert not rules.adoption(earlier, counts.official_voting_base).value
            assert earlier.verdict_put is not vote.verdict_put

        assert 1 <= len(review.discussion) <= 3
        speakers = [d.speaker_id for d in review.discussion]
        assert len(set(speakers)) == len(speakers)
        for d in review.discussion:
            assert d.speaker_id in present and d.speaker_id != meeting.chair_id
            assert present[d.speaker_id].full_name == d.speaker
            assert d.text.strip()

        # Causes and responsibility for every criterion, đạt or not (issue 12, point 6).
        assert review.causes.startswith("Nguyên nhân chủ quan: ")
        assert "; khách quan: " in review.causes
        assert review.responsibility.strip()
        if vote.verdict_put is Verdict.FAIL:
            assert review.responsibility.startswith("Trách nhiệm thuộc về")
            assert 1 <= len(review.remedies) <= 2
        else:
            assert review.remedies == []
        for remedy in review.remedies:
            if remedy.owner_id is None:
                assert remedy.owner == COLLECTIVE
            else:
                owner = cell.member(remedy.owner_id)
                assert owner is not None and owner.full_name == remedy.owner
            assert remedy.due is not None
            months_later = _month_index(f"{remedy.due:%Y-%m}") - _month_index(meeting.month)
            assert 1 <= months_later <= 2

    for follow in meeting.follow_ups:
        assert follow.status in (RemedyStatus.DONE, RemedyStatus.IN_PROGRESS)
        assert follow.note
    assert meeting.other_business.strip()
    assert meeting.conclusion.startswith("Đồng chí bí thư kết luận: ")
    for guest in meeting.guests:
        assert guest.name.startswith("Đồng chí ") and guest.position
    _check_resolution(cell, meeting)


def _check_resolution(cell: Cell, meeting: Meeting) -> None:
    """The month's resolution: tasks for next month, last month's reviewed, its vote."""
    next_month = shift(meeting.month, 1)
    assert 2 <= len(meeting.tasks) <= 5
    groups = [t.group for t in meeting.tasks]
    assert groups == sorted(groups, key=lambda g: g is not TaskGroup.IDEOLOGY)
    texts = [t.text for t in meeting.tasks]
    assert len(set(texts)) == len(texts)
    for task in meeting.tasks:
        assert task.text.strip() and task.id
        if task.owner_id is None:
            assert task.owner in (COMMITTEE_OWNER, WHOLE_CELL)
        else:
            owner = cell.member(task.owner_id)
            assert owner is not None and owner.full_name == task.owner
        assert task.due is not None and task.due > meeting.date
        assert task.report_month == next_month
        if task.remedy_id is None:
            assert f"{task.due:%Y-%m}" == next_month
        else:
            assert task.remedy_id in {r.id for _, r in meeting.remedies()}
    for review in meeting.task_reviews:
        assert review.status is not None and review.note.strip()
        assert review.source_month < meeting.month
    assert 0 <= len(meeting.commendations) <= 2
    present = {a.member_id for a in meeting.attendance if a.presence is Presence.PRESENT}
    for mention in meeting.commendations:
        member = cell.member(mention.member_id or "")
        assert member is not None and member.full_name == mention.name and mention.text
        if mention.kind is Mention.PRAISE:
            assert mention.member_id in present
    assert meeting.ideology_review.strip() and meeting.political_review.strip()
    vote = meeting.resolution_vote
    counts = rules.attendance_counts(meeting.attendance)
    assert vote is not None and vote.total == counts.voters
    assert rules.vote_wording(vote, counts.voters, counts.official_voting_base).adopted


@pytest.mark.parametrize("seed", SEEDS)
def test_every_meeting_is_finalised_and_clean(seed: int) -> None:
    cell, history = build_demo(24, TODAY, seed=seed)
    assert len(history) == 24
    for meeting in history:
        _check_meeting(cell, meeting)


def test_a_hundred_and_twenty_months_are_clean() -> None:
    # Its speed is a benchmark figure (bench/), never a test assertion.
    cell, history = build_demo(120, TODAY)
    assert len(history) == 120
    for meeting in history:
        _check_meeting(cell, meeting)
    verdicts = [rules.meeting_verdicts(m) for m in history]
    fail_months = sum(Verdict.FAIL in v for v in verdicts)
    assert 10 <= fail_months <= 50  # roughly one month in four
    assert any(m.guests for m in history) and not all(m.guests for m in history)
    assert any(r.minority_opinions for m in history for r in m.reviews)
    assert any(a.presence is Presence.UNEXCUSED for m in history for a in m.attendance)


# -------------------------------------------------------------------- remedies, votes


def test_a_failed_month_raises_remedies_that_a_later_month_closes(
    demo14: tuple[Cell, list[Meeting]],
) -> None:
    _, history = demo14
    failed = [
        (i, r)
        for i, m in enumerate(history)
        for r in m.reviews
        if rules.adopted_verdict(r, rules.attendance_counts(m.attendance).official_voting_base)
        is Verdict.FAIL
    ]
    assert failed
    closed = set()
    for i, review in failed:
        assert review.remedies
        for remedy in review.remedies:
            for later in history[i + 1 :]:
                if any(
                    f.remedy_id == remedy.id and f.status is RemedyStatus.DONE
                    for f in later.follow_ups
                ):
                    closed.add(remedy.id)
    assert closed


@pytest.mark.parametrize("seed", SEEDS)
def test_remedies_carry_over_until_done(seed: int) -> None:
    _, history = build_demo(30, TODAY, seed=seed)
    last = history[-1].month
    raised = {remedy.id for m in history for _, remedy in m.remedies()}
    for tracked in track(history):
        age = _month_index(last) - _month_index(tracked.source_month)
        if age >= 3:
            assert tracked.status is RemedyStatus.DONE
    for before, after in zip(history, history[1:], strict=False):
        open_ids = {f.remedy_id for f in before.follow_ups if f.status is not RemedyStatus.DONE}
        open_ids |= {remedy.id for _, remedy in before.remedies()}
        assert {f.remedy_id for f in after.follow_ups} == open_ids
        assert open_ids <= raised


@pytest.mark.parametrize("months", [4, 5, 8])
def test_every_history_of_four_months_or_more_closes_a_remedy(months: int) -> None:
    for seed in range(25):
        _, history = build_demo(months, TODAY, seed=seed)
        assert any(f.status is RemedyStatus.DONE for m in history for f in m.follow_ups), seed


def test_one_revote_when_six_months_or_more() -> None:
    for seed in SEEDS:
        _, history = build_demo(14, TODAY, seed=seed)
        revotes = [r for m in history for r in m.reviews if r.earlier_votes]
        assert len(revotes) == 1
        (review,) = revotes
        assert review.vote is not None and review.vote.verdict_put is Verdict.FAIL
        assert [v.verdict_put for v in review.earlier_votes] == [Verdict.PASS]
        _, short = build_demo(5, TODAY, seed=seed)
        assert not any(r.earlier_votes for m in short for r in m.reviews)


# ------------------------------------------------------------------------- tasks


@pytest.mark.parametrize("seed", SEEDS)
def test_each_month_reviews_what_the_month_before_left(seed: int) -> None:
    _, history = build_demo(24, TODAY, seed=seed)
    assert history[0].task_reviews == []
    for before, after in zip(history, history[1:], strict=False):
        left = [r.task_id for r in before.task_reviews if r.status is not TaskStatus.DONE]
        left += [t.id for t in before.tasks]
        assert [r.task_id for r in after.task_reviews] == left
        new = {t.id for t in before.tasks}
        for review in after.task_reviews:
            assert (review.before is None) == (review.task_id in new)


@pytest.mark.parametrize("seed", SEEDS)
def test_most_tasks_are_done_and_some_carried_until_done(seed: int) -> None:
    _, history = build_demo(24, TODAY, seed=seed)
    reviews = [r for m in history for r in m.task_reviews]
    done = sum(r.status is TaskStatus.DONE for r in reviews)
    assert done > len(reviews) / 2
    assert any(r.status is not TaskStatus.DONE and r.before is None for r in reviews)
    assert any(r.before is not None for r in reviews)  # carried, reviewed again
    last = history[-1].month
    for tracked in tasks.track(history):
        if _month_index(last) - _month_index(tracked.source_month) >= 3:
            assert tracked.status is TaskStatus.DONE


def test_failed_months_offer_their_remedies_as_tasks() -> None:
    _, history = build_demo(120, TODAY)
    failed = [m for m in history if Verdict.FAIL in rules.meeting_verdicts(m)]
    taken = [m for m in failed if any(t.remedy_id for t in m.tasks)]
    assert 0 < len(taken) < len(failed)
    for meeting in taken:
        remedies = {r.id: r for _, r in meeting.remedies()}
        for task in meeting.tasks:
            if task.remedy_id:
                assert task.text == remedies[task.remedy_id].text
    assert not any(t.remedy_id for m in history if m not in failed for t in m.tasks)


def test_commendations_and_reminders_vary() -> None:
    _, history = build_demo(120, TODAY)
    counts = {len(m.commendations) for m in history}
    assert counts == {0, 1, 2}
    kinds = {c.kind for m in history for c in m.commendations}
    assert kinds == {Mention.PRAISE, Mention.REMINDER}
    for meeting in history:
        unexcused = {a.member_id for a in meeting.attendance if a.presence is Presence.UNEXCUSED}
        reminded = {c.member_id for c in meeting.commendations if c.kind is Mention.REMINDER}
        assert unexcused <= reminded


def test_another_seed_sets_other_tasks() -> None:
    _, first = build_demo(6, TODAY, seed=1)
    _, second = build_demo(6, TODAY, seed=2)
    assert [t.text for m in first for t in m.tasks] != [t.text for m in second for t in m.tasks]


# ---------------------------------------------------------------------------- text


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_all_text_is_nfc(seed: int) -> None:
    cell, history = build_demo(36, TODAY, seed=seed)
    texts = _strings(to_dict(cell)) + _strings(to_dict(history))
    assert texts
    bad = [t for t in texts if unicodedata.normalize("NFC", t) != t]
    assert bad == []


def test_all_text_is_filled_in(demo14: tuple[Cell, list[Meeting]]) -> None:
    cell, history = demo14
    texts = _strings(to_dict(cell)) + _strings(to_dict(history))
    assert not [t for t in texts if "{" in t or "}" in t]


def test_round_trips_through_the_codec(demo14: tuple[Cell, list[Meeting]]) -> None:
    cell, history = demo14
    assert from_dict(Cell, to_dict(cell)) == cell
    assert [from_dict(Meeting, to_dict(m)) for m in history] == history


def test_a_broken_sample_data_file_names_the_key_at_fault() -> None:
    import tomllib
    from importlib import resources

    import pytest

    from chibo_tui.sample.words import SampleDataError, parse

    text = resources.files("chibo_tui.data").joinpath("sample_cell.toml").read_text("utf-8")
    good = tomllib.loads(text)
    assert parse(good).cell.name == "Chi bộ Đinh Tiên Hoàng"

    bad_owner = tomllib.loads(text)
    bad_owner["shortfall"][0]["fix"][0]["owner"] = "ai đó"
    with pytest.raises(SampleDataError, match="ai đó"):
        parse(bad_owner)

    bad_task = tomllib.loads(text)
    bad_task["task"][0]["owner"] = "tổ trưởng"
    with pytest.raises(SampleDataError, match="tổ trưởng"):
        parse(bad_task)

    no_streets = tomllib.loads(text)
    del no_streets["words"]["streets"]
    with pytest.raises(SampleDataError, match="streets"):
        parse(no_streets)


def test_every_demo_month_is_scored_with_some_variety() -> None:
    from chibo_tui.domain import scoresheet
    from chibo_tui.domain.months import quarter

    cell, meetings = build_demo(24, date(2026, 12, 1))
    totals = []
    for m in meetings:
        assert m.score is not None
        result = scoresheet.evaluate(m.score, m, scoresheet.year_context(cell, m, meetings))
        assert result.unscored == 0
        totals.append(result.total)
        assert cell.paperwork_of(m.month).posted_before is not None
    assert len(set(scoresheet.rating(t) for t in totals)) >= 2
    # One thematic session a quarter, and a meeting that ended early, finalised with why.
    quarters = {(m.year, quarter(m.month)) for m in meetings if m.thematic}
    assert len(quarters) >= 7
    assert any(m.override_reason for m in meetings)
