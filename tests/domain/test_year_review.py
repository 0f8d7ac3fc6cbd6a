"""The year's self-review: every figure drawn from the records, the level checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from chibo_tui.domain import year_review as Y
from chibo_tui.domain.model import (
    MeetingState,
    RemedyFollowUp,
    RemedyStatus,
    ReviewRating,
    TaskStatus,
    Verdict,
    YearReview,
)
from chibo_tui.domain.tasks import carry_over
from chibo_tui.sample import build_demo


def test_a_demo_year_is_read_back_from_its_meetings():
    cell, meetings = build_demo(14, date(2026, 12, 1))
    facts = Y.year_facts(cell, meetings, 2026)
    mine = [m for m in meetings if m.year == 2026]
    assert facts.held == len(mine) == 11 and facts.drafts == []
    assert [m.month for m in facts.months] == [m.month for m in mine]
    for number in range(1, 5):
        passed, failed = facts.criterion_counts(number)
        assert passed + failed == 11
    failed_total = sum(facts.criterion_counts(n)[1] for n in range(1, 5))
    assert len(facts.shortcomings) == failed_total
    # The demo writes causes as "Nguyên nhân chủ quan: …; khách quan: …".
    assert all(s.subjective and s.objective for s in facts.shortcomings)
    # Remedies raised in 2025 (two months of history), with where they stand now.
    raised_2025 = [r for m in meetings if m.year == 2025 for _, r in m.remedies()]
    assert len(facts.previous) == len(raised_2025)


def test_causes_split_where_the_chair_marked_them():
    assert Y.split_causes(
        "Nguyên nhân chủ quan: chi ủy chưa đôn đốc; khách quan: nhiều hộ thuê trọ."
    ) == ("chi ủy chưa đôn đốc", "nhiều hộ thuê trọ")
    assert Y.split_causes("Do thời tiết mưa nhiều.") == ("", "")


def _year_with_tasks(factory):
    cell = factory.cell()
    jan = factory.meeting(cell, "2026-01")
    feb = factory.meeting(cell, "2026-02")
    mar = factory.meeting(cell, "2026-03")
    feb.task_reviews = carry_over(jan)
    feb.task_reviews[0].status = TaskStatus.IN_PROGRESS
    mar.task_reviews = carry_over(feb)
    for r in mar.task_reviews:
        r.status = TaskStatus.DONE
    for m in (jan, feb, mar):
        m.state = MeetingState.FINALISED
    return cell, [jan, feb, mar]


def test_tasks_done_on_time_and_late(factory):
    cell, meetings = _year_with_tasks(factory)
    t = Y.year_facts(cell, meetings, 2026).tasks
    assert t.set == 3
    assert len(t.done) == 2  # January's (late: reported done in March) and February's
    assert [x.source_month for x in t.late] == ["2026-01"]
    assert [x.source_month for x in t.on_time] == ["2026-02"]
    assert [x.source_month for x in t.not_reviewed] == ["2026-03"]


def test_the_proposed_level_names_the_records_that_fail_it(factory):
    cell, meetings = _year_with_tasks(factory)
    facts = Y.year_facts(cell, meetings, 2026)
    review = YearReview(2026, general_score=28, results_score=65, proposed=ReviewRating.EXCELLENT)
    checks = {c.text: c for c in Y.conditions(review, facts)}
    assert checks["Tổng điểm từ 90 trở lên"].met is True
    late = checks["Các nhiệm vụ hoàn thành đúng hạn"]
    assert late.met is False and "tháng 01/2026" in late.evidence[0]
    assert checks["Có ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu"].met is None
    assert checks["Đã khắc phục 100% hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước"].met


def test_excellent_needs_last_years_shortcomings_remedied(factory):
    cell = factory.cell()
    dec = factory.meeting(cell, "2025-12")
    jan = factory.meeting(cell, "2026-01")
    remedy = dec.review(2).remedies[0]
    jan.follow_ups = [
        RemedyFollowUp(remedy.id, "2025-12", 2, remedy.text, status=RemedyStatus.IN_PROGRESS)
    ]
    facts = Y.year_facts(cell, [dec, jan], 2026)
    review = YearReview(2026, proposed=ReviewRating.EXCELLENT)
    check = next(c for c in Y.conditions(review, facts) if "kỳ kiểm điểm trước" in c.text)
    assert check.met is False
    assert check.evidence == ("tháng 12/2025: Chuẩn bị tài liệu trước 3 ngày (đang khắc phục)",)


def test_group_scores_out_of_range_are_refused():
    Y.check_scores(30, 70)
    with pytest.raises(Y.ScoreOutOfRange, match="0–30"):
        Y.check_scores(31, 10)
    with pytest.raises(Y.ScoreOutOfRange, match="0–70"):
        Y.check_scores(10, -1)


def test_a_draft_month_is_listed(factory):
    cell = factory.cell()
    jan = factory.meeting(cell, "2026-01")
    jan.state = MeetingState.FINALISED
    feb = factory.meeting(cell, "2026-02")
    facts = Y.year_facts(cell, [jan, feb], 2026)
    assert facts.held == 1 and facts.drafts == ["2026-02"]
    assert facts.months[0].verdicts == (Verdict.PASS,) * 4
    assert replace(facts.months[0]).attendance.startswith(f"{facts.months[0].present}/")
