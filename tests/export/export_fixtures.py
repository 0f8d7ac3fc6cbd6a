"""Builders of cells and meetings for the document tests, from the model alone.

Small and deterministic; each edge case of the issue has its builder arguments (one
member, sixty members, a long meeting, every diacritic, empty sections, a draft).
The module has a name of its own (not ``conftest``) so tests import it unambiguously
next to the other test folders' conftest modules.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

from msgspec.structs import replace

from chibo_tui.domain.criteria import sample_criteria
from chibo_tui.domain.lifecycle import finalise, new_meeting
from chibo_tui.domain.model import (
    Cell,
    Discussion,
    Guest,
    Meeting,
    Member,
    MemberStatus,
    Presence,
    Remedy,
    RemedyStatus,
    Role,
    Verdict,
    Vote,
)
from chibo_tui.domain.rules import attendance_counts

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Quốc", "Thanh", "Hữu", "Đức"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hương",
    "Khoa",
    "Lan",
    "Mai",
    "Nam",
    "Oanh",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Uyên",
    "Vinh",
    "Xuân",
    "Yến",
    "Đạt",
    "Ánh",
    "Ủy",
]

# Every Vietnamese letter with every tone, upper and lower case.
VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
ALL_DIACRITICS = " ".join(
    "".join(unicodedata.normalize("NFC", v + t) for t in TONES) for v in VOWELS
)
ALL_DIACRITICS = ALL_DIACRITICS + " đ " + ALL_DIACRITICS.upper() + " Đ"


def roster(n: int) -> list[Member]:
    members = []
    for i in range(n):
        name = f"{FAMILY[i % 10]} {MIDDLE[(i // 10) % 8]} {GIVEN[i % 22]}"
        role = Role.SECRETARY if i == 0 else Role.DEPUTY if i == 1 else Role.MEMBER
        status = MemberStatus.PROBATIONARY if i % 9 == 8 else MemberStatus.OFFICIAL
        members.append(
            Member(full_name=name, role=role, status=status, exempt=(i % 13 == 12), id=f"m{i:03d}")
        )
    return members


def make_cell(n: int = 12, **changes: object) -> Cell:
    cell = Cell(
        name="Chi bộ Đinh Tiên Hoàng",
        parent_committee="Đảng bộ phường Tây Thạnh",
        place_name="Tây Thạnh",
        city="Thành phố Hồ Chí Minh",
        meeting_place="Nhà văn hóa khu phố 3",
        members=roster(n),
        criteria=sample_criteria(),
        plan_bases=[
            "Căn cứ Kế hoạch số 214-KH/TU ngày 15 tháng 8 năm 2023 của Ban Thường vụ Thành ủy "
            "về thực hiện mô hình “chi bộ bốn tốt”;",
            "Căn cứ Kế hoạch số 126-KH/ĐU ngày 31 tháng 8 năm 2023 của Đảng ủy phường Tây Thạnh "
            "về thực hiện mô hình “chi bộ bốn tốt”;",
        ],
    )
    return replace(cell, **changes)


def make_meeting(
    cell: Cell,
    month: str = "2026-10",
    *,
    history: list[Meeting] | None = None,
    fail: tuple[int, ...] = (2,),
    discussion_per_criterion: int = 2,
    final: bool = True,
    absent: int = 2,
) -> Meeting:
    """A complete meeting: roll call, checks, discussion, remedies, valid votes."""
    day = date(int(month[:4]), int(month[5:7]), 5)
    meeting = new_meeting(cell, month, day, history or [], start=time(19, 30))
    meeting.end_time = time(21, 45)
    secretary = cell.with_role(Role.SECRETARY)
    meeting.minute_taker = cell.members[1].full_name if len(cell.members) > 1 else ""
    meeting.minute_taker_id = cell.members[1].id if len(cell.members) > 1 else None
    meeting.guests = [Guest("Lê Thị Thu Hằng", "Đảng ủy viên, phụ trách chi bộ")]
    expected = [a for a in meeting.attendance if not a.exempt]
    for i, row in enumerate(expected):
        if secretary and row.member_id == secretary.id:
            row.presence = Presence.PRESENT
        elif 0 < absent and i == len(expected) - 1:
            row.presence, row.reason = Presence.EXCUSED, "đi công tác Đà Nẵng"
        elif absent > 1 and i == len(expected) - 2:
            row.presence = Presence.UNEXCUSED
        else:
            row.presence = Presence.PRESENT
    counts = attendance_counts(meeting.attendance)
    speakers = [a for a in meeting.attendance if a.presence is Presence.PRESENT]
    for review in meeting.reviews:
        failed = review.number in fail
        for j, check in enumerate(review.checks):
            check.passed = not (failed and j == 0)
        for k in range(discussion_per_criterion):
            who = speakers[k % len(speakers)]
            review.discussion.append(
                Discussion(
                    speaker=who.full_name,
                    speaker_id=who.member_id,
                    text=f"Ý kiến số {k + 1} về nội dung {review.number}: đề nghị chi bộ "
                    "tăng cường kiểm tra, đôn đốc việc thực hiện nghị quyết.",
                )
            )
        if failed:
            review.causes = "Chủ quan: chi ủy chưa chuẩn bị kỹ nội dung.\nKhách quan: mưa lớn."
            review.responsibility = "Trách nhiệm tập thể chi ủy; cá nhân đồng chí bí thư."
            review.remedies.append(
                Remedy(
                    text="Chi ủy họp chuẩn bị nội dung trước kỳ sinh hoạt ít nhất 3 ngày",
                    owner=secretary.full_name if secretary else "tập thể",
                    due=date(day.year, day.month, 28),
                    id=f"r{month}-{review.number}",
                )
            )
        verdict = Verdict.FAIL if failed else Verdict.PASS
        voters = counts.voters
        against = 1 if voters >= 3 else 0
        review.vote = Vote(
            in_favour=voters - against, against=against, other=0, verdict_put=verdict
        )
    meeting.conclusion = (
        "Chi bộ cơ bản hoàn thành nhiệm vụ tháng; tập trung khắc phục hạn chế về chất lượng "
        "sinh hoạt."
    )
    if final:
        finalise(meeting, datetime(day.year, day.month, day.day, 21, 50))
    return meeting


def year_of_meetings(cell: Cell, year: int, months: int = 12) -> list[Meeting]:
    history: list[Meeting] = []
    for m in range(1, months + 1):
        month = f"{year}-{m:02d}"
        meeting = make_meeting(cell, month, history=history, fail=(2,) if m % 4 == 0 else ())
        for f in meeting.follow_ups:
            f.status = RemedyStatus.DONE if m % 2 else RemedyStatus.IN_PROGRESS
        history.append(meeting)
    return history
