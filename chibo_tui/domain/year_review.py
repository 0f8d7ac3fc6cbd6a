"""The year's self-review (Mẫu 01-HD KĐ.ĐG 2025): what twelve months of records say.

Everything here is drawn from the meetings: meetings held and thematic sessions
per quarter, attendance, the "bốn tốt" grid, the tasks of the resolutions and
how they ended, the shortcomings with their causes, last year's remedies and
their outcome, the meeting-quality ratings. What the records cannot know (the
narrative, the two group scores, the proposed level) the chair writes in a
``YearReview``; the proposed level is checked against QĐ 366 Điều 11 with the
records that fail a condition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import rules, scoresheet, tasks
from .carried import Carried
from .model import (
    Cell,
    Meeting,
    RemedyStatus,
    ReviewRating,
    TaskStatus,
    Verdict,
    YearReview,
)
from .months import quarter
from .remedies import STATUS_TEXT, track
from .vietnamese import month_label

RATING_TEXT = {
    ReviewRating.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    ReviewRating.GOOD: "Hoàn thành tốt nhiệm vụ",
    ReviewRating.DONE: "Hoàn thành nhiệm vụ",
    ReviewRating.NOT_DONE: "Không hoàn thành nhiệm vụ",
}
GENERAL_MAX, RESULTS_MAX = 30, 70
"""Mẫu 01 B.I: "Nhóm tiêu chí chung: …/30", "… kết quả thực hiện nhiệm vụ: …/70"."""


@dataclass(frozen=True)
class MonthFacts:
    month: str
    final: bool
    present: int
    expected: int
    verdicts: tuple[Verdict | None, ...]
    thematic: bool
    tasks_set: int
    reviewed: tasks.Completion
    score: int | None  # the meeting-quality total, once every item is scored
    rating: str | None

    @property
    def attendance(self) -> str:
        if not self.expected:
            return "—"
        return f"{self.present}/{self.expected} ({rules.percent(self.present / self.expected)})"


@dataclass(frozen=True)
class Shortcoming:
    """A criterion the cell judged không đạt one month, with its causes."""

    month: str
    criterion: int
    title: str
    missed: tuple[str, ...]
    subjective: str  # "chủ quan", where the chair marked it
    objective: str  # "khách quan"
    causes: str  # the causes as written, when not split


@dataclass(frozen=True)
class RemedyOutcome:
    month: str
    text: str
    status: RemedyStatus
    note: str

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]


@dataclass(frozen=True)
class TaskTally:
    """The year's tasks: set, reviewed, found done (at their first review or later)."""

    tracked: tuple[tasks.TrackedTask, ...]

    @property
    def set(self) -> int:
        return len(self.tracked)

    @property
    def reviewed(self) -> list[tasks.TrackedTask]:
        return [t for t in self.tracked if t.status is not None]

    @property
    def done(self) -> list[tasks.TrackedTask]:
        return [t for t in self.tracked if t.status is TaskStatus.DONE]

    @property
    def on_time(self) -> list[tasks.TrackedTask]:
        """Reported done at the meeting set to hear it (or an earlier one)."""
        return [t for t in self.done if _on_time(t)]

    @property
    def late(self) -> list[tasks.TrackedTask]:
        return [t for t in self.done if not _on_time(t)]

    @property
    def unfinished(self) -> list[tasks.TrackedTask]:
        return [t for t in self.reviewed if t.status is not TaskStatus.DONE]

    @property
    def not_reviewed(self) -> list[tasks.TrackedTask]:
        return [t for t in self.tracked if t.status is None]


def _on_time(t: tasks.TrackedTask) -> bool:
    due = t.task.report_month or tasks.default_report_month(t.source_month)
    return t.updated_month is not None and t.updated_month <= due


