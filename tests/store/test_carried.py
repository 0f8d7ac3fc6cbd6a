"""``Repository.carried``: the remedies and tasks of earlier years, without the meetings.

The summary and the year review read the years before theirs as ``Carried`` records
(decoded straight from the year files' bytes) instead of whole meetings. Whatever the
history, what they make of it must be what they made of the meetings in full.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_tui.domain import tasks
from chibo_tui.domain.carried import Carried
from chibo_tui.domain.model import (
    Cell,
    Meeting,
    MeetingState,
    Remedy,
    RemedyFollowUp,
    RemedyStatus,
    Task,
    TaskReview,
    TaskStatus,
)
from chibo_tui.domain.months import shift
from chibo_tui.domain.remedies import track
from chibo_tui.domain.year_review import year_facts
from chibo_tui.export.review import build_review
from chibo_tui.export.summary import build_summary, remedy_year
from chibo_tui.session import DocumentKind, export_document
from chibo_tui.store import Repository
from chibo_tui.views.snapshot import HistorySnapshot

FIRST = "2022-01"
REMEDY_STATUSES = list(RemedyStatus)
TASK_STATUSES = [None, *TaskStatus]


@st.composite
def histories(draw: st.DrawFn) -> list[dict]:
    """Months over five years with gaps; per meeting its remedies and tasks, and follow-ups
    and task reviews that point anywhere: at remedies raised just before or years before,
    at ones raised later, at ids never raised, the same one twice, done then reopened."""
    offsets = draw(st.lists(st.integers(0, 59), min_size=1, max_size=22, unique=True))
    plan = []
    for offset in sorted(offsets):
        plan.append(
            {
                "month": shift(FIRST, offset),
                "remedies": draw(st.lists(st.integers(1, 4), max_size=3)),  # criteria
                "tasks": draw(st.integers(0, 2)),
                "follow_ups": draw(
                    st.lists(
                        st.tuples(st.integers(0, 10**6), st.sampled_from(REMEDY_STATUSES)),
                        max_size=5,
                    )
                ),
                "task_reviews": draw(
                    st.lists(
                        st.tuples(st.integers(0, 10**6), st.sampled_from(TASK_STATUSES)),
                        max_size=4,
                    )
                ),
                "final": draw(st.booleans()),
            }
        )
    return plan


def build(factory, cell: Cell, plan: list[dict]) -> list[Meeting]:
    remedy_ids = [f"r{i}-{k}" for i, p in enumerate(plan) for k in range(len(p["remedies"]))]
    task_ids = [f"t{i}-{k}" for i, p in enumerate(plan) for k in range(p["tasks"])]
    remedy_ids.append("never-raised")
    task_ids.append("never-set")
    meetings = []
    for i, p in enumerate(plan):
        month = p["month"]
        meeting: Meeting = factory.meeting(cell, month)
        for review in meeting.reviews:
            review.remedies = []
        for k, criterion in enumerate(p["remedies"]):
            due = date(int(month[:4]), int(month[5:]), 20) if k % 2 else None
            meeting.review(criterion).remedies.append(
                Remedy(f"Giải pháp {i}.{k}", owner="tập thể", due=due, id=f"r{i}-{k}")
            )
        meeting.tasks = [Task(f"Nhiệm vụ {i}.{k}", id=f"t{i}-{k}") for k in range(p["tasks"])]
        meeting.follow_ups = [
            RemedyFollowUp(
                remedy_id=remedy_ids[n % len(remedy_ids)],
                source_month=FIRST,
                criterion=1,
                text="…",
                status=status,
                note=f"ghi chú {i}",
            )
            for n, status in p["follow_ups"]
        ]
        meeting.task_reviews = [
            TaskReview(task_ids[n % len(task_ids)], FIRST, "…", status=status, note=f"{i}")
            for n, status in p["task_reviews"]
        ]
        if p["final"]:
            meeting.state = MeetingState.FINALISED
            meeting.finalised_at = datetime(int(month[:4]), int(month[5:]), 5, 21)
        meetings.append(meeting)
    return meetings


def carried_before(repo: Repository, year: int) -> list[Carried]:
    return [c for y in repo.years() if y < year for c in repo.carried(y)]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=histories())
def test_what_is_carried_tracks_as_the_meetings_do(factory, plan) -> None:
    cell = factory.cell()
    meetings = build(factory, cell, plan)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chibo.json"
        with Repository.open(path) as repo:
            repo.import_history(cell, meetings)
        with Repository.open(path, read_only=True) as repo:
            full = repo.load_all()
            carried = [c for y in repo.years() for c in repo.carried(y)]
            assert [c.month for c in carried] == [m.month for m in full]
            assert track(carried) == track(full)
            # Home's snapshot (open remedies, tasks lists) tracks from what is carried.
            snapshot = HistorySnapshot.load(repo)
            assert snapshot.remedies == track(full)
            assert snapshot.tasks == tasks.track(full)
            for before in {m.month for m in full} | {"2030-01"}:
                assert track(carried, before) == track(full, before)
            for year in range(2022, 2028):
                held = repo.load_year(year)
                earlier = carried_before(repo, year)
                upto = [m for m in full if m.year <= year]
                assert remedy_year([*earlier, *held], year) == remedy_year(upto, year)
                assert year_facts(cell, held, year, earlier) == year_facts(cell, upto, year)
        # From the meetings when the bytes are not there to read: the writer's own
        # tables inside its transaction.
        with Repository.open(path) as repo, repo.transaction():
            again = [c for y in repo.years() for c in repo.carried(y)]
            assert again == carried
    assert track([Carried.of(m) for m in meetings]) == track(meetings)


def long_history(factory, cell: Cell) -> list[Meeting]:
    """Five years, 2023 missing, 2024 from March, every other month since 2025: remedies
    left open since 2022, one closed in 2026 four years after it was raised, one done
    in 2022 and reopened in 2025; tasks reviewed years after they were set."""
    plan = []
    for offset in [*range(0, 12), *range(26, 36), *range(36, 60, 2)]:
        plan.append(
            {
                "month": shift(FIRST, offset),
                "remedies": [1 + offset % 4] if offset % 3 == 0 else [],
                "tasks": offset % 2,
                "follow_ups": [],
                "task_reviews": [],
                "final": True,
            }
        )
    meetings = build(factory, cell, plan)

    def follow(meeting: Meeting, remedy_id: str, status: RemedyStatus) -> None:
        meeting.follow_ups.append(
            RemedyFollowUp(remedy_id, FIRST, 1, "…", status=status, note=meeting.month)
        )

    by_month = {m.month: m for m in meetings}
    follow(by_month["2022-04"], "r0-0", RemedyStatus.IN_PROGRESS)
    follow(by_month["2026-03"], "r0-0", RemedyStatus.DONE)  # four years later
    follow(by_month["2022-05"], "r3-0", RemedyStatus.DONE)
    follow(by_month["2025-03"], "r3-0", RemedyStatus.OPEN)  # done, then reopened
    follow(by_month["2025-05"], "r13-0", RemedyStatus.DONE)
    by_month["2026-05"].task_reviews.append(TaskReview("t1-0", FIRST, "…", status=TaskStatus.DONE))
    by_month["2025-01"].task_reviews.append(
        TaskReview("t13-0", FIRST, "…", status=TaskStatus.IN_PROGRESS)
    )
    return meetings


def test_the_year_documents_are_those_of_the_whole_history(factory, tmp_path) -> None:
    """The summary and the review, built from the year and what earlier years carried, are
    the documents built from every meeting (their XML compared)."""
    cell = factory.cell()
    path = tmp_path / "chibo.json"
    with Repository.open(path) as repo:
        repo.import_history(cell, long_history(factory, cell))
    today = date(2026, 12, 8)
    with Repository.open(path, read_only=True) as repo:
        full = repo.load_all()
        for year in (2022, 2024, 2025, 2026):
            held, earlier = repo.load_year(year), carried_before(repo, year)
            upto = [m for m in full if m.year <= year]
            if held:
                old = build_summary(cell, upto, year, today).element.xml
                assert build_summary(cell, held, year, today, earlier).element.xml == old
            if any(m.is_final for m in held):
                old = build_review(cell, upto, year, today).element.xml
                assert build_review(cell, held, year, today, earlier).element.xml == old
        tally = remedy_year(full, 2026)
        assert [t.remedy.id for t in tally.closed] == ["r0-0"]
        assert "r3-0" in {t.remedy.id for t in tally.still_open}


def test_the_export_command_follows_remedies_of_earlier_years(factory, tmp_path) -> None:
    """``chibo export summary`` and ``review`` (one code path with the app's keys) write
    what the whole history says."""
    cell = factory.cell()
    path = tmp_path / "chibo.json"
    with Repository.open(path) as repo:
        repo.import_history(cell, long_history(factory, cell))
        at = datetime(2026, 12, 8, 9)
        for kind, year in ((DocumentKind.SUMMARY, 2026), (DocumentKind.REVIEW, 2025)):
            written = export_document(repo, kind, tmp_path / "out", year=year, at=at)
            numbered = repo.load_cell()
            assert numbered is not None
            upto = [m for m in repo.load_all() if m.year <= year]
            if kind is DocumentKind.SUMMARY:
                expected = build_summary(numbered, upto, year, date.today())
            else:
                expected = build_review(numbered, upto, year, at.date())
            assert docx.Document(str(written.path)).element.xml == expected.element.xml
