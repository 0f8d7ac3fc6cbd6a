"""The one validator: what every read path refuses, and what ``chibo check`` reports.

Two kinds of problem:

- **damage**: a record the program cannot use safely — one that does not decode
  (a vote stored as text), a month key that is no month, a meeting without its
  four criteria, a negative vote count, page margins that are not four sane
  numbers, an audit entry of the wrong shape. Opening the database (the app,
  ``export``, ``check``) and restoring a backup refuse it with the same message.
- **findings**: well-formed records that break a rule the app itself can show —
  a finalised vote that does not add up (finalising with a recorded override
  allows it), a month list out of step with the minutes. ``check`` reports them
  and exits 1; the app still opens, so that the chair can see and fix them.

Every message names the month and the field; the file is named by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from msgspec import field

from ..domain import rules
from ..domain.codec import CodecError, from_dict, to_dict
from ..domain.model import Cell, Meeting, MeetingSummary, Vote
from . import schema
from .backups import list_backups, read_backup
from .snapshot import FileDamage, Snapshot, read_archive
from .year_tables import decode_meetings

T = TypeVar("T")

MARGIN_MM = (5, 60)
"""Page margins outside this are no layout a document could be printed with."""
SHOWN = 10
"""Damage listed in one message; the rest is counted."""


class Problem(msgspec.Struct, frozen=True):
    """One damaged record: the file it is in, and what is wrong (Vietnamese)."""

    path: Path
    text: str


class Report(msgspec.Struct):
    damage: list[Problem] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def reason(self) -> str:
        """The damage as one reason for :class:`DamagedDatabaseError`."""
        lines = [p.text for p in self.damage[:SHOWN]]
        if len(self.damage) > SHOWN:
            lines.append(f"… và {len(self.damage) - SHOWN} lỗi khác")
        return "\n  ".join(lines)


def validate(
    main_path: Path,
    main: schema.Tables,
    years: dict[int, tuple[Path, schema.Tables]],
    *,
    findings: bool = True,
) -> Report:
    """Decode every record of a database and test what must hold.

    ``findings=False``: the damage only, what an open refuses (the findings are for
    ``check``, and summarising every meeting again doubled the time of an open).
    """
    report = Report()
    cell = _cell(main_path, main, report)
    summaries = _summaries(main_path, main, report)
    _audit(main_path, main, report)
    meetings: list[Meeting] = []
    for year, (path, data) in sorted(years.items()):
        meetings += _meetings(path, year, data, report)
    for meeting in meetings if findings else []:
        if to_dict(rules.summarise(meeting)) != summaries.get(meeting.month):
            report.findings.append(f"Tháng {meeting.month}: danh sách tháng chưa khớp với biên bản")
        report.findings += [f"Tháng {meeting.month}: {p}" for p in _rule_breaks(meeting)]
    held = {m.month for m in meetings}
    report.findings += [
        f"Tháng {m}: có trong danh sách nhưng không có biên bản"
        for m in sorted(set(summaries) - held)
    ]
    report.counts = {
        "đảng viên": len(cell.active_members()) if cell else 0,
        "kỳ sinh hoạt": len(meetings),
        "đã chốt": sum(m.is_final for m in meetings),
        "dự thảo": sum(not m.is_final for m in meetings),
        "giải pháp": sum(len(m.remedies()) for m in meetings),
    }
    return report


def newest_good_backup(db_path: Path) -> Path | None:
    """The newest backup whose files pass :func:`validate` (the one to advise restoring)."""
    import zipfile

    for backup in list_backups(db_path):
        try:
            state = read_archive(db_path, read_backup(backup.path))
        except (OSError, EOFError, zipfile.BadZipFile, FileDamage):
            continue  # a backup that cannot be read is no advice
        if not validate_backup(state).damage:
            return backup.path
    return None


def validate_backup(state: Snapshot) -> Report:
    """:func:`validate` of a backup's state (its damage), brought to this version first."""
    assert state.main is not None
    for data in [state.main, *state.years.values()]:
        schema.migrate(data)
    years = {year: (state.year_path(year), data) for year, data in state.years.items()}
    return validate(state.db_path, state.main, years, findings=False)  # damage refuses it


# -- the parts ------------------------------------------------------------------------


def _cell(path: Path, main: schema.Tables, report: Report) -> Cell | None:
    raw = main["cell"].get("1")
    if raw is None:
        return None
    try:
        cell = from_dict(Cell, raw, "cell")
    except CodecError as exc:
        report.damage.append(Problem(path, f"Hồ sơ chi bộ: bản ghi hỏng — {exc}"))
        return None
    report.damage += [Problem(path, p) for p in cell_damage(cell)]
    return cell


def cell_damage(cell: Cell) -> list[str]:
    """What makes a decoded cell unusable (the documents' page margins)."""
    margins = cell.documents.margins_mm
    low, high = MARGIN_MM
    where = "Hồ sơ chi bộ, trường cell.documents.margins_mm"
    if len(margins) != 4:
        return [f"{where}: cần 4 số lề (trên, dưới, trái, phải), gặp {list(margins)}"]
    if any(not low <= m <= high for m in margins):
        return [f"{where}: lề {list(margins)} mm ngoài khoảng {low}–{high} mm"]
    return []


