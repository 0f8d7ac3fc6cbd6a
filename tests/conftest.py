"""Shared fixtures: a realistic cell, a meeting that is clean to finalise, a clock."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from chibo_tui.domain import lifecycle
from chibo_tui.domain.criteria import sample_criteria
from chibo_tui.domain.model import (
    Cell,
    Discussion,
    Guest,
    Meeting,
    Member,
    MemberStatus,
    Presence,
    Remedy,
    Role,
    Task,
    Vote,
)
from chibo_tui.domain.months import shift
from chibo_tui.domain.rules import attendance_counts
from chibo_tui.store import Repository

ROOT = Path(__file__).resolve().parent.parent

NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Đức",
    "Võ Thị Hà",
    "Đặng Văn Hải",
    "Bùi Thị Lan",
    "Đỗ Văn Minh",
    "Huỳnh Thị Ngọc",
    "Phan Văn Phúc",
    "Vũ Thị Quỳnh",
    "Trương Văn Sơn",
    "Lý Thị Thảo",
    "Ngô Văn Tùng",
]


class Factory:
    """Builders of domain objects; stateless, so safe under hypothesis too."""

    @staticmethod
    def cell(official: int = 10, probationary: int = 2, exempt: int = 1) -> Cell:
        members: list[Member] = []
        for i in range(official + probationary + exempt):
            members.append(
                Member(
                    full_name=NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else f" {i}"),
                    status=MemberStatus.PROBATIONARY
                    if official <= i < official + probationary
                    else MemberStatus.OFFICIAL,
                    exempt=i >= official + probationary,
                    role=Role.SECRETARY if i == 0 else Role.DEPUTY if i == 1 else Role.MEMBER,
                )
            )
        return Cell(
            name="Chi bộ Đinh Tiên Hoàng",
            parent_committee="Đảng bộ phường Tây Thạnh",
            place_name="Tây Thạnh",
            city="Thành phố Hồ Chí Minh",
            meeting_place="Hội trường khu phố 3",
            members=members,
            criteria=sample_criteria(),
        )

    @staticmethod
    def meeting(cell: Cell, month: str = "2026-03", day: int = 5) -> Meeting:
        """A meeting with nothing missing: ``closing_problems`` is empty."""
        year, mon = int(month[:4]), int(month[5:7])
        meeting = lifecycle.new_meeting(cell, month, date(year, mon, day), start=time(19, 0))
        meeting.end_time = time(21, 0)
        secretary = cell.with_role(Role.SECRETARY)
        deputy = cell.with_role(Role.DEPUTY)
        assert secretary and deputy
        meeting.minute_taker, meeting.minute_taker_id = deputy.full_name, deputy.id
        meeting.guests = [Guest("Nguyễn Thị Mai", "Đảng ủy viên phường")]
        for row in meeting.attendance:
            row.presence = Presence.PRESENT
        meeting.attendance[2].presence = Presence.EXCUSED
        meeting.attendance[2].reason = "Đi công tác"
        voters = attendance_counts(meeting.attendance).voters
        for review in meeting.reviews:
            for check in review.checks:
                check.passed = True
            review.discussion = [Discussion(secretary.full_name, "Đồng ý.", secretary.id)]
            review.causes = "Chi ủy phân công sát, đảng viên thực hiện nghiêm túc."
            review.responsibility = "Tập thể chi bộ; đồng chí bí thư chịu trách nhiệm chính."
            review.vote = Vote(in_favour=voters - 1, against=0, other=1)
        meeting.review(2).remedies = [
            Remedy(
                "Chuẩn bị tài liệu trước 3 ngày", owner=deputy.full_name, due=date(year, mon, 28)
            )
        ]
        meeting.conclusion = "Chi bộ thống nhất đánh giá tháng đạt “bốn tốt”."
        meeting.tasks = [
            Task(
                "Vận động các hộ tham gia ngày Chủ nhật xanh",
                owner=deputy.full_name,
                owner_id=deputy.id,
                due=date(year, mon, 28),
                report_month=shift(month, 1),
            )
        ]
        meeting.resolution_vote = Vote(in_favour=voters, against=0, other=0)
        return meeting


@pytest.fixture(scope="session")
def factory() -> type[Factory]:
    return Factory


class StepClock:
    """A clock that moves one second per call: backups get distinct, ordered names."""

    def __init__(self, start: datetime = datetime(2026, 3, 5, 19, 0, 0)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "db" / "chibo.json"


HOLDER = """
import sys
from chibo_tui.store import Repository
repo = Repository.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
repo.close()
"""


def year_file_of(db: Path, year: int) -> Path:
    """The file of ``year``'s meetings, as the database's main file names it now."""
    with Repository.open(db, read_only=True) as view:
        path = view.year_file(year)
    assert path is not None, f"no file for {year} in {db}"
    return path


@pytest.fixture(scope="session")
def year_file():
    """``year_file(db, 2026)``: the year file the database names (names change on commit)."""
    return year_file_of


@pytest.fixture
def repo(db_path: Path) -> Iterator[Repository]:
    """A writable repository on the nearest ``db_path`` (each folder defines its own)."""
    repository = Repository.open(db_path)
    yield repository
    repository.close()


@pytest.fixture
def lock_holder():
    """Start another process that opens a database for writing and holds it.

    Returns a function ``start(path) -> Popen``; the process has the lock once the
    function returns, and lets go when its stdin closes (or when it is killed).
    """
    started: list[subprocess.Popen[str]] = []

    def start(path) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        started.append(proc)
        line = proc.stdout.readline()  # blocks until the lock is held
        assert line.strip() == "ready", proc.stderr.read()
        return proc

    yield start
    for proc in started:
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
