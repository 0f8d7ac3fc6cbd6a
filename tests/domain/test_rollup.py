"""The year's roll-up: undecided criteria are counted apart, never as không đạt."""

from __future__ import annotations

from chibo_tui.domain.model import MeetingState, MeetingSummary, Verdict
from chibo_tui.domain.rollup import decided, year_rollup, year_target

P, F = Verdict.PASS, Verdict.FAIL


def summary(month: str, *verdicts: Verdict | None) -> MeetingSummary:
    return MeetingSummary(month, MeetingState.FINALISED, list(verdicts), 10, 12)


def test_undecided_criteria_are_neither_passed_nor_failed():
    rollup = year_rollup(
        [
            summary("2026-01", P, P, P, P),
            summary("2026-02", P, F, P, P),
            summary("2026-03", P, None, None, P),  # a draft: two criteria not yet voted
        ],
        2026,
    )
    assert rollup.passed == [3, 1, 2, 3]
    assert rollup.failed == (0, 1, 0, 0)
    assert rollup.undecided == (0, 1, 1, 0)
    assert [rollup.judged(n) for n in range(1, 5)] == [3, 2, 2, 3]
    assert (rollup.held, rollup.decided_months, rollup.undecided_months) == (3, 2, 1)
    assert (rollup.four_good_months, rollup.failed_months) == (1, 1)
    assert not decided(rollup.by_month["2026-03"])


def test_year_target_counts_decided_months_only():
    months = [summary(f"2026-{m:02d}", P, P, P, P) for m in range(1, 10)]
    months.append(summary("2026-10", P, None, P, P))
    rollup = year_rollup(months, 2026)
    assert year_target(rollup, None).reason == (
        "9/9 tháng đạt “bốn tốt” (1 tháng chưa đủ kết quả biểu quyết, chưa tính)"
    )
    # 9 reached, 10 still possible with the undecided month, 11 out of reach.
    assert year_target(rollup, 9).value is True
    assert year_target(rollup, 10).value is None
    assert "chưa xác định" in year_target(rollup, 10).reason
    assert year_target(rollup, 11).value is False


def test_a_year_fully_decided_reads_as_before():
    rollup = year_rollup([summary("2026-01", P, P, P, P), summary("2026-02", P, F, P, P)], 2026)
    assert year_target(rollup, None).reason == "1/2 tháng đạt “bốn tốt”"
    assert year_target(rollup, 2).reason == "1/2 tháng đạt “bốn tốt”, chưa đạt mục tiêu 2 tháng"
