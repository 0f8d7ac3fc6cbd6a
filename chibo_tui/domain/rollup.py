"""The year at a glance: per criterion, per quarter, "bốn tốt" months (DESIGN.md §4).

No official rule ties these counts to the annual classification, so they are
presented as evidence; a target is an optional setting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import MeetingSummary, Verdict
from .months import quarter
from .rules import Ruling


@dataclass(frozen=True)
class YearRollup:
    year: int
    by_month: dict[str, MeetingSummary]  # "YYYY-MM" → summary, months held only
    passed: list[int]  # per criterion 1–4: months đạt
    held: int  # months held
    quarters: dict[int, tuple[int, int]]  # quarter → (months "bốn tốt", months held)
    four_good_months: int

    def criterion_line(self, number: int) -> str:
        return f"Tiêu chí {number}: {self.passed[number - 1]}/{self.held} tháng đạt"


def year_rollup(summaries: Iterable[MeetingSummary], year: int) -> YearRollup:
    months = {s.month: s for s in summaries if s.month.startswith(f"{year:04d}-")}
    passed = [0, 0, 0, 0]
    quarters = {q: (0, 0) for q in range(1, 5)}
    four = 0
    for month, s in months.items():
        for i, v in enumerate(s.verdicts[:4]):
            passed[i] += v is Verdict.PASS
        good, held = quarters[quarter(month)]
        quarters[quarter(month)] = (good + s.four_good, held + 1)
        four += s.four_good
    return YearRollup(
        year=year,
        by_month=dict(sorted(months.items())),
        passed=passed,
        held=len(months),
        quarters=quarters,
        four_good_months=four,
    )


def year_target(rollup: YearRollup, target: int | None) -> Ruling[bool | None]:
    if target is None:
        return Ruling(None, f"{rollup.four_good_months}/{rollup.held} tháng đạt “bốn tốt”")
    ok = rollup.four_good_months >= target
    verb = "đạt" if ok else "chưa đạt"
    return Ruling(
        ok,
        f"{rollup.four_good_months}/{rollup.held} tháng đạt “bốn tốt”, "
        f"{verb} mục tiêu {target} tháng",
    )
