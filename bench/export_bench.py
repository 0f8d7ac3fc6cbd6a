"""How long each document takes to export, next to the cost of importing python-docx.

A meeting of 30 members with 40 discussion entries (10 per criterion), its monthly
report, a summary over 12 such meetings, and a plan. Each export is timed in this
process: the first call (which also pays for importing python-docx) and the median
of the following runs. The imports are timed in fresh interpreters.

    .venv/bin/python bench/export_bench.py [--runs N]

Prints ``name: value unit`` lines.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

from msgspec.structs import replace

from chibo_tui.domain.criteria import sample_criteria
from chibo_tui.domain.lifecycle import finalise, new_meeting
from chibo_tui.domain.model import (
    Cell,
    Discussion,
    Meeting,
    Member,
    MemberStatus,
    Presence,
    Remedy,
    Role,
    Verdict,
    Vote,
)
from chibo_tui.domain.rules import attendance_counts

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khoa", "Lan", "Mai", "Nam", "Phúc"]
SPEECH = (
    "Tôi thống nhất với báo cáo của chi ủy; đề nghị chi bộ phân công cụ thể từng đảng viên "
    "phụ trách tổ dân phố, theo dõi việc thực hiện và báo cáo lại tại kỳ sinh hoạt sau."
)


def sample(members: int = 30, per_criterion: int = 10) -> tuple[Cell, Meeting]:
    roster = [
        Member(
            full_name=f"{FAMILY[i % 10]} Văn {GIVEN[i % 11]} {i // 11 + 1}",
            role=Role.SECRETARY if i == 0 else Role.MEMBER,
            status=MemberStatus.PROBATIONARY if i % 10 == 9 else MemberStatus.OFFICIAL,
        )
        for i in range(members)
    ]
    cell = Cell(
        name="Chi bộ Đinh Tiên Hoàng",
        parent_committee="Đảng bộ phường Tây Thạnh",
        place_name="Tây Thạnh",
        meeting_place="Hội trường khu phố 3",
        members=roster,
        criteria=sample_criteria(),
        plan_bases=["Kế hoạch số 214-KH/TU ngày 15 tháng 8 năm 2023 của Ban Thường vụ Thành ủy"],
    )
    meeting = new_meeting(cell, "2026-10", date(2026, 10, 5), start=clock(19, 0))
    meeting.end_time = clock(21, 15)
    meeting.minute_taker = roster[1].full_name
    for i, row in enumerate(meeting.attendance):
        row.presence = Presence.EXCUSED if i in (5, 6) else Presence.PRESENT
        row.reason = "ốm" if i in (5, 6) else ""
    voters = attendance_counts(meeting.attendance).voters
    for review in meeting.reviews:
        for check in review.checks:
            check.passed = review.number != 2
        review.discussion = [
            Discussion(roster[k % members].full_name, SPEECH) for k in range(per_criterion)
        ]
        review.causes = "Chi ủy chưa chuẩn bị kỹ nội dung."
        review.remedies = [
            Remedy("Chuẩn bị tài liệu trước 3 ngày", roster[0].full_name, date(2026, 10, 28))
        ]
        verdict = Verdict.FAIL if review.number == 2 else Verdict.PASS
        review.vote = Vote(voters - 1, 1, 0, verdict)
    meeting.conclusion = "Chi bộ tập trung khắc phục hạn chế về chất lượng sinh hoạt."
    finalise(meeting, datetime(2026, 10, 5, 21, 20))
    return cell, meeting


def timed(action: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    """(first call, the next ``runs`` calls), in milliseconds."""
    start = time.perf_counter()
    action()
    first = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return first, samples


def import_ms(module: str, runs: int) -> list[float]:
    code = (
        "import time; t = time.perf_counter(); "
        f"import {module}; print((time.perf_counter() - t) * 1000)"
    )
    samples = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return samples


def report(name: str, samples: list[float]) -> None:
    # The minimum is the least disturbed by other processes; the median is typical.
    print(f"{name}_min: {min(samples):.1f} ms")
    print(f"{name}_median: {statistics.median(samples):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    report("import_docx_fresh_process", import_ms("docx", runs))
    report("import_chibo_export_fresh_process", import_ms("chibo_tui.export", runs))

    from chibo_tui import export  # after the subprocess timings: those must stay cold

    cell, meeting = sample()
    year = [replace(meeting, month=f"2026-{m:02d}", date=date(2026, m, 5)) for m in range(1, 13)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        jobs: list[tuple[str, Callable[[], object]]] = [
            ("minutes", lambda: export.export_minutes(cell, meeting, out)),
            ("report", lambda: export.export_report(cell, meeting, out)),
            ("summary", lambda: export.export_summary(cell, year, 2026, out)),
            ("plan", lambda: export.export_plan(cell, 2027, out)),
        ]
        for name, job in jobs:
            first, samples = timed(job, runs)
            print(f"export_{name}_first_call: {first:.1f} ms")
            report(f"export_{name}", samples)
        minutes = sorted(out.glob("2026-10_bien-ban*.docx"))[0]
        print(f"minutes_file_size: {minutes.stat().st_size / 1024:.1f} KiB")
    print(f"members: {len(cell.members)} count")
    print(f"discussion_entries: {sum(len(r.discussion) for r in meeting.reviews)} count")


if __name__ == "__main__":
    main()
