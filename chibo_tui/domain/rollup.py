"""The year at a glance: per criterion, per quarter, "bốn tốt" months (DESIGN.md §4).

No official rule ties these counts to the annual classification, so they are
presented as evidence; a target is an optional setting.

A criterion without an adopted vote (a draft month, a vote that fell short) is
undecided: it is counted apart, never as "không đạt", and a month is "bốn tốt" or
not only once its four criteria are decided.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from .model import MeetingSummary, Verdict
from .months import quarter
from .rules import Ruling


def decided(summary: MeetingSummary) -> bool:
    """All four criteria have an adopted verdict."""
    return len(summary.verdicts) >= 4 and all(v is not None for v in summary.verdicts[:4])


class YearRollup(msgspec.Struct, frozen=True):
    year: int
    by_month: dict[str, MeetingSummary]  # "YYYY-MM" → summary, months held only
    passed: list[int]  # per criterion 1–4: months đạt
    held: int  # months held
    quarters: dict[int, tuple[int, int]]  # quarter → (months "bốn tốt", months held)
    four_good_months: int
    failed: tuple[int, int, int, int] = (0, 0, 0, 0)  # per criterion: months không đạt
    undecided: tuple[int, int, int, int] = (0, 0, 0, 0)  # per criterion: no adopted vote
    decided_months: int = 0  # months whose four criteria are all decided

    @property
    def undecided_months(self) -> int:
        return self.held - self.decided_months

    @property
    def failed_months(self) -> int:
        """Months decided and not "bốn tốt"."""
        return self.decided_months - self.four_good_months

    def judged(self, number: int) -> int:
        """Months in which criterion ``number`` has an adopted verdict."""
        return self.passed[number - 1] + self.failed[number - 1]


def year_rollup(summaries: Iterable[MeetingSummary], year: int) -> YearRollup:
    months = {s.month: s for s in summaries if s.month.startswith(f"{year:04d}-")}
    passed = [0, 0, 0, 0]
    failed = [0, 0, 0, 0]
    quarters = {q: (0, 0) for q in range(1, 5)}
    four = 0
    full = 0
    for month, s in months.items():
        verdicts = list(s.verdicts[:4]) + [None] * (4 - len(s.verdicts[:4]))
        for i, v in enumerate(verdicts):
            passed[i] += v is Verdict.PASS
            failed[i] += v is Verdict.FAIL
        good, held = quarters[quarter(month)]
        quarters[quarter(month)] = (good + s.four_good, held + 1)
        four += s.four_good
        full += decided(s)
    held = len(months)
    undecided = [held - p - f for p, f in zip(passed, failed, strict=True)]
    return YearRollup(
        year=year,
        by_month=dict(sorted(months.items())),
        passed=passed,
        held=held,
        quarters=quarters,
        four_good_months=four,
        failed=(failed[0], failed[1], failed[2], failed[3]),
        undecided=(undecided[0], undecided[1], undecided[2], undecided[3]),
        decided_months=full,
    )


def quarter_decided(rollup: YearRollup) -> dict[int, int]:
    """Quarter → months whose four criteria are all decided."""
    out = dict.fromkeys(range(1, 5), 0)
    for month, s in rollup.by_month.items():
        out[quarter(month)] += decided(s)
    return out


def year_target(rollup: YearRollup, target: int | None) -> Ruling[bool | None]:
    """Months "bốn tốt" out of the months decided, against the optional target.

    Undecided months are named apart; while they could still reach the target, the
    target is neither met nor missed.
    """
    good, judged, waiting = rollup.four_good_months, rollup.decided_months, rollup.undecided_months
    head = f"{good}/{judged} tháng đạt “bốn tốt”"
    if waiting:
        head += f" ({waiting} tháng chưa đủ kết quả biểu quyết, chưa tính)"
    if target is None:
        return Ruling(None, head)
    if good >= target:
        return Ruling(True, f"{head}, đạt mục tiêu {target} tháng")
    if good + waiting >= target:
        return Ruling(None, f"{head}; chưa xác định được việc đạt mục tiêu {target} tháng")
    return Ruling(False, f"{head}, chưa đạt mục tiêu {target} tháng")