@dataclass(frozen=True)
class YearFacts:
    year: int
    months: tuple[MonthFacts, ...]
    shortcomings: tuple[Shortcoming, ...]
    previous: tuple[RemedyOutcome, ...]  # remedies raised the year before, as they stand
    tasks: TaskTally

    @property
    def held(self) -> int:
        return sum(m.final for m in self.months)

    @property
    def drafts(self) -> list[str]:
        return [m.month for m in self.months if not m.final]

    def thematic_by_quarter(self) -> dict[int, int]:
        out = dict.fromkeys(range(1, 5), 0)
        for m in self.months:
            if m.thematic:
                out[quarter(m.month)] += 1
        return out

    def criterion_counts(self, number: int) -> tuple[int, int]:
        """(months đạt, months không đạt) of criterion ``number``."""
        verdicts = [m.verdicts[number - 1] for m in self.months if len(m.verdicts) >= number]
        return (
            sum(v is Verdict.PASS for v in verdicts),
            sum(v is Verdict.FAIL for v in verdicts),
        )

    def ratings(self) -> dict[str, int]:
        out = {label: 0 for _, label in scoresheet.RATINGS}
        for m in self.months:
            if m.rating:
                out[m.rating] += 1
        return out


def year_facts(
    cell: Cell, meetings: Iterable[Meeting], year: int, earlier: Sequence[Carried] = ()
) -> YearFacts:
    """The facts of ``year`` from every meeting held (earlier years for carry-overs).

    The years before ``year`` may come as what their meetings carried (``earlier``)
    instead of in ``meetings``: only their remedies, follow-ups and task reviews
    count here.
    """
    everything = sorted(meetings, key=lambda m: m.month)
    # Oldest first, as the history was read, and sorted as before (a stable sort).
    history: list[Meeting | Carried] = sorted([*earlier, *meetings], key=lambda m: m.month)
    mine = [m for m in everything if m.year == year]
    months = tuple(_month(cell, m, everything) for m in mine)
    shortcomings = tuple(s for m in mine if m.is_final for s in _shortcomings(m))
    previous = tuple(
        RemedyOutcome(t.source_month, t.remedy.text, t.status, t.note)
        for t in track(history)
        if t.source_month.startswith(f"{year - 1:04d}-")
    )
    tracker = tasks.TaskTracker()
    for m in history:
        # Of an earlier year only the reviews matter: its own tasks are not the year's.
        if isinstance(m, Carried):
            tracker.add_reviews(m)
        else:
            tracker.add(m)
    tally = TaskTally(tuple(t for t in tracker.tracked() if t.source_month[:4] == str(year)))
    return YearFacts(year, months, shortcomings, previous, tally)


def _month(cell: Cell, m: Meeting, history: Sequence[Meeting]) -> MonthFacts:
    counts = rules.attendance_counts(m.attendance)
    score = rating = None
    if m.score is not None:
        result = scoresheet.evaluate(m.score, m, scoresheet.year_context(cell, m, history))
        if not result.unscored:
            score, rating = result.total, result.rating
    return MonthFacts(
        month=m.month,
        final=m.is_final,
        present=counts.present,
        expected=counts.expected,
        verdicts=tuple(rules.meeting_verdicts(m)),
        thematic=m.thematic,
        tasks_set=len(m.tasks),
        reviewed=tasks.completion(m),
        score=score,
        rating=rating,
    )


_SPLIT = re.compile(
    r"chủ quan\s*:?\s*(?P<sub>.+?)\s*[;.]\s*(?:nguyên nhân\s+)?khách quan\s*:?\s*(?P<obj>.+)",
    re.IGNORECASE | re.DOTALL,
)


def split_causes(causes: str) -> tuple[str, str]:
    """("chủ quan …", "khách quan …") where the chair wrote them so; else ("", "")."""
    found = _SPLIT.search(" ".join(causes.split()))
    if not found:
        return "", ""
    return found["sub"].strip(" .;"), found["obj"].strip(" .;")


def _shortcomings(m: Meeting) -> list[Shortcoming]:
    counts = rules.attendance_counts(m.attendance)
    out = []
    for review in sorted(m.reviews, key=lambda r: r.number):
        if (
            rules.adopted_verdict(review, counts.official_voting_base, counts.voters)
            is not Verdict.FAIL
        ):
            continue
        subjective, objective = split_causes(review.causes)
        out.append(
            Shortcoming(
                month=m.month,
                criterion=review.number,
                title=review.title,
                missed=tuple(c.text for c in review.checks if c.passed is False),
                subjective=subjective,
                objective=objective,
                causes=" ".join(review.causes.split()),
            )
        )
    return out


