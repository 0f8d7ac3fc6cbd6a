"""The dated steps around a meeting (HD 42) and what home says is due.

Before: the chi ủy meets, members and the ward's officer are told, the documents
are posted on Sổ tay đảng viên điện tử at least one day ahead. After: the
finalised documents and the resolution are posted, and the resolution reported
to the ward, within two days (domain-notes-2 §1.3; the two-day rule is secondary,
two localities agree). Each date recorded also feeds the score sheet.
"""

from __future__ import annotations

from datetime import date, timedelta

import msgspec

from .model import Cell, Meeting, Paperwork, ResolutionForm
from .vietnamese import month_label

POST_AHEAD_DAYS = 1
POSTED_AFTER_DAYS = 2  # HD 42 as two localities report it: within 02 days after
# Here, not in ``scoresheet`` (which scores it): home's due lines need the rule, and
# the score sheet's TOML machinery would cost home's first frame ~6 ms.
REPORT_DAYS = POSTED_AFTER_DAYS

STEPS: dict[str, str] = {
    "committee_met": "Chi ủy họp chuẩn bị",
    "members_notified": "Thông báo đảng viên và cấp ủy viên cấp trên",
    "posted_before": "Đăng tài liệu lên Sổ tay đảng viên điện tử (trước ít nhất 1 ngày)",
    "posted_after": "Đăng tài liệu đã hoàn thiện, nghị quyết (trong 2 ngày)",
    "reported": "Báo cáo Đảng ủy phường (trong 2 ngày)",
}
TO_DO: dict[str, str] = {
    "committee_met": "chi ủy họp chuẩn bị",
    "members_notified": "thông báo đảng viên và cấp ủy viên cấp trên",
    "posted_before": "đăng tài liệu lên Sổ tay đảng viên điện tử",
    "posted_after": "đăng tài liệu đã hoàn thiện lên Sổ tay đảng viên điện tử",
    "reported": "báo cáo Đảng ủy phường",
}
BEFORE = ("committee_met", "members_notified", "posted_before")
AFTER = ("posted_after", "reported")


class Due(msgspec.Struct, frozen=True):
    """One step not done yet, with its deadline and how the chair is told."""

    step: str
    deadline: date
    text: str
    overdue: bool


def due(
    meeting: Meeting,
    work: Paperwork,
    today: date,
    form: ResolutionForm = ResolutionForm.RESOLUTION,
) -> list[Due]:
    """What is still to do for ``meeting`` (its steps so far: ``work``) as of ``today``,
    the most urgent first."""
    out = []
    label = month_label(meeting.month)
    if today <= meeting.date:
        for step in BEFORE:
            if getattr(work, step) is None:
                deadline = meeting.date - timedelta(
                    days=POST_AHEAD_DAYS if step == "posted_before" else 0
                )
                out.append(_due(step, deadline, today, label))
    if meeting.is_final or today > meeting.date:
        for step in AFTER:
            if step == "reported" and form is ResolutionForm.NONE:
                continue
            if getattr(work, step) is None:
                out.append(_due(step, meeting.date + timedelta(days=REPORT_DAYS), today, label))
    return sorted(out, key=lambda d: d.deadline)


def _due(step: str, deadline: date, today: date, label: str) -> Due:
    days = (deadline - today).days
    what = TO_DO[step]
    if days > 0:
        text = f"Còn {days} ngày để {what} (tháng {label})"
    elif days == 0:
        text = f"Hôm nay là hạn cuối để {what} (tháng {label})"
    else:
        text = f"Quá hạn {-days} ngày: chưa {what} (tháng {label})"
    return Due(step, deadline, text, days < 0)


def record(cell: Cell, month: str, step: str, day: date | None) -> None:
    """Record (or, with ``None``, clear) the day ``step`` of ``month`` was done."""
    if step not in STEPS:
        raise KeyError(step)
    work = cell.paperwork.setdefault(month, Paperwork())
    setattr(work, step, day)
    if work == Paperwork():
        del cell.paperwork[month]


REVIEW_SEASON_START = (12, 1)
"""Year-end reviews of party organisations run in December and January (HD 43)."""
WORKING_DAYS_AHEAD = 3


def review_reminder(
    today: date, reviewed_years: set[int] | frozenset[int] = frozenset()
) -> str | None:
    """From 1 December to the end of January: the year's self-review is due.

    The chi ủy sends the draft report to members at least 3 working days before
    the review meeting (Hướng dẫn 43-HD/BTCTW, 2025).
    """
    if today.month == 12:
        year = today.year
    elif today.month == 1:
        year = today.year - 1
    else:
        return None
    if year in reviewed_years:
        return None
    return (
        f"Đến kỳ kiểm điểm, xếp loại chất lượng chi bộ năm {year}: gửi dự thảo báo cáo "
        f"đến đảng viên ít nhất {WORKING_DAYS_AHEAD} ngày làm việc trước buổi kiểm điểm"
    )


def send_by(meeting_day: date) -> date:
    """The last day to send the draft review: 3 working days (Mon–Fri) before."""
    day, left = meeting_day, WORKING_DAYS_AHEAD
    while left:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day