def _summaries(path: Path, main: schema.Tables, report: Report) -> dict[str, Any]:
    """The month list, month → record as stored (to compare with the minutes)."""
    found = {}
    labels = ("Danh sách tháng: khóa “{key}” không phải tháng", "danh sách tháng hỏng")
    records = _by_month(path, "summaries", main["summaries"], MeetingSummary, labels, report)
    for month, summary, raw in records:
        if summary.month != month:
            report.damage.append(
                Problem(path, f"Tháng {month}: danh sách tháng ghi tháng “{summary.month}”")
            )
        elif len(summary.verdicts) != 4:
            report.damage.append(
                Problem(path, f"Tháng {month}: danh sách tháng cần 4 kết quả tiêu chí")
            )
        found[month] = raw
    return found


def _by_month(
    path: Path,
    name: str,
    table: dict[str, Any],
    cls: type[T],
    labels: tuple[str, str],
    report: Report,
) -> Iterator[tuple[str, T, Any]]:
    """Each record of a table keyed by month, decoded; the damaged ones reported.

    ``labels``: the message for a key that is no month, and the name of a record
    that does not decode ("bản ghi hỏng").
    """
    for key, raw in table.items():
        month = _month_of_key(key)
        if month is None:
            report.damage.append(Problem(path, labels[0].format(key=key)))
            continue
        try:
            record = from_dict(cls, raw, f"{name}.{month}")
        except CodecError as exc:
            report.damage.append(Problem(path, f"Tháng {month}: {labels[1]} — {exc}"))
            continue
        yield month, record, raw


_AUDIT_FIELDS = ("at", "kind", "month", "reason")


def _audit(path: Path, main: schema.Tables, report: Report) -> None:
    for key, entry in main["audit"].items():
        where = f"Nhật ký, bản ghi {key}"
        bad = next((f for f in _AUDIT_FIELDS if not isinstance(entry.get(f), str)), None)
        if bad is not None:
            report.damage.append(Problem(path, f"{where}, trường {bad}: cần chuỗi chữ"))
            continue
        try:
            datetime.fromisoformat(entry["at"])
        except ValueError:
            report.damage.append(
                Problem(path, f"{where}, trường at: thời điểm không hợp lệ “{entry['at']}”")
            )
            continue
        if entry["month"] and _month_of_key(entry["month"].replace("-", "")) != entry["month"]:
            report.damage.append(
                Problem(path, f"{where}, trường month: tháng không hợp lệ “{entry['month']}”")
            )


def _meetings(path: Path, year: int, data: schema.Tables, report: Report) -> list[Meeting]:
    meetings = []
    labels = ("Khóa “{key}” không phải một tháng", "bản ghi hỏng")
    for month, meeting, _ in _by_month(path, "meetings", data["meetings"], Meeting, labels, report):
        problems = meeting_damage(meeting, month, year)
        report.damage += [Problem(path, f"Tháng {month}: {p}") for p in problems]
        if not problems:
            meetings.append(meeting)
    return meetings


def sound_year(year: int, raw: bytes) -> bool:
    """A year file with no damage, checked without building its tables (fast).

    ``False`` does not mean damage: the file goes through :func:`validate`, which
    decides and explains. ``True`` only when :func:`validate` would find nothing.
    """
    meetings = decode_meetings(raw)
    if meetings is None:
        return False
    for key, meeting in meetings.items():
        month = _month_of_key(key)
        if month is None or meeting_damage(meeting, month, year):
            return False
    return True


def meeting_damage(meeting: Meeting, month: str, year: int) -> list[str]:
    """What makes a decoded meeting unusable: the app and the documents would fail.

    Also asked before a save, so that nothing is written that could not be read.
    """
    problems = []
    if meeting.month != month or int(month[:4]) != year:
        problems.append(f"trường month: khóa tháng {meeting.month} không khớp vị trí lưu")
    numbers = sorted(r.number for r in meeting.reviews)
    if numbers != [1, 2, 3, 4]:
        problems.append(f"trường reviews: cần đúng 4 tiêu chí 1–4, có {numbers}")
    for review in meeting.reviews:
        votes = [("vote", review.vote)] if review.vote else []
        votes += [(f"earlier_votes[{i}]", v) for i, v in enumerate(review.earlier_votes)]
        for name, vote in votes:
            negative = _negative(vote)
            if negative:
                problems.append(
                    f"trường reviews[{meeting.reviews.index(review)}].{name}.{negative}: "
                    "số phiếu âm"
                )
    ids = [a.member_id for a in meeting.attendance]
    if len(ids) != len(set(ids)):
        problems.append("trường attendance: một đảng viên xuất hiện hai lần trong điểm danh")
    return problems


def _negative(vote: Vote) -> str | None:
    counts = {"in_favour": vote.in_favour, "against": vote.against, "other": vote.other}
    return next((name for name, n in counts.items() if n < 0), None)


def _rule_breaks(meeting: Meeting) -> list[str]:
    """Rules a finalised meeting breaks (possible with an override): for ``check``."""
    if not meeting.is_final:
        return []  # a draft may be wrong while it is being typed
    problems = []
    counts = rules.attendance_counts(meeting.attendance)
    for review in meeting.reviews:
        if review.vote is not None:
            valid = rules.vote_validity(review.vote, counts.voters)
            if not valid.value:
                problems.append(f"tiêu chí {review.number}: {valid.reason}")
    if meeting.finalised_at is None:
        problems.append("đã chốt nhưng thiếu thời điểm chốt")
    return problems


def _month_of_key(key: str) -> str | None:
    """``"202603"`` → ``"2026-03"``; ``None`` for a key that is no month."""
    if not (key.isascii() and key.isdigit() and len(key) == 6):
        return None
    year, month = int(key[:4]), int(key[4:])
    return f"{year:04d}-{month:02d}" if year >= 1900 and 1 <= month <= 12 else None