# -- the proposed level, against QĐ 366 Điều 11 ----------------------------------------


class ScoreOutOfRange(ValueError):
    """A group score outside 0–30 or 0–70 (a Vietnamese sentence)."""


def check_scores(general: int | None, results: int | None) -> None:
    for value, top, name in (
        (general, GENERAL_MAX, "Nhóm tiêu chí chung"),
        (results, RESULTS_MAX, "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ"),
    ):
        if value is not None and not 0 <= value <= top:
            raise ScoreOutOfRange(f"{name}: {value} điểm, phải trong khoảng 0–{top}")


def total(review: YearReview) -> int | None:
    if review.general_score is None or review.results_score is None:
        return None
    return review.general_score + review.results_score


@dataclass(frozen=True)
class Condition:
    """One condition of the proposed level: met, failed, or for the chair to say."""

    text: str
    met: bool | None  # None: the records cannot tell
    evidence: tuple[str, ...] = ()


SCORE_FLOOR = {
    ReviewRating.EXCELLENT: 90,
    ReviewRating.GOOD: 70,
    ReviewRating.DONE: 50,
    ReviewRating.NOT_DONE: 0,
}


def conditions(review: YearReview, facts: YearFacts) -> list[Condition]:
    """The conditions of ``review.proposed`` with what the records say of each."""
    level = review.proposed
    if level is None:
        return []
    out = []
    points = total(review)
    floor = SCORE_FLOOR[level]
    if level is not ReviewRating.NOT_DONE:
        out.append(
            Condition(
                f"Tổng điểm từ {floor} trở lên",
                None if points is None else points >= floor,
                () if points is None else (f"tổng điểm tự chấm {points}/100",),
            )
        )
    t = facts.tasks
    unfinished = tuple(_task_line(x) for x in t.unfinished)
    late = tuple(_task_line(x) for x in t.late)
    if level in (ReviewRating.EXCELLENT, ReviewRating.GOOD):
        out.append(Condition("Hoàn thành 100% các nhiệm vụ được giao", not unfinished, unfinished))
        out.append(Condition("Các nhiệm vụ hoàn thành đúng hạn", not late, late))
    if level is ReviewRating.DONE:
        out.append(Condition("Hoàn thành 100% các nhiệm vụ được giao", not unfinished, unfinished))
        share = len(t.late) / len(t.done) if t.done else 0.0
        out.append(
            Condition(
                "Số nhiệm vụ chưa bảo đảm tiến độ không vượt quá 20%",
                share <= 0.2,
                (f"{len(t.late)}/{len(t.done)} nhiệm vụ hoàn thành sau kỳ báo cáo",)
                if t.done
                else (),
            )
        )
    if level is ReviewRating.EXCELLENT:
        open_ = tuple(
            f"tháng {month_label(r.month)}: {r.text} ({r.status_text})"
            for r in facts.previous
            if r.status is not RemedyStatus.DONE
        )
        out.append(
            Condition(
                "Đã khắc phục 100% hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước",
                not open_,
                open_,
            )
        )
        out.append(Condition("Có ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu", None))
    if level is not ReviewRating.NOT_DONE:
        reviewed = len(t.reviewed)
        share = len(t.done) / reviewed if reviewed else 1.0
        out.append(
            Condition(
                "Hoàn thành từ 70% số nhiệm vụ trong năm trở lên",
                share >= 0.7,
                (f"{len(t.done)}/{reviewed} nhiệm vụ hoàn thành",) if reviewed else (),
            )
        )
        out.append(Condition("Không có thành viên bị kỷ luật, không mất đoàn kết nội bộ", None))
    return out


def _task_line(t: tasks.TrackedTask) -> str:
    state = tasks.status_text(t.status)
    return f"tháng {month_label(t.source_month)}: {t.task.text} ({state})"
